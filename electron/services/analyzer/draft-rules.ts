import type { AlertThresholds, Direction, KpiFields, ParsedTarget } from '../../domain/kpi'
import type { ProposalDraft } from '../../domain/proposal'
import { frequencyLabel } from '../export/kpi-text'
import { DEFAULT_RED_RATIO, DEFAULT_YELLOW_RATIO, orientationOf, type Orientation } from './attainment'
import { guessTargetFromText, suggestFrequency, vagueWords } from './draft-hints'
import { ask, groupFindings, say, type Finding } from './findings'
import { fmt, targetText, writesChinese } from './format'
import type { AnalyzerKpi } from './types'
import { passageFacts, type PassageFacts } from './draft-passage'
import { benchmarkOf, metricDefinition, type MetricDefinition } from './metric-definitions'

const DIRECTION_ZH: Record<Direction, string> = { higher: '越高越好', lower: '越低越好', range: '落在区间内为好' }
const DIRECTION_EN: Record<Direction, string> = { higher: 'higher-is-better', lower: 'lower-is-better', range: 'in-range' }

/** The formula template of a standard definition, with where it comes from and what it assumed. */
function definitionFinding(definition: MetricDefinition, zh: boolean): Finding {
  const by = definition.definedBy ? say(zh, `（定义来源：${definition.definedBy}）`, ` (defined by ${definition.definedBy})`) : ''
  const assumed = definition.assumed ? say(zh, `；${definition.assumed.zh}`, `; ${definition.assumed.en}`) : ''
  return {
    rule: 'draft.definition',
    title: say(zh, '按标准定义补全', 'standard definition'),
    patch: {
      field: 'formula',
      value: say(zh, definition.formula.zh, definition.formula.en),
      rationale: say(
        zh,
        `${definition.label.zh}的标准定义${by}${assumed}。请按产品自己的事件调整，可行性评审时再写成 SQL。`,
        `The standard definition of ${definition.label.en}${by}${assumed}. Adjust it to the product's own events; the feasibility review turns it into SQL.`
      )
    }
  }
}

const quote = (line: string) => (line.length > 120 ? `${line.slice(0, 119)}…` : line)

/** A field the KPI lacks, filled from the line of its PRD passage that states it. */
function fromPrd(
  zh: boolean,
  rule: string,
  title: string,
  field: 'owner' | 'sourceNote' | 'frequency' | 'formula',
  fact: { value: string; line: string }
): Finding {
  const rationale = say(zh, `PRD 原文写明：“${quote(fact.line)}”。`, `The PRD says so: "${quote(fact.line)}".`)
  return { rule, title, patch: { field, value: fact.value, rationale } }
}

function targetFindings(fields: KpiFields, zh: boolean, facts: PassageFacts): { findings: Finding[]; parsed: ParsedTarget | null } {
  const text = fields.target?.text.trim() ?? ''
  const stated = facts.target
  if (stated && !fields.target?.parsed && stated.value.parsed) {
    const read = targetText(stated.value.parsed, zh)
    return {
      parsed: stated.value.parsed,
      findings: [
        {
          rule: 'draft.target-from-prd',
          title: say(zh, '目标取自 PRD 原文', 'target from the PRD'),
          patch: {
            field: 'target',
            value: stated.value,
            rationale: say(
              zh,
              `PRD 原文：“${quote(stated.line)}”，按 ${read} 理解，请确认。`,
              `The PRD says: "${quote(stated.line)}"; read as ${read}. Confirm it.`
            )
          }
        }
      ]
    }
  }
  if (text === '') {
    return {
      parsed: null,
      findings: [
        {
          rule: 'draft.no-target',
          title: say(zh, '缺少目标值', 'no target'),
          note: {
            line: say(zh, '分析器：缺少目标值，请写明比较符与数值（如 ≥ 60%）。', 'Analyzer: target missing — state a comparator and a value (e.g. ≥ 60%).'),
            rationale: say(zh, '没有目标值，无法判断红黄绿。', 'Without a target the KPI cannot be judged red, yellow or green.')
          }
        }
      ]
    }
  }
  const parsed = fields.target?.parsed ?? null
  if (parsed) return { findings: [], parsed }
  const guess = guessTargetFromText(text, fields.direction)
  if (!guess) {
    return {
      parsed: null,
      findings: [
        {
          rule: 'draft.target-vague',
          title: say(zh, '目标未量化', 'target not quantified'),
          note: {
            line: say(
              zh,
              `分析器：目标“${text}”没有数值，请改为可度量的目标（比较符 + 数值 + 单位）。`,
              `Analyzer: the target "${text}" has no number — rewrite it as comparator + value + unit.`
            ),
            rationale: say(zh, '目标中没有数值，无从衡量。', 'The target text holds no number, so nothing can be measured against it.')
          }
        }
      ]
    }
  }
  const several =
    guess.numbers.length > 1
      ? say(
          zh,
          `其中有多个数值（${guess.numbers.map(fmt).join('、')}），建议取最后一个。`,
          ` It holds several numbers (${guess.numbers.map(fmt).join(', ')}); the suggestion uses the last.`
        )
      : ''
  const how =
    guess.comparatorFrom === 'wording'
      ? say(zh, '比较符取自原文措辞', 'the comparator comes from the wording')
      : say(zh, `比较符按指标方向（${DIRECTION_ZH[fields.direction]}）确定`, `the comparator follows the KPI's direction (${fields.direction})`)
  const read = targetText(guess.parsed, zh)
  return {
    parsed: guess.parsed,
    findings: [
      {
        rule: 'draft.target-unparsed',
        title: say(zh, '目标未结构化', 'target not structured'),
        patch: {
          field: 'target',
          value: { text, parsed: guess.parsed },
          rationale: say(
            zh,
            `待确认的建议：解析器无法定位“${text}”中的数值，按 ${read} 理解（${how}）。${several}`,
            `Suggestion to confirm: the parser could not place the number in "${text}"; read as ${read} (${how}).${several}`
          )
        }
      }
    ]
  }
}

function thresholdsText(orientation: Orientation, zh: boolean): string {
  if (orientation === 'lower') return say(zh, '红：高于目标的125%；黄：高于111%', 'red above 125% of target, yellow above 111%')
  if (orientation === 'range') return say(zh, '黄：超出区间；红：超出区间宽度的20%以上', 'yellow outside the range, red beyond 20% of its width')
  return say(zh, '红：低于目标的80%；黄：低于90%', 'red below 80% of target, yellow below 90%')
}

/** Quantifiability lint of one draft KPI. */
export function draftFindings(kpi: AnalyzerKpi): Finding[] {
  const fields = kpi.fields
  const zh = writesChinese(kpi)
  // The PRD's own words come first: a field its passage states is proposed from that line, not guessed.
  const facts = passageFacts(kpi.passage, fields)
  const { findings, parsed } = targetFindings(fields, zh, facts)
  // A common metric named in the KPI brings its standard definition: formula template, unit, direction, benchmark.
  const definition = metricDefinition(fields.name, fields.description)

  if (fields.unit.trim() === '') {
    const title = say(zh, '缺少单位', 'no unit')
    if (parsed?.unit) {
      const from = fields.target?.parsed ? say(zh, '已解析的目标', 'the parsed target') : say(zh, '建议的目标', 'the suggested target')
      const shown = targetText(parsed, zh)
      const rationale = say(zh, `取自${from}（${shown}）。`, `Taken from ${from} (${shown}).`)
      findings.push({ rule: 'draft.no-unit', title, patch: { field: 'unit', value: parsed.unit, rationale } })
    } else if (definition) {
      const rationale = say(
        zh,
        `${definition.label.zh}的标准定义以 ${definition.unit} 计量。`,
        `The standard definition of ${definition.label.en} is measured in ${definition.unit}.`
      )
      findings.push({
        rule: 'draft.definition',
        title: say(zh, '按标准定义补全', 'standard definition'),
        patch: { field: 'unit', value: definition.unit, rationale }
      })
    } else {
      findings.push(
        ask(
          'draft.no-unit',
          title,
          say(zh, '分析器：缺少单位（%、ms、人、元…）。', 'Analyzer: unit missing (%, ms, users, $ …).'),
          say(zh, '没有单位的数值无法跨周期、跨数据源比较。', 'A value without a unit cannot be compared across periods or sources.')
        )
      )
    }
  }
  if (fields.formula.trim() === '' && facts.formula) {
    findings.push(fromPrd(zh, 'draft.formula-from-prd', say(zh, '公式取自 PRD 原文', 'formula from the PRD'), 'formula', facts.formula))
  } else if (fields.formula.trim() === '' && definition) {
    findings.push(definitionFinding(definition, zh))
  } else if (fields.formula.trim() === '' && fields.description.trim() === '') {
    findings.push(
      ask(
        'draft.no-formula',
        say(zh, '缺少公式或定义', 'no formula or definition'),
        say(zh, '分析器：缺少计算公式或定义（SQL 或文字说明）。', 'Analyzer: formula or definition missing (SQL or prose).'),
        say(zh, '没有公式或定义，每次算出的口径都可能不同。', 'Nobody can compute the KPI the same way twice without a formula or definition.')
      )
    )
  }
  if (fields.dataSource.trim() === '' && fields.sourceNote.trim() === '' && facts.dataSource) {
    findings.push(fromPrd(zh, 'draft.source-from-prd', say(zh, '数据来源说明取自 PRD 原文', 'source note from the PRD'), 'sourceNote', facts.dataSource))
  } else if (fields.dataSource.trim() === '' && fields.sourceNote.trim() === '') {
    findings.push(
      ask(
        'draft.no-source',
        say(zh, '缺少数据来源', 'no data source'),
        say(zh, '分析器：缺少数据来源（已连接的数据源、系统名称或 manual）。', 'Analyzer: data source missing (a connected source, a system name, or manual).'),
        say(zh, '可行性评审需要知道数据从哪里来。', 'The feasibility review needs to know where the numbers come from.')
      )
    )
  }
  if (fields.frequency === null && facts.frequency) {
    findings.push(fromPrd(zh, 'draft.frequency-from-prd', say(zh, '统计频率取自 PRD 原文', 'frequency from the PRD'), 'frequency', facts.frequency))
  } else if (fields.frequency === null) {
    const { frequency, why } = suggestFrequency(fields, zh)
    const rationale = say(zh, `建议${frequencyLabel(frequency, 'zh-CN')}统计：${why}。`, `Suggested ${frequency}: ${why}.`)
    findings.push({ rule: 'draft.no-frequency', title: say(zh, '缺少统计频率', 'no frequency'), patch: { field: 'frequency', value: frequency, rationale } })
  }
  if (fields.owner.trim() === '' && facts.owner) {
    findings.push(fromPrd(zh, 'draft.owner-from-prd', say(zh, '负责人取自 PRD 原文', 'owner from the PRD'), 'owner', facts.owner))
  } else if (fields.owner.trim() === '') {
    findings.push(
      ask(
        'draft.no-owner',
        say(zh, '缺少负责人', 'no owner'),
        say(zh, '分析器：缺少负责人。', 'Analyzer: owner missing.'),
        say(zh, '没有负责人，指标变红时无人跟进。', 'A KPI without an owner has nobody to act when it turns red.')
      )
    )
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
    findings.push(
      ask(
        'draft.vague-wording',
        say(zh, '措辞模糊', 'vague wording'),
        say(zh, `分析器：措辞模糊（${where}），请改为可度量的表述。`, `Analyzer: vague wording (${where}) — say what is measured and how much.`),
        say(
          zh,
          `${vague.map((hit) => `${hit.label}（${hit.words.join('、')}）`).join('、')}中的模糊词只表达了愿望，不是可度量的结果。`,
          `Vague words in ${vague.map((hit) => `${hit.key} (${hit.words.join(', ')})`).join(', ')} state a wish, not a measurable result.`
        )
      )
    )
  }

  // A direction the standard definition contradicts is corrected, unless the target's comparator says otherwise.
  const corrected =
    definition && fields.direction !== definition.direction && (!parsed || orientationOf(parsed, definition.direction) === definition.direction)
      ? definition
      : null
  if (corrected) {
    findings.push({
      rule: 'draft.definition',
      title: say(zh, '按标准定义补全', 'standard definition'),
      patch: {
        field: 'direction',
        value: corrected.direction,
        rationale: say(
          zh,
          `${corrected.label.zh}${DIRECTION_ZH[corrected.direction]}，当前方向为“${DIRECTION_ZH[fields.direction]}”。`,
          `By its standard definition, ${corrected.label.en} is ${DIRECTION_EN[corrected.direction]}; the KPI says ${DIRECTION_EN[fields.direction]}.`
        )
      }
    })
  }
  if (fields.alertThresholds === null) {
    // The defaults follow the direction the proposal sets, when it corrects the KPI's.
    const direction = corrected ? corrected.direction : fields.direction
    const orientation = parsed ? orientationOf(parsed, direction) : direction
    const text = thresholdsText(orientation, zh)
    const value: AlertThresholds = { text, redRatio: DEFAULT_RED_RATIO, yellowRatio: DEFAULT_YELLOW_RATIO, redValue: null, rules: [] }
    findings.push({
      rule: 'draft.no-thresholds',
      title: say(zh, '缺少预警阈值', 'no alert thresholds'),
      patch: {
        field: 'alertThresholds',
        value,
        rationale: say(zh, `产品默认阈值（${text}）；PRD 另有规定时请调整。`, `The product's default thresholds (${text}); adjust when the PRD names its own.`)
      }
    })
  }
  const benchmark = definition ? benchmarkOf(definition, zh) : null
  if (fields.benchmarks.length === 0 && benchmark) {
    findings.push({
      rule: 'draft.benchmark',
      title: say(zh, '补充公开基准', 'benchmark from a public reference'),
      patch: {
        field: 'benchmarks',
        value: [benchmark],
        rationale: say(
          zh,
          `${benchmark.label}：${benchmark.value}（来源：${benchmark.source}）。它是参考，不是目标，请确认是否适用于本产品。`,
          `${benchmark.label}: ${benchmark.value} (source: ${benchmark.source}). A reference, not a target: confirm it applies to this product.`
        )
      }
    })
  } else if (fields.benchmarks.length === 0) {
    findings.push(
      ask(
        'draft.no-benchmark',
        say(zh, '缺少行业基准', 'no benchmark'),
        say(zh, '分析器：缺少行业基准，请补充参考值及其来源。', 'Analyzer: benchmark missing — add an industry reference value and its source.'),
        say(
          zh,
          '行业基准能说明目标是激进还是保守；分析器不会凭空编造。',
          'A benchmark shows whether the target is ambitious or timid; the analyzer does not invent one.'
        )
      )
    )
  }
  return findings
}

export function draftProposal(kpi: AnalyzerKpi): ProposalDraft | null {
  return groupFindings(kpi, draftFindings(kpi), { zh: '可量化检查', en: 'Quantifiability lint' })
}
