import type { List } from 'mdast'
import { itemText, startLine } from './markdown-tree'
import { readStatement } from './read-statement'
import { MEASURE_NOUN } from './value-maps'

// Metrics an author names but chooses not to target ("observe only", 本期不设目标, a section "Reported for
// information only"): each is a KPI that needs a target, never one with an invented target.

/** Words that say a metric is watched, reported or tracked without a target. */
export const NO_TARGET =
  /\bno (?:targets?|goals?|gates?)(?: yet)?\b|\bnot targets?(?:ed)?\b|\bwithout (?:a )?targets?\b|不作为\s*(?:考核|KR|KPI|目标)|不纳入考核|\b(?:observe|watch|monitor) only\b|\bwatch ?list\b|\bjust (?:want to )?(?:see|watch|observe)\b|不设\s*(?:考核)?(?:目标|SLO|KPI)|暂不设目标|不考核|仅(?:做)?观察|只(?:做)?观察|观察项|观察即可|先(?:上线)?观察|观察指标|暂无目标|(?:只|仅)(?:做|作)?(?:监控|观测|看趋势)|跟踪项|先建基线|\bdo(?:es)? not commit\b|\bnot committed\b|\bbut (?:(?:do|does|will) not |don't |won't |not )(?:decide|commit|gate|target|set)|\bdirectional(?:ly)? only\b|\bfor information(?:al purposes)? only\b|\binformational only\b|\b(?:as|are) (?:a )?(?:watch|observation|health) metrics?\b/i

const SEPARATED = /^([^，,。:：—]{2,80}?)\s*(?:——|—|:|：|(?=(?:作为|列为|只作|仅作|只做|仅做|只看|仅看)))/u
const AFTER_COLON = /[:：]\s*([^:：]{4,200}?)[.。]?$/u
const WHOLE = /^([^:：。.!?！？]{2,160}?)[.。]?$/u

const plainName = (name: string) =>
  name.trim().split(/\s+/).length <= 8 && name.trim().length <= 60 && !/\d{3}|为|是|\b(?:is|are)\b/.test(name) && !NO_TARGET.test(name)

/**
 * The metrics a sentence lists as watched: "门店毛利率、客单价——本项目只观察、不考核", "These carry no target: p95 query
 * latency, dbt run duration". Under a heading that already says so ("Reported for information only"), the whole
 * sentence may be the list ("创作者满意度（季度问卷）、私信回复率。", "Dwell time and the share of users who tap
 * Help — directional only."). Null when the sentence lists none.
 */
export function watchedNames(text: string, underUntargetedHeading: boolean): string[] | null {
  const after = AFTER_COLON.exec(text)?.[1]?.split(/[、;；,，]\s*(?:and\s+)?|\s+and\s+/)
  // "只作观测，不设 SLO：该接口走读库，偶发延迟不影响资损": clauses after the colon give reasons, not metric names.
  const named = (name: string) => plainName(name) && (!/\p{Script=Han}/u.test(name) || (MEASURE_NOUN.test(name.trim()) && !/不|没/.test(name)))
  if (after && after.length >= 2 && after.every(named)) return after.map((name) => name.trim())
  const split = (names: string) => names.split(/[、,，]\s*|\s+and\s+/).map((name) => name.trim().replace(/^(?:the|a|an)\s+/i, ''))
  const listed = SEPARATED.exec(text)?.[1]
  if (listed) {
    const names = split(listed)
    if (names.length >= 2 && names.every((name) => name.length <= 20 && MEASURE_NOUN.test(name))) return names
    if (underUntargetedHeading && names.length >= 1 && names.every(plainName)) return names
  }
  const whole = underUntargetedHeading ? WHOLE.exec(text)?.[1] : undefined
  if (whole && /[、]|\s+and\s+/.test(whole)) {
    const names = split(whole)
    if (names.length >= 2 && names.every(plainName)) return names
  }
  return null
}

/**
 * "Non-goals: - Query concurrency — we report it monthly without a target": the items of a list kept out of the
 * goals that still name a metric the author will watch.
 */
export function watchedItems(list: List): { name: string; line: number; definition: string }[] {
  return list.children.flatMap((item) => {
    const text = itemText(item)
    const statement = NO_TARGET.test(text) ? readStatement(text) : null
    if (!statement?.name || statement.target || statement.name.length > 60 || statement.name.split(/\s+/).length > 9) return []
    return [{ name: statement.name, line: startLine(item), definition: statement.definition }]
  })
}
