import { sourceSecretRef } from '../../domain/secret-names'
import type { SourceView } from '../../domain/views'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { dataSource, type DataSourceRow as Row, type SourceKind } from '../../../db/schema/integrations'
import type { AuditService } from '../audit/audit-service'
import { checkFormula, createConnector, type Connector, type TableInfo } from '../connectors'
import type { ServiceDeps } from '../context'
import { AppError } from '../../domain/errors'
import type { SecretStore } from '../secrets/secret-store'

export interface SourceInput {
  name: string
  kind: SourceKind
  url: string
  password?: string
  allowRawRows?: boolean
  timeoutMs?: number
  /** Bucket length of the source's real-time KPIs in minutes (buckets.ts); the default when absent. */
  realtimeMinutes?: number
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
  const { db, audit, secrets, now, events, transaction } = deps
  const named = eq(dataSource.name, sql.placeholder('name'))
  // Bound as the stored values themselves (options as JSON text, the flag as 0/1), the same for insert and update.
  const bound = (name: string) => sql`${sql.placeholder(name)}`
  const row$ = {
    kind: bound('kind'),
    url: bound('url'),
    options: bound('options'),
    secretRef: bound('secretRef'),
    allowRawRows: bound('allowRawRows'),
    updatedAt: bound('at')
  }
  const stmt = {
    list: db.select().from(dataSource).where(isNull(dataSource.deletedAt)).orderBy(dataSource.name).prepare(),
    byName: db
      .select()
      .from(dataSource)
      .where(and(named, isNull(dataSource.deletedAt)))
      .prepare(),
    byId: db
      .select()
      .from(dataSource)
      .where(eq(dataSource.id, sql.placeholder('id')))
      .prepare(),
    // Removed sources keep their row under a changed name, so a name is free only when no row has it.
    anyByName: db.select({ id: dataSource.id }).from(dataSource).where(named).prepare(),
    insert: db
      .insert(dataSource)
      .values({
        name: sql.placeholder('name'),
        ...row$,
        allowRawRows: sql.placeholder('allowRawRows'),
        createdAt: sql.placeholder('at'),
        updatedAt: sql.placeholder('at')
      })
      .prepare(),
    update: db
      .update(dataSource)
      .set(row$)
      .where(eq(dataSource.id, sql.placeholder('id')))
      .prepare(),
    remove: db
      .update(dataSource)
      .set({ deletedAt: bound('at'), name: sql`${dataSource.name} || '#' || ${dataSource.id}` })
      .where(eq(dataSource.id, sql.placeholder('id')))
      .prepare()
  }

  const toView = (row: Row): SourceView => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    url: row.url,
    hasSecret: row.secretRef !== null && secrets.get(row.secretRef) !== undefined,
    allowRawRows: row.allowRawRows,
    timeoutMs: timeoutOf(row),
    realtimeMinutes: typeof row.options.realtimeMinutes === 'number' ? row.options.realtimeMinutes : null,
    updatedAt: row.updatedAt
  })

  const timeoutOf = (row: Row): number | null => (typeof row.options.timeoutMs === 'number' ? row.options.timeoutMs : null)

  function row(name: string): Row {
    const found = stmt.byName.get({ name })
    if (!found) throw new AppError('SOURCE_NOT_FOUND', `No data source named "${name}".`, { name })
    return found
  }

  function connect(found: Row): Connector {
    return createConnector({
      kind: found.kind,
      url: found.url,
      password: found.secretRef ? secrets.get(found.secretRef) : undefined,
      timeoutMs: timeoutOf(found) ?? undefined
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
    const fields = {
      kind: input.kind,
      url: input.url,
      options: JSON.stringify({
        ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
        ...(input.realtimeMinutes ? { realtimeMinutes: input.realtimeMinutes } : {})
      }),
      secretRef: input.password !== undefined || existing?.secretRef ? secretRef(input.name) : null,
      allowRawRows: input.allowRawRows ? 1 : 0,
      at: now()
    }
    if (existing) {
      stmt.update.run({ ...fields, id: existing.id })
    } else {
      if (stmt.anyByName.get({ name: input.name })) throw new AppError('DUPLICATE_SOURCE', `A data source named "${input.name}" already exists.`)
      stmt.insert.run({ ...fields, name: input.name })
    }
    audit.record({
      actor,
      action: existing ? 'source.edit' : 'source.add',
      summary: `${existing ? 'Edited' : 'Added'} data source ${input.name} (${input.kind})`,
      details: { name: input.name, kind: input.kind }
    })
  })

  return {
    list: (): SourceView[] => stmt.list.all().map(toView),
    get: (name: string): SourceView => toView(row(name)),
    byId: (id: number): SourceView | undefined => {
      const found = stmt.byId.get({ id })
      return found ? toView(found) : undefined
    },
    /** Adds or (when it exists) edits a source; the password goes to the secret store only. */
    save(input: SourceInput, actor: string, mode: 'add' | 'edit'): SourceView {
      const existing = stmt.byName.get({ name: input.name })
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
        stmt.remove.run({ at: now(), id: found.id })
        audit.record({ actor, action: 'source.remove', summary: `Removed data source ${name}`, details: { name } })
      })()
      if (found.secretRef) secrets.delete(found.secretRef)
    },
    test: (name: string, signal?: AbortSignal) => withConnector(name, (c) => c.test(signal)),
    tables: (name: string, signal?: AbortSignal): Promise<TableInfo[]> => withConnector(name, (c) => c.tables(signal)),
    /**
     * Refuses, before it is stored, a formula the formula check reads as a write on the connected
     * source it names. Prose and unfinished SQL stay allowed: the feasibility gate reports those.
     */
    guardFormula(formula: string, dataSource: string): void {
      const found = formula.trim() ? stmt.byName.get({ name: dataSource }) : undefined
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
