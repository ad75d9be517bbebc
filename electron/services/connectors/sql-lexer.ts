import type { SourceKind } from '../../../db/schema/integrations'

export type TokenType = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'comment' | 'space' | 'op'

export interface Token {
  type: TokenType
  text: string
  start: number
  end: number
}

interface Dialect {
  /** Backslash escapes inside '…' (MySQL, ClickHouse). */
  backslashStrings: boolean
  /** "…" is a string literal rather than an identifier (MySQL default sql_mode). */
  doubleQuoteString: boolean
  backtickIdentifiers: boolean
  bracketIdentifiers: boolean
  dollarQuotes: boolean
  hashComments: boolean
  nestedComments: boolean
}

const DIALECTS: Record<SourceKind, Dialect> = {
  postgres: {
    backslashStrings: false,
    doubleQuoteString: false,
    backtickIdentifiers: false,
    bracketIdentifiers: false,
    dollarQuotes: true,
    hashComments: false,
    nestedComments: true
  },
  duckdb: {
    backslashStrings: false,
    doubleQuoteString: false,
    backtickIdentifiers: false,
    bracketIdentifiers: false,
    dollarQuotes: true,
    hashComments: false,
    nestedComments: false
  },
  mysql: {
    backslashStrings: true,
    doubleQuoteString: true,
    backtickIdentifiers: true,
    bracketIdentifiers: false,
    dollarQuotes: false,
    hashComments: true,
    nestedComments: false
  },
  sqlite: {
    backslashStrings: false,
    doubleQuoteString: false,
    backtickIdentifiers: true,
    bracketIdentifiers: true,
    dollarQuotes: false,
    hashComments: false,
    nestedComments: false
  },
  clickhouse: {
    backslashStrings: true,
    doubleQuoteString: false,
    backtickIdentifiers: true,
    bracketIdentifiers: false,
    dollarQuotes: false,
    hashComments: false,
    nestedComments: false
  }
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/

/**
 * Splits SQL into tokens so that literals and comments are never mistaken for code.
 * Where dialects disagree it errs towards exposing text as code (e.g. MySQL `/*! … *\/` runs).
 */
export function tokenize(sql: string, kind: SourceKind): Token[] {
  const d = DIALECTS[kind]
  const tokens: Token[] = []
  let i = 0
  const push = (type: TokenType, end: number): void => {
    tokens.push({ type, text: sql.slice(i, end), start: i, end })
    i = end
  }
  const quoted = (close: string, backslash: boolean): number => {
    let j = i + 1
    while (j < sql.length) {
      const c = sql[j]
      if (backslash && c === '\\') j += 2
      else if (c === close && sql[j + 1] === close) j += 2
      else if (c === close) return j + 1
      else j++
    }
    return sql.length
  }
  while (i < sql.length) {
    const c = sql[i]!
    const next = sql[i + 1]
    if (/\s/.test(c)) {
      let j = i + 1
      while (j < sql.length && /\s/.test(sql[j]!)) j++
      push('space', j)
    } else if (c === '-' && next === '-' && (kind !== 'mysql' || i + 2 >= sql.length || /\s/.test(sql[i + 2]!))) {
      const j = sql.indexOf('\n', i)
      push('comment', j < 0 ? sql.length : j)
    } else if (c === '#' && d.hashComments) {
      const j = sql.indexOf('\n', i)
      push('comment', j < 0 ? sql.length : j)
    } else if (c === '/' && next === '*') {
      // MySQL runs the body of /*! … */ and /*M! … */: only the opener (and version) is skipped.
      const executable = kind === 'mysql' ? /^\/\*M?!\d*/.exec(sql.slice(i, i + 12)) : null
      if (executable) push('space', i + executable[0].length)
      else push('comment', blockCommentEnd(sql, i, d.nestedComments))
    } else if (c === "'") {
      const prev = tokens.at(-1)
      const eString = d.dollarQuotes && prev?.end === i && prev.text.toLowerCase() === 'e'
      const escaped = d.backslashStrings || eString
      push('string', quoted("'", escaped))
    } else if (c === '"') {
      push(d.doubleQuoteString ? 'string' : 'quoted', quoted('"', d.doubleQuoteString && d.backslashStrings))
    } else if (c === '`' && d.backtickIdentifiers) {
      push('quoted', quoted('`', false))
    } else if (c === '[' && d.bracketIdentifiers) {
      const j = sql.indexOf(']', i)
      push('quoted', j < 0 ? sql.length : j + 1)
    } else if (c === '$' && d.dollarQuotes && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))![0]
      const j = sql.indexOf(tag, i + tag.length)
      push('string', j < 0 ? sql.length : j + tag.length)
    } else if (c === ':' && next === ':') {
      push('op', i + 2)
    } else if (c === ':' && next !== undefined && WORD_START.test(next)) {
      let j = i + 1
      while (j < sql.length && WORD_PART.test(sql[j]!) && sql[j] !== '$') j++
      push('param', j)
    } else if (/[0-9]/.test(c) || (c === '.' && next !== undefined && /[0-9]/.test(next))) {
      let j = i + 1
      while (j < sql.length && /[0-9.eE]/.test(sql[j]!)) j++
      push('number', j)
    } else if (WORD_START.test(c)) {
      let j = i + 1
      while (j < sql.length && WORD_PART.test(sql[j]!)) j++
      push('word', j)
    } else {
      push('op', i + 1)
    }
  }
  return tokens
}

function blockCommentEnd(sql: string, start: number, nested: boolean): number {
  let depth = 0
  let j = start
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth = nested ? depth + 1 : 1
      j += 2
    } else if (sql.startsWith('*/', j)) {
      depth--
      j += 2
      if (depth === 0) return j
    } else j++
  }
  return sql.length
}

/** Tokens that carry meaning (no spaces, no comments). */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.type !== 'space' && t.type !== 'comment')
}
