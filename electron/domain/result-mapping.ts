import * as z from './zod'
import { AppError } from './errors'
import { GRAINS } from './period'

const column = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))

/**
 * Several rows of one period become one value only in ways valid for the metric: counts add up,
 * a ratio is recomputed from its numerator and denominator sums, an average is weighted by its count.
 */
export const combineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sum') }),
  z.strictObject({ kind: z.literal('ratio'), numerator: column, denominator: column, factor: z._default(z.number().check(z.positive()), 1) }),
  z.strictObject({ kind: z.literal('weighted'), weight: column })
])
export type Combine = z.output<typeof combineSchema>

/** How the table a formula returns becomes one value per period. Part of the KPI: revisioned and exported. */
export const resultMappingSchema = z.strictObject({
  /** The value column; omitted when the result is one number. */
  value: z.optional(column),
  /** The column saying which period a row describes; omitted when the bound period is the row's. */
  period: z.optional(column),
  /** What one period-column value spans; read from the values when omitted. */
  grain: z.optional(z.enum(GRAINS)),
  /** Keeps only the rows where this column holds this value (e.g. task_type = all). */
  segment: z.optional(z.strictObject({ column, value: z.string().check(z.maxLength(500)) })),
  combine: z.optional(combineSchema),
  /** Multiplies every value: 100 turns ratios into the KPI's percent, 0.01 percents into its ratio. */
  scale: z.optional(z.number().check(z.positive())),
  /** The formula describes "now" (CURRENT_DATE windows): pulled as of the pull time, never backfilled. */
  rolling: z.optional(z.boolean())
})
export type ResultMapping = z.output<typeof resultMappingSchema>

const trimNumber = (n: number) => String(Math.round(n * 1e9) / 1e9)

function combineText(combine: Combine): string {
  switch (combine.kind) {
    case 'sum':
      return 'sum'
    case 'ratio':
      return `ratio(${combine.numerator}/${combine.denominator}${combine.factor !== 1 ? `*${trimNumber(combine.factor)}` : ''})`
    case 'weighted':
      return `weighted(${combine.weight})`
  }
}

/** The mapping as one line, e.g. `value=success_rate; period=date:day; segment=task_type=all`. Read back by parseMapping. */
export function formatMapping(mapping: ResultMapping | null): string {
  if (!mapping) return ''
  const parts: string[] = []
  if (mapping.value) parts.push(`value=${mapping.value}`)
  if (mapping.period) parts.push(`period=${mapping.period}${mapping.grain ? `:${mapping.grain}` : ''}`)
  else if (mapping.grain) parts.push(`grain=${mapping.grain}`)
  if (mapping.segment) parts.push(`segment=${mapping.segment.column}=${mapping.segment.value}`)
  if (mapping.combine) parts.push(`combine=${combineText(mapping.combine)}`)
  if (mapping.scale !== undefined) parts.push(`scale=${trimNumber(mapping.scale)}`)
  if (mapping.rolling) parts.push('rolling')
  return parts.join('; ')
}

const invalid = (message: string, text: string): never => {
  throw new AppError('VALIDATION', `Mapping "${text}": ${message}`, { field: 'mapping' })
}

function parseCombine(value: string, text: string): Combine {
  if (value === 'sum') return { kind: 'sum' }
  const ratio = /^ratio\(\s*([^/()]+?)\s*\/\s*([^*()]+?)\s*(?:\*\s*([\d.]+)\s*)?\)$/.exec(value)
  if (ratio) return { kind: 'ratio', numerator: ratio[1]!, denominator: ratio[2]!, factor: ratio[3] ? Number(ratio[3]) : 1 }
  const weighted = /^weighted\(\s*([^()]+?)\s*\)$/.exec(value)
  if (weighted) return { kind: 'weighted', weight: weighted[1]! }
  return invalid(`combine is sum, ratio(numerator/denominator[*100]) or weighted(count column), not "${value}".`, text)
}

/**
 * Reads a mapping written as `key=value` pairs separated by `;` (value, period[:grain], grain, segment=column=value,
 * combine, scale, rolling) or as JSON. An empty text clears the mapping.
 */
export function parseMapping(text: string): ResultMapping | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  let raw: unknown
  if (trimmed.startsWith('{')) {
    try {
      raw = JSON.parse(trimmed)
    } catch {
      return invalid('not valid JSON.', text)
    }
  } else {
    const draft: Record<string, unknown> = {}
    for (const part of trimmed.split(/\s*[;\n]\s*/).filter(Boolean)) {
      const at = part.indexOf('=')
      const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase()
      const value = at < 0 ? '' : part.slice(at + 1).trim()
      switch (key) {
        case 'value':
          draft.value = value
          break
        case 'period': {
          const [name, grain] = value.split(/:(?=[a-z]+$)/i)
          draft.period = name
          if (grain) draft.grain = grain.toLowerCase()
          break
        }
        case 'grain':
          draft.grain = value.toLowerCase()
          break
        case 'segment': {
          const eq = value.indexOf('=')
          if (eq <= 0) invalid('segment is written column=value, e.g. segment=task_type=all.', text)
          draft.segment = { column: value.slice(0, eq).trim(), value: value.slice(eq + 1).trim() }
          break
        }
        case 'combine':
          draft.combine = parseCombine(value.replace(/\s+/g, ''), text)
          break
        case 'scale':
          draft.scale = Number(value.replace(/^[x×*]/, ''))
          break
        case 'rolling':
          draft.rolling = value === '' || /^(true|yes|1)$/i.test(value)
          break
        default:
          invalid(`unknown key "${key}" (keys: value, period, grain, segment, combine, scale, rolling).`, text)
      }
    }
    raw = draft
  }
  const parsed = resultMappingSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return invalid(`${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`, text)
  }
  const mapping = parsed.data
  if (!mapping.rolling) delete mapping.rolling
  return Object.keys(mapping).length ? mapping : null
}
