import type { AlertThresholds, ParsedTarget } from '../kpi'
import { changeRuleFromTokens, mentionsChangeRule } from './change-rule'
import { spanText } from './parse-state'
import { parseTokens } from './grammar'
import { defaultDirection } from './parse-target'
import { type Token, tokenize } from './tokenizer'
import { convertValue } from './units'

export { parseChangeRule } from './change-rule'

const DEFAULT_RED = 0.8
const DEFAULT_YELLOW = 0.9
const TARGET_WORDS = new Set(['目标值', '目标', 'target', 'goal'])
const YELLOW_WORDS = new Set(['黄', '黄色', 'yellow', 'amber'])
const ABOVE = new Set(['>', '>=', '高于', '超过', '大于', 'above', 'over', 'exceeds'])

/** Splits at ";" and "," (thousands separators live inside number tokens, so they never split). */
function segments(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]]
  for (const t of tokens) {
    if (t.kind === 'op' && (t.text === ';' || t.text === ',')) out.push([])
    else out[out.length - 1]?.push(t)
  }
  return out.filter((s) => s.length > 0)
}

/**
 * "< 目标值的80%", "低于目标90%", "below 80% of target" → 0.8. 'other' when the share is of something other
 * than the target ("容量的80%") or the boundary is above it, so that no absolute value is read either.
 */
function readRatio(seg: readonly Token[]): number | 'other' | undefined {
  for (let i = 0; i < seg.length; i++) {
    const t = seg[i] as Token
    if (t.kind !== 'num' || seg[i + 1]?.text !== '%') continue
    const prev = seg[i - 1]?.text ?? ''
    const ofTarget = prev === '的' ? TARGET_WORDS.has(seg[i - 2]?.text ?? '') : TARGET_WORDS.has(prev)
    const of = seg[i + 2]?.text === 'of'
    const english = of && TARGET_WORDS.has(seg[i + (seg[i + 3]?.text === 'the' ? 4 : 3)]?.text ?? '')
    if (!ofTarget && !english && prev !== '的' && !of) continue
    if (!(ofTarget || english) || seg.some((s) => ABOVE.has(s.text))) return 'other'
    return t.value > 0 ? t.value / 100 : 'other'
  }
  return undefined
}

/**
 * An absolute red boundary ("< 50%", "P95 > 800ms", "MTTR > 45分钟"), expressed in the target's unit when
 * the units are comparable (45 min stays 45 for a minutes target; "> 2小时" is 120 for one). It must point
 * the bad way for the target's direction, name the same percentile and, unless the target is itself a
 * change or rate, not be one ("月增长 < 20%", "月新增内容 < 10个" under a level target measure something else).
 */
function readRedValue(seg: readonly Token[], target: ParsedTarget | null | undefined): number | undefined {
  const { parsed, issues, explicitComparator } = parseTokens(seg)
  if (!parsed || issues || !explicitComparator) return undefined
  const below = parsed.comparator === '<' || parsed.comparator === '<='
  if (!below && parsed.comparator !== '>' && parsed.comparator !== '>=') return undefined
  if (!target) return parsed.value
  if (parsed.change && !target.change) return undefined
  const w = parsed.window
  if (w && (w.kind !== target.window?.kind || w.unit !== target.window.unit)) return undefined
  if (parsed.percentile !== undefined && target.percentile !== undefined && parsed.percentile !== target.percentile) {
    return undefined
  }
  const direction = defaultDirection(target)
  if ((direction === 'higher' && !below) || (direction === 'lower' && below)) return undefined
  return convertValue(parsed.value, parsed.unit, target.unit) ?? undefined
}

/**
 * Reads an alert-threshold cell. Ratios of the target set redRatio (or yellowRatio when the text says
 * yellow/黄色); one absolute boundary sets redValue; period-over-period rules go to `rules`. Whatever is
 * not understood leaves the defaults (red 0.8, yellow 0.9) and is kept only in `text`; nothing is invented.
 */
export function parseAlertThreshold(text: string, target?: ParsedTarget | null): AlertThresholds {
  const trimmed = text.trim()
  const result: AlertThresholds = { redRatio: DEFAULT_RED, yellowRatio: DEFAULT_YELLOW, rules: [] }
  if (trimmed) result.text = trimmed
  const absolute: number[] = []
  for (const line of trimmed.split(/\r?\n/)) {
    const parts = segments(tokenize(line))
    for (const seg of parts) {
      const rule = changeRuleFromTokens(seg, parts.length === 1 ? line.trim() : spanText(seg, 0))
      if (rule) {
        result.rules.push(rule)
        continue
      }
      if (mentionsChangeRule(seg)) continue
      const yellow = seg.some((t) => YELLOW_WORDS.has(t.text))
      const ratio = readRatio(seg)
      if (typeof ratio === 'number') {
        if (yellow) result.yellowRatio = ratio
        else result.redRatio = ratio
        continue
      }
      const value = ratio === undefined && !yellow ? readRedValue(seg, target) : undefined
      if (value !== undefined) absolute.push(value)
    }
  }
  // Two absolute boundaries ("> 90% 或 < 50%" split over lines) do not fit one redValue; keep neither.
  if (absolute.length === 1) result.redValue = absolute[0]
  return result
}
