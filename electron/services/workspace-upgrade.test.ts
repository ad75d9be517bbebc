import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from './core'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { listBackupFiles } from '../../db/backup-files'
import { defaultMigrationsFolder } from '../../db/open'

// Workspaces written by the last app of each earlier schema (db/fixtures, built by scripts/build-schema-fixtures.mjs).
// `auditRows`: from schema 6 on, that app's PRD import writes its own audit row (import.prd) besides the KPIs'.
const FIXTURES = [
  { schema: 2, file: 'schema-2.kpiloop', auditRows: 27 },
  { schema: 3, file: 'schema-3.kpiloop', auditRows: 27 },
  { schema: 4, file: 'schema-4.kpiloop', auditRows: 27 },
  { schema: 5, file: 'schema-5.kpiloop', auditRows: 27 },
  { schema: 6, file: 'schema-6.kpiloop', auditRows: 28 },
  { schema: 7, file: 'schema-7.kpiloop', auditRows: 28 }
]

/** Everything a user made, read straight from the file: rows of every table the older app had. */
function snapshot(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    const rows = (sql: string) => db.prepare(sql).all()
    const tables = (
      rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'") as { name: string }[]
    )
      .map((t) => t.name)
      .sort()
    return {
      schema: db.pragma('user_version', { simple: true }) as number,
      counts: Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n])),
      revisions: rows('SELECT id, kpi_id, number, kind, code, name, target, formula, stage, status, author, source, reason FROM kpi_revision ORDER BY id'),
      pins: rows('SELECT v.label, i.kpi_id, i.revision_id FROM board_version_item i JOIN board_version v ON v.id = i.version_id ORDER BY v.id, i.kpi_id'),
      measurements: rows('SELECT id, kpi_id, period_start, period_end, value, note FROM measurement ORDER BY id'),
      proposals: rows('SELECT id, kpi_id, status, engine, stage FROM proposal ORDER BY id'),
      audit: rows('SELECT id, actor, action, summary FROM audit_log ORDER BY id')
    }
  } finally {
    db.close()
  }
}

const CURRENT = readMigrationFiles({ migrationsFolder: defaultMigrationsFolder() }).length
let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe.each(FIXTURES)('a workspace of schema $schema, written by that KPI Loop', ({ schema, file, auditRows }) => {
  it('upgrades keeping every row, after a backup of the file as it was', () => {
    dir = mkdtempSync(join(tmpdir(), `kpiloop-schema-${schema}-`))
    const workspace = join(dir, 'workspace.kpiloop')
    copyFileSync(join(import.meta.dirname, '../../db/fixtures', file), workspace)
    const before = snapshot(workspace)
    expect(before.schema).toBe(schema)
    expect(before.counts).toMatchObject({ kpi: 9, kpi_revision: 15, board_version: 3, measurement: 4, proposal: 8, version_note: 1, audit_log: auditRows })

    const core = createCore(workspace, { access: 'write' })
    try {
      expect(core.workspace.migration.from).toBe(schema)
      const after = snapshot(workspace)
      expect(after).toEqual({ ...before, schema: CURRENT, counts: expect.objectContaining(before.counts) })
      expect(core.deps.sqlite.pragma('foreign_key_check')).toEqual([])
      expect(core.deps.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')

      // The copy made before the upgrade is the workspace as the older app left it.
      const [backup] = listBackupFiles(workspace)
      expect(backup).toMatchObject({ reason: 'pre-migration', file: core.workspace.migration.backup })
      expect(snapshot(backup!.file)).toEqual(before)

      // And the upgraded workspace works: heads, history, versions, new edits.
      const boardId = core.boards.resolve('客服助手')
      expect(core.kpis.list(boardId).map((k) => k.code)).toHaveLength(8)
      const u002 = core.kpis.resolve(boardId, 'KPI-U002')
      expect(core.kpis.get(u002).target?.text).toBe('≥ 75%')
      expect(core.measurements.history(u002).map((m) => m.value)).toEqual([71.5, 74.2, 78.9, 79.3])
      expect(core.versions.diff(boardId, 'v0.1', 'v0.9').changed.map((c) => c.code)).toContain('KPI-U002')
      const edited = core.kpis.edit(u002, { owner: '客服产品经理' }, { actor: 'pm', reason: 'after the upgrade' })
      expect(edited.revisionNumber).toBe(core.kpis.history(u002).length)
      expect(Math.max(...before.revisions.map((r) => (r as { id: number }).id))).toBeLessThan(edited.revisionId)
    } finally {
      core.close()
    }
  })
})
