import type { Direction, ParsedTarget, Target } from '../kpi'
import { parseTokens } from './grammar'
import { issueText, type TargetIssue } from './issues'
import { TBD_WORDS } from './lexicon'
import { metricPolarity, type MetricHints } from './metric-polarity'
import { normalize, tokenize } from './tokenizer'
import { readStrictNumber, TYPED_NUMBER } from '../number'

export { formatTarget, type TargetLocale } from './format'
export type { MetricHints } from './metric-polarity'

/**
 * Reads a KPI target as written in a PRD or typed in the editor ("≥ 60%", "P95 ≤ 500ms", "6个月内达到1,000 MAU").
 * The text is always kept (trimmed). `parsed` is null when no number could be read with certainty, and
 * `issue` says why; `issue` beside a non-null `parsed` says what part of the text was set aside.
 *
 * Decisions worth knowing:
 * - A bare level ("90%", "100%合规", "0个高危漏洞") is `=` when nothing tells which way is better. Given the
 *   metric it belongs to (`metric`: its name, unit), it is "at least" for a good thing (uptime 90% → ≥ 90%) and
 *   "at most" for a bad one or for zero (latency, errors, churn; "0 incidents" → ≤ 0), with `comparatorInferred`;
 *   a bare 100% of a metric whose words tell nothing is "at least" (all of it: a share cannot pass 100%).
 * - A change ("每月增长20%", "降低 20%") has `change: true`; growth without a comparator means "by at least"
 *   (≥ +20), a reduction means "by at least" downwards (≤ −20). No window means "relative to the baseline".
 * - Two numbers are accepted only as a range, a tolerance, a scale (4.2/5), a window (6个月内) or a percentile.
 *   When both clauses carry comparators ("≥ 60%用户使用≥3个核心功能") the first is the target and the rest is
 *   noted as part of the metric's definition; any other second number makes the target ambiguous (null).
 * - "per user" becomes part of the unit ("count/user"); a grade ("≥ B级") is not a number (null).
 */
export function parseTarget(text: string, metric?: MetricHints): Target {
  const { target, issues } = readTarget(text, metric)
  return issues.length ? { ...target, issue: issueText(issues, 'stored') } : target
}

/** Why a target's text was not read, or what of it was set aside, by code: each screen words it in its own language. */
export function targetIssues(text: string, metric?: MetricHints): TargetIssue[] {
  return readTarget(text, metric).issues
}

function readTarget(text: string, metric?: MetricHints): { target: Target; issues: TargetIssue[] } {
  const trimmed = text.trim()
  if (!trimmed) return { target: { text: trimmed, parsed: null }, issues: [{ code: 'empty' }] }
  if (trimmed.length <= 5 && TBD_WORDS.has(normalize(trimmed).toLowerCase())) {
    return { target: { text: trimmed, parsed: null }, issues: [{ code: 'tbd' }] }
  }
  // "0 → 120" is read as "from 0 to 120"; the text stays as written.
  const result = parseTokens(tokenize(trimmed.replace(/^([$¥€]?\s?[-+]?\d[^→⇒⟶]*?)\s*(?:→|->|⟶|⇒)\s*(?=[$¥€]?\s?[-+]?\d)/u, 'from $1 to ')))
  const parsed = result.parsed && metric && !result.explicitComparator ? inferComparator(result.parsed, metric) : result.parsed
  return { target: { text: trimmed, parsed }, issues: result.issues ?? [] }
}

function inferComparator(parsed: ParsedTarget, metric: MetricHints): ParsedTarget {
  if (parsed.comparator !== '=' || parsed.change) return parsed
  // A level to reach within a deadline ("25% within 12 months") is at least that level unless the metric says otherwise.
  const reach = parsed.window?.kind === 'within' ? 'higher' : null
  // All of something ("100%" of pushes canaried, of events tracked) cannot be beaten, only missed: at least 100%.
  const whole = parsed.value === 100 && parsed.unit === '%' ? 'higher' : null
  const polarity = parsed.value === 0 ? 'lower' : (metricPolarity({ ...metric, unit: metric.unit || parsed.unit || undefined }) ?? whole ?? reach)
  if (!polarity) return parsed
  return { ...parsed, comparator: polarity === 'higher' ? '>=' : '<=', comparatorInferred: true }
}

/**
 * Which way is better for a parsed target. ≥ and > mean higher, ≤ and < lower, a range or tolerance means
 * in-range. An exact level (`=`) of 0 is lower-is-better (nobody targets zero of a good thing: 0个高危漏洞);
 * any other exact level is a level to reach (100%合规, 90%), so higher; an exact change follows its sign.
 */
export function defaultDirection(parsed: ParsedTarget): Direction {
  switch (parsed.comparator) {
    case '>=':
    case '>':
      return 'higher'
    case '<=':
    case '<':
      return 'lower'
    case 'between':
    case '±':
      return 'range'
    case '=':
      return parsed.value <= 0 ? 'lower' : 'higher'
  }
}

/**
 * A plain number as written in PRDs and spreadsheets: "1,000", "1,000.5", "1M", "10K", "1.2万", "5千", "3亿",
 * "６０", "-3", "2.5e3". Anything else ("1,00", "5m", "0x1F", "1e-400") is null; `readStrictNumber` says why.
 */
export function parseNumber(text: string): number | null {
  const read = readStrictNumber(text, TYPED_NUMBER)
  return read.ok ? read.value : null
}
