import { TARGET_ISSUE_TEXT } from '../../../electron/domain/target/issues'
import { actualsMessages } from '../features/actuals/i18n'
import { sourcesMessages } from '../features/sources/i18n'
import { backupMessages } from '../features/backup/i18n'
import { ERROR_TEXT } from '../../../electron/domain/error-text'
import { assistantI18n } from '../features/assistant/i18n'
import { importI18n } from '../features/import/i18n'
import { exportI18n } from '../features/export/i18n'
import { review } from '../features/review/i18n'
import { boardGridI18n } from '../features/kpis/i18n'
import { launchI18n } from '../features/launch/i18n'
import { editingI18n } from './editing'
import { healthI18n } from '../features/health/i18n'
import { auditI18n } from '../features/audit/i18n'
import { boardSettingsI18n } from '../features/boards/i18n'

const errors = ERROR_TEXT.en

export const en = {
  app: {
    title: 'KPI Loop',
    tagline: 'Versioned KPI workspace',
    language: 'Language',
    loading: 'Loading…',
    errorDetail: 'Details: {{message}}',
    cancel: 'Cancel',
    save: 'Save',
    ok: 'OK',
    close: 'Close',
    dismiss: 'Dismiss',
    none: '—',
    add: 'Add',
    remove: 'Remove'
  },
  boards: {
    title: 'Boards',
    create: 'New board',
    rename: 'Rename',
    delete: 'Delete',
    confirmDelete: 'Delete board “{{name}}” with all its KPIs and versions?',
    name: 'Board name',
    description: 'Description',
    empty: 'No board yet. Create one to start.',
    kpiCount: '{{count}} KPIs',
    noVersion: 'no version yet',
    pick: 'Pick a board on the left, or create one.',
    created: 'Board created',
    deleted: 'Board deleted'
  },
  stage: { draft: 'Draft', feasibility: 'Feasibility', trial: 'Trial', launched: 'Launched', operating: 'Operating', retired: 'Retired' },
  status: { proposed: 'Proposed', adjusting: 'Adjusting', adopted: 'Adopted', stable: 'Stable', 'at-risk': 'At risk', retired: 'Retired' },
  direction: { higher: 'Higher is better', lower: 'Lower is better', range: 'Within range' },
  frequency: { realtime: 'Real-time', hourly: 'Hourly', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' },
  field: {
    code: 'Code',
    name: 'Name',
    description: 'Description',
    category: 'Category',
    formula: 'Formula',
    dataSource: 'Data source',
    sourceNote: 'Source note',
    mapping: 'Result mapping',
    target: 'Target',
    unit: 'Unit',
    direction: 'Direction',
    frequency: 'Frequency',
    targetPeriod: 'Target period',
    aggregation: 'Aggregation',
    owner: 'Owner',
    alertThresholds: 'Alert thresholds',
    benchmarks: 'Benchmarks',
    milestones: 'Milestones',
    stage: 'Stage',
    status: 'Status',
    tags: 'Tags',
    notes: 'Notes',
    updated: 'Updated',
    limit: 'Page size'
  },
  toolbar: {
    filter: 'Filter code, name, owner…',
    allStages: 'All stages',
    allOwners: 'All owners',
    allCategories: 'All categories',
    groupBy: 'Group by',
    groupNone: 'No grouping',
    addKpi: 'Add KPI',
    cutVersion: 'Cut version',
    versions: 'Versions',
    audit: 'Audit log',
    showing: '{{shown}} of {{total}} KPIs',
    showingSoFar: '{{shown}} of the {{loaded}} KPIs loaded so far',
    streaming: 'Loading {{loaded}} of {{total}} KPIs…',
    streamFailed: 'Loading stopped at {{loaded}} of {{total}} KPIs: {{error}}',
    streamRetry: 'Retry',
    selected: '{{count}} selected',
    clearSelection: 'Clear selection',
    retired: 'Show retired'
  },
  table: {
    empty: 'No KPI matches.',
    loadingBoard: 'Loading the board’s KPIs…',
    emptyBoard: 'This board has no KPI yet. Add the first one.',
    unparsed: 'Not understood',
    noValue: '(empty)',
    group: '{{label}} ({{count}})',
    editHint: 'Arrow keys move, Enter or typing edits, Enter saves, Esc cancels',
    saved: 'Saved',
    open: 'Open details',
    selectAll: 'Select every KPI shown',
    wholeBoard: 'This view counts the whole board: it appears once all {{total}} KPIs have loaded.',
    wholeBoardFailed: 'This view counts the whole board, but loading it stopped at {{loaded}} of {{total}} KPIs. Retry to load the rest.'
  },
  target: {
    preview: 'Parsed as',
    unparsed: 'Not understood: {{issue}}',
    unparsedShort: 'Target not understood',
    keepTitle: 'The target was not understood',
    keepBody: '“{{text}}” could not be read as a number to measure against ({{issue}}). Keep it as text, flagged, or rephrase it (e.g. “≥ 60%”)?',
    keep: 'Keep as flagged text',
    rephrase: 'Rephrase',
    inferred: '{{comparator}} inferred from the metric: the target gave only a level',
    percentile: 'P{{value}}',
    per: 'per {{unit}}',
    within: 'within {{amount}} {{unit}}',
    change: 'change rate',
    comparator: 'Comparator',
    value: 'Value',
    window: 'Window',
    period: { hour: 'hour', day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    periods: { hour: 'hours', day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' }
  },
  addKpi: {
    title: 'Add KPI',
    targetExample: '≥ 60% · P95 ≤ 500ms · 1,000 MAU within 6 months',
    added: 'KPI {{code}} added'
  },
  drawer: {
    title: '{{code}} · {{name}}',
    fields: 'Fields',
    history: 'History',
    reason: 'Reason for this change',
    reasonPlaceholder: 'Why is this changing? (kept in history)',
    rebaseline: 'Re-baseline (target change after launch)',
    saved: 'Saved as revision {{number}}',
    noChange: 'Nothing changed',
    retire: 'Retire',
    reinstate: 'Reinstate',
    retired: 'Retired',
    confirmRetire: 'Retire {{code}}? It stays in history and leaves the active board.',
    redRatio: 'Red below (% attainment)',
    yellowRatio: 'Yellow below (% attainment)',
    redBelow: 'red below {{pct}} attainment',
    yellowBelow: 'yellow below {{pct}}',
    thresholdText: 'As written',
    benchmarkLabel: 'Reference',
    benchmarkValue: 'Value',
    benchmarkSource: 'Source',
    milestoneLabel: 'When',
    milestoneTarget: 'Target',
    milestoneDue: 'Due (YYYY-MM-DD)',
    addBenchmark: 'Add benchmark',
    addMilestone: 'Add milestone',
    tagsPlaceholder: 'Type a tag and press Enter',
    sourceNoteHelp: 'Where the data comes from, as the PRD says it; the formula runs on the data source above.',
    revision: 'Revision {{number}}'
  },
  history: {
    compare: 'Compare selected',
    selectTwo: 'Select two revisions to compare',
    restore: 'Restore this revision',
    confirmRestore: 'Restore revision {{number}}? This creates a new revision with its fields.',
    restored: 'Restored as revision {{number}}',
    diffTitle: 'Revision {{from}} → {{to}}',
    noChanges: 'No field differs.',
    by: 'by {{author}}',
    noReason: 'no reason given',
    kind: {
      create: 'Created',
      edit: 'Edit',
      stage: 'Stage change',
      rebaseline: 'Re-baseline',
      meaning: 'Meaning change',
      restore: 'Restore',
      retire: 'Retired'
    },
    source: { human: 'Manual', import: 'Import', assistant: 'Assistant', analyzer: 'Analyzer', rollback: 'Rollback', system: 'System' }
  },
  versions: {
    title: 'Versions',
    empty: 'No version yet. Cut one to pin the board as it is now.',
    cut: 'Cut version',
    label: 'Label',
    note: 'Note',
    cutDone: 'Version {{label}} cut',
    kpis: '{{count}} KPIs',
    from: 'From',
    to: 'To',
    current: 'Current board',
    compare: 'Compare',
    restore: 'Restore board to this version',
    confirmRestore: 'Restore the whole board to {{label}}? Every differing KPI gets a new revision.',
    restoreReason: 'Reason',
    restored: 'Restored: {{restored}} KPIs changed, {{retired}} retired, {{unchanged}} unchanged',
    diffTitle: '{{from}} → {{to}}',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    unchanged: '{{count}} KPIs unchanged',
    noDiff: 'The two are identical.'
  },
  audit: {
    title: 'Audit log',
    at: 'When',
    actor: 'Who',
    action: 'Action',
    summary: 'Summary',
    empty: 'Nothing recorded yet.'
  },
  validation: {
    required: 'Required'
  },
  ...assistantI18n.en,
  ...importI18n.en,
  ...exportI18n.en,
  ...actualsMessages.en,
  ...sourcesMessages.en,
  ...backupMessages.en,
  ...healthI18n.en,
  errors,
  targetIssues: TARGET_ISSUE_TEXT.en,
  ...review.en,
  ...boardGridI18n.en,
  ...launchI18n.en,
  ...editingI18n.en,
  ...auditI18n.en,
  ...boardSettingsI18n.en
}

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
export type Messages = DeepStrings<typeof en>
