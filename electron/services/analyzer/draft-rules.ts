import type { AlertThresholds, KpiFields, ParsedTarget } from '../domain/kpi'
import type { ProposalDraft } from '../domain/proposal'
import { DEFAULT_RED_RATIO, DEFAULT_YELLOW_RATIO, orientationOf, type Orientation } from './attainment'
import { guessTargetFromText, suggestFrequency, vagueWords } from './draft-hints'
import { groupFindings, say, type Finding } from './findings'
import { fmt, prefersChinese, targetText } from './format'
import type { AnalyzerKpi } from './types'

function targetFindings(fields: KpiFields, zh: boolean): { findings: Finding[]; parsed: ParsedTarget | null } {
  const text = fields.target?.text.trim() ?? ''
  if (text === '') {
    return {
      parsed: null,
      findings: [{
        rule: 'draft.no-target',
        title: 'no target',
        note: {
          line: say(zh, '分析器：缺少目标值，请写明比较符与数值（如 ≥ 60%）。', 'Analyzer: target missing — state a comparator and a value (e.g. ≥ 60%).'),
          rationale: 'Without a target the KPI cannot be judged red, yellow or green.'
        }
      }]
    }
  }
  const parsed = fields.target?.parsed ?? null
  if (parsed) return { findings: [], parsed }
  const guess = guessTargetFromText(text, fields.direction)
  if (!guess) {
    return {
      parsed: null,
      findings: [{
        rule: 'draft.target-vague',
        title: 'target not quantified',
        note: {
          line: say(zh, `分析器：目标“${text}”没有数值，请改为可度量的目标（比较符 + 数值 + 单位）。`, `Analyzer: the target "${text}" has no number — rewrite it as comparator + value + unit.`),
          rationale: `The target text holds no number, so nothing can be measured against it.`
        }
      }]
    }
  }
  const several = guess.numbers.length > 1 ? ` It holds several numbers (${guess.numbers.map(fmt).join(', ')}); the suggestion uses the last.` : ''
  const how = guess.comparatorFrom === 'wording' ? 'the comparator comes from the wording' : `the comparator follows the KPI's direction (${fields.direction})`
  return {
    parsed: guess.parsed,
    findings: [{
      rule: 'draft.target-unparsed',
      title: 'target not structured',
      patch: {
        field: 'target',
        value: { text, parsed: guess.parsed },
        rationale: `Suggestion to confirm: the parser could not place the number in "${text}"; read as ${targetText(guess.parsed)} (${how}).${several}`
      }
    }]
  }
}

function thresholdsText(orientation: Orientation, zh: boolean): string {
  if (orientation === 'lower') return say(zh, '红：高于目标的125%；黄：高于111%', 'red above 125% of target, yellow above 111%')
  if (orientation === 'range') return say(zh, '黄：超出区间；红：超出区间宽度的20%以上', 'yellow outside the range, red beyond 20% of its width')
  return say(zh, '红：低于目标的80%；黄：低于90%', 'red below 80% of target, yellow below 90%')
}

function ask(rule: string, title: string, line: string, rationale: string): Finding {
  return { rule, title, note: { line, rationale } }
}

/** Quantifiability lint of one draft KPI. */
export function draftFindings(kpi: AnalyzerKpi): Finding[] {
  const fields = kpi.fields
  const zh = prefersChinese(fields.name, fields.description)
  const { findings, parsed } = targetFindings(fields, zh)

  if (fields.unit.trim() === '') {
    if (parsed?.unit) {
      const from = fields.target?.parsed ? 'the parsed target' : 'the suggested target'
      findings.push({ rule: 'draft.no-unit', title: 'no unit', patch: { field: 'unit', value: parsed.unit, rationale: `Taken from ${from} (${targetText(parsed)}).` } })
    } else {
      findings.push(ask('draft.no-unit', 'no unit', say(zh, '分析器：缺少单位（%、ms、人、元…）。', 'Analyzer: unit missing (%, ms, users, $ …).'), 'A value without a unit cannot be compared across periods or sources.'))
    }
  }
  if (fields.formula.trim() === '' && fields.description.trim() === '') {
    findings.push(ask('draft.no-formula', 'no formula or definition', say(zh, '分析器：缺少计算公式或定义（SQL 或文字说明）。', 'Analyzer: formula or definition missing (SQL or prose).'), 'Nobody can compute the KPI the same way twice without a formula or definition.'))
  }
  if (fields.dataSource.trim() === '') {
    findings.push(ask('draft.no-source', 'no data source', say(zh, '分析器：缺少数据来源（已连接的数据源、系统名称或 manual）。', 'Analyzer: data source missing (a connected source, a system name, or manual).'), 'The feasibility review needs to know where the numbers come from.'))
  }
  if (fields.frequency === null) {
    const { frequency, why } = suggestFrequency(fields)
    findings.push({ rule: 'draft.no-frequency', title: 'no frequency', patch: { field: 'frequency', value: frequency, rationale: `Suggested ${frequency}: ${why}.` } })
  }
  if (fields.owner.trim() === '') {
    findings.push(ask('draft.no-owner', 'no owner', say(zh, '分析器：缺少负责人。', 'Analyzer: owner missing.'), 'A KPI without an owner has nobody to act when it turns red.'))
  }

  const vague = (
    [
      ['name', say(zh, '名称', 'name'), fields.name],
      ['description', say(zh, '描述', 'description'), fields.description],
      ['target', say(zh, '目标', 'target'), fields.target?.text ?? '']
    ] as const
  )
    .map(([key, label, text]) => ({ key, label, words: vagueWords(text) }))
    .filter((hit) => hit.words.length > 0)
  if (vague.length > 0) {
    const where = vague.map((hit) => `${hit.label}${zh ? '：' : ': '}${hit.words.join(zh ? '、' : ', ')}`).join(zh ? '；' : '; ')
    findings.push(ask(
      'draft.vague-wording',
      'vague wording',
      say(zh, `分析器：措辞模糊（${where}），请改为可度量的表述。`, `Analyzer: vague wording (${where}) — say what is measured and how much.`),
      `Vague words in ${vague.map((hit) => `${hit.key} (${hit.words.join(', ')})`).join(', ')} state a wish, not a measurable result.`
    ))
  }

  if (fields.alertThresholds === null) {
    const orientation = parsed ? orientationOf(parsed, fields.direction) : fields.direction
    const value: AlertThresholds = { text: thresholdsText(orientation, zh), redRatio: DEFAULT_RED_RATIO, yellowRatio: DEFAULT_YELLOW_RATIO, redValue: null, rules: [] }
    findings.push({
      rule: 'draft.no-thresholds',
      title: 'no alert thresholds',
      patch: { field: 'alertThresholds', value, rationale: `The product's default thresholds (${thresholdsText(orientation, false)}); adjust when the PRD names its own.` }
    })
  }
  if (fields.benchmarks.length === 0) {
    findings.push(ask('draft.no-benchmark', 'no benchmark', say(zh, '分析器：缺少行业基准，请补充参考值及其来源。', 'Analyzer: benchmark missing — add an industry reference value and its source.'), 'A benchmark shows whether the target is ambitious or timid; the analyzer does not invent one.'))
  }
  return findings
}

export function draftProposal(kpi: AnalyzerKpi): ProposalDraft | null {
  return groupFindings(kpi, draftFindings(kpi), 'Quantifiability lint')
}
