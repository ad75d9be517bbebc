import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SourceKind } from '../../../db/schema/integrations'
import { AppError } from '../../domain/errors'

export interface ServerAddress {
  host: string
  port: number
  user: string
  database: string
  params: URLSearchParams
}

export type FileTarget = { mode: 'file'; file: string } | { mode: 'folder'; folder: string }

const SCHEMES: Record<SourceKind, string[]> = {
  postgres: ['postgres:', 'postgresql:'],
  mysql: ['mysql:', 'mariadb:'],
  clickhouse: ['clickhouse:', 'http:', 'https:'],
  sqlite: ['sqlite:', 'file:'],
  duckdb: ['duckdb:', 'folder:', 'file:']
}

const DEFAULT_PORTS: Partial<Record<SourceKind, number>> = { postgres: 5432, mysql: 3306, clickhouse: 8123 }

function parseUrl(raw: string, kind: SourceKind): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('SOURCE_CONFIG', `"${redact(raw)}" is not a valid ${kind} URL.`)
  }
  if (url.password) {
    throw new AppError('SOURCE_CONFIG', 'The connection URL contains a password. Remove it from the URL and save the password in the secret store.')
  }
  if (!SCHEMES[kind].includes(url.protocol)) {
    throw new AppError('SOURCE_CONFIG', `A ${kind} source needs a ${SCHEMES[kind][0]}// URL, got ${url.protocol}//.`)
  }
  return url
}

/** postgres://user@host:port/db, mysql://user@host:port/db, clickhouse://user@host:8123/db */
export function parseServerUrl(raw: string, kind: 'postgres' | 'mysql' | 'clickhouse'): ServerAddress {
  const url = parseUrl(raw, kind)
  if (!url.hostname) throw new AppError('SOURCE_CONFIG', `The ${kind} URL names no host.`)
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : (DEFAULT_PORTS[kind] ?? 0),
    user: decodeURIComponent(url.username),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    params: url.searchParams
  }
}

/** sqlite:///abs/file.db or a plain path; duckdb:///abs/file.duckdb; folder:///abs/dir */
export function parseFileUrl(raw: string, kind: 'sqlite' | 'duckdb'): FileTarget {
  if (!raw.includes('://')) {
    if (!path.isAbsolute(raw)) throw new AppError('SOURCE_CONFIG', `The ${kind} file path must be absolute: ${raw}`)
    return { mode: 'file', file: raw }
  }
  const url = parseUrl(raw, kind)
  if (url.hostname) {
    throw new AppError('SOURCE_CONFIG', `Use three slashes for a local ${kind} file: ${url.protocol}///absolute/path`)
  }
  const file = fileURLToPath(`file://${url.pathname}`)
  return url.protocol === 'folder:' ? { mode: 'folder', folder: file } : { mode: 'file', file }
}

/** For messages: never echo a secret that a user pasted into a URL. */
export function redact(raw: string): string {
  return raw.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@')
}
