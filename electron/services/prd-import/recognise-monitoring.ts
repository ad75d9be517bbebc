import type { Heading, Root, RootContent } from 'mdast'
import { parseChangeRule } from '../../domain/target/alert-threshold'
import { parseTarget } from '../../domain/target/parse-target'
import type { Comparator } from '../../domain/kpi'
import { sectionContext } from './context'
import { newDraft, type Draft } from './draft'
import { labelKind } from './labels'
import { cleanHeading, endLine, inlineLines, itemText, sectionCategory, startLine, textOf } from './markdown-tree'
import { readStatement, type Statement } from './read-statement'
import { targetSpans } from './target-span'

// Severity words, most severe first within each family; the rank orders rules across families.
// A severity opens the line and is followed by a separator ("critical:", "P1 (critical):", "严重：").
const AFTER = String.raw`(?:\s*[:：(（)）\-—–]|\s+(?=[(（]))`
const SEVERITY: [RegExp, number][] = [
  [new RegExp(`^\\s*[(（]?(?:p0|sev\\s?[01]|critical|紧急|致命)${AFTER}`, 'i'), 0],
  [new RegExp(`^\\s*[(（]?(?:p1|sev\\s?2|严重|page)${AFTER}`, 'i'), 1],
  [new RegExp(`^\\s*[(（]?(?:p2|sev\\s?3|major|重要|ticket)${AFTER}`, 'i'), 2],
  [new RegExp(`^\\s*[(（]?(?:p3|sev\\s?4|warning|warn|警告|一般|minor)${AFTER}`, 'i'), 3],
  [new RegExp(`^\\s*[(（]?(?:p4|info|提示|notice)${AFTER}`, 'i'), 4]
]
const SEVERITY_HEADER = /^(?:级别|等级|告警级别|severity|level|priority|优先级)$/i
const CONDITION_HEADER = /^(?:条件|触发条件|阈值|规则|condition|threshold|rule|trigger)$/i
const METRIC_HEADING =
  /(?:率|比例|占比|时长|耗时|延迟|时延|数|量|额|值|深度|人效|效率|时效|可用性|成本|积压|lag|rate|ratio|latency|time|duration|count|depth|delay|size|volume|errors?|usage|availability|freshness|efficiency|cost|backlog)$|^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i
const FLIP: Partial<Record<Comparator, string>> = { '>': '≤', '>=': '≤', '<': '≥', '<=': '≥' }

interface Rule {
  rank: number
  text: string
  /** The threshold as written ("> 2%"), when the rule has one. */
  threshold: { comparator: Comparator; value: string } | null
}

function alertRank(text: string): number | null {
  for (const [pattern, rank] of SEVERITY) if (pattern.test(text)) return rank
  return null
}

function ruleOf(text: string, rank: number): Rule {
  if (parseChangeRule(text)) return { rank, text, threshold: null }
  const span = targetSpans(text).find((s) => s.worded && !s.text.startsWith('+'))
  const parsed = span ? parseTarget(span.text).parsed : null
  const usable = parsed && !parsed.change && FLIP[parsed.comparator]
  return { rank, text, threshold: usable ? { comparator: parsed.comparator, value: span!.text.replace(/^[^\d$¥€-]+/u, '').trim() } : null }
}

// Cheap test before reading a section line by line: most sections hold no severity word at all.
const ANY_SEVERITY = /p[0-4]|sev\s?\d|critical|warn|major|minor|page|ticket|info|notice|紧急|致命|严重|重要|警告|一般|提示/i

function rulesIn(nodes: readonly RootContent[]): Rule[] {
  const rules: Rule[] = []
  if (!nodes.some((node) => ANY_SEVERITY.test(textOf(node)))) return rules
  const line = (text: string) => {
    const rank = alertRank(text)
    if (rank !== null) rules.push(ruleOf(text, rank))
  }
  for (const node of nodes) {
    if (node.type === 'list') {
      const walk = (list: typeof node) => {
        for (const item of list.children) {
          line(itemText(item))
          for (const child of item.children) if (child.type === 'list') walk(child)
        }
      }
      walk(node)
    } else if (node.type === 'paragraph') {
      for (const l of inlineLines(node)) line(l.text)
    } else if (node.type === 'table') {
      const header = node.children[0]?.children.map((cell) => textOf(cell).trim()) ?? []
      const severity = header.findIndex((h) => SEVERITY_HEADER.test(h))
      const condition = header.findIndex((h) => CONDITION_HEADER.test(h))
      if (severity < 0 || condition < 0) continue
      for (const row of node.children.slice(1)) {
        const cells = row.children.map((cell) => textOf(cell))
        const rank = alertRank(`${cells[severity] ?? ''}:`)
        if (rank !== null) rules.push(ruleOf(`${cells[severity]}: ${cells[condition] ?? ''}`, rank))
      }
    }
  }
  return rules
}

/**
 * The goal a metric's own section states: a labelled line ("SLO：不低于 99.95%", "Target: ≤ 2 min") or, failing
 * that, when the section has no alert rules, a sentence with a worded target ("控制在 0.1% 以内"); beside alert
 rules the sentences define the metric ("at least 200 requests per window").
 */
function statedGoal(body: readonly RootContent[], name: string, alerts: boolean): Statement | null {
  // "- 目标：99.95%（28 天窗口）": a labelled item of a list states the goal as a labelled line does.
  const lines = body.flatMap((node) =>
    node.type === 'paragraph' ? inlineLines(node).map((line) => line.text) : node.type === 'list' ? node.children.map(itemText) : []
  )
  for (const text of lines) {
    const label = /^([^:：]{1,12})[:：]\s*(.+)$/.exec(text)
    if (!label || labelKind(label[1]!) !== 'target') continue
    const statement = readStatement(label[2]!, { name })
    if (statement?.target) return statement
  }
  if (alerts) return null
  for (const text of lines) {
    if (alertRank(text) !== null || /^[^:：]{0,11}[^:：\d][:：]/.test(text)) continue
    const statement = readStatement(text, { name })
    if (statement?.target && statement.worded) return statement
  }
  return null
}

/**
 * A metric's alert rules: their text and change rules, the red value of the most severe threshold and, when the
 * document states no goal, a target mirrored from the mildest threshold and flagged as derived.
 */
function applyRules(draft: Draft, rules: readonly Rule[], stated: boolean): void {
  const thresholds = rules.filter((rule) => rule.threshold)
  if (thresholds.length === 0) return
  const mildest = thresholds.reduce((a, b) => (b.rank > a.rank ? b : a))
  const severest = thresholds.reduce((a, b) => (b.rank < a.rank ? b : a))
  draft.alertRedValue = parseTarget(`${severest.threshold!.comparator} ${severest.threshold!.value}`).parsed?.value ?? null
  if (!stated) {
    draft.targetText = `${FLIP[mildest.threshold!.comparator]} ${mildest.threshold!.value}`
    draft.targetDerived = true
    draft.notes.push(`Target derived from the alert rule "${mildest.text}"`)
  }
  draft.alertText = rules.map((rule) => rule.text).join('\n')
  for (const rule of rules) {
    const change = parseChangeRule(rule.text)
    if (change) draft.alertRules.push(change)
  }
}

/**
 * An alert table ("告警名 | 指标 | 规则 | 级别"): one KPI per metric it names, with the rows on that metric as its
 * alert rules and, as in a monitoring spec, a target derived from the mildest threshold.
 */
function alertTables(root: Root, chains: Heading[][], consumed: Set<number>): Draft[] {
  const drafts: Draft[] = []
  root.children.forEach((node, index) => {
    if (node.type !== 'table' || consumed.has(index) || sectionContext(chains[index] ?? []).kind === 'excluded') return
    const header = node.children[0]?.children.map((cell) => textOf(cell).trim()) ?? []
    const severity = header.findIndex((h) => SEVERITY_HEADER.test(h))
    const condition = header.findIndex((h) => CONDITION_HEADER.test(h))
    const metric = header.findIndex((h) => labelKind(h) === 'name')
    if (severity < 0 || condition < 0 || metric < 0) return
    const byMetric = new Map<string, { rules: Rule[]; start: number; end: number }>()
    for (const row of node.children.slice(1)) {
      const cells = row.children.map((cell) => textOf(cell).trim())
      const rank = alertRank(`${cells[severity] ?? ''}:`)
      const name = cells[metric] ?? ''
      if (rank === null || !name) continue
      const group = byMetric.get(name) ?? { rules: [], start: startLine(row), end: endLine(row) }
      group.rules.push(ruleOf(`${cells[severity]}: ${cells[condition] ?? ''}`, rank))
      group.end = endLine(row)
      byMetric.set(name, group)
    }
    for (const [name, group] of byMetric) {
      if (!group.rules.some((rule) => rule.threshold)) continue
      const draft = newDraft('monitoring', name, group.start, group.end)
      draft.category = sectionCategory(chains[index] ?? [])
      applyRules(draft, group.rules, false)
      drafts.push(draft)
    }
    if (byMetric.size) consumed.add(index)
  })
  return drafts
}

/**
 * Monitoring specs: a heading per metric whose only numbers are its alert rules (P0–P3, critical / warning).
 * The metric becomes a KPI with those rules as its alert thresholds; its target is derived from the least
 * severe threshold and flagged as derived. A metric heading in a metrics section with only a definition
 * becomes a KPI that needs a target. Window sizes and sample counts of the definition are never read.
 */
export function recogniseMonitoring(root: Root, chains: Heading[][], consumed: Set<number>): { drafts: Draft[] } {
  const drafts: Draft[] = []
  const nodes = root.children
  for (let i = 0; i < nodes.length; i++) {
    const heading = nodes[i]!
    if (heading.type !== 'heading' || consumed.has(i)) continue
    // A heading must name a metric ("order_api_error_rate", "推荐接口超时率"): alert rules under "Invoice API" are about
    // something else (burn rates), and a section title is not a KPI.
    const name = cleanHeading(textOf(heading))
    if (!name || !METRIC_HEADING.test(name.replace(/\s*[(（][^)）]*[)）]\s*$/, '')) || labelKind(name)) continue
    const chain = chains[i] ?? []
    const above = sectionContext(chain).kind
    if (above === 'excluded' || above === 'summary') continue
    // The body runs to the next heading, past sub-headings that only label its alerts or definition.
    let end = i + 1
    const part = (node: RootContent) =>
      node.type === 'heading' && node.depth > heading.depth && (sectionContext([node]).kind === 'alert' || labelKind(textOf(node), true))
    while (end < nodes.length && (nodes[end]!.type !== 'heading' || part(nodes[end]!)) && nodes[end]!.type !== 'thematicBreak') end++
    const body = nodes.slice(i + 1, end).filter((node, k) => !consumed.has(i + 1 + k) && node.type !== 'heading')
    if (body.length === 0) continue
    const rules = rulesIn(body)
    const thresholds = rules.filter((rule) => rule.threshold)
    // Under a metrics or monitoring heading, a metric section with only its definition is a KPI that needs a target.
    const definitionOnly = rules.length === 0 && (above === 'metric' || above === 'alert') && body.every((n) => n.type === 'paragraph')
    const goal = statedGoal(body, name, rules.length > 0)
    // "### 下单接口可用性" over "- 目标：99.95%": under a metrics heading, a metric section may state its goal in a list.
    const listedGoal = goal !== null && rules.length === 0 && above === 'metric'
    if (thresholds.length === 0 && !definitionOnly && !listedGoal) continue
    const draft = newDraft('monitoring', name, startLine(heading), endLine(body[body.length - 1]!))
    draft.category = sectionCategory(chain)
    const definition = body.find((n) => n.type === 'paragraph' && !/[:：]$/.test(textOf(n)) && alertRank(textOf(n)) === null)
    if (definition) draft.description = textOf(definition).replace(/^(?:定义|definition|口径|sli)\s*[:：]\s*/i, '')
    if (goal) {
      draft.targetText = goal.target
      draft.milestones = goal.milestones.map((m) => ({ label: m.label, target: m.target, value: null }))
      draft.currentValue = goal.baseline
    }
    applyRules(draft, rules, goal !== null)
    // "SLO：P99 不超过 800 ms；P50 控制在 120 ms 以内": one KPI per percentile, as in a sentence.
    if (goal && goal.percentiles.length > 1) drafts.push(...goal.percentiles.map((p) => ({ ...draft, name: `${name} ${p.percentile}`, targetText: p.target })))
    else drafts.push(draft)
    for (let k = i; k < end; k++) consumed.add(k)
    i = end - 1
  }
  return { drafts: [...drafts, ...alertTables(root, chains, consumed)] }
}
