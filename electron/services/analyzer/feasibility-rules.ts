import type { ParsedTarget } from '../domain/kpi'
import type { ProposalDraft } from '../domain/proposal'
import { orientationOf } from './attainment'
import { groupFindings, say, type Finding } from './findings'
import { fmt, makeTarget, prefersChinese, roundNice, targetText, withUnit } from './format'
import { isManualSource } from './gates'
import type { AnalyzerKpi, FormulaCheck } from './types'

const DURATION_UNITS = new Set(['ms', 's', 'min', 'h', 'day'])

function checkFinding(check: Extract<FormulaCheck, { ok: false }>, zh: boolean): Finding {
  const missing = check.missing?.length ? check.missing.join(', ') : ''
  const rule = `feasibility.${check.code}`
  switch (check.code) {
    case 'missing-table':
    case 'missing-column': {
      const kind = check.code === 'missing-table' ? say(zh, '表', 'tables') : say(zh, '列', 'columns')
      const names = missing || check.message
      return {
        rule,
        title: `missing ${check.code === 'missing-table' ? 'tables' : 'columns'}`,
        note: {
          line: say(zh, `分析器：公式引用的${kind}在数据源中不存在：${names}。`, `Analyzer: the formula refers to ${kind} missing from the data source: ${names}.`),
          rationale: `The formula check failed: ${check.message}. Fix the formula or replace the KPI with one the schema supports.`
        }
      }
    }
    case 'write':
      return { rule, title: 'formula writes', note: { line: say(zh, '分析器：公式包含写操作，只允许只读查询。', 'Analyzer: the formula writes data; only read-only queries are allowed.'), rationale: `The formula was refused before reaching the database: ${check.message}.` } }
    case 'syntax':
      return { rule, title: 'formula does not parse', note: { line: say(zh, `分析器：公式无法解析：${check.message}`, `Analyzer: the formula does not parse: ${check.message}`), rationale: 'A formula that does not parse cannot be pulled on schedule.' } }
    case 'failed':
    case 'no-source':
      return { rule, title: 'formula fails', note: { line: say(zh, `分析器：公式运行失败：${check.message}`, `Analyzer: the formula failed to run: ${check.message}`), rationale: 'The feasibility gate needs the formula to return a number.' } }
  }
}

/** A target no system can reach: a share above 100 %, a score above its scale, a duration of 0 or less. */
function implausibleTarget(kpi: AnalyzerKpi, parsed: ParsedTarget, current: number | undefined, zh: boolean): Finding | null {
  const orientation = orientationOf(parsed, kpi.fields.direction)
  const now = current === undefined ? '' : ` The formula returns ${fmt(current)} today.`
  const top = parsed.comparator === 'between' ? Math.max(parsed.value, parsed.upper ?? parsed.value) : parsed.value
  let ceiling: number | null = null
  if (parsed.unit === '%' && !parsed.change && orientation !== 'lower' && top > 100) ceiling = 100
  if (parsed.scale !== undefined && top > parsed.scale) ceiling = parsed.scale
  if (ceiling !== null) {
    const lowered: ParsedTarget = parsed.comparator === 'between'
      ? { ...parsed, value: Math.min(parsed.value, ceiling), upper: Math.min(parsed.upper ?? ceiling, ceiling) }
      : { ...parsed, value: ceiling }
    return {
      rule: 'feasibility.implausible-target',
      title: 'target beyond the possible',
      patch: { field: 'target', value: makeTarget(lowered), rationale: `${targetText(parsed)} cannot be reached: the value cannot exceed ${withUnit(ceiling, parsed.unit)}. Lowered to the ceiling; the trial will show a realistic level.${now}` }
    }
  }
  const isDuration = parsed.percentile !== undefined || DURATION_UNITS.has(parsed.unit ?? '')
  if (orientation === 'lower' && isDuration && parsed.value <= 0) {
    if (current !== undefined && current > 0) {
      const relaxed: ParsedTarget = { ...parsed, value: roundNice(current) }
      return {
        rule: 'feasibility.implausible-target',
        title: 'target beyond the possible',
        patch: { field: 'target', value: makeTarget(relaxed), rationale: `${targetText(parsed)} is impossible: no system answers in zero time. Suggested ${targetText(relaxed)}, the value the formula returns today — a starting point to refine in the trial, not a benchmark.` }
      }
    }
    return {
      rule: 'feasibility.implausible-target',
      title: 'target beyond the possible',
      note: {
        line: say(zh, `分析器：目标 ${targetText(parsed)} 不可能达到，请按当前系统能力设定。`, `Analyzer: the target ${targetText(parsed)} cannot be reached — set it from what the system does today.`),
        rationale: `${targetText(parsed)} is impossible: a duration or percentile latency cannot be zero.`
      }
    }
  }
  return null
}

/** Feasibility review of one KPI, given the result of its formula check (null when not checked). */
export function feasibilityProposals(kpi: AnalyzerKpi, check: FormulaCheck | null): ProposalDraft[] {
  const fields = kpi.fields
  const zh = prefersChinese(fields.name, fields.description)
  const findings: Finding[] = []
  const proposals: ProposalDraft[] = []
  const manual = isManualSource(fields.dataSource)
  const noFormula = fields.formula.trim() === ''
  const unreachable = check?.ok === false && check.code === 'no-source'

  if (check && !check.ok) findings.push(checkFinding(check, zh))
  if (!manual && (noFormula || unreachable)) {
    const why = noFormula ? 'It has no formula' : `Its data source "${fields.dataSource}" is not a connected source`
    findings.push({
      rule: 'feasibility.uncollectable',
      title: 'cannot be collected automatically',
      patch: { field: 'dataSource', value: 'manual', rationale: `${why}, so no value can be pulled. Enter values by hand (manual), or retire the KPI.` }
    })
    proposals.push({
      kind: 'retire',
      code: fields.code,
      rationale: `${fields.code} ${fields.name} cannot be collected: ${why.toLowerCase()}. Retire it unless someone enters the values by hand.`,
      rule: 'feasibility.uncollectable-retire'
    })
  }
  const parsed = fields.target?.parsed
  if (parsed) {
    const implausible = implausibleTarget(kpi, parsed, check?.ok ? check.value : undefined, zh)
    if (implausible) findings.push(implausible)
  }
  const grouped = groupFindings(kpi, findings, 'Feasibility check')
  return grouped ? [grouped, ...proposals] : proposals
}
