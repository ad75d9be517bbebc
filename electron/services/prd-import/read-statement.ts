import { labelKind } from './labels'
import { baselineIn, bestSpan, targetSpans, type TargetSpan } from './target-span'
import { isTimeLabel, isVague, MEASURE_NOUN } from './value-maps'

/** One line of a PRD read as a metric: "G1: Invite rate — at least 40% of …", "付费转化率提升 20%". */
export interface Statement {
  code: string | null
  name: string
  /** The target as written (the chosen words of the sentence), '' when none. */
  target: string
  /** Time-phased values ("1000+（第一年）", "40 (Q2 2026)"), in order. */
  milestones: { label: string; target: string }[]
  /** Several percentiles of one metric ("p50 < 1 s, p95 < 3 s"): one KPI each. */
  percentiles: { percentile: string; target: string }[]
  /** The rest of the sentence: conditions and definitions that are not the target. */
  definition: string
  /** "from 24% to 30%": where the value starts. */
  baseline: string | null
  /** The target was written with a comparator, a change or from-to (not a bare number). */
  worded: boolean
  /** A key result written as an action with a count ("Run 4 university events", "下架 20% 的…"): at least that many. */
  atLeast?: boolean
}

export type LeadId = { kind: 'objective' | 'kr' | 'code' | 'requirement'; id: string; rest: string }

const REQUIREMENT = /^(?:REQ|FR|NFR|US|UC|TC|AC|QA|BUG|TASK|STORY|EPIC|ISSUE|CR|SR|MOB|JIRA|SEC|TEST|CASE)$/i
const ID =
  /^(?:(objective|key result|kr|o)\s*(\d+(?:\.\d+)*)|([A-Za-z][A-Za-z]{0,7})[-_]?(\d+(?:[.-]\d+)*))(?=[\s:：.、)）—–-]|$)\s*(?:[:：.、)）]|[—–-](?=\s))?\s*/i
const NOT_ID = /^(?:p|tp)\d{2}|^(?:q[1-4]|h[12]|fy\d*|v\d|top\d*|day\d*|week\d*|month\d*|year\d*|sev\d|p[0-4])$/i
const SEPARATOR = /\s[—–]{1,2}\s|——|\s-\s|\s?[|｜]\s?|[:：]|\s(?:\.{3}|…)\s/g
const LEAD_WORDS =
  /^(?:sli\s*[—–:-]\s*|(?:we|i)\s+(?:also\s+|still\s+|then\s+)?(?:expect|want|aim|plan|will|need)\s+(?:to\s+)?|our\s+|the\s+|a\s+|an\s+|(?:raise|increase|grow|lift|boost|cut|reduce|lower|decrease|keep|hold|maintain|get|bring|drive|improve|achieve|reach|run|ship|double|triple|halve|make|deliver|ensure|track|measure|watch|monitor)\s+(?:the\s+|our\s+)?|将|把|使|让|保持|维持|确保|实现|完成|推动)/i
const TRAIL_WORDS =
  /(?:\s+(?:should|must|shall|will|needs? to|has to|have to|is expected to|are expected to)(?:\s+not)?(?:\s+(?:be|stay|remain|fall|drop|go|come|get|rise|grow|arrive|land|sit|keep|reach|hit|move|shrink|improve|decline))?|\s+(?:of|to|at|by|from|for|is|are|was|be|being|should(?: be)?|must(?: be)?|will(?: be)?|shall(?: be)?|stays?|stay at|remains?|holds?|go|goes|move|moves|needs? to(?: be)?|has to|have to|can|may|on|in|with|reach(?:es)?|hits?|keeps?|at or|be at|rises|grows|climbs|improves|increases|decreases|declines|goes (?:up|down)|lands|sits|settles)|达到|应当?|需要?|要|应该|必须|保持在|维持在|控制在|在|为|是|的|达|要求|力争|争取|同比|环比|较上[年季月周]度?|\s+(?:year[- ]over[- ]year|yoy|mom|qoq))\s*$/i
// Words that open a line without naming a metric: the sentence after them does ("决议：首单转化率目标定为 8%").
// "Watch: memory warnings per session": a verb that says what is done with the metric named after it.
const GENERIC_LEAD =
  /^(?:决议|结论|决定|共识|备注|说明|注|观察|跟踪|监控|decision|resolution|agreed|conclusion|note|update|watch|observe|track|monitor)\s*\d*$/i
const MODAL = /需要|必须|支持|兼容|应当|是指|指的是|定义为|\b(?:must|should|shall|will|can|supports?|allows?|means|refers to|defined as)\b/i
const NOT_A_NAME =
  /^(?:email|e-mail|邮箱|电话|手机|phone|tel|微信|wechat|地址|address|网址|url|website|版本|version|日期|date|作者|author|价格|price|套餐|plan|说明|备注|note|notes|状态|status|why|rationale|原因|为什么|背景|context)$/i

/** An ID that opens a line: an objective, a key result, a KPI code or a requirement. */
export function leadId(text: string): LeadId | null {
  // "**KR** — Tier-1 tables covered: 0 → 120": a key result marked without its number.
  const bare = /^(?:kr|key result|关键结果)\s*(?:[:：]|[—–-](?=\s)|——)\s*/i.exec(text)
  if (bare) return { kind: 'kr', id: 'KR', rest: text.slice(bare[0].length) }
  const match = ID.exec(text)
  if (!match) return null
  const okr = match[1]?.toLowerCase()
  if (okr)
    return {
      kind: okr === 'o' || okr === 'objective' ? 'objective' : 'kr',
      id: `${okr === 'objective' ? 'O' : okr === 'key result' ? 'KR' : okr.toUpperCase()}${match[2]}`,
      rest: text.slice(match[0].length)
    }
  const prefix = match[3]!
  const id = `${prefix}${text.slice(match.index + prefix.length).match(/^[-_]/) ? '-' : ''}${match[4]}`
  if (NOT_ID.test(`${prefix}${match[4]}`) || NOT_ID.test(prefix)) return null
  // A bare word followed by a number ("Android 8", "Month 3") is not an ID unless a separator follows.
  if (!/[-_]/.test(text.slice(prefix.length, prefix.length + 1)) && !/[:：.、)）—–]\s*$/.test(match[0].trim()) && !/^[A-Z]{1,6}\d/.test(text)) return null
  return { kind: REQUIREMENT.test(prefix) ? 'requirement' : 'code', id: id.toUpperCase(), rest: text.slice(match[0].length) }
}

/** A metric name from the words around its target: leading verbs and trailing glue words dropped. */
function cleanName(text: string): string {
  let name = text.replace(/\s+/g, ' ').trim()
  for (let i = 0; i < 4; i++) {
    const before = name
    name = name
      .replace(/^[\s,，、;；:：—–\-*]+|[\s,，、;；:：—–\-*.。]+$/g, '')
      .replace(LEAD_WORDS, '')
      .replace(TRAIL_WORDS, '')
      .trim()
    if (name === before) break
  }
  return name
}

// "Processing fee: 1.4% + $0.25", "单价 3,200 元": a price is a setting of the product, not a measure of it.
const PRICE = /(?:\bfees?|\bprices?|\bpricing|手续费|(?<!客)单价|价格|售价|定价)$/i
// "If adoption is below 30% at the review …", "如果转化率低于 5%": a condition, not a goal.
const CONDITION = /^(?:if|unless|once|in case)\b|^(?:如果|若|一旦|假如|倘若)/i

/** Whether a text can be the name of a metric: short, not a field label, not a sentence. */
function isMetricName(name: string, strict: boolean, keyResult = false): boolean {
  if (!name || /[。；;!?！？]/.test(name) || NOT_A_NAME.test(name) || PRICE.test(name) || labelKind(name) || (name.length <= 12 && isTimeLabel(name)))
    return false
  if (LEAD_WORDS.test(`${name} `) && !name.includes(' ')) return false
  // "We look at these …", "This should …": a clause about the document, not a metric.
  if (/^(?:we|i|you|they|it|this|these|those|that|there|here|what|how|why|where|who)\b/i.test(name)) return false
  const cjk = (name.match(/[\u3400-\u9fff]/g) ?? []).length
  const words = name.split(/\s+/).length
  const limit = strict ? { cjk: 18, words: 6 } : keyResult ? { cjk: 40, words: 14 } : { cjk: 30, words: 9 }
  if (cjk > limit.cjk || (cjk === 0 && words > limit.words) || name.length > 60) return false
  return !strict || !MODAL.test(name)
}

const ASIDE_OPENER =
  /^(?:the|a|an|i\.e\.?|e\.g\.?|which|that|measured|counted|defined|including|excluding|from|per|across|over|among|for|in|on|as|based|即|也就是|指|按|统计|不含|含|包括|以)\b|^(?:即|也就是|指|按|统计|不含|含|包括)/iu

/**
 * "Upload-to-first-trip conversion, the share of applicants who …", "建议采纳率（坐席直接发送…的会话占比）": an aside
 * that defines the metric is not part of its name.
 */
function splitAside(name: string, bracketOnly = false): { name: string; aside: string } | null {
  const bracket = /^(.{2,}?)\s*[（(]([^（()）]{8,})[)）]\s*(.*)$/u.exec(name)
  if (bracket && /[，,、/÷\s]|\p{Script=Han}{6,}/u.test(bracket[2]!) && /^[\p{Script=Han}\s]{0,6}$/u.test(bracket[3]!)) {
    const rest = cleanName(`${bracket[1]!} ${bracket[3]!}`)
    if (rest) return { name: rest, aside: bracket[2]! }
  }
  if (bracketOnly) return null
  const comma = /^([^,，]{2,}?)\s*[,，]\s*(.+)$/u.exec(name)
  if (comma && ASIDE_OPENER.test(comma[2]!) && isMetricName(cleanName(comma[1]!), false)) return { name: comma[1]!, aside: comma[2]! }
  return null
}

// "… and want it to stay", "…; we want it at": the metric is the subject the pronoun stands for.
const PRONOUN_CLAUSE =
  /(?:[;；,，]|\s+and)\s*(?:(?:(?:we|i)\s+)?(?:also\s+)?(?:want|expect|need|aim for|would like)\s+(?:it|this|that|them)|(?:it|this|that|they)\s+(?:should|must|needs? to|has to|will))\b.*$/iu
const STANDS_AT =
  /\s+(?:is|are|was|were|stands? at|sits? at)\s+(?:about |around |roughly |currently )?([$¥€]?\d[\d.,]*\s*(?:%|[a-z]+)?)(?:\s+(?:today|now|currently))?\s*$/i

/** "快捷键操作，目标是让审核员每小时处理量": the words after the announcing clause name the metric. */
function announced(head: string): string {
  const match = /(?:^|[，,；;]\s*)(?:目标是|目标为|目的是|希望|力争|争取)(?:让|使|把|将)?([^，,；;]{2,})$/u.exec(head)
  return match ? match[1]! : head
}

function pronounSubject(head: string): string {
  const clause = PRONOUN_CLAUSE.exec(head)
  if (!clause) return head
  const subject = head.slice(0, clause.index)
  // The subject ends where its first clause does: "Median days to payment is 34 today, counted from …".
  const first = subject.split(/[;；]/)[0]!
  let depth = 0
  for (let i = 0; i < first.length; i++) {
    const char = first[i]!
    if (char === '(' || char === '（') depth++
    else if (char === ')' || char === '）') depth = Math.max(0, depth - 1)
    else if (depth === 0 && (char === ',' || char === '，')) return first.slice(0, i)
  }
  return first
}

const spanWithHorizon = (span: TargetSpan) => (span.horizon ? `${span.text} (${span.horizon})` : span.text)

function removeSpans(text: string, spans: TargetSpan[]): string {
  let rest = text
  for (const span of [...spans].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, span.start)} ${rest.slice(span.reach)}`
  return rest
    .replace(/\s+/g, ' ')
    .replace(/^[\s,，、;；.。]+|[\s,，、;；]+$/g, '')
    .trim()
}

/** The sentences of a value; a "；" inside brackets ("(no gate yet; only 2 weeks of data)") ends none. */
function outsideBrackets(value: string): string[] {
  const parts = value.split(/(?<=[。！？!?；;])|(?<=\.)(?=\s+[A-Z])/)
  const sentences: string[] = []
  let open = 0
  for (const part of parts) {
    if (open > 0) sentences[sentences.length - 1] += part
    else sentences.push(part)
    open += (part.match(/[(（]/g) ?? []).length - (part.match(/[)）]/g) ?? []).length
    open = Math.max(0, open)
  }
  return sentences
}

/** The target sentence of a value: when some sentence says goal/目标/should, its numbers win over the definition's. */
function candidateSpans(value: string): TargetSpan[] {
  const sentences = outsideBrackets(value)
  const all: TargetSpan[] = []
  const cued: TargetSpan[] = []
  let offset = 0
  for (const sentence of sentences) {
    const at = value.indexOf(sentence, offset)
    offset = at + sentence.length
    const spans = targetSpans(sentence).map((span) => ({ ...span, start: span.start + at, end: span.end + at }))
    all.push(...spans)
    if (/目标|力争|争取|希望|\b(?:aim(?:ing)?|goal|target|should|must|want|expect)\b/i.test(sentence)) cued.push(...spans)
  }
  return cued.some((span) => span.score >= 0) && sentences.length > 1 ? cued : all
}

/**
 * The percentile targets of "under 1.8 s at the median, 3 s at p90": the comparator words of the first, worded one
 * stand before each bare value after it that names another percentile, as the sentence means them.
 */
function sharedComparator(first: TargetSpan, spans: readonly TargetSpan[]): { percentile: string; target: string }[] {
  const words = /^[^\d$¥€]*/.exec(first.text)?.[0].trim() ?? ''
  const after = spans.filter((span) => span.start > first.start && span.percentile && !span.worded && span.percentile !== first.percentile)
  if (!words || after.length === 0) return []
  return [{ percentile: first.percentile!, target: first.text }, ...after.map((span) => ({ percentile: span.percentile!, target: `${words} ${span.text}` }))]
}

// A verb opening a key result right before its count: one English word, or two Chinese characters.
const ACTION = /^\s*([A-Z][a-z]+|[\u4e00-\u9fff]{2})\s+(?=\d)/u

const WINDOW_LEAD = /^(上线(?:后)?\s*\d+\s*个?(?:月|周|天)内|\d+\s*个?(?:月|周|天|年)内)/u

/**
 * Reads one line as a metric with its target. `name` is given when the line's structure already names the metric
 * (a bold lead, a table cell). Null when the line names no metric.
 */
export function readStatement(
  text: string,
  options: { name?: string; strict?: boolean; keyResult?: boolean } = {}
): (Statement & { id: LeadId | null }) | null {
  let value = text.replace(/^\[[ xX]\]\s*/, '').trim()
  if (!options.name && CONDITION.test(value)) return null
  const id = options.name ? null : leadId(value)
  if (id) value = id.rest.trim()
  let name = options.name ?? ''
  let lead = ''
  if (!options.name) {
    // The first ":" that is not inside a time ("06:00"), or a dash or bar between spaces.
    const separator = [...value.matchAll(SEPARATOR)].find((m) => !/\d[:：]\d/.test(value.slice(m.index - 1, m.index + 2)))
    const before = separator ? value.slice(0, separator.index).trim() : ''
    if (separator && before.length <= 64 && !/[。；;]/.test(before)) {
      const kind = labelKind(before)
      if (kind && kind !== 'target' && kind !== 'name') return null
      const after = value.slice(separator.index + separator[0].length).trim()
      // "Finally, this should not create more work for our team: support tickets should not grow …": a lead-in
      // sentence before the colon names nothing; the metric is named after it.
      // "一、降低报损：鲜食报损率从 9.8% 降到 6% 以下": a goal's theme before the colon, the metric named after it.
      // "One guardrail is fixed from day one: setup tickets must not rise above 8": a clause with its own verb before
      // the colon tells about the goal; the metric is named after it.
      const told = /\s(?:is|are|was|were|will be|has been|have been)\s/i.test(` ${before} `)
      const theme = !kind && (isVague(before) || told || /^[一二三四五六七八九十]+、/.test(before)) ? readStatement(after, options) : null
      if (theme?.target && theme.name) return theme
      if (
        kind ||
        GENERIC_LEAD.test(before) ||
        isMetricName(cleanName(before), false, options.keyResult || id?.kind === 'kr') ||
        !/[,，]|(?:\S+\s+){6}/.test(before.trim())
      ) {
        value = after
        if (!kind && !GENERIC_LEAD.test(before)) name = before
      } else value = after
      // "固件签名校验失败时拒绝启动，已知高危漏洞：none": the clause right before the colon labels the value.
      const clause = /^(.{2,})，\s*([^，]{2,})$/u.exec(before.replace(/（[^）]*）/g, (aside) => aside.replace(/，/g, '、')))
      if (!kind && clause && isMetricName(cleanName(clause[2]!), true)) {
        name = clause[2]!
        lead = clause[1]!
      }
    }
  }
  // A bare number without a unit is a target only where the line names its metric first ("SOC 2" is a name).
  // "Run 4 university events in APAC", "下架 20% 的长期零销量商品": a key result that opens with its verb and a count.
  const action = options.keyResult && !name ? ACTION.exec(value) : null
  // A capitalised word before a number reads as a version ("Android 8"); an action's verb is none.
  const spans = candidateSpans(action ? value.replace(/^\s*[A-Z]/, (char) => char.toLowerCase()) : value).filter(
    (span) => span.score >= 0 && (span.worded || span.measured || Boolean(name) || (action !== null && value.slice(0, span.start).trim() === action[1]))
  )
  const percentiles = spans.filter((span) => span.percentile && span.worded)
  const phased = spans.filter((span) => span.horizon)
  const statement: Statement = { code: null, name: '', target: '', milestones: [], percentiles: [], definition: '', baseline: null, worded: false }
  let chosen: TargetSpan[] = []
  // "under 1.8 s at the median, 3 s at p90": a bare value after a worded percentile target shares its comparator.
  const shared = percentiles.length === 1 ? sharedComparator(percentiles[0]!, spans) : []
  if (shared.length > 1) {
    statement.percentiles = shared
    chosen = spans.filter((span) => span.percentile && span.start >= percentiles[0]!.start)
  } else if (percentiles.length > 1 && new Set(percentiles.map((span) => span.percentile)).size === percentiles.length) {
    statement.percentiles = percentiles.map((span) => ({ percentile: span.percentile!, target: span.text }))
    chosen = percentiles
  } else if (phased.length > 1) {
    statement.milestones = phased.map((span) => ({ label: span.horizon!, target: span.text }))
    chosen = phased
  } else {
    const best = bestSpan(spans)
    if (best) {
      chosen = [best]
      const lead = WINDOW_LEAD.exec(best.text)
      if (best.horizon) statement.milestones = [{ label: best.horizon, target: best.text }]
      else if (lead && best.worded) statement.milestones = [{ label: lead[1]!.replace(/\s+/g, ''), target: best.text.slice(lead[0].length).trim() }]
    }
  }
  const last = chosen[chosen.length - 1]
  if (last) {
    statement.worded = chosen.some((span) => span.worded)
    statement.target = chosen === phased && phased.length > 1 ? spanWithHorizon(last) : last.horizon ? spanWithHorizon(last) : last.text
    const verb = /^\s*(raise|increase|grow|lift|boost|cut|reduce|lower|decrease|improve)\b/i.exec(value)
    if (/^by\b/i.test(last.text) && verb) statement.target = `${verb[1]} ${last.text}`
    // "Grow referrals to 35% of hires": the verb that opens the key result says which way "to 35%" goes.
    else if (verb && !last.worded && /\bto\s*$/i.test(value.slice(0, last.start))) statement.target = `${verb[1]} to ${last.text}`
    const from =
      /^(?:from|从|由)\s*([$¥€]?\s?\d[\d,]*(?:\.\d+)?\s?(?:[万亿千]|[kKMB](?![A-Za-z]))?\s?(?:%|％|‰|个百分点|分钟|小时|天|秒|毫秒|人|次|个|单|元|(?!to\b)[A-Za-z]+)?)/u.exec(
        last.text
      )
    if (from) statement.baseline = from[1]!
    // "0 → 120", "2.0 s → 1.4 s": the number before the arrow is where the value starts.
    const arrow = /^([$¥€]?\s?\d[\d,]*(?:\.\d+)?\s?[^\s\d→]{0,4})\s*(?:→|->|⟶|⇒)/u.exec(last.text)
    if (arrow) statement.baseline = arrow[1]!.trim()
  }
  const named = Boolean(name)
  let tailName = false
  if (!named) {
    const first = chosen[0]
    const head = first ? value.slice(0, first.start) : value
    const due = /\s*(?:在\s*)?(第[一二三四五六七八九十\d]+[年月季周]|年底|年末)前?\s*$/u.exec(head)
    if (due && last && statement.milestones.length === 0) statement.milestones = [{ label: due[1]!, target: last.text }]
    // "新用户 7 日内有效阅读篇数，目标人均 ≥ 5 篇": the clause that announces the target is not part of the name.
    name = cleanName(
      announced(pronounSubject((due ? head.slice(0, due.index) : head).replace(/[，,；;]\s*(?:目标|力争|target|goal|aim)[^，,；;]{0,8}$/iu, '')))
    )
    // "Median days to payment is 34 today": the value the metric stands at is its baseline, not its name.
    // "核心报表每日 07:00 前产出，准时产出率不低于 99%": the clause just before the target names its metric when it
    // names a measure; the clauses before it say when or where it is counted.
    const clause = /^(.{2,})[，,]\s*([^，,]{2,})$/u.exec(name)
    const subject = clause ? cleanName(clause[2]!) : ''
    if (clause && MEASURE_NOUN.test(subject) && isMetricName(subject, true)) {
      name = subject
      lead = clause[1]!
    }
    const standing = STANDS_AT.exec(name)
    if (standing) {
      name = name.slice(0, standing.index)
      statement.baseline ??= standing[1]!
    }
    // "Retire 30% of unused tables": the words after the target name the metric, unless they are an aside in brackets.
    const tail = value.slice(last?.end ?? 0)
    const acted = action && first && !first.worded && head.trim() === action[1] && chosen.length === 1
    if (acted) {
      // "Run 4 university events": a count takes no unknown word as its unit; the words after it are the object.
      const count = first.measured ? null : /\d[\d,.]*/.exec(first.text)
      if (count) statement.target = count[0]
      const rest = count ? value.slice(value.indexOf(count[0], first.start) + count[0].length) : tail
      // The object names the metric; a Chinese verb stays with it ("下架长期零销量商品"), an English one reads as a label.
      const object = cleanName((rest.replace(/[（(][^）)]*[）)]?/gu, '').split(/[，,；;。.]/)[0] ?? '').replace(/^\s*(?:的|of\s+(?:the\s+)?)/u, ''))
      name = /\p{Script=Han}/u.test(action[1]!) ? `${action[1]}${object}` : object
      statement.atLeast = true
      tailName = true
    } else if ((!name || (LEAD_WORDS.test(`${name} `) && !name.includes(' '))) && first && !/^\s*[(（]/.test(tail)) {
      name = cleanName((tail.split(/[，,；;。.]/)[0] ?? '').replace(/^[\s)）]+/, ''))
      tailName = true
    }
  }
  // "用户满意度（会话结束后 5 分制评价）：4.7 分": an aside in the name before a colon defines the metric too.
  const aside = options.name ? null : splitAside(cleanName(name), named)
  statement.name = cleanName(aside ? aside.name : name)
  if (!isMetricName(statement.name, options.strict === true && !options.name, options.keyResult)) return null
  // Without a separator the words before the target are the name; only what follows defines the metric.
  const rest = named ? value : tailName ? '' : value.slice(chosen[0]?.start ?? value.length)
  statement.definition = chosen.length
    ? removeSpans(
        rest,
        named ? chosen : chosen.map((span) => ({ ...span, start: span.start - (chosen[0]?.start ?? 0), reach: span.reach - (chosen[0]?.start ?? 0) }))
      )
    : named
      ? value
      : ''
  if (aside) statement.definition = [aside.aside, statement.definition].filter(Boolean).join('; ')
  if (lead) statement.definition = [cleanName(lead), statement.definition].filter(Boolean).join('; ')
  if (statement.definition === statement.name || statement.definition.length < 4) statement.definition = ''
  if (id?.kind === 'code') statement.code = id.id
  statement.baseline ??= baselineIn(value)
  return { ...statement, id }
}
