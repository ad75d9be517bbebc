import type { SourceKind } from '../../../db/schema/integrations'
import { isAppError } from '../../domain/errors'
import { tokenize } from '../connectors/sql-lexer'
import type { FormulaCheck } from './types'

type Failed = Extract<FormulaCheck, { ok: false }>

/** What each database says when a name is unknown, and where the name is in its words. */
const UNKNOWN: { code: 'missing-column' | 'missing-table'; pattern: RegExp }[] = [
  { code: 'missing-column', pattern: /column "?([\w.$"\u0080-\uffff]+?)"? does not exist/i },
  { code: 'missing-column', pattern: /Unknown column '([^']+)'/i },
  { code: 'missing-column', pattern: /Referenced column "([^"]+)" not found/i },
  { code: 'missing-column', pattern: /does not have a column named "([^"]+)"/i },
  { code: 'missing-column', pattern: /no such column: ([\w.$"`[\]\u0080-\uffff]+)/i },
  { code: 'missing-column', pattern: /Missing columns: '([^']+)'/i },
  { code: 'missing-column', pattern: /Unknown (?:expression )?identifier [`']([^`']+)[`']/i },
  { code: 'missing-table', pattern: /relation "([^"]+)" does not exist/i },
  { code: 'missing-table', pattern: /schema "([^"]+)" does not exist/i },
  { code: 'missing-table', pattern: /Table '([^']+)' doesn't exist/i },
  { code: 'missing-table', pattern: /Table with name ([\w.$\u0080-\uffff]+) does not exist/i },
  { code: 'missing-table', pattern: /no such table: ([\w.$"`[\]\u0080-\uffff]+)/i },
  { code: 'missing-table', pattern: /Table ([\w.$`\u0080-\uffff]+) does not exist/i }
]
const SYNTAX = /syntax error|42601|You have an error in your SQL syntax|Parser Error/i

const bare = (name: string) => name.replace(/["`[\]]/g, '')

/** Line and column of the first use of a name in the formula (quoted or not, qualified or not), with its line. */
export function locateName(formula: string, name: string, kind: SourceKind): { line: number; column: number; text: string } | null {
  const last = bare(name).split('.').at(-1)!.toLowerCase()
  const token = tokenize(formula, kind).find(
    (t) => (t.type === 'word' && t.text.toLowerCase() === last) || (t.type === 'quoted' && t.text.slice(1, -1).toLowerCase() === last)
  )
  if (!token) return null
  const before = formula.slice(0, token.start)
  const line = before.split('\n').length
  return { line, column: token.start - before.lastIndexOf('\n'), text: formula.split('\n')[line - 1]!.trim() }
}

/**
 * A database's refusal to plan a formula, as a finding: an unknown column or table named by the database
 * itself (so aliases, CTE outputs and subquery columns never show up as missing), pointed at in the formula.
 */
export function databaseFinding(error: unknown, formula: string, kind: SourceKind): Failed {
  const message = (error as Error).message
  const sqlState = isAppError(error) ? (error.details?.sqlState as string | undefined) : undefined
  for (const { code, pattern } of UNKNOWN) {
    const m = pattern.exec(message)
    if (!m) continue
    const name = bare(m[1]!)
    const at = locateName(formula, name, kind)
    const where = at ? ` (line ${at.line}, column ${at.column}: ${at.text})` : ''
    return { ok: false, code, message: `${message.replace(/[.!]\s*$/, '')}${where}`, missing: [name] }
  }
  if (SYNTAX.test(message) || sqlState === '42601') return { ok: false, code: 'syntax', message }
  return { ok: false, code: 'failed', message }
}
