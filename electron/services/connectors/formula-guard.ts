import { createRequire } from 'node:module'
import type * as SqlParserModule from 'node-sql-parser'
import type { SourceKind } from '../../../db/schema/integrations'
import { AppError } from '../../domain/errors'
import { SIDE_EFFECT_FUNCTIONS } from './side-effect-functions'
import { significant, tokenize, type Token } from './sql-lexer'

// Loaded on the first check rather than at start-up: it is one of the slowest modules to load.
let parser: SqlParserModule.Parser | undefined
const sqlParser = (): SqlParserModule.Parser => {
  const { Parser } = createRequire(import.meta.url)('node-sql-parser') as typeof SqlParserModule
  return (parser ??= new Parser())
}

export const PERIOD_PARAMS = ['period_start', 'period_end'] as const

export interface FormulaCheck {
  tables: string[]
  columns: string[]
  /** `parser`: node-sql-parser understood the statement; `tokens`: it did not, the token-level guard decided. */
  checkedBy: 'parser' | 'tokens'
}

/** Statements that are not a SELECT and change something (data, schema, session, server). */
const WRITE_STATEMENTS = new Set([
  'insert',
  'update',
  'delete',
  'merge',
  'upsert',
  'replace',
  'drop',
  'alter',
  'create',
  'truncate',
  'grant',
  'revoke',
  'copy',
  'call',
  'do',
  'exec',
  'execute',
  'set',
  'reset',
  'pragma',
  'attach',
  'detach',
  'install',
  'load',
  'vacuum',
  'begin',
  'start',
  'commit',
  'rollback',
  'savepoint',
  'lock',
  'unlock',
  'rename',
  'optimize',
  'kill',
  'export',
  'import',
  'checkpoint',
  'reindex',
  'cluster',
  'comment',
  'refresh',
  'listen',
  'notify',
  'prepare',
  'deallocate',
  'handler',
  'system'
])

/** Words that never belong in a read: nested writes (`WITH d AS (DELETE …)`), `SELECT … INTO`, `FOR UPDATE`. */
const WRITE_WORDS = new Set([
  'insert',
  'update',
  'delete',
  'merge',
  'drop',
  'alter',
  'create',
  'truncate',
  'grant',
  'revoke',
  'copy',
  'into',
  'attach',
  'detach'
])

/** node-sql-parser has no ClickHouse or DuckDB grammar; both read close enough to PostgreSQL. */
const PARSER_DATABASE: Record<SourceKind, string> = {
  postgres: 'PostgresQL',
  duckdb: 'PostgresQL',
  clickhouse: 'PostgresQL',
  mysql: 'MariaDB',
  sqlite: 'Sqlite'
}

const refuse = (message: string, details?: Record<string, unknown>): never => {
  throw new AppError('SOURCE_WRITE_REFUSED', message, details)
}

/**
 * Accepts exactly one read-only SELECT (WITH … SELECT allowed) or throws QUERY_SYNTAX /
 * SOURCE_WRITE_REFUSED. The read-only session stays the real boundary; this refuses early and clearly.
 */
export function checkFormula(sql: string, kind: SourceKind): FormulaCheck {
  const tokens = tokenize(sql, kind)
  const code = withoutTrailingSemicolons(significant(tokens))
  if (code.length === 0) throw new AppError('QUERY_SYNTAX', 'The formula is empty.')
  if (code.some((t) => t.type === 'op' && t.text === ';')) {
    refuse('The formula holds more than one statement; a KPI formula is a single SELECT.')
  }
  const first = code[0]!
  const firstWord = first.type === 'word' ? first.text.toLowerCase() : ''
  if (WRITE_STATEMENTS.has(firstWord)) {
    refuse(`The formula starts with ${firstWord.toUpperCase()}; only SELECT queries may run on a data source.`, {
      statement: firstWord.toUpperCase()
    })
  }
  if (firstWord !== 'select' && firstWord !== 'with' && first.text !== '(') {
    throw new AppError('QUERY_SYNTAX', 'A KPI formula must be a SELECT query (WITH … SELECT is allowed).')
  }
  for (const t of code) {
    if (t.type === 'word' && WRITE_WORDS.has(t.text.toLowerCase())) {
      refuse(`The formula contains ${t.text.toUpperCase()}, which writes; only reads are allowed.`, {
        keyword: t.text.toUpperCase()
      })
    }
    if (t.type === 'param' && !(PERIOD_PARAMS as readonly string[]).includes(t.text.slice(1))) {
      throw new AppError('QUERY_SYNTAX', `Unknown parameter ${t.text}; only :period_start and :period_end are bound.`, {
        parameter: t.text
      })
    }
  }
  const fn = sideEffectCall(code, kind)
  if (fn) refuse(`The formula calls ${fn}(), which has side effects outside a read.`, { function: fn })

  const parsed = parse(tokens, kind)
  if (!parsed) return { tables: tablesFromTokens(code), columns: [], checkedBy: 'tokens' }
  return parsed
}

function withoutTrailingSemicolons(code: Token[]): Token[] {
  let end = code.length
  while (end > 0 && code[end - 1]!.text === ';') end--
  return code.slice(0, end)
}

function sideEffectCall(code: Token[], kind: SourceKind): string | null {
  const denied = SIDE_EFFECT_FUNCTIONS[kind]
  for (let i = 0; i + 1 < code.length; i++) {
    const t = code[i]!
    if ((t.type !== 'word' && t.type !== 'quoted') || code[i + 1]!.text !== '(') continue
    const name = (t.type === 'quoted' ? t.text.slice(1, -1) : t.text).toLowerCase()
    if (denied.has(name)) return name
  }
  return null
}

interface ParsedSelect {
  type: string
  into?: { expr?: unknown }
  with?: { name: { value: string } }[] | null
}

function parse(tokens: Token[], kind: SourceKind): FormulaCheck | null {
  // Parameters become literals for the parser only; binding happens elsewhere.
  const text = tokens.map((t) => (t.type === 'param' ? "'2000-01-01'" : t.text)).join('')
  let result: { ast: unknown; tableList: string[]; columnList: string[] }
  try {
    result = sqlParser().parse(text, { database: PARSER_DATABASE[kind] }) as typeof result
  } catch {
    return null
  }
  const statements = (Array.isArray(result.ast) ? result.ast : [result.ast]) as ParsedSelect[]
  if (statements.length !== 1) refuse('The formula holds more than one statement; a KPI formula is a single SELECT.')
  const select = statements[0]!
  if (select.type !== 'select') refuse(`The formula is a ${select.type.toUpperCase()} statement; only SELECT may run.`)
  if (select.into?.expr) refuse('SELECT … INTO writes its result; a KPI formula only reads.')
  const cteNames = new Set((select.with ?? []).map((w) => w.name.value.toLowerCase()))
  const tables = unique(
    result.tableList
      .map((entry) => entry.split('::'))
      .filter(([, , name]) => name !== undefined && !cteNames.has(name.toLowerCase()))
      .map(([, schema, name]) => (schema && schema !== 'null' ? `${schema}.${name}` : name!))
  )
  const columns = unique(result.columnList.map((entry) => entry.split('::')[2] ?? '').filter((c) => c !== '' && c !== '(.*)'))
  return { tables, columns, checkedBy: 'parser' }
}

/** Best-effort table names when the parser has a gap: identifiers after FROM / JOIN that are not CTEs. */
function tablesFromTokens(code: Token[]): string[] {
  const ctes = new Set<string>()
  const names: string[] = []
  const ident = (t: Token | undefined): string | null =>
    t && (t.type === 'word' || t.type === 'quoted') ? (t.type === 'quoted' ? t.text.slice(1, -1) : t.text) : null
  for (let i = 0; i < code.length; i++) {
    const word = code[i]!.text.toLowerCase()
    if (code[i + 1]?.text.toLowerCase() === 'as' && code[i + 2]?.text === '(' && ident(code[i])) {
      ctes.add(ident(code[i])!.toLowerCase())
    }
    if ((word === 'from' || word === 'join') && code[i]!.type === 'word') {
      let name = ident(code[i + 1])
      if (!name) continue
      if (code[i + 2]?.text === '.' && ident(code[i + 3])) name = `${name}.${ident(code[i + 3])}`
      if (code[i + 2]?.text !== '(') names.push(name)
    }
  }
  return unique(names.filter((n) => !ctes.has(n.toLowerCase())))
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
