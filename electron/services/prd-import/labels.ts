// Field labels as PRD authors write them (Chinese and English), compared after normalizeLabel().

export type FieldKind =
  | 'code'
  | 'name'
  | 'description'
  | 'category'
  | 'formula'
  | 'dataSource'
  | 'target'
  | 'current'
  | 'unit'
  | 'frequency'
  | 'owner'
  | 'alert'
  | 'benchmarks'
  | 'breakdown'
  | 'stage'
  | 'status'

const EXACT: Record<FieldKind, string[]> = {
  code: ['kpi编号', '编号', '指标编号', 'kpi代码', 'id', 'kpiid', 'code', 'kpicode', '#'],
  name: [
    '指标',
    '指标名称',
    '指标名',
    '指标项',
    '考核项',
    '考核指标',
    '名称',
    'kpi名称',
    'kpi',
    'metric',
    'metrics',
    'metricname',
    'kpiname',
    'name',
    'indicator',
    'measure',
    'kr',
    'sli',
    'slis',
    'keyresult',
    'keyresults',
    '关键结果',
    'guardrail',
    'guardrails',
    'guardrailmetric',
    '护栏指标',
    '护栏'
  ],
  description: [
    '衡量定义',
    '定义',
    '指标定义',
    '指标口径',
    '口径说明',
    '描述',
    '指标描述',
    '说明',
    '衡量标准',
    '口径',
    '统计口径',
    '衡量方式',
    'definition',
    'description',
    'measurement',
    'howmeasured',
    'meaning'
  ],
  category: ['分类', '类别', '维度', '层级', '指标类别', 'category', 'layer', 'dimension'],
  formula: ['计算公式', '公式', '计算方式', '计算方法', '计算逻辑', '计算sql', 'formula', 'calculation', 'sql', 'query'],
  dataSource: ['数据源', '数据来源', '来源', '数据系统', 'datasource', 'source', 'sources', 'datasources', 'measuredby'],
  target: [
    '目标',
    '目标值',
    '目标区间',
    '目标值/区间',
    '期望值',
    '期望',
    '承诺值',
    '成功标准',
    '达标线',
    '达标值',
    'target',
    'targets',
    'goal',
    'goals',
    'targetvalue',
    'slo',
    'objective',
    'successcriteria',
    'successlookslike',
    'definitionofsuccess',
    'expected'
  ],
  current: [
    '当前值',
    '现值',
    '实际值',
    '实际',
    '当前',
    '现状',
    '基线',
    '基线值',
    '本周',
    '本月',
    '当月',
    '去年同期',
    '同期',
    '上期',
    'lastyear',
    'previous',
    'prior',
    'current',
    'currentvalue',
    'actual',
    'actuals',
    'baseline',
    'thisweek',
    'thismonth',
    'today'
  ],
  unit: ['单位', 'unit', 'units'],
  frequency: [
    '监控频率',
    '采集频率',
    '统计频率',
    '更新频率',
    '频率',
    '采集周期',
    '统计周期',
    '监控周期',
    'frequency',
    'cadence',
    'monitoringfrequency',
    'reviewfrequency',
    'collectionfrequency'
  ],
  owner: ['负责人', '责任人', '指标负责人', 'owner', 'owners', 'responsible', 'dri', 'accountable'],
  alert: [
    '预警阈值',
    '告警阈值',
    '预警',
    '告警',
    '预警规则',
    '告警规则',
    '报警阈值',
    'alert',
    'alerts',
    'alerting',
    'alertthreshold',
    'alertthresholds',
    'alertrules',
    'alertrule',
    '阈值',
    'threshold',
    'thresholds'
  ],
  benchmarks: ['基准值', '行业基准', '基准', '参考值', '行业参考', '行业参考值', 'benchmark', 'benchmarks', 'industrybenchmark', 'industrybenchmarks'],
  breakdown: [
    '目标分解',
    '目标轨迹',
    '目标设定',
    '阶段目标',
    '里程碑',
    '分阶段目标',
    'milestones',
    'milestone',
    'targetbreakdown',
    'targettrajectory',
    'phasedtargets',
    'trajectory'
  ],
  stage: ['阶段', '生命周期', '生命周期阶段', 'stage', 'phase', 'lifecycle'],
  status: ['状态', 'status', 'state']
}

// Longer labels that end like a known one ("用户画像基准", "吞吐量目标") keep its meaning.
const SUFFIXES: [string, FieldKind][] = [
  ['基准', 'benchmarks'],
  ['benchmarks', 'benchmarks'],
  ['目标分解', 'breakdown'],
  ['目标轨迹', 'breakdown'],
  ['目标', 'breakdown'],
  ['规划', 'breakdown'],
  ['负责人', 'owner'],
  ['预警阈值', 'alert'],
  ['告警阈值', 'alert']
]

const LOOKUP = new Map<string, FieldKind>()
for (const [kind, labels] of Object.entries(EXACT) as [FieldKind, string[]][]) {
  for (const label of labels) LOOKUP.set(label, kind)
}

export function normalizeLabel(label: string): string {
  return label
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .replace(/[*_`]/g, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, '')
    .toLowerCase()
}

function oneColumnKind(header: string): FieldKind | null {
  const kind = labelKind(header)
  if (kind) return kind
  const key = normalizeLabel(header)
  if (key.length > 14) return null
  if (/(?:目标值?|承诺值?|targets?|goals?|commitments?)$/.test(key)) return 'target'
  // "当前 S2 (1.8.3)", "Baseline FY25": a current-value word leading a short header names what it qualifies.
  return /^(?:now|现在|目前)$|(?:actuals?|current|baseline|现状|当前|实际|基线)$|^(?:当前|现状|基线|current|baseline)/.test(key) ? 'current' : null
}

/**
 * A table header such as "活动目标" or "Q4 target" is a target column. A bilingual header ("Target 目标",
 * "指标 Metric") is read in each language; it has a kind when its parts that name one agree.
 */
export function columnKind(header: string): FieldKind | null {
  const whole = oneColumnKind(header)
  if (whole) return whole
  const parts = header.replace(/[(（][^)）]*[)）]/g, ' ').match(/[\p{Script=Han}]+|[A-Za-z][A-Za-z\s/-]*[A-Za-z]/gu) ?? []
  if (parts.length < 2) return null
  const kinds = new Set(parts.map(oneColumnKind).filter((kind): kind is FieldKind => kind !== null))
  return kinds.size === 1 ? [...kinds][0]! : null
}

/** The field a label names; `loose` also accepts suffix matches (for labels inside a KPI block). */
export function labelKind(label: string, loose = false): FieldKind | null {
  const key = normalizeLabel(label)
  const exact = LOOKUP.get(key)
  if (exact) return exact
  if (!loose || key.length > 16) return null
  for (const [suffix, kind] of SUFFIXES) if (key.endsWith(suffix)) return kind
  return null
}
