import { noteText } from '../../domain/formula-preview'
import type { Frequency, ParsedTarget } from '../../domain/kpi'
import { formatMapping } from '../../domain/result-mapping'
import type { ProposalDraft } from '../../domain/proposal'
import { orientationOf } from './attainment'
import { ask, groupFindings, say, type Finding } from './findings'
import { fmt, makeTarget, roundNice, targetText, withUnit, writesChinese } from './format'
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
      return ask(
        rule,
        say(zh, `数据源缺少${kind}`, `missing ${kind}`),
        say(zh, `分析器：公式引用的${kind}在数据源中不存在：${names}。`, `Analyzer: the formula refers to ${kind} missing from the data source: ${names}.`),
        say(
          zh,
          `公式检查失败：${check.message}。请修正公式，或换成现有数据结构能支持的指标。`,
          `The formula check failed: ${check.message}. Fix the formula or replace the KPI with one the schema supports.`
        )
      )
    }
    case 'write':
      return ask(
        rule,
        say(zh, '公式包含写操作', 'formula writes'),
        say(zh, '分析器：公式包含写操作，只允许只读查询。', 'Analyzer: the formula writes data; only read-only queries are allowed.'),
        say(zh, `公式在到达数据库之前就被拒绝：${check.message}。`, `The formula was refused before reaching the database: ${check.message}.`)
      )
    case 'syntax':
      return ask(
        rule,
        say(zh, '公式无法解析', 'formula does not parse'),
        say(zh, `分析器：公式无法解析：${check.message}`, `Analyzer: the formula does not parse: ${check.message}`),
        say(zh, '无法解析的公式不能按计划拉取数据。', 'A formula that does not parse cannot be pulled on schedule.')
      )
    case 'failed':
    case 'no-source':
      return ask(
        rule,
        say(zh, '公式运行失败', 'formula fails'),
        say(zh, `分析器：公式运行失败：${check.message}`, `Analyzer: the formula failed to run: ${check.message}`),
        say(zh, '可行性关卡要求公式能返回一个数值。', 'The feasibility gate needs the formula to return a number.')
      )
  }
}

/** Returns, growth and index values are ratios without a ceiling: an ROI of 200% is an ambition, not an impossibility. */
const UNBOUNDED = /\broi\b|return on|回报|收益率|growth|增长|增速|index|指数|lift|倍|同比|环比|yoy|mom\b/i

function unbounded(kpi: AnalyzerKpi): boolean {
  const { name, description, formula, mapping } = kpi.fields
  return UNBOUNDED.test(`${name} ${description} ${mapping?.value ?? ''}`) || /\broi\b|growth/i.test(formula)
}

/** A target no system can reach: a share above 100 % (not a return or growth), a score above its scale, a duration of 0 or less. */
function implausibleTarget(kpi: AnalyzerKpi, parsed: ParsedTarget, current: number | undefined, zh: boolean): Finding | null {
  const orientation = orientationOf(parsed, kpi.fields.direction)
  const now = current === undefined ? '' : say(zh, `公式当前返回 ${fmt(current)}。`, ` The formula returns ${fmt(current)} today.`)
  const title = say(zh, '目标不可能达到', 'target beyond the possible')
  const stated = targetText(parsed, zh)
  const top = parsed.comparator === 'between' ? Math.max(parsed.value, parsed.upper ?? parsed.value) : parsed.value
  let ceiling: number | null = null
  if (parsed.unit === '%' && !parsed.change && !unbounded(kpi) && orientation !== 'lower' && top > 100) ceiling = 100
  if (parsed.scale !== undefined && top > parsed.scale) ceiling = parsed.scale
  if (ceiling !== null) {
    const lowered: ParsedTarget =
      parsed.comparator === 'between'
        ? { ...parsed, value: Math.min(parsed.value, ceiling), upper: Math.min(parsed.upper ?? ceiling, ceiling) }
        : { ...parsed, value: ceiling }
    const ceilingText = withUnit(ceiling, parsed.unit)
    return {
      rule: 'feasibility.implausible-target',
      title,
      patch: {
        field: 'target',
        value: makeTarget(lowered, zh),
        rationale: say(
          zh,
          `${stated} 无法达到：数值不可能超过 ${ceilingText}。已降到上限，实际水平由试运行确定。${now}`,
          `${stated} cannot be reached: the value cannot exceed ${ceilingText}. Lowered to the ceiling; the trial will show a realistic level.${now}`
        )
      }
    }
  }
  const isDuration = parsed.percentile !== undefined || DURATION_UNITS.has(parsed.unit ?? '')
  if (orientation === 'lower' && isDuration && parsed.value <= 0) {
    if (current !== undefined && current > 0) {
      const relaxed = makeTarget({ ...parsed, value: roundNice(current) }, zh)
      return {
        rule: 'feasibility.implausible-target',
        title,
        patch: {
          field: 'target',
          value: relaxed,
          rationale: say(
            zh,
            `${stated} 不可能达到：没有系统能在零时间内响应。建议先用公式当前返回的 ${relaxed.text}，作为试运行中继续调整的起点，而非行业基准。`,
            `${stated} is impossible: no system answers in zero time. Suggested ${relaxed.text}, the value the formula returns today — a starting point to refine in the trial, not a benchmark.`
          )
        }
      }
    }
    return {
      rule: 'feasibility.implausible-target',
      title,
      note: {
        line: say(
          zh,
          `分析器：目标 ${stated} 不可能达到，请按当前系统能力设定。`,
          `Analyzer: the target ${stated} cannot be reached — set it from what the system does today.`
        ),
        rationale: say(zh, `${stated} 不可能达到：时长或分位延迟不可能为零。`, `${stated} is impossible: a duration or percentile latency cannot be zero.`)
      }
    }
  }
  return null
}

/** A table without a mapping gets the app's proposal; a result that ignores the period gets the rewrite binding its dates. */
function resultFindings(check: Extract<FormulaCheck, { ok: true }>, frequency: Frequency | null, zh: boolean): Finding[] {
  const findings: Finding[] = []
  const mapping = check.proposal?.mapping
  if (mapping) {
    const text = formatMapping(mapping)
    const open = check.proposal!.warnings.map(noteText).join(' ')
    findings.push({
      rule: 'feasibility.map-result',
      title: say(zh, '结果需要映射', 'result needs a mapping'),
      patch: {
        field: 'mapping',
        value: mapping,
        rationale: say(
          zh,
          `公式返回一张表，而不是一个数。建议的结果映射：${text}。${open ? `尚待决定：${open}` : ''}`,
          `The formula returns a table, not one number. Proposed mapping: ${text}. ${check.proposal!.reasons.map(noteText).join(' ')}${open ? ` Still to decide: ${open}` : ''}`
        )
      }
    })
  }
  const unbound = check.unbound
  if (!unbound) return findings
  const rewrite = unbound.rewrite
  if (!rewrite) {
    findings.push(
      ask(
        'feasibility.unbound',
        say(zh, '结果与周期无关', 'result ignores the period'),
        say(
          zh,
          '分析器：公式的结果与周期无关；请绑定 :period_start / :period_end，映射周期列，或标记为滚动指标。',
          'Analyzer: the formula gives the same result for every period; bind :period_start / :period_end, map a period column, or mark it rolling.'
        ),
        unbound.message
      )
    )
    return findings
  }
  const diff = rewrite.changes.map((c) => `- ${c.before.trim()}\n+ ${c.after.trim()}`).join('\n')
  findings.push({
    rule: 'feasibility.unbound',
    title: say(zh, '公式写死了日期', 'dates written into the formula'),
    patch: {
      field: 'formula',
      value: rewrite.formula,
      rationale: say(
        zh,
        `公式写死了日期或读取当前时间，任何周期都会得到同样的结果。改为绑定 :period_start / :period_end：\n${diff}`,
        `The formula reads fixed dates or the clock, so every period would get the same result. Bound to :period_start / :period_end instead:\n${diff}`
      )
    }
  })
  if (rewrite.frequency && rewrite.frequency !== frequency) {
    findings.push({
      rule: 'feasibility.unbound',
      title: say(zh, '公式写死了日期', 'dates written into the formula'),
      patch: {
        field: 'frequency',
        value: rewrite.frequency,
        rationale: say(
          zh,
          `原公式的日期跨度为一个${GRAIN_ZH[rewrite.grain!]}；按此频率拉取，改写后的公式仍计算同样长度的窗口。`,
          `The dates in the formula spanned one ${rewrite.grain}; pulled at this frequency, the rewritten formula measures windows of the same length.`
        )
      }
    })
  }
  return findings
}

const GRAIN_ZH: Record<string, string> = { day: '日', week: '周', month: '月', quarter: '季度' }

function assignFinding(note: string, zh: boolean): Finding {
  return ask(
    'feasibility.assign-source',
    say(zh, '尚未指定数据源', 'no data source assigned'),
    say(
      zh,
      `分析器：请为该指标指定一个已连接的数据源（PRD 中写的是：${note}）。`,
      `Analyzer: assign a connected data source to this KPI (the PRD says: ${note}).`
    ),
    say(
      zh,
      `“${note}”只是数据来源的描述，不是连接；指定连接后公式才能运行。`,
      `"${note}" describes where the data comes from; it is no connection. The formula runs once a connection is assigned.`
    )
  )
}

/** Feasibility review of one KPI, given the result of its formula check (null when not checked). */
export function feasibilityProposals(kpi: AnalyzerKpi, check: FormulaCheck | null): ProposalDraft[] {
  const fields = kpi.fields
  const zh = writesChinese(kpi)
  const findings: Finding[] = []
  const proposals: ProposalDraft[] = []
  const manual = isManualSource(fields.dataSource)
  const noFormula = fields.formula.trim() === ''
  const unreachable = check?.ok === false && check.code === 'no-source'

  const unassigned = fields.dataSource.trim() === '' && fields.sourceNote.trim() !== '' && !noFormula
  if (unassigned) findings.push(assignFinding(fields.sourceNote, zh))
  else if (check && !check.ok) findings.push(checkFinding(check, zh))
  if (check?.ok) findings.push(...resultFindings(check, fields.frequency, zh))
  if (!manual && !unassigned && (noFormula || unreachable)) {
    const why = noFormula
      ? say(zh, '没有公式', 'it has no formula')
      : say(zh, `数据来源“${fields.dataSource}”不是已连接的数据源`, `its data source "${fields.dataSource}" is not a connected source`)
    findings.push({
      rule: 'feasibility.uncollectable',
      title: say(zh, '无法自动采集', 'cannot be collected automatically'),
      patch: {
        field: 'dataSource',
        value: 'manual',
        rationale: say(
          zh,
          `${why}，无法拉取数值。请改为手工录入（manual），或将该指标退役。`,
          `${why.charAt(0).toUpperCase()}${why.slice(1)}, so no value can be pulled. Enter values by hand (manual), or retire the KPI.`
        )
      }
    })
    proposals.push({
      kind: 'retire',
      code: fields.code,
      rationale: say(
        zh,
        `${fields.code} ${fields.name} 无法采集：${why}。除非有人手工录入数值，否则建议退役。`,
        `${fields.code} ${fields.name} cannot be collected: ${why}. Retire it unless someone enters the values by hand.`
      ),
      rule: 'feasibility.uncollectable-retire'
    })
  }
  const parsed = fields.target?.parsed
  if (parsed) {
    const implausible = implausibleTarget(kpi, parsed, check?.ok ? check.value : undefined, zh)
    if (implausible) findings.push(implausible)
  }
  const grouped = groupFindings(kpi, findings, { zh: '可行性检查', en: 'Feasibility check' })
  return grouped ? [grouped, ...proposals] : proposals
}
