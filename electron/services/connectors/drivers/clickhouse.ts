import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client'
import { AppError, isAppError } from '../../../domain/errors'
import type { BoundQuery } from '../bind-period'
import { parseServerUrl } from '../source-url'
import { protectionOf } from '../../../domain/source-protection'
import { CONNECT_TIMEOUT_MS, type ConnectionTest, type Driver, type RunLimits, type SourceConfig } from '../types'
import { cancelled, messageOf, networkError, throwIfAborted } from './driver-errors'
import { writeGrant } from './grants'
import { groupColumns, type ColumnRow } from './group-columns'

export function createClickHouseDriver(config: SourceConfig): Driver {
  const address = parseServerUrl(config.url, 'clickhouse')
  const secure = address.params.get('secure') === 'true' || config.url.startsWith('https:')
  const where = `ClickHouse at ${address.host}:${address.port}`
  const timeoutMs = config.timeoutMs ?? 30_000
  let client: ClickHouseClient | null = null
  // A user whose profile is already read-only may not change settings at all; then the profile guards.
  let settingsLocked = false
  const http = (): ClickHouseClient =>
    (client ??= createClient({
      url: `${secure ? 'https' : 'http'}://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`,
      username: address.user || 'default',
      password: config.password ?? '',
      database: address.database || 'default',
      request_timeout: timeoutMs + CONNECT_TIMEOUT_MS,
      application: 'kpiloop',
      // Failures come back as AppErrors; the client's own logging would only duplicate them.
      log: { level: ClickHouseLogLevel.OFF }
    }))

  const readOnlySettings = (limits?: RunLimits): ClickHouseSettings =>
    settingsLocked
      ? {}
      : {
          max_execution_time: Math.max(1, Math.ceil((limits?.timeoutMs ?? timeoutMs) / 1000)),
          ...(limits ? { max_result_rows: String(limits.rowLimit + 1), result_overflow_mode: 'break' as const } : {}),
          cancel_http_readonly_queries_on_client_close: 1,
          // Last: ClickHouse applies URL settings in order, and readonly=1 forbids changing later ones.
          readonly: '1'
        }

  async function select<T>(
    query: string,
    signal: AbortSignal | undefined,
    options: { params?: Record<string, string>; limits?: RunLimits; format: 'JSONCompact' | 'JSONEachRow' }
  ): Promise<T> {
    throwIfAborted(signal)
    const attempt = async (): Promise<T> => {
      const result = await http().query({
        query,
        format: options.format,
        query_params: options.params,
        clickhouse_settings: readOnlySettings(options.limits),
        abort_signal: signal
      })
      return (await result.json()) as T
    }
    try {
      return await attempt()
    } catch (error) {
      if (!settingsLocked && /Cannot modify '.*' setting in readonly mode|Setting .* is locked/i.test(messageOf(error))) {
        settingsLocked = true
        return attempt().catch((again: unknown) => Promise.reject(mapError(again, where, signal)))
      }
      throw mapError(error, where, signal)
    }
  }

  return {
    test: async (signal): Promise<ConnectionTest> => {
      const info = await select<{ data: [string, string][] }>('SELECT version(), currentUser()', signal, { format: 'JSONCompact' })
      const [version, user] = info.data[0] ?? ['', '']
      const grants = await select<{ data: [string][] }>('SHOW GRANTS', signal, { format: 'JSONCompact' })
      const reason = writeGrant(
        grants.data.map((g) => g[0]),
        user
      )
      // readonly=1 refuses writes; table functions that reach files, URLs or other servers need their own grants.
      const outside = grants.data.some(([g]) => /^GRANT (ALL|.*\b(FILE|URL|REMOTE|S3|SOURCES)\b.*) ON \*\.\*/i.test(g.trim()))
      return {
        serverVersion: `ClickHouse ${version}`,
        user,
        canWrite: reason !== null,
        ...(reason ? { writeReason: reason } : {}),
        protection: protectionOf(['readOnlySetting', 'statementTimeout'], outside ? ['serverFiles'] : [], timeoutMs)
      }
    },
    tables: async (signal) =>
      groupColumns(
        await select<ColumnRow[]>(
          `SELECT database AS schema, table AS name, name AS column, type FROM system.columns
           WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema')
           ORDER BY database, table, position`,
          signal,
          { format: 'JSONEachRow' }
        )
      ),
    execute: async (query: BoundQuery, limits: RunLimits, signal?: AbortSignal) => {
      const result = await select<{ meta?: { name: string; type: string }[]; data: unknown[][] }>(query.text, signal, {
        params: query.named,
        limits,
        format: 'JSONCompact'
      })
      return { columns: result.meta ?? [], rows: result.data }
    },
    close: async () => {
      await client?.close()
      client = null
    }
  }
}

function mapError(error: unknown, where: string, signal?: AbortSignal): AppError {
  if (isAppError(error)) return error
  if (signal?.aborted) return cancelled()
  const network = networkError(error, where)
  if (network) return network
  const code = Number((error as { code?: string }).code)
  const message = messageOf(error)
  if (/timeout/i.test(message) && Number.isNaN(code)) return new AppError('SOURCE_TIMEOUT', `The query ran past the timeout.`)
  switch (code) {
    case 159:
      return new AppError('SOURCE_TIMEOUT', `The query ran past the statement timeout: ${message}`)
    case 516:
    case 192:
    case 193:
    case 194:
      return new AppError('SOURCE_AUTH', `${where} refused the login: ${message}`)
    case 81:
      return new AppError('SOURCE_CONFIG', `${where}: ${message}`)
    case 164:
      return new AppError('SOURCE_READ_ONLY', `The database refused a write in the read-only session: ${message}`)
    case 396:
      return new AppError('QUERY_TOO_MANY_ROWS', message)
  }
  return new AppError('QUERY_FAILED', message, Number.isNaN(code) ? undefined : { code })
}
