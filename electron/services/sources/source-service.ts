import { sourceSecretRef } from '../../domain/secret-names'
import type { SourceView } from '../../domain/views'
import type { SourceKind } from '../../../db/schema/integrations'
import type { AuditService } from '../audit/audit-service'
import { checkFormula, createConnector, type Connector, type TableInfo } from '../connectors'
import type { ServiceDeps } from '../context'
import { AppError } from '../../domain/errors'
import type { SecretStore } from '../secrets/secret-store'

interface Row {
  id: number
  name: string
  kind: SourceKind
  url: string
  options: string
  secret_ref: string | null
  allow_raw_rows: number
  created_at: number
  updated_at: number
}

export interface SourceInput {
  name: string
  kind: SourceKind
  url: string
  password?: string
  allowRawRows?: boolean
  timeoutMs?: number
}

const secretRef = sourceSecretRef

/** A URL with credentials inside would put a password in plain text in the workspace. */
function assertNoPasswordInUrl(url: string): void {
  try {
    if (new URL(url).password) throw new AppError('SOURCE_CONFIG', 'Put the password in the secret store (or KPILOOP_SECRET_<NAME>), not in the URL.')
  } catch (error) {
    if (error instanceof AppError) throw error
  }
}

export function createSourceService(deps: ServiceDeps & { audit: AuditService; secrets: SecretStore }) {
  const { sqlite, audit, secrets, now, events, transaction } = deps
  const stmt = {
    list: sqlite.prepare('SELECT * FROM data_source WHERE deleted_at IS NULL ORDER BY name'),
    byName: sqlite.prepare('SELECT * FROM data_source WHERE name = ? AND deleted_at IS NULL'),
    byId: sqlite.prepare('SELECT * FROM data_source WHERE id = ?'),
    anyByName: sqlite.prepare('SELECT id FROM data_source WHERE name = ?'),
    insert: sqlite.prepare(
      'INSERT INTO data_source (name, kind, url, options, secret_ref, allow_raw_rows, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    ),
    update: sqlite.prepare('UPDATE data_source SET kind = ?, url = ?, options = ?, secret_ref = ?, allow_raw_rows = ?, updated_at = ? WHERE id = ?'),
    remove: sqlite.prepare("UPDATE data_source SET deleted_at = ?, name = name || '#' || id WHERE id = ?")
  }

  const toView = (row: Row): SourceView => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    hasSecret: row.secret_ref !== null && secrets.get(row.secret_ref) !== undefined,
    allowRawRows: row.allow_raw_rows === 1,
    timeoutMs: (JSON.parse(row.options) as { timeoutMs?: number }).timeoutMs ?? null,
    updatedAt: row.updated_at
  })

  function row(name: string): Row {
    const found = stmt.byName.get(name) as Row | undefined
    if (!found) throw new AppError('SOURCE_NOT_FOUND', `No data source named "${name}".`, { name })
    return found
  }

  function connect(found: Row): Connector {
    const options = JSON.parse(found.options) as { timeoutMs?: number }
    return createConnector({
      kind: found.kind,
      url: found.url,
      password: found.secret_ref ? secrets.get(found.secret_ref) : undefined,
      timeoutMs: options.timeoutMs
    })
  }

  async function withConnector<T>(name: string, use: (c: Connector) => Promise<T>): Promise<T> {
    const connector = connect(row(name))
    try {
      return await use(connector)
    } finally {
      await connector.close()
    }
  }

  const saveTx = transaction((input: SourceInput, actor: string, existing: Row | undefined) => {
    assertNoPasswordInUrl(input.url)
    const options = JSON.stringify(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {})
    const ref = input.password !== undefined || existing?.secret_ref ? secretRef(input.name) : null
    if (existing) {
      stmt.update.run(input.kind, input.url, options, ref, input.allowRawRows ? 1 : 0, now(), existing.id)
    } else {
      if (stmt.anyByName.get(input.name)) throw new AppError('DUPLICATE_SOURCE', `A data source named "${input.name}" already exists.`)
      stmt.insert.run(input.name, input.kind, input.url, options, ref, input.allowRawRows ? 1 : 0, now(), now())
    }
    audit.record({
      actor,
      action: existing ? 'source.edit' : 'source.add',
      summary: `${existing ? 'Edited' : 'Added'} data source ${input.name} (${input.kind})`
    })
  })

  return {
    list: (): SourceView[] => (stmt.list.all() as Row[]).map(toView),
    get: (name: string): SourceView => toView(row(name)),
    byId: (id: number): SourceView | undefined => {
      const found = stmt.byId.get(id) as Row | undefined
      return found ? toView(found) : undefined
    },
    /** Adds or (when it exists) edits a source; the password goes to the secret store only. */
    save(input: SourceInput, actor: string, mode: 'add' | 'edit'): SourceView {
      const existing = stmt.byName.get(input.name) as Row | undefined
      if (mode === 'edit' && !existing) row(input.name)
      if (mode === 'add' && existing) throw new AppError('DUPLICATE_SOURCE', `A data source named "${input.name}" already exists.`)
      if (input.password !== undefined) secrets.set(secretRef(input.name), input.password)
      saveTx(input, actor, existing)
      events.emit('board.changed', { boardId: null })
      return toView(row(input.name))
    },
    remove(name: string, actor: string): void {
      const found = row(name)
      transaction(() => {
        stmt.remove.run(now(), found.id)
        audit.record({ actor, action: 'source.remove', summary: `Removed data source ${name}` })
      })()
      if (found.secret_ref) secrets.delete(found.secret_ref)
    },
    test: (name: string, signal?: AbortSignal) => withConnector(name, (c) => c.test(signal)),
    tables: (name: string, signal?: AbortSignal): Promise<TableInfo[]> => withConnector(name, (c) => c.tables(signal)),
    /**
     * Refuses, before it is stored, a formula the formula check reads as a write on the connected
     * source it names. Prose and unfinished SQL stay allowed: the feasibility gate reports those.
     */
    guardFormula(formula: string, dataSource: string): void {
      const found = formula.trim() ? (stmt.byName.get(dataSource) as Row | undefined) : undefined
      if (!found) return
      try {
        checkFormula(formula, found.kind)
      } catch (error) {
        if (error instanceof AppError && error.code === 'SOURCE_WRITE_REFUSED') throw error
      }
    },
    /** Opens a connector the caller must close (pulls reuse one per source). */
    open: (name: string): { connector: Connector; source: SourceView } => {
      const found = row(name)
      return { connector: connect(found), source: toView(found) }
    }
  }
}
export type SourceService = ReturnType<typeof createSourceService>
