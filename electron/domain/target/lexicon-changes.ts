// Changes, number words, ranges, approximations and magnitudes of target expressions. Keys are lower-case (Latin)
// or exact (Chinese).

/** Change verbs: +1 growth, -1 reduction. */
export const CHANGE_VERBS = new Map<string, 1 | -1>([
  ['增长', 1],
  ['增加', 1],
  ['提升', 1],
  ['提高', 1],
  ['上升', 1],
  ['上涨', 1],
  ['增幅', 1],
  ['下降', -1],
  ['降低', -1],
  ['减少', -1],
  ['减低', -1],
  ['缩短', -1],
  ['下跌', -1],
  ['降幅', -1],
  ['下滑', -1],
  ['跌幅', -1],
  ['暴跌', -1],
  ['涨幅', 1],
  ['上扬', 1],
  ['激增', 1],
  ['暴涨', 1],
  ['increase', 1],
  ['grow', 1],
  ['growth', 1],
  ['raise', 1],
  ['improve', 1],
  ['rise', 1],
  ['reduce', -1],
  ['decrease', -1],
  ['cut', -1],
  ['lower', -1],
  ['drop', -1],
  ['decline', -1],
  ['shrink', -1],
  ['increases', 1],
  ['increased', 1],
  ['grows', 1],
  ['lift', 1],
  ['boost', 1],
  ['up', 1],
  ['reduces', -1],
  ['reduced', -1],
  ['decreases', -1],
  ['decreased', -1],
  ['down', -1],
  ['fall', -1],
  ['falls', -1],
  ['rises', 1],
  ['declines', -1],
  ['shrinks', -1],
  ['drops', -1]
])

/** Changes that carry their own size: "double" is +100%, "减半" −50%. */
export const IMPLIED_CHANGES = new Map<string, number>([
  ['double', 100],
  ['doubled', 100],
  ['doubling', 100],
  ['twice', 100],
  ['triple', 200],
  ['tripled', 200],
  ['halve', -50],
  ['halved', -50],
  ['halving', -50],
  ['翻倍', 100],
  ['翻一番', 100],
  ['翻两番', 300],
  ['减半', -50]
])

/** Number words read as numbers after a comparator ("at least four"); "zero" anywhere. */
export const NUMBER_WORDS = new Map<string, number>([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12]
])

/** Shares written as words ('at least half', 'a third'), in percent. */
export const SHARE_WORDS = new Map<string, number>([
  ['half', 50],
  ['quarter', 25],
  ['third', 33.33]
])

/** Words that open a baseline: "from 24% to 30%", "从 35% 提升到 45%". */
export const BASELINE_WORDS = new Set(['from', '从', '由'])
/** Nouns naming a change rate; they make the target a change without a sign of their own. */
export const CHANGE_NOUNS = new Set(['增长率', '增速', '增长速度', '环比增长率'])

export const APPROXIMATE = new Set(['约', '大约', '左右', 'about', 'around', 'approximately', 'approx', 'roughly', '~'])
export const RANGE_JOINERS = new Set(['-', '~', 'to', '至', '到'])
export const TBD_WORDS = new Set(['tbd', 'tba', 'tbc', 'n/a', 'na', '待定', '待确定', '未定', '待补充', '-', '?', '？'])

/** Chinese numerals usable before a counter word ("三个月内", "一年内"). */
export const CJK_NUMERALS = new Map<string, number>([
  ['零', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
  ['十', 10]
])

/** Magnitude suffixes glued to a number. Lower-case "m" is absent on purpose: minutes or million? */
export const MAGNITUDES = new Map<string, number>([
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['B', 1e9],
  ['bn', 1e9],
  ['千', 1e3],
  ['万', 1e4],
  ['十万', 1e5],
  ['百万', 1e6],
  ['千万', 1e7],
  ['亿', 1e8]
])
