import { AppError } from '../../domain/errors'
import type { MappedValue } from '../../domain/formula-preview'
import type { Frequency } from '../../domain/kpi'
import { GRAIN_OF_FREQUENCY, periodContaining, type Period } from '../../domain/period'
import type { ResultMapping } from '../../domain/result-mapping'
import type { ResultSet } from '../connectors'
import { periodOf, toNumber } from '../connectors/result-shape'
import { columnKinds, detectGrain, grainsInSql, readPeriodCell } from './result-table'

export interface MappingContext {
  /** The range the formula was bound to: values outside it are not the pull's to store. */
  range: Period
  frequency: Frequency | null
  /** The formula, whose DATE_TRUNC units tell the grain of a period column. */
  sql: string
}

export interface Mapped {
  values: MappedValue[]
  /** Periods whose value was NULL (no data, a division by zero): nothing is stored for them. */
  empty: Period[]
  /** Periods the result holds outside the range. */
  outside: number
}

// Float noise (0.62 × 100 = 62.00000000000001) would make an unchanged re-pull look changed.
const clean = (n: number) => Number(n.toPrecision(12))
const show = (value: unknown) => (value === null || value === undefined ? 'NULL' : `"${String(value).slice(0, 60)}"`)

function columnIndex(table: ResultSet, name: string, role: string): number {
  const names = table.columns.map((c) => c.name)
  let index = names.indexOf(name)
  if (index < 0) index = names.findIndex((n) => n.toLowerCase() === name.toLowerCase())
  if (index < 0) {
    throw new AppError(
      'MAPPING_COLUMN_MISSING',
      `The mapping's ${role} column "${name}" is not in the formula's result (columns: ${names.join(', ') || 'none'}). Was the formula changed? Update the mapping.`,
      { column: name, role, columns: names }
    )
  }
  return index
}

/** With no mapping, a result of one number or of (period, number) rows still maps itself, as it always did. */
function implicitMapping(table: ResultSet): ResultMapping | null {
  const width = table.columns.length || table.rows[0]?.length || 0
  if (width === 1 && table.rows.length <= 1) return null
  if (width === 2 && table.rows.every((r) => periodOf(r[0]) !== null || readPeriodCell(r[0]) !== null)) {
    return { period: table.columns[0]!.name, value: table.columns[1]!.name }
  }
  const numeric = columnKinds(table).filter((c) => c.kind === 'number')
  if (table.rows.length === 1 && numeric.length === 1) return { value: numeric[0]!.name }
  throw new AppError(
    'MAPPING_AMBIGUOUS',
    `The formula returns a table (${width} columns, ${table.rows.length} rows): map its value column (and its period column) first.`,
    { columns: width, rows: table.rows.length }
  )
}

/** The mapping a pull applies: the KPI's own, completed by what a one-number or (period, number) result says itself. */
export function effectiveMapping(table: ResultSet, given: ResultMapping | null): ResultMapping {
  return given && (given.value || given.period || given.segment || given.combine) ? given : { ...implicitMapping(table), ...given }
}

interface Group {
  period: Period
  rows: unknown[][]
}

function groupByPeriod(table: ResultSet, mapping: ResultMapping, ctx: MappingContext): Group[] {
  if (!mapping.period) return [{ period: ctx.range, rows: table.rows }]
  const at = columnIndex(table, mapping.period, 'period')
  const cells = table.rows.map((row, i) => {
    const cell = readPeriodCell(row[at])
    if (!cell) {
      throw new AppError('PERIOD_INVALID', `Row ${i + 1}: the period column "${mapping.period}" holds ${show(row[at])}, which is no date or period label.`, {
        row: i + 1
      })
    }
    return cell
  })
  const dates = cells.flatMap((c) => ('date' in c ? [c.date] : []))
  const grain =
    mapping.grain ??
    detectGrain(dates, {
      name: mapping.period,
      sqlGrain: grainsInSql(ctx.sql).get(mapping.period.toLowerCase()),
      fallback: ctx.frequency ? GRAIN_OF_FREQUENCY[ctx.frequency] : null
    })
  const groups = new Map<string, Group>()
  cells.forEach((cell, i) => {
    const period = 'label' in cell ? cell.label : periodContaining(cell.date, grain)
    const key = `${period.start}/${period.end}`
    const group = groups.get(key) ?? { period: { start: period.start, end: period.end }, rows: [] }
    group.rows.push(table.rows[i]!)
    groups.set(key, group)
  })
  return [...groups.values()].sort((a, b) => a.period.start.localeCompare(b.period.start))
}

function numberAt(row: unknown[], at: number, column: string, rowNumber: number): number | null {
  const cell = row[at]
  if (cell === null || cell === undefined) return null
  try {
    return toNumber(cell)
  } catch {
    throw new AppError('QUERY_NOT_NUMBER', `Row ${rowNumber}: the column "${column}" holds ${show(cell)}, which is not a number; map a numeric column.`, {
      column,
      row: rowNumber
    })
  }
}

function differing(table: ResultSet, rows: unknown[][], skip: Set<number>): string {
  for (let c = 0; c < (table.columns.length || rows[0]!.length); c++) {
    if (skip.has(c)) continue
    const values = [...new Set(rows.map((r) => String(r[c])))]
    if (values.length > 1)
      return ` (differing in ${table.columns[c]?.name ?? `column ${c + 1}`}: ${values.slice(0, 5).join(', ')}${values.length > 5 ? ' …' : ''})`
  }
  return ''
}

function combineGroup(table: ResultSet, group: Group, mapping: ResultMapping, valueAt: number, rowNumber: Map<unknown[], number>): number | null {
  const value = mapping.value ?? table.columns[valueAt]?.name ?? 'value'
  const num = (row: unknown[], at: number, name: string) => numberAt(row, at, name, rowNumber.get(row)!)
  const combine = mapping.combine
  if (!combine) {
    if (group.rows.length > 1) {
      const skip = new Set([valueAt, ...(mapping.period ? [columnIndex(table, mapping.period, 'period')] : [])])
      throw new AppError(
        'MAPPING_AMBIGUOUS',
        `${group.rows.length} rows describe ${group.period.start} → ${group.period.end}${differing(table, group.rows, skip)}: choose a segment, or combine them (sum, ratio, weighted).`,
        { period: group.period, rows: group.rows.length }
      )
    }
    return num(group.rows[0]!, valueAt, value)
  }
  switch (combine.kind) {
    case 'sum': {
      const present = group.rows.map((r) => num(r, valueAt, value)).filter((v): v is number => v !== null)
      return present.length ? present.reduce((a, b) => a + b, 0) : null
    }
    case 'ratio': {
      const n = columnIndex(table, combine.numerator, 'numerator')
      const d = columnIndex(table, combine.denominator, 'denominator')
      let top = 0
      let bottom = 0
      for (const row of group.rows) {
        const a = num(row, n, combine.numerator)
        const b = num(row, d, combine.denominator)
        if (a === null || b === null) continue
        top += a
        bottom += b
      }
      return bottom === 0 ? null : (top / bottom) * combine.factor
    }
    case 'weighted': {
      const w = columnIndex(table, combine.weight, 'weight')
      let total = 0
      let weights = 0
      for (const row of group.rows) {
        const v = num(row, valueAt, value)
        const weight = num(row, w, combine.weight)
        if (v === null || weight === null) continue
        total += v * weight
        weights += weight
      }
      return weights === 0 ? null : total / weights
    }
  }
}

/**
 * Turns a formula's table into one value per period: the segment's rows only, grouped by the period
 * column (or all of them for the bound period), combined as the mapping says, scaled, kept when
 * inside the bound range. A column the mapping names but the table lacks, or text where a number
 * belongs, is an error: nothing of the result is stored then.
 */
export function applyMapping(table: ResultSet, given: ResultMapping | null, ctx: MappingContext): Mapped {
  if (table.rows.length === 0) throw new AppError('QUERY_NO_ROW', 'The formula returned no row for this period.')
  const mapping = effectiveMapping(table, given)
  const valueAt = mapping.value ? columnIndex(table, mapping.value, 'value') : 0
  let rows = table.rows
  if (mapping.segment) {
    const at = columnIndex(table, mapping.segment.column, 'segment')
    const wanted = mapping.segment.value.trim().toLowerCase()
    rows = rows.filter(
      (r) =>
        String(r[at] ?? '')
          .trim()
          .toLowerCase() === wanted
    )
    if (rows.length === 0) {
      const seen = [...new Set(table.rows.map((r) => String(r[at])))].slice(0, 8)
      throw new AppError('QUERY_NO_ROW', `No row has ${mapping.segment.column} = '${mapping.segment.value}' (it holds: ${seen.join(', ')}).`, {
        column: mapping.segment.column
      })
    }
  }
  const rowNumber = new Map(table.rows.map((row, i) => [row, i + 1]))
  const values: MappedValue[] = []
  const empty: Period[] = []
  let outside = 0
  for (const group of groupByPeriod({ columns: table.columns, rows }, mapping, ctx)) {
    if (group.period.start < ctx.range.start || group.period.end > ctx.range.end) {
      outside++
      continue
    }
    const raw = combineGroup(table, group, mapping, valueAt, rowNumber)
    if (raw === null) empty.push(group.period)
    else values.push({ periodStart: group.period.start, periodEnd: group.period.end, value: clean(raw * (mapping.scale ?? 1)), rows: group.rows.length })
  }
  return { values, empty, outside }
}
