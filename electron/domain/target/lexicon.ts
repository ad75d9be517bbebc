// The vocabulary of target expressions, one file per kind of word, and the Chinese word list that segments CJK runs.
import { PREFIX_COMPARATORS, SUFFIX_COMPARATORS } from './lexicon-comparators'
import { APPROXIMATE, BASELINE_WORDS, CHANGE_NOUNS, CHANGE_VERBS, IMPLIED_CHANGES, TBD_WORDS } from './lexicon-changes'
import { ENTITY_WORDS, PERIOD_WORDS, RATE_ADVERBS, UNIT_MODIFIERS, UNIT_WORDS } from './lexicon-quantities'

export * from './lexicon-comparators'
export * from './lexicon-quantities'
export * from './lexicon-changes'

/** Chinese vocabulary for segmenting CJK runs: every Chinese key of the lexicon plus words that must stay whole. */
export const CJK_WORDS: ReadonlySet<string> = new Set(
  [
    ...PREFIX_COMPARATORS.keys(),
    ...SUFFIX_COMPARATORS.keys(),
    ...UNIT_WORDS.keys(),
    ...UNIT_MODIFIERS,
    ...PERIOD_WORDS.keys(),
    ...RATE_ADVERBS.keys(),
    ...ENTITY_WORDS.keys(),
    ...CHANGE_VERBS.keys(),
    ...CHANGE_NOUNS,
    ...IMPLIED_CHANGES.keys(),
    ...BASELINE_WORDS,
    ...APPROXIMATE,
    ...TBD_WORDS,
    '至',
    '到',
    '每',
    '每个',
    '上线',
    '上线后',
    '发布后',
    '半年',
    '半小时',
    '分位',
    '分位数',
    '中位数',
    '级',
    '满分',
    '目标值',
    '目标',
    '的',
    '环比',
    '同比',
    '周环比',
    '月环比',
    '日环比',
    '超',
    '或',
    '且',
    '和',
    '并且',
    '以及',
    '或者',
    '红色',
    '黄色',
    '红',
    '黄',
    '预警',
    '告警',
    '百分位'
  ].filter((w) => /[\u3400-\u9fff]/.test(w))
)
