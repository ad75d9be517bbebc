import type { Heading, List, Paragraph } from 'mdast'
import { headingKind, sectionContext } from './context'
import { labelKind } from './labels'
import { inlineLines, startLine, textOf, type InlineLine } from './markdown-tree'
import { readStatement } from './read-statement'
import { severityOf } from './value-maps'
import { NO_TARGET } from './watched-metrics'
import type { AlertItem } from './recognise-statements'

// Which lists and lines state goals wherever they stand, and how prose is cut into one unit per goal.

export const DEFINITIONS = /\bdefinitions?\b|\bglossary\b|口径|定义|术语/i

/** "0 次", "zero": none of something is always a target, worded or not. */
export const zero = (target: string) => /^(?:0(?![.,\d])|零|zero|none)/i.test(target.trim())

// "- Watch: memory warnings per session (no gate yet)": a metric left untargeted on purpose is stated as well.
const statesMetric = (line: string | undefined): boolean => {
  const statement = line ? readStatement(line) : null
  return Boolean(statement?.target ? statement.worded || zero(statement.target) : statement?.name && NO_TARGET.test(line!))
}

export function metricList(list: List, least = 2): boolean {
  const stated = list.children.filter((item) => {
    const first = item.children[0]
    return statesMetric(first?.type === 'paragraph' ? inlineLines(first)[0]?.text : undefined)
  }).length
  // A checklist ("- [ ] Crash-free users ≥ 99.6%") mixes tasks with the gates a release must pass: half will do.
  const checklist = list.children.every((item) => typeof item.checked === 'boolean')
  return list.children.length >= least && (checklist ? stated * 2 : stated * 3) >= list.children.length * (checklist ? 1 : 2)
}

const SPECIFICATION = /功能|functional|\b(?:REQ|FR|NFR|US)-?\d|\buser stor|用户故事|需求(?:列表|清单|编号)|接口|\bapi\b/i

/**
 * "Requirements the fleet must meet" over "- Battery life: at least 90 days": a requirements heading that is not a
 * functional specification (FR-, user stories, non-functional, an API) holds goals in lists that state metrics.
 */
export function goalRequirements(chain: readonly Heading[]): boolean {
  if (sectionContext(chain).reason !== 'requirements') return false
  const heading = [...chain].reverse().find((h) => headingKind(textOf(h)) !== 'neutral')
  return Boolean(heading) && !SPECIFICATION.test(textOf(heading!))
}

/** Lines that mostly state metrics; clauses numbered "4.1.1" are a specification's requirements, not goals. */
export function metricLines(paragraph: Paragraph): boolean {
  const lines = inlineLines(paragraph)
  if (lines.some((line) => /^\d+(?:\.\d+)+\s/.test(line.text))) return false
  return lines.length >= 2 && lines.filter((line) => statesMetric(line.text)).length * 3 >= lines.length * 2
}

/**
 * "Time to action … median, from report to decision. Goal: 4 hours or less.": a sentence that only states a goal
 * ("Goal: …", "目标：…", or a short one with the number the sentence before it lacks) completes the metric before it.
 */
export function goalsJoined(units: InlineLine[]): InlineLine[] {
  const out: InlineLine[] = []
  for (const unit of units) {
    const previous = out[out.length - 1]
    const label = /^([^:：]{1,12})[:：]/.exec(unit.text)
    const short = unit.text.split(/\s+/).length <= 6 && unit.text.length <= 40 && /\d/.test(unit.text) && !/\d/.test(previous?.text ?? '0')
    if (previous && ((label && labelKind(label[1]!) === 'target') || short) && !readStatement(previous.text)?.target) {
      out[out.length - 1] = { ...previous, text: `${previous.text} ${unit.text}`, rest: `${previous.rest} ${unit.text}` }
    } else out.push(unit)
  }
  return out
}

/** "…，**会话满意度**不低于 4.6 分，**差评率**不高于 2%": a sentence naming several bold metrics, cut before each. */
export function atBolds(unit: InlineLine, bolds: readonly string[]): InlineLine[] {
  const named = bolds.filter((bold) => unit.text.includes(bold))
  if (named.length < 2) return [unit]
  const pieces = unit.text.split(new RegExp(`[，,；;]\\s*(?=${named.map(escape).join('|')})`, 'u'))
  return pieces.map((text) => ({ text: text.trim(), lead: null, rest: text.trim(), line: unit.line }))
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The sentences of a prose paragraph, each with the line it starts on. */
export function sentences(lines: InlineLine[]): InlineLine[] {
  const out: InlineLine[] = []
  let text = ''
  let line = lines[0]?.line ?? 1
  for (const part of lines) {
    if (!text) line = part.line
    text = text ? `${text} ${part.text}` : part.text
    const pieces = text.split(/(?<=[。！？!?；])|(?<=\.)\s+(?=[A-Z])/)
    for (const piece of pieces.slice(0, -1)) out.push({ text: piece.trim(), lead: null, rest: piece.trim(), line })
    text = pieces[pieces.length - 1] ?? ''
    if (pieces.length > 1) line = part.line
  }
  if (text.trim()) out.push({ text: text.trim(), lead: null, rest: text.trim(), line })
  return out
}

/** Severity-led items ("P1：…") of an alert section, nested ones included. */
export function collectAlerts(list: List, heading: string, into: AlertItem[]): void {
  for (const item of list.children) {
    const text = item.children[0]?.type === 'paragraph' ? textOf(item.children[0]) : ''
    if (text && severityOf(text)) into.push({ text, line: startLine(item), heading })
    for (const child of item.children) if (child.type === 'list') collectAlerts(child, heading, into)
  }
}
