import type { Heading, List, ListItem, Paragraph, Root } from 'mdast'
import { headingKind, leadInKind, sectionContext, sectionKind, type SectionKind } from './context'
import { newDraft, type Draft } from './draft'
import { labelKind, type FieldKind } from './labels'
import { endLine, inlineLines, sectionCategory, startLine, textOf, type InlineLine } from './markdown-tree'
import { leadId, readStatement, type Statement } from './read-statement'
import { atBolds, collectAlerts, DEFINITIONS, goalRequirements, goalsJoined, metricLines, metricList, sentences, zero } from './goal-units'
import { isVague, MEASURE_NOUN, severityOf } from './value-maps'
import { NO_TARGET, watchedItems, watchedNames } from './watched-metrics'

/** A severity-led line ("P1：支付成功率环比下降 > 15%") waiting to be attached to a KPI. */
export interface AlertItem {
  text: string
  line: number
  heading: string
}

interface Scope {
  kind: SectionKind
  category: string
  /** The objective the key results below it serve (their category). */
  objective: string | null
}

/** A metric the author names but leaves without a target. */
const watchedStatement = (name: string, sentence: string): Statement => ({
  code: null,
  name,
  target: '',
  milestones: [],
  percentiles: [],
  definition: sentence,
  baseline: null,
  worded: false
})

const READ: ReadonlySet<SectionKind> = new Set(['metric', 'okr', 'summary', 'neutral'])

function draftsOf(statement: Statement, origin: Draft['origin'], line: number, scope: Scope): Draft[] {
  const make = (name: string, target: string, code: string | null) => {
    const draft = newDraft(origin, name, line, line)
    draft.code = code
    draft.targetText = target
    draft.description = statement.definition
    draft.category = scope.objective ?? scope.category
    draft.currentValue = statement.baseline
    draft.restated = scope.kind === 'summary'
    draft.atLeast = statement.atLeast
    draft.milestones = statement.milestones.map((m) => ({ label: m.label, target: m.target, value: null }))
    return draft
  }
  // Several percentiles of one metric are one KPI each, named and coded after their percentile.
  if (statement.percentiles.length > 1) {
    return statement.percentiles.map((p) => make(`${statement.name} ${p.percentile}`, p.target, statement.code && `${statement.code}-${p.percentile}`))
  }
  return [make(statement.name, statement.target, statement.code)]
}

/**
 * Whether a statement is a KPI where it stands. Key results and metric sections take any target; elsewhere the
 * target must be worded (a comparator, a change) and the name short. A metric section also keeps a short name
 * without a number as a KPI that needs a target ("提升复购").
 */
function accepted(statement: Statement, scope: Scope, kr: boolean, item: boolean): boolean {
  const kind = scope.kind
  // "客服中心去年总接待量 1,860 万次，人工占 43%": a bare number after a clause is a fact being told, not a goal.
  if (statement.target && !kr && !statement.worded && !zero(statement.target) && /[，,]/.test(statement.name.replace(/[（(][^）)]*[）)]/g, ''))) return false
  if (statement.target) return kr || kind !== 'neutral' || ((statement.worded || zero(statement.target)) && statement.name.length <= 40)
  if (kr || !item || kind !== 'metric') return false
  // "Promo code usage per order: observe only", a watch list's items: metrics the author chose to leave without a target.
  if (NO_TARGET.test(statement.definition) || NO_TARGET.test(scope.category)) return statement.name.length <= 60 && statement.name.split(/\s+/).length <= 9
  // "服务：pay-gateway", "变更记录见文末": a field or a remark, not a metric that still needs its target.
  if (statement.definition && !isVague(statement.name)) return false
  return (
    statement.name.length <= 16 &&
    (isVague(statement.name) || (!/\d/.test(statement.name) && MEASURE_NOUN.test(statement.name))) &&
    !/[,，]/.test(statement.name)
  )
}

const QUALIFIER = /^\s*(?:of|on|for|in|from|at|by|per|across|among)\s/i
const ICON = /^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+$/u

/** "- 🔁 **Reactivation rate** …": an icon before a bold name leaves the bold name leading the line. */
function withoutIcon(paragraph: Paragraph): Paragraph {
  const [first, second] = paragraph.children
  return first?.type === 'text' && ICON.test(first.value) && second?.type === 'strong' ? { ...paragraph, children: paragraph.children.slice(1) } : paragraph
}

function subGoal(list: List, name: string): { statement: Statement; rest: string[] } | null {
  const texts = list.children.map((item) => textOf(item.children[0] ?? item).trim())
  for (let i = 0; i < texts.length; i++) {
    const statement = readStatement(texts[i]!, { name })
    if (statement?.target && statement.worded) return { statement, rest: texts.filter((_, k) => k !== i) }
  }
  return null
}

function read(text: string, scope: Scope, item: boolean, name?: string): { statement: Statement; kr: boolean } | null {
  const id = name ? null : leadId(text)
  if (id?.kind === 'requirement') return null
  if (id?.kind === 'objective') {
    scope.objective = id.rest.replace(/^[\s:：.、—–-]+/, '').trim() || scope.objective
    return null
  }
  const kr = id?.kind === 'kr'
  // A key result is a sentence by nature: its metric may take more words to name than a list line's.
  const statement = readStatement(text, { name, strict: scope.kind === 'neutral' && !kr, keyResult: kr })
  if (!statement || !accepted(statement, scope, kr, item)) return null
  if (kr) statement.code = null
  return { statement, kr }
}

/** A lead-in before a colon ("本期核心指标回顾：a ≥ 1，b ≤ 2") introduces one statement per clause. */
function clauses(text: string): string[] {
  const colon = text.search(/[:：]/)
  if (colon <= 0 || colon > 24 || leadId(text) || headingKind(text.slice(0, colon)) === 'neutral') return [text]
  const parts = text
    .slice(colon + 1)
    .split(/[，,；;]\s*(?!\d{3})/)
    .map((part) => part.trim())
    .filter(Boolean)
  return parts.length > 1 && parts.every((part) => readStatement(part)?.target) ? parts : [text]
}

/**
 * Metric statements in lists and paragraphs: "- 支付成功率: ≥ 99.5%", "G1: Invite rate — at least 40% of …",
 * "KR 1.1: Raise … from 24% to 30%", "**Notes accepted.** … We are aiming for 60%". Each visual line of an item
 * is read on its own, so a line written under another never becomes part of its target.
 */
export function recogniseStatements(root: Root, chains: Heading[][], consumed: Set<number>): { drafts: Draft[]; alertItems: AlertItem[] } {
  const drafts: Draft[] = []
  const alertItems: AlertItem[] = []

  const readLines = (lines: InlineLine[], scope: Scope, origin: Draft['origin'], item: boolean, heading: string): Draft | null => {
    let current: Draft | null = null
    // Outside a metrics section, only objectives and key results are read from prose lines.
    const okrOnly = !item && scope.kind === 'neutral'
    lines.forEach((line, index) => {
      if (okrOnly && !/^(?:kr|o|objective|key result)\s*\d/i.test(line.text)) return
      // A prose line that ends in a colon leads into what follows; it states nothing itself.
      if (!item && /[:：]$/.test(line.text)) return
      if (severityOf(line.text)) {
        alertItems.push({ text: line.text, line: line.line, heading })
        return
      }
      const label = /^([^:：]{1,12})[:：]\s*(.+)$/.exec(line.text)
      const labelled = label ? labelKind(label[1]!) : null
      if (current && labelled === 'target' && !current.targetText) {
        // "路线偏航率" then "目标：低于 4%": the target line completes the metric above it.
        const found = readStatement(label![2]!, { name: current.name })
        if (found?.target) {
          current.targetText = found.target
          current.milestones = found.milestones.map((m) => ({ label: m.label, target: m.target, value: null }))
          current.currentValue ??= found.baseline
          current.description = [current.description, found.definition].filter(Boolean).join('; ')
          current.lines.end = line.line
        }
        return
      }
      // "**Reactivation rate** of the lapsed audience — 6% or better": the bold words name the metric, the
      // qualifier after them defines it.
      const qualified = item && index === 0 && line.lead && QUALIFIER.test(line.rest) ? read(line.rest, scope, true, line.lead) : null
      const found = qualified?.statement.target
        ? draftsOf(qualified.statement, origin, line.line, scope)
        : clauses(line.text).flatMap((text) => {
            const hit = read(text, scope, item && index === 0, undefined)
            return hit ? draftsOf(hit.statement, origin, line.line, scope) : []
          })
      if (found.length) {
        drafts.push(...found)
        current = found[0]!
      } else if (current && index > 0 && !leadId(line.text)) {
        current.description = [current.description, line.text].filter(Boolean).join('; ')
        current.lines.end = line.line
      }
    })
    return current
  }

  const visitList = (list: List, scope: Scope, heading: string, nested = false) => {
    for (const item of list.children) visitItem(item, scope, heading, nested)
  }
  const visitItem = (item: ListItem, scope: Scope, heading: string, nested: boolean) => {
    const first = item.children[0]
    // A nested item is a KPI only with a target of its own; otherwise it defines its parent.
    if (DEFINITIONS.test(scope.category)) return
    const parent = first?.type === 'paragraph' ? readLines(inlineLines(withoutIcon(first)), scope, 'list', !nested, heading) : null
    // "1. Webhook delivery" with "- delivered within 60 seconds …" under it: the item names the metric, its first
    // sub-item with a worded target states the goal.
    const sub = item.children.find((child): child is List => child.type === 'list')
    if (first?.type === 'paragraph' && !parent?.targetText && sub && !nested && (scope.kind === 'metric' || scope.kind === 'okr')) {
      const name = textOf(first).trim()
      const goal = name.length <= 60 && !/[:：。.]$/.test(name) ? subGoal(sub, name) : null
      if (goal) {
        const draft = parent ?? draftsOf(goal.statement, 'list', startLine(item), scope)[0]!
        if (parent) {
          parent.targetText = goal.statement.target
          parent.description = [parent.description, goal.statement.definition].filter(Boolean).join('; ')
        } else drafts.push(draft)
        draft.lines.end = endLine(item)
        for (const text of goal.rest) draft.description = [draft.description, text].filter(Boolean).join('; ')
        return
      }
    }
    for (const child of item.children.slice(1)) {
      if (child.type === 'list') {
        const before = drafts.length
        visitList(child, scope, heading, true)
        // Sub-items that are not KPIs of their own describe their parent: labelled ones fill its fields
        // ("负责人：支付组"), the others define it ("统计范围：仅计入整件…").
        if (parent && drafts.length === before) {
          for (const sub of child.children) describe(parent, textOf(sub))
          parent.lines.end = Math.max(parent.lines.end, endLine(child))
        }
      } else if (child.type === 'paragraph' && parent) {
        describe(parent, textOf(child))
        parent.lines.end = Math.max(parent.lines.end, endLine(child))
      }
    }
  }
  // A bold-led metric whose target follows on its own line ("**SLI — availability:** …" then "**SLO:** 99.9%").
  let pending: { name: string; definition: string; line: number } | null = null
  const boldLed = (lead: string, rest: string, start: number, end: number, scope: Scope) => {
    if (labelKind(lead) === 'target') {
      const hit = pending && readStatement(rest, { name: pending.name })
      if (pending && hit?.target) {
        hit.definition = [pending.definition, hit.definition].filter(Boolean).join('; ')
        const line = pending.line
        drafts.push(...draftsOf(hit, 'sentence', line, scope).map((d) => ({ ...d, lines: { start: line, end } })))
      }
      pending = null
      return
    }
    pending = null
    // "**Dispute rate**: invoices queried … within 14 days": under a definitions heading, a bold lead defines a metric.
    if (DEFINITIONS.test(scope.category)) return
    // "**北极星指标**：…" names the kind of metric, not the metric: the sentence names it.
    const generic = lead.length <= 12 && headingKind(lead) !== 'neutral'
    const hit = scope.kind === 'neutral' && !generic ? null : read(rest, generic ? { ...scope, kind: 'metric' } : scope, false, generic ? undefined : lead)
    if (hit?.statement.target) drafts.push(...draftsOf(hit.statement, 'sentence', start, scope).map((d) => ({ ...d, lines: { start, end } })))
    else if (!labelKind(lead)) pending = { name: lead, definition: rest, line: start }
  }
  const visitParagraph = (paragraph: Paragraph, scope: Scope, heading: string) => {
    // "早高峰缺货率：7:00-9:00 期间 SKU 库存为 0 的时长占比": a definitions section defines metrics, it sets no goals.
    if (DEFINITIONS.test(scope.category)) return
    const bolds = paragraph.children.flatMap((child) => {
      const text = child.type === 'strong' ? textOf(child).trim() : ''
      return text.length >= 2 && text.length <= 60 && !labelKind(text) ? [text] : []
    })
    // Lines led by a bold name group with the lines after them ("**Notes accepted.** … We are aiming for 60%").
    const groups: InlineLine[][] = [[]]
    // A line that ends its sentence with "；" or "。" ends its group: the next line states a goal of its own.
    let closed = false
    for (const line of inlineLines(paragraph)) {
      if ((line.lead !== null || closed) && groups[groups.length - 1]!.length) groups.push([])
      groups[groups.length - 1]!.push(line)
      closed = groups[groups.length - 1]![0]!.lead !== null && /[；;。]$/.test(line.text)
    }
    for (const group of groups) {
      const [first] = group
      if (!first) continue
      if (first.lead !== null) {
        const lead = first.lead.replace(/[.:：。]\s*$/, '').trim()
        const rest = [first.rest, ...group.slice(1).map((line) => line.text)]
          .join(' ')
          .replace(/^[\s.:：。—–-]+/, '')
          .trim()
        // "**会话满意度**不低于 4.6 分，**差评率**不高于 2%": a second bold name after a comma starts a goal of its own.
        const next = bolds.filter((bold) => bold !== first.lead?.trim()).map((bold) => rest.search(new RegExp(`[，,；;]\\s*${escape(bold)}`, 'u')))
        const cut = Math.min(...next.filter((at) => at > 0))
        if (lead && rest && Number.isFinite(cut)) {
          boldLed(lead, rest.slice(0, cut), first.line, first.line, scope)
          readProse([{ text: rest.slice(cut + 1).trim(), lead: null, rest: rest.slice(cut + 1).trim(), line: first.line }], scope, heading, bolds)
          continue
        }
        if (lead && rest) {
          boldLed(lead, rest, first.line, group[group.length - 1]!.line, scope)
          continue
        }
      }
      pending = null
      readProse(group, scope, heading, bolds)
    }
  }
  const readProse = (lines: InlineLine[], scope: Scope, heading: string, bolds: readonly string[]) => {
    // A list written as lines ("KR1：…", "Name: target") is read line by line; prose wrapped over lines, by sentence.
    const listed = lines.filter((line) => leadId(line.text) || /^[^:：。.]{1,40}[:：]/.test(line.text)).length
    const units = listed * 3 < lines.length * 2 ? goalsJoined(sentences(lines)) : lines
    readLines(
      units.flatMap((unit) => atBolds(unit, bolds)).filter((unit) => !boldNamed(unit, bolds, scope)),
      scope,
      'sentence',
      false,
      heading
    )
  }
  // Narrative PRDs bold the metric inside a sentence ("把**自提订单按时履约率**做到 98% 以上"): the bold words name it.
  const boldNamed = (unit: InlineLine, bolds: readonly string[], scope: Scope): boolean => {
    const byHeading = NO_TARGET.test(scope.category)
    const untargeted = byHeading || NO_TARGET.test(unit.text)
    // Under "Reported for information only" a sentence listing metrics lists them whole, quotes and all.
    const headed = byHeading ? watchedNames(unit.text, true) : null
    if (headed) {
      for (const name of headed) drafts.push(...draftsOf(watchedStatement(name, unit.text), 'sentence', unit.line, scope))
      return true
    }
    // "挑战流程的平均耗时、人工审核队列长度作为观察指标": a sentence that calls them metrics needs no metrics heading.
    if (scope.kind !== 'metric' && scope.kind !== 'okr' && !(untargeted && /指标|\bmetrics?\b|\bkpis?\b/i.test(unit.text))) return false
    // "另外我们会观察"单个职位平均面试轮次"，本期不设目标": a quoted metric the author will only watch.
    const quoted = untargeted ? [...unit.text.matchAll(/["“「『]([^"”」』]{2,40})["”」』]/gu)].map((m) => m[1]!) : []
    const named = [...new Set([...bolds, ...quoted])].filter((bold) => unit.text.includes(bold))
    // "门店毛利率、客单价、会员消费占比——本项目只观察、不考核": a list of watched metrics, each a KPI that needs a target.
    const watchedList = untargeted && named.length === 0 ? watchedNames(unit.text, false) : null
    if (watchedList) {
      for (const name of watchedList) drafts.push(...draftsOf(watchedStatement(name, unit.text), 'sentence', unit.line, scope))
      return true
    }
    if (named.length !== 1) return false
    const name = named[0]!
    if (untargeted) {
      drafts.push(...draftsOf(watchedStatement(name, unit.text), 'sentence', unit.line, scope))
      return true
    }
    const statement = readStatement(unit.text.slice(unit.text.indexOf(name) + name.length), { name })
    if (!statement?.target || !statement.worded) return false
    drafts.push(...draftsOf(statement, 'sentence', unit.line, scope))
    return true
  }

  // "1. Webhook delivery" then "  - delivered within 60 seconds …" indented too little to nest (a Word export): the
  // bullet list after a one-item list that names a metric is that item's sub-list.
  const adopted = new Set<number>()
  const splitSubList = (list: List, sub: List, scope: Scope): boolean => {
    const item = list.children.length === 1 ? list.children[0]! : null
    const first = item?.children.length === 1 ? item.children[0] : undefined
    if (first?.type !== 'paragraph') return false
    const name = textOf(first).trim()
    if (name.length > 60 || /[:：。.]$/.test(name) || readStatement(name)?.target) return false
    const goal = subGoal(sub, name)
    if (!goal) return false
    const [draft] = draftsOf(goal.statement, 'list', startLine(item!), scope)
    draft!.lines.end = endLine(sub)
    for (const text of goal.rest) draft!.description = [draft!.description, text].filter(Boolean).join('; ')
    drafts.push(draft!)
    return true
  }

  let scope: Scope = { kind: 'neutral', category: '', objective: null }
  root.children.forEach((node, index) => {
    const chain = chains[index] ?? []
    if (node.type === 'heading') {
      scope = { kind: sectionKind([...chain, node]), category: sectionCategory([...chain, node]), objective: null }
      pending = null
      return
    }
    if (consumed.has(index) || adopted.has(index)) return
    const previous = root.children[index - 1]
    const leadIn = previous?.type === 'paragraph' ? leadInKind(textOf(previous)) : null
    const local: Scope = { ...scope, kind: leadIn ?? scope.kind }
    const heading = chain.length ? textOf(chain[chain.length - 1]!) : ''
    // Outside a metrics section, a list whose items mostly state metrics with targets is a metric list.
    if (node.type === 'list' && local.kind === 'neutral' && metricList(node)) local.kind = 'metric'
    if (node.type === 'list' && local.kind === 'excluded' && goalRequirements(chain) && metricList(node, 1)) local.kind = 'metric'
    // Likewise a paragraph whose lines mostly state metrics with targets (a plain-text SLA, one goal per line).
    if (node.type === 'paragraph' && local.kind === 'neutral' && metricLines(node)) local.kind = 'metric'
    const next = root.children[index + 1]
    if (node.type === 'list' && next?.type === 'list' && (local.kind === 'metric' || local.kind === 'okr') && splitSubList(node, next, local)) {
      adopted.add(index + 1)
    } else if (node.type === 'list' && (READ.has(local.kind) || local.kind === 'alert')) {
      if (local.kind === 'alert') collectAlerts(node, heading, alertItems)
      else visitList(node, local, heading)
    } else if (node.type === 'paragraph' && READ.has(local.kind)) {
      visitParagraph(node, local, heading)
    } else if (node.type === 'list' && local.kind === 'excluded' && sectionContext(chain).reason === 'out-of-scope') {
      for (const item of watchedItems(node)) drafts.push(...draftsOf(watchedStatement(item.name, item.definition), 'list', item.line, local))
    }
    scope.objective = local.objective
  })
  return { drafts, alertItems }
}

const FIELDS_FROM_LABELS: Partial<Record<FieldKind, 'owner' | 'dataSource' | 'frequencyText' | 'formula' | 'unit' | 'alertText'>> = {
  owner: 'owner',
  dataSource: 'dataSource',
  frequency: 'frequencyText',
  formula: 'formula',
  unit: 'unit',
  alert: 'alertText'
}

/** A line under a KPI: "负责人：支付组" fills the owner; anything else joins the definition. */
function describe(draft: Draft, text: string): void {
  const label = /^([^:：]{1,16})[:：]\s*(.+)$/.exec(text)
  const field = label ? FIELDS_FROM_LABELS[labelKind(label[1]!, true) ?? 'name'] : undefined
  if (field && !draft[field]) draft[field] = label![2]!.trim()
  else draft.description = [draft.description, text].filter(Boolean).join('; ')
}
