import type { KpiView } from '../../domain/views'
import { analyze } from '../analyzer'
import { analyzeWithRemarks } from '../analyzer/analyze'
import { metricDefinition } from '../analyzer/metric-definitions'
import { evidenceForPrompt, trialEvidence } from '../analyzer/trial-evidence'
import { isManualSource } from '../analyzer/gates'
import type { ReviewContext, ReviewPromptInput, ReviewStage } from './stage-prompts'
import type { Core } from '../core'
import type { ProposalDraft } from '../../domain/proposal'
import { boardStatus } from '../lifecycle/board-status'

export interface ReviewSelection {
  boardId: number
  stage: ReviewStage
  kpiIds?: number[]
}

export interface ReviewInput {
  kpis: KpiView[]
  context: ReviewContext
  /** Context that could not be gathered, in English. */
  notes: string[]
}

const MAX_SAMPLE_ROWS = 50

/** The KPIs a review looks at: the chosen ones, else those at the stage; operating sees the whole live board. */
export function selectKpis(core: Core, { boardId, stage, kpiIds }: ReviewSelection): KpiView[] {
  const board = core.kpis.list(boardId)
  if (kpiIds) return board.filter((kpi) => kpiIds.includes(kpi.id))
  return stage === 'operating' ? board : board.filter((kpi) => kpi.stage === stage)
}

function connectedSources(core: Core, kpis: KpiView[]): string[] {
  const names = new Set(kpis.map((kpi) => kpi.dataSource.trim()).filter((name) => name && !isManualSource(name)))
  return [...names].filter((name) => core.sources.list().some((source) => source.name === name))
}

/** The board's launch plan (its date, owner, review cadence; never where notices are posted) and the launch-plan notes. */
function launchPlanText(core: Core, boardId: number): string | undefined {
  const plan = core.launchPlans.get(boardId)
  const structured = plan && `Launch date ${plan.launchDate}; owner ${plan.owner || 'not named'}; ${plan.cadence} reviews.`
  const text = [structured, notesOf(core, boardId, 'launch-plan')].filter(Boolean).join('\n\n')
  return text || undefined
}

function notesOf(core: Core, boardId: number, kind: 'dev-review' | 'launch-plan'): string | undefined {
  const bodies = core.notes
    .list(boardId)
    .filter((note) => note.kind === kind)
    .reverse()
    .map((note) => note.body)
  return bodies.length ? bodies.join('\n\n') : undefined
}

async function schemaNames(core: Core, kpis: KpiView[], notes: string[], signal?: AbortSignal): Promise<ReviewContext['schema']> {
  const schema: NonNullable<ReviewContext['schema']> = []
  for (const source of connectedSources(core, kpis)) {
    try {
      const tables = await core.sources.tables(source, signal)
      schema.push({
        source,
        tables: tables.map((table) => ({
          name: table.schema ? `${table.schema}.${table.name}` : table.name,
          columns: table.columns.map((column) => column.name)
        }))
      })
    } catch (error) {
      signal?.throwIfAborted()
      notes.push(`The tables of data source "${source}" could not be read: ${(error as Error).message}`)
    }
  }
  return schema
}

/** What a KPI's query returns for its last complete period, only from sources that allow raw rows. */
async function sampleRows(core: Core, kpis: KpiView[], notes: string[], signal?: AbortSignal): Promise<ReviewContext['rawRows']> {
  const allowed = new Set(
    core.sources
      .list()
      .filter((source) => source.allowRawRows)
      .map((source) => source.name)
  )
  const rows: NonNullable<ReviewContext['rawRows']> = []
  for (const kpi of kpis.filter((k) => allowed.has(k.dataSource) && k.formula.trim())) {
    try {
      const preview = await core.pull.preview(kpi.id, undefined, {}, signal)
      if (preview.valueError) throw new Error(preview.valueError.message)
      const found = preview.values.slice(-MAX_SAMPLE_ROWS).map((v) => ({ period_start: v.periodStart, period_end: v.periodEnd, value: v.value }))
      rows.push({ code: kpi.code, rows: found })
    } catch (error) {
      signal?.throwIfAborted()
      notes.push(`${kpi.code}: its query could not be run for sample rows: ${(error as Error).message}`)
    }
  }
  return rows
}

function seriesOf(core: Core, boardId: number, kpis: KpiView[]): ReviewContext['series'] {
  const measured = core.measurements.ofBoard(boardId)
  return kpis.flatMap((kpi) => {
    const points = (measured.get(kpi.id) ?? []).map((m) => ({ period: m.periodStart, value: m.value }))
    return points.length ? [{ code: kpi.code, points }] : []
  })
}

const hintKind = (draft: ProposalDraft): 'retire' | 'add' | 'retarget' | 'note' =>
  draft.kind !== 'patch' ? draft.kind : draft.patches.some((patch) => patch.field === 'target') ? 'retarget' : 'note'

async function operatingContext(core: Core, boardId: number, kpis: KpiView[], signal?: AbortSignal): Promise<Pick<ReviewContext, 'attainment' | 'hints'>> {
  const codes = new Set(kpis.map((kpi) => kpi.code))
  const attainment = boardStatus(core, boardId)
    .filter((status) => codes.has(status.code))
    .map((status) => ({
      code: status.code,
      period: status.periodStart ?? '',
      actual: status.value,
      target: kpis.find((kpi) => kpi.code === status.code)?.target?.text ?? '',
      attainment: status.attainment,
      ...(status.level === 'none' ? {} : { band: status.level })
    }))
  const drafts = await analyze({
    stage: 'operating',
    kpis: kpis.map((kpi) => ({ id: kpi.id, fields: kpi })),
    measurements: core.measurements.ofBoard(boardId),
    now: new Date(core.deps.now()),
    signal
  })
  const hints = drafts.map((draft) => ({ ...(draft.kind === 'add' ? {} : { code: draft.code }), kind: hintKind(draft), reason: draft.rationale }))
  return { attainment, hints }
}

/**
 * The analyzer's own review of the same KPIs, as evidence for the assistant: trial statistics of each series
 * (periods, median, attainment, trend, spread), the standard definition a draft KPI names, and every finding
 * the analyzer made or its reason for making none.
 */
async function analyzerEvidence(
  core: Core,
  boardId: number,
  stage: 'draft' | 'trial' | 'launched',
  kpis: KpiView[],
  signal?: AbortSignal
): Promise<ReviewContext['analyzerEvidence']> {
  const measured = core.measurements.ofBoard(boardId)
  const passages = stage === 'draft' ? core.passages.latest(boardId) : new Map<number, { text: string }>()
  const language = core.boards.language(boardId)
  const { proposals, remarks } = await analyzeWithRemarks({
    stage,
    kpis: kpis.map((kpi) => ({ id: kpi.id, fields: kpi, language, passage: passages.get(kpi.id)?.text })),
    measurements: measured,
    now: new Date(core.deps.now()),
    signal
  })
  return kpis.flatMap((kpi) => {
    const findings = [
      ...proposals
        .filter((draft) => draft.kind !== 'add' && draft.code === kpi.code)
        // Draft findings are the lint's headings (the KPI's own fields show the rest); later stages keep each
        // field's rationale, which carries the numbers and the method of a suggested target.
        .flatMap((draft) =>
          draft.kind === 'patch' && stage !== 'draft'
            ? draft.patches.filter((patch) => patch.field !== 'status').map((patch) => `${patch.field}: ${patch.rationale}`)
            : [draft.rationale]
        ),
      ...remarks.filter((remark) => remark.code === kpi.code).map((remark) => remark.text)
    ]
    let facts: Record<string, unknown> | undefined
    if (stage === 'draft') {
      const definition = metricDefinition(kpi.name, kpi.description)
      if (definition)
        facts = {
          standardDefinition: {
            metric: definition.label.en,
            formula: definition.formula.en,
            unit: definition.unit,
            direction: definition.direction,
            ...(definition.benchmark ? { benchmark: { value: definition.benchmark.value, source: definition.benchmark.source } } : {})
          }
        }
    } else {
      const evidence = trialEvidence(measured.get(kpi.id) ?? [], kpi.target?.parsed ?? null, kpi.direction)
      if (evidence) facts = evidenceForPrompt(evidence)
    }
    return facts || findings.length ? [{ code: kpi.code, ...(facts ? { facts } : {}), findings }] : []
  })
}

/**
 * Gathers what one stage review needs from the workspace and nothing more: KPIs always; dev-review
 * notes and schema names at feasibility; aggregated actuals at trial and launch; the latest cycle
 * and the analyzer's hints when operating; query rows only from sources that allow raw rows.
 */
export async function gatherReviewInput(core: Core, selection: ReviewSelection, known: { secrets: string[] }, signal?: AbortSignal): Promise<ReviewInput> {
  const { boardId, stage } = selection
  const kpis = selectKpis(core, selection)
  const notes: string[] = []
  const context: ReviewContext = { secrets: [...known.secrets, ...sourceSecrets(core)] }
  const description = core.boards.get(boardId).description.trim()
  if (stage === 'draft') {
    // Each KPI's own passage of the PRD it came from, rather than the board's one-line description.
    const passages = core.passages.latest(
      boardId,
      kpis.map((kpi) => kpi.id)
    )
    context.passages = kpis.flatMap((kpi) => {
      const found = passages.get(kpi.id)
      return found ? [{ code: kpi.code, document: found.fileName, passage: found.text }] : []
    })
    if (context.passages.length === 0 && description) context.prdExcerpt = description
  }
  if (stage === 'feasibility') {
    context.devNotes = notesOf(core, boardId, 'dev-review')
    context.schema = await schemaNames(core, kpis, notes, signal)
  }
  if (stage === 'trial' || stage === 'launched') context.series = seriesOf(core, boardId, kpis)
  if (stage === 'draft' || stage === 'trial' || stage === 'launched') context.analyzerEvidence = await analyzerEvidence(core, boardId, stage, kpis, signal)
  if (stage === 'launched') context.launchPlan = launchPlanText(core, boardId)
  if (stage === 'operating') Object.assign(context, await operatingContext(core, boardId, kpis, signal))
  if (stage !== 'draft') {
    const rawRows = await sampleRows(core, kpis, notes, signal)
    if (rawRows?.length) Object.assign(context, { rawRows, allowRawRows: true })
  }
  return { kpis, context, notes }
}

/** Passwords of connected sources: blanked wherever a user pasted one into a KPI field. */
function sourceSecrets(core: Core): string[] {
  return core.sources.list().flatMap((source) => core.secrets.get(`source:${source.name}`) ?? [])
}

/** The prompt input of one batch: its KPIs and only the per-KPI context that belongs to them. */
export function batchInput(template: string, input: ReviewInput, batch: KpiView[]): ReviewPromptInput {
  const codes = new Set(batch.map((kpi) => kpi.code))
  const mine = <T extends { code?: string }>(items: T[] | undefined) => items?.filter((item) => item.code === undefined || codes.has(item.code))
  const { series, attainment, hints, rawRows, passages, analyzerEvidence, ...shared } = input.context
  return {
    template,
    kpis: batch,
    context: {
      ...shared,
      series: mine(series),
      attainment: mine(attainment),
      hints: mine(hints),
      rawRows: mine(rawRows),
      passages: mine(passages),
      analyzerEvidence: mine(analyzerEvidence)
    }
  }
}

/** Splits a board into batches of `size` KPIs (one empty batch for an empty selection). */
export function batches<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]]
  const out: T[][] = []
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size))
  return out
}
