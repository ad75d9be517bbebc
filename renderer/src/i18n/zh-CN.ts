import { TARGET_ISSUE_TEXT } from '../../../electron/domain/target/issues'
import { assistantI18n } from '../features/assistant/i18n'
import { review } from '../features/review/i18n'
import { boardGridI18n } from '../features/kpis/i18n'
import { launchI18n } from '../features/launch/i18n'
import { editingI18n } from './editing'
import { boardSettingsI18n } from '../features/boards/i18n'
import { healthI18n } from '../features/health/i18n'
import { actualsMessages } from '../features/actuals/i18n'
import { sourcesMessages } from '../features/sources/i18n'
import { backupMessages } from '../features/backup/i18n'
import type { Messages } from './en'
import { auditI18n } from '../features/audit/i18n'
import { ERROR_TEXT } from '../../../electron/domain/error-text'
import { importI18n } from '../features/import/i18n'
import { exportI18n } from '../features/export/i18n'

export const zhCN: Messages = {
  app: {
    title: 'KPI Loop',
    tagline: '带版本的 KPI 工作区',
    language: '语言',
    loading: '加载中…',
    errorDetail: '详情：{{message}}',
    cancel: '取消',
    save: '保存',
    ok: '确定',
    close: '关闭',
    dismiss: '关闭提示',
    none: '—',
    add: '添加',
    remove: '删除'
  },
  boards: {
    title: '看板',
    create: '新建看板',
    rename: '重命名',
    delete: '删除',
    confirmDelete: '删除看板“{{name}}”及其全部 KPI 和版本？',
    name: '看板名称',
    description: '说明',
    empty: '还没有看板，先新建一个。',
    kpiCount: '{{count}} 个 KPI',
    noVersion: '尚无版本',
    pick: '在左侧选择一个看板，或新建一个。',
    created: '看板已创建',
    deleted: '看板已删除'
  },
  stage: { draft: '初稿', feasibility: '可行性', trial: '试运行', launched: '已上线', operating: '持续运营', retired: '已下线' },
  status: { proposed: '提议', adjusting: '调整中', adopted: '已采纳', stable: '稳定', 'at-risk': '有风险', retired: '已下线' },
  direction: { higher: '越高越好', lower: '越低越好', range: '区间内' },
  frequency: { realtime: '实时', hourly: '每小时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度' },
  field: {
    code: '编号',
    name: '名称',
    description: '描述',
    category: '分类',
    formula: '计算公式',
    dataSource: '数据来源',
    sourceNote: '来源说明',
    mapping: '结果映射',
    target: '目标值',
    unit: '单位',
    direction: '方向',
    frequency: '频率',
    targetPeriod: '目标周期',
    aggregation: '汇总方式',
    owner: '负责人',
    alertThresholds: '预警阈值',
    benchmarks: '行业基准',
    milestones: '里程碑',
    stage: '阶段',
    status: '状态',
    tags: '标签',
    notes: '备注',
    updated: '更新时间'
  },
  toolbar: {
    filter: '筛选编号、名称、负责人…',
    allStages: '全部阶段',
    allOwners: '全部负责人',
    allCategories: '全部分类',
    groupBy: '分组',
    groupNone: '不分组',
    addKpi: '新增 KPI',
    cutVersion: '发布版本',
    versions: '版本',
    audit: '审计日志',
    showing: '显示 {{shown}} / {{total}} 个 KPI',
    selected: '已选 {{count}} 个',
    clearSelection: '取消选择',
    retired: '显示已下线'
  },
  table: {
    empty: '没有匹配的 KPI。',
    loadingBoard: '正在加载看板的 KPI…',
    emptyBoard: '此看板还没有 KPI，添加第一个吧。',
    unparsed: '无法解析',
    noValue: '（空）',
    group: '{{label}}（{{count}}）',
    editHint: '方向键移动，回车或直接输入开始编辑，回车保存，Esc 取消',
    saved: '已保存',
    open: '查看详情',
    selectAll: '选择筛选显示的全部 KPI'
  },
  target: {
    preview: '解析为',
    unparsed: '无法解析：{{issue}}',
    unparsedShort: '目标值无法解析',
    keepTitle: '目标值无法解析',
    keepBody: '“{{text}}”无法读成可衡量的数值（{{issue}}）。保留为文字并标记，还是重新填写（例如“≥ 60%”）？',
    keep: '保留为标记文字',
    rephrase: '重新填写',
    inferred: '目标只给出了数值，{{comparator}} 由指标含义推断',
    percentile: 'P{{value}}',
    per: '每{{unit}}',
    within: '{{amount}}{{unit}}内',
    change: '变化率',
    comparator: '比较符',
    value: '数值',
    window: '周期',
    period: { hour: '小时', day: '天', week: '周', month: '月', quarter: '季度', year: '年' },
    periods: { hour: '小时', day: '天', week: '周', month: '个月', quarter: '个季度', year: '年' }
  },
  addKpi: {
    targetExample: '≥ 60% · P95 ≤ 500ms · 6个月内达到1,000 MAU',
    title: '新增 KPI',
    added: '已添加 KPI {{code}}'
  },
  drawer: {
    title: '{{code}} · {{name}}',
    fields: '字段',
    history: '历史',
    reason: '修改原因',
    reasonPlaceholder: '为什么修改？（会记入历史）',
    rebaseline: '重新定基（上线后修改目标值）',
    saved: '已保存为修订 {{number}}',
    noChange: '没有改动',
    retire: '下线',
    reinstate: '恢复上线',
    retired: '已下线',
    confirmRetire: '下线 {{code}}？它会保留在历史中，但不再出现在活动看板上。',
    redRatio: '红色预警（达成率低于）',
    yellowRatio: '黄色预警（达成率低于）',
    redBelow: '达成率低于 {{pct}} 为红色',
    yellowBelow: '低于 {{pct}} 为黄色',
    thresholdText: '原文',
    benchmarkLabel: '参照',
    benchmarkValue: '数值',
    benchmarkSource: '来源',
    milestoneLabel: '时间',
    milestoneTarget: '目标',
    milestoneDue: '截止日期（YYYY-MM-DD）',
    addBenchmark: '添加基准',
    addMilestone: '添加里程碑',
    tagsPlaceholder: '输入标签后回车',
    sourceNoteHelp: 'PRD 中对数据来源的描述；公式在上面的数据源上运行。',
    revision: '修订 {{number}}'
  },
  history: {
    compare: '对比所选',
    selectTwo: '选择两个修订进行对比',
    restore: '恢复到此修订',
    confirmRestore: '恢复到修订 {{number}}？将以其字段创建一个新修订。',
    restored: '已恢复，生成修订 {{number}}',
    diffTitle: '修订 {{from}} → {{to}}',
    noChanges: '没有字段不同。',
    by: '由 {{author}}',
    noReason: '未填写原因',
    kind: { create: '创建', edit: '编辑', stage: '阶段变更', rebaseline: '重新定基', meaning: '含义变更', restore: '恢复', retire: '下线' },
    source: { human: '手动', import: '导入', assistant: '助手', analyzer: '分析器', rollback: '回滚', system: '系统' }
  },
  versions: {
    title: '版本',
    empty: '还没有版本。发布一个版本以固定看板当前状态。',
    cut: '发布版本',
    label: '版本号',
    note: '说明',
    cutDone: '已发布版本 {{label}}',
    kpis: '{{count}} 个 KPI',
    from: '从',
    to: '到',
    current: '当前看板',
    compare: '对比',
    restore: '将看板恢复到此版本',
    confirmRestore: '将整个看板恢复到 {{label}}？每个有差异的 KPI 都会生成新修订。',
    restoreReason: '原因',
    restored: '已恢复：{{restored}} 个 KPI 变更，{{retired}} 个下线，{{unchanged}} 个未变',
    diffTitle: '{{from}} → {{to}}',
    added: '新增',
    removed: '移除',
    changed: '变更',
    unchanged: '{{count}} 个 KPI 未变',
    noDiff: '两者完全相同。'
  },
  audit: {
    title: '审计日志',
    at: '时间',
    actor: '操作人',
    action: '操作',
    summary: '摘要',
    empty: '暂无记录。'
  },
  validation: {
    required: '必填'
  },
  ...assistantI18n.zhCN,
  ...importI18n.zhCN,
  ...exportI18n.zhCN,
  ...actualsMessages.zhCN,
  ...sourcesMessages.zhCN,
  ...backupMessages.zhCN,
  ...healthI18n.zhCN,
  errors: ERROR_TEXT['zh-CN'],
  targetIssues: TARGET_ISSUE_TEXT['zh-CN'],
  ...review.zhCN,
  ...boardGridI18n.zhCN,
  ...launchI18n.zhCN,
  ...editingI18n.zhCN,
  ...auditI18n.zhCN,
  ...boardSettingsI18n.zhCN
}
