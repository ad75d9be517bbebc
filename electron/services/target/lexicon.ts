import type { Comparator, PeriodUnit } from '../domain/kpi'

// The vocabulary of target expressions. Keys are lower-case (Latin) or exact (Chinese).

/** Comparators written before the number. */
export const PREFIX_COMPARATORS = new Map<string, Comparator>([
  ['>=', '>='], ['<=', '<='], ['>', '>'], ['<', '<'], ['=', '='],
  ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='], ['最少', '>='], ['最低', '>='],
  ['不得低于', '>='], ['达到', '>='], ['达', '>='], ['支持', '>='],
  ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['不多于', '<='], ['最多', '<='], ['至多', '<='],
  ['最高', '<='], ['不得超过', '<='], ['控制在', '<='],
  ['低于', '<'], ['少于', '<'], ['小于', '<'], ['高于', '>'], ['大于', '>'], ['多于', '>'], ['超过', '>'],
  ['under', '<'], ['below', '<'], ['above', '>'], ['over', '>'], ['exceeds', '>'], ['exceed', '>'],
  ['within', '<='], ['max', '<='], ['maximum', '<='], ['minimum', '>='], ['reach', '>='], ['hit', '>='],
  ['achieve', '>='], ['support', '>='], ['supports', '>=']
])

/** Two-word English comparators ("at least", "no more than" is handled as three words). */
export const PHRASE_COMPARATORS: readonly (readonly [string[], Comparator])[] = [
  [['no', 'less', 'than'], '>='], [['not', 'less', 'than'], '>='], [['no', 'fewer', 'than'], '>='],
  [['no', 'more', 'than'], '<='], [['not', 'more', 'than'], '<='], [['no', 'higher', 'than'], '<='],
  [['no', 'lower', 'than'], '>='], [['at', 'least'], '>='], [['at', 'most'], '<='], [['up', 'to'], '<='],
  [['less', 'than'], '<'], [['fewer', 'than'], '<'], [['lower', 'than'], '<'], [['more', 'than'], '>'],
  [['greater', 'than'], '>'], [['higher', 'than'], '>']
]

/** Comparators written after the number ("4.5分以上", "5000 or more"). */
export const SUFFIX_COMPARATORS = new Map<string, Comparator>([
  ['以上', '>='], ['及以上', '>='], ['或以上', '>='], ['以下', '<='], ['及以下', '<='], ['或以下', '<='],
  ['以内', '<='], ['之内', '<='], ['内', '<=']
])
export const SUFFIX_PHRASES: readonly (readonly [string[], Comparator])[] = [
  [['or', 'more'], '>='], [['or', 'higher'], '>='], [['or', 'above'], '>='], [['and', 'above'], '>='],
  [['or', 'better'], '>='], [['or', 'less'], '<='], [['or', 'fewer'], '<='], [['or', 'lower'], '<='],
  [['or', 'below'], '<='], [['and', 'below'], '<='], [['at', 'least'], '>='], [['at', 'most'], '<='],
  [['max'], '<='], [['minimum'], '>='], [['maximum'], '<=']
]

/** Unit words → normalised unit. */
export const UNIT_WORDS = new Map<string, string>([
  ['%', '%'], ['percent', '%'], ['pct', '%'], ['‰', '‰'],
  ['ms', 'ms'], ['毫秒', 'ms'], ['millisecond', 'ms'], ['milliseconds', 'ms'],
  ['s', 's'], ['sec', 's'], ['secs', 's'], ['second', 's'], ['seconds', 's'], ['秒', 's'], ['秒钟', 's'],
  ['min', 'min'], ['mins', 'min'], ['minute', 'min'], ['minutes', 'min'], ['分钟', 'min'],
  ['h', 'h'], ['hr', 'h'], ['hrs', 'h'], ['hour', 'h'], ['hours', 'h'], ['小时', 'h'], ['个小时', 'h'],
  ['d', 'day'], ['day', 'day'], ['days', 'day'], ['天', 'day'], ['日', 'day'], ['个工作日', 'day'], ['工作日', 'day'],
  ['week', 'week'], ['weeks', 'week'], ['周', 'week'], ['个星期', 'week'], ['星期', 'week'],
  ['month', 'month'], ['months', 'month'], ['个月', 'month'], ['月', 'month'],
  ['quarter', 'quarter'], ['quarters', 'quarter'], ['季度', 'quarter'], ['个季度', 'quarter'],
  ['year', 'year'], ['years', 'year'], ['年', 'year'],
  ['$', '$'], ['usd', '$'], ['dollar', '$'], ['dollars', '$'], ['美元', '$'], ['美金', '$'],
  ['¥', '¥'], ['元', '¥'], ['rmb', '¥'], ['cny', '¥'], ['yuan', '¥'], ['人民币', '¥'], ['块', '¥'],
  ['€', '€'], ['eur', '€'], ['euro', '€'], ['euros', '€'], ['欧元', '€'],
  ['user', 'users'], ['users', 'users'], ['用户', 'users'], ['人', 'users'], ['位', 'users'], ['名', 'users'],
  ['mau', 'users'], ['dau', 'users'], ['wau', 'users'], ['people', 'users'], ['persons', 'users'],
  ['个', 'count'], ['次', 'count'], ['项', 'count'], ['件', 'count'], ['条', 'count'], ['times', 'count'],
  ['items', 'count'], ['count', 'count'],
  ['分', 'score'], ['points', 'score'], ['point', 'score'], ['pts', 'score'], ['score', 'score'],
  ['task', 'tasks'], ['tasks', 'tasks'], ['任务', 'tasks'], ['个任务', 'tasks'],
  ['call', 'calls'], ['calls', 'calls'], ['调用', 'calls'], ['request', 'requests'], ['requests', 'requests'],
  ['请求', 'requests']
])

/** Units that are currencies and may be written before the number. */
export const CURRENCIES = new Set(['$', '¥', '€'])

/** Words that qualify a unit without changing it ("1,000并发用户", "5000 active users"). */
export const UNIT_MODIFIERS = new Set([
  '并发', '活跃', '新增', '独立', '付费', '注册', 'concurrent', 'active', 'new', 'unique', 'paying', 'registered',
  'monthly', 'daily', 'weekly'
])

/** Period words usable in a window ("/月", "per month", "6个月内"). */
export const PERIOD_WORDS = new Map<string, PeriodUnit>([
  ['小时', 'hour'], ['个小时', 'hour'], ['hour', 'hour'], ['hours', 'hour'], ['hr', 'hour'], ['h', 'hour'],
  ['天', 'day'], ['日', 'day'], ['day', 'day'], ['days', 'day'], ['d', 'day'],
  ['周', 'week'], ['星期', 'week'], ['个星期', 'week'], ['week', 'week'], ['weeks', 'week'], ['wk', 'week'],
  ['月', 'month'], ['个月', 'month'], ['month', 'month'], ['months', 'month'], ['mo', 'month'],
  ['季度', 'quarter'], ['个季度', 'quarter'], ['quarter', 'quarter'], ['quarters', 'quarter'],
  ['年', 'year'], ['year', 'year'], ['years', 'year'], ['yr', 'year']
])
/** One-word rates written after the quantity ("1M calls monthly"). */
export const RATE_ADVERBS = new Map<string, PeriodUnit>([
  ['hourly', 'hour'], ['daily', 'day'], ['weekly', 'week'], ['monthly', 'month'], ['quarterly', 'quarter'],
  ['yearly', 'year'], ['annually', 'year'], ['月均', 'month'], ['日均', 'day'], ['周均', 'week']
])

/** Entities a rate can be "per" ("每用户", "/user"). */
export const ENTITY_WORDS = new Map<string, string>([
  ['用户', 'user'], ['人', 'user'], ['位用户', 'user'], ['user', 'user'], ['users', 'user'],
  ['person', 'user'], ['head', 'user'], ['customer', 'user'], ['客户', 'user']
])

/** Change verbs: +1 growth, -1 reduction. */
export const CHANGE_VERBS = new Map<string, 1 | -1>([
  ['增长', 1], ['增加', 1], ['提升', 1], ['提高', 1], ['上升', 1], ['上涨', 1], ['增幅', 1],
  ['下降', -1], ['降低', -1], ['减少', -1], ['减低', -1], ['缩短', -1], ['下跌', -1], ['降幅', -1],
  ['increase', 1], ['grow', 1], ['growth', 1], ['raise', 1], ['improve', 1], ['rise', 1],
  ['reduce', -1], ['decrease', -1], ['cut', -1], ['lower', -1], ['drop', -1], ['decline', -1], ['shrink', -1]
])
/** Nouns naming a change rate; they make the target a change without a sign of their own. */
export const CHANGE_NOUNS = new Set(['增长率', '增速', '增长速度', '环比增长率', 'rate'])

export const APPROXIMATE = new Set(['约', '大约', '左右', 'about', 'around', 'approximately', 'approx', 'roughly', '~'])
export const RANGE_JOINERS = new Set(['-', '~', 'to', '至', '到'])
export const TBD_WORDS = new Set(['tbd', 'tba', 'tbc', 'n/a', 'na', '待定', '待确定', '未定', '待补充', '-', '?', '？'])

/** Chinese vocabulary for segmenting CJK runs: every Chinese key above plus words that must stay whole. */
export const CJK_WORDS: ReadonlySet<string> = new Set(
  [
    ...PREFIX_COMPARATORS.keys(), ...SUFFIX_COMPARATORS.keys(), ...UNIT_WORDS.keys(), ...UNIT_MODIFIERS,
    ...PERIOD_WORDS.keys(), ...RATE_ADVERBS.keys(), ...ENTITY_WORDS.keys(), ...CHANGE_VERBS.keys(), ...CHANGE_NOUNS,
    ...APPROXIMATE, ...TBD_WORDS, '至', '到',
    '每', '每个', '上线', '上线后', '发布后', '半年', '半小时', '分位', '分位数', '级', '满分', '目标值', '目标', '的',
    '环比', '同比', '周环比', '月环比', '日环比', '超', '或', '且', '和', '并且', '以及', '或者', '红色', '黄色', '红',
    '黄', '预警', '告警', '百分位'
  ].filter((w) => /[\u3400-\u9fff]/.test(w))
)
export const CJK_MAX_WORD = Math.max(...[...CJK_WORDS].map((w) => w.length))

/** Chinese numerals usable before a counter word ("三个月内", "一年内"). */
export const CJK_NUMERALS = new Map<string, number>([
  ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9], ['十', 10]
])

/** Magnitude suffixes glued to a number. Lower-case "m" is absent on purpose: minutes or million? */
export const MAGNITUDES = new Map<string, number>([
  ['k', 1e3], ['K', 1e3], ['M', 1e6], ['B', 1e9], ['bn', 1e9],
  ['千', 1e3], ['万', 1e4], ['十万', 1e5], ['百万', 1e6], ['千万', 1e7], ['亿', 1e8]
])
