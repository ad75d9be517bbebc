import type { ColumnKind, PreviewCell, PreviewColumn, PreviewTable } from '../../domain/formula-preview'
import { periodContaining, readPeriodLabel, weekday, type Grain, type LabelledPeriod } from '../../domain/period'
import type { ResultSet } from '../connectors'
import { periodOf } from '../connectors/result-shape'

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const KIND_OF_TYPE: [RegExp, ColumnKind][] = [
  [/^interval|json|^time\b/i, 'other'],
  [/timestamp|datetime/i, 'timestamp'],
  [/^(nullable\()?date(32)?\)?$/i, 'date'],
  [/bool/i, 'boolean'],
  [/int|numeric|decimal|double|float|real|number|money/i, 'number'],
  [/char|text|string|uuid|enum|name|varchar/i, 'text']
]

function kindOfValues(values: unknown[]): ColumnKind {
  const present = values.filter((v) => v !== null && v !== undefined)
  if (present.length === 0) return 'other'
  if (present.every((v) => typeof v === 'number' || typeof v === 'bigint' || (typeof v === 'string' && NUMERIC.test(v.trim())))) return 'number'
  if (present.every((v) => typeof v === 'string' && ISO_DATE.test(v.trim()))) return 'date'
  if (present.every((v) => v instanceof Date || (typeof v === 'string' && periodOf(v) !== null))) return 'timestamp'
  if (present.every((v) => typeof v === 'boolean')) return 'boolean'
  return present.every((v) => typeof v === 'string') ? 'text' : 'other'
}

/** The column's kind from the database's type name; from its values where the name says nothing (SQLite expressions). */
export function columnKinds(table: ResultSet): PreviewColumn[] {
  const width = table.columns.length || table.rows[0]?.length || 0
  return Array.from({ length: width }, (_, i) => {
    const column = table.columns[i] ?? { name: `column ${i + 1}`, type: 'unknown' }
    const byType = KIND_OF_TYPE.find(([pattern]) => pattern.test(column.type))?.[1]
    return { name: column.name, type: column.type, kind: byType ?? kindOfValues(table.rows.map((r) => r[i])) }
  })
}

/** A cell as JSON can carry it to the UI: big integers and decimals stay exact as text. */
export function displayCell(value: unknown): PreviewCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value === 'object' && 'toDouble' in value && typeof value.toDouble === 'function') return Number(value.toDouble())
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`
  return JSON.stringify(value)
}

export function previewTable(table: ResultSet, limit: number): PreviewTable {
  return { columns: columnKinds(table), rows: table.rows.slice(0, limit).map((row) => row.map(displayCell)), rowCount: table.rows.length }
}

/** What a period cell says: a label with its own length (2025-W47), or a date with or without a time of day. */
export type PeriodCell = { label: LabelledPeriod } | { date: string; timed: boolean }

export function readPeriodCell(value: unknown): PeriodCell | null {
  if (typeof value === 'string') {
    const label = /^\d{4}-(W\d{1,2}|Q[1-4]|\d{2})$/i.test(value.trim()) ? readPeriodLabel(value) : null
    if (label) return { label }
  }
  const iso = periodOf(value)
  if (!iso) return null
  return { date: iso.slice(0, 10), timed: iso.length > 10 }
}

/** Grain words in column names, English and Chinese. */
const GRAIN_WORDS: [RegExp, Grain][] = [
  [/quarter|qtr|季/i, 'quarter'],
  [/month|月/i, 'month'],
  [/week|周/i, 'week'],
  [/day|date|日/i, 'day']
]

export function grainFromName(name: string): Grain | null {
  return GRAIN_WORDS.find(([pattern]) => pattern.test(name))?.[1] ?? null
}

const startsOf = (dates: string[], grain: Grain) => dates.every((d) => periodContaining(d, grain).start === d)

/**
 * The grain of a date column: what its name says when its values agree, else what the values show
 * (first days of quarters three months apart, of months, Mondays a week apart), else the KPI's own.
 */
export function detectGrain(dates: string[], hints: { name: string; sqlGrain?: Grain | null; fallback: Grain | null }): Grain {
  const unique = [...new Set(dates)].sort()
  for (const hinted of [hints.sqlGrain ?? null, grainFromName(hints.name)]) if (hinted && startsOf(unique, hinted)) return hinted
  if (unique.length > 1) {
    const months = unique.map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)))
    const gaps = months.slice(1).map((m, i) => m - months[i]!)
    if (startsOf(unique, 'quarter') && gaps.every((g) => g % 3 === 0)) return 'quarter'
    if (startsOf(unique, 'month')) return 'month'
    if (unique.every((d) => weekday(d) === 0)) return 'week'
    return 'day'
  }
  return hints.fallback && startsOf(unique, hints.fallback) ? hints.fallback : 'day'
}

/** `DATE_TRUNC('week', created_at) AS week` tells the grain of the column `week`. */
export function grainsInSql(sql: string): Map<string, Grain> {
  const grains = new Map<string, Grain>()
  const pattern = /date_trunc\(\s*'(day|week|month|quarter)'\s*,[^()]*(?:\([^()]*\)[^()]*)*\)(?:\s*::\s*\w+)?\s+(?:as\s+)?"?([\w\u0080-\uffff]+)"?/gi
  for (const m of sql.matchAll(pattern)) grains.set(m[2]!.toLowerCase(), m[1]!.toLowerCase() as Grain)
  return grains
}
