import type { ErrorLocale } from '../error-text'

/**
 * Why a target was not read, or what part of its text was set aside: a code and the words it quotes, so every
 * screen says it in its own language. The English sentence is also kept with the target (`issue`) for the CLI,
 * exports and older workspaces.
 */
export type TargetIssueCode = keyof typeof EN

export interface TargetIssue {
  code: TargetIssueCode
  params?: Record<string, string>
}

const EN = {
  empty: 'The target is empty.',
  tbd: 'The target is not set yet (TBD).',
  'conflicting-comparators': 'Conflicting comparators ("{{written}}" after "{{previous}}").',
  'raises-and-lowers': 'The text both raises and lowers the value.',
  'ambiguous-numbers': 'More than one number ("{{head}}" and "{{rest}}"); it is unclear which is the target.',
  'same-direction-bounds': 'Two bounds in the same direction ("{{written}}"); keep one.',
  'contradicting-bounds': 'The bounds contradict each other ("{{written}}"): no value can satisfy both.',
  'two-periods': 'The text names two different periods; keep one.',
  'two-percentiles': 'Two different percentiles in one target.',
  'negative-window': 'A window cannot be negative ("{{text}}"); write how long, such as "within 30 days".',
  grade: 'The target is a grade ("{{grade}}"), not a number.',
  'no-number': 'The target has no number to measure against.',
  'different-units': '"{{main}}" and "{{other}}" are in different units ({{unit}}, {{otherUnit}}).',
  'between-needs-two': '"between" needs two bounds.',
  'range-inverted': 'The lower bound of the range exceeds the upper bound.',
  'malformed-number': '"{{number}}" is not a number as written (check its separators, decimal point and size).',
  'ambiguous-m': '"{{number}}m" is ambiguous (minutes or million?); write "min" or "M".',
  'two-currencies': 'Two currencies ("{{first}}" and "{{second}}") for one number.',
  aside: 'The aside "{{text}}" was set aside; a target holds one number.',
  compound: 'Compound condition: "{{head}}" was taken as the target and "{{rest}}" as part of the metric\'s definition.',
  'deadline-dropped': 'The deadline was not kept; a target holds one window.',
  'deadline-is-date': 'The deadline "{{text}}" is a date, not a duration, so no window was set.',
  baseline: '"{{baseline}}" is the baseline the value starts from, not part of the target.',
  approximate: 'The target is approximate; it was read as an exact value.'
}

const ZH_CN: Record<TargetIssueCode, string> = {
  empty: '目标为空。',
  tbd: '目标尚未确定（待定）。',
  'conflicting-comparators': '比较方式相互冲突（“{{previous}}”之后又写了“{{written}}”）。',
  'raises-and-lowers': '这段文字既要求提升又要求降低。',
  'ambiguous-numbers': '有不止一个数字（“{{head}}”和“{{rest}}”），无法确定哪个是目标。',
  'same-direction-bounds': '同一方向写了两个界限（“{{written}}”），请只保留一个。',
  'contradicting-bounds': '两个界限相互矛盾（“{{written}}”）：没有数值能同时满足。',
  'two-periods': '写了两个不同的周期，请只保留一个。',
  'two-percentiles': '一个目标里有两个不同的分位数。',
  'negative-window': '时间窗口不能为负（“{{text}}”），请写明时长，例如“30 天内”。',
  grade: '目标是一个等级（“{{grade}}”），不是数字。',
  'no-number': '目标里没有可以衡量的数字。',
  'different-units': '“{{main}}”和“{{other}}”的单位不同（{{unit}}、{{otherUnit}}）。',
  'between-needs-two': '“介于”需要上下两个界限。',
  'range-inverted': '区间的下限大于上限。',
  'malformed-number': '“{{number}}”不是可读的数字（请检查千分位、小数点和位数）。',
  'ambiguous-m': '“{{number}}m”有歧义（分钟还是百万？），请写“min”或“M”。',
  'two-currencies': '一个数字用了两种货币（“{{first}}”和“{{second}}”）。',
  aside: '括号内的“{{text}}”已略过：一个目标只含一个数字。',
  compound: '复合条件：“{{head}}”作为目标，“{{rest}}”作为指标定义的一部分。',
  'deadline-dropped': '期限未保留：一个目标只有一个时间窗口。',
  'deadline-is-date': '期限“{{text}}”是日期而不是时长，因此未设置时间窗口。',
  baseline: '“{{baseline}}”是起始的基线值，不属于目标。',
  approximate: '目标是近似值，已按精确值读取。'
}

export const TARGET_ISSUE_TEXT: Record<ErrorLocale, Record<TargetIssueCode, string>> = { en: EN, 'zh-CN': ZH_CN }

/** The English kept with the target (CLI, exports) says a little more than a screen does: the number's own fault, the dropped window. */
const STORED_EN: Record<TargetIssueCode, string> = {
  ...EN,
  'malformed-number': '{{reason}}',
  'deadline-dropped': 'The deadline (within {{amount}} × {{unit}}) was not kept; a target holds one window.'
}

/** The issues as one sentence (or several) in a language (`stored`: the English kept with the target), the quoted words filled in. */
export function issueText(issues: readonly TargetIssue[], locale: ErrorLocale | 'stored'): string {
  const table = locale === 'stored' ? STORED_EN : TARGET_ISSUE_TEXT[locale]
  return issues.map(({ code, params = {} }) => table[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '')).join(' ')
}
