import type { SourceView } from '../../../../electron/api'

export const SOURCE_KINDS: SourceView['kind'][] = ['postgres', 'mysql', 'sqlite', 'duckdb', 'clickhouse']

const PLACEHOLDERS: Record<SourceView['kind'], string> = {
  postgres: 'postgres://analyst@db.internal:5432/analytics',
  mysql: 'mysql://analyst@db.internal:3306/analytics',
  sqlite: 'sqlite:///home/me/data/app.db',
  duckdb: 'duckdb:///home/me/data/warehouse.duckdb',
  clickhouse: 'http://analyst@clickhouse.internal:8123/default'
}

export const urlPlaceholder = (kind: SourceView['kind']) => PLACEHOLDERS[kind]

/** The environment variable the CLI and browser mode read a source's password from. */
export function envSecretName(sourceName: string): string {
  return `KPILOOP_SECRET_${sourceName
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')}`
}
