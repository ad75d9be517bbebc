import Database from 'better-sqlite3'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultMigrationsFolder, openWorkspace } from './open'

const create = { access: 'write', create: true } as const
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-open-'))
})
afterEach(() => {
  chmodSync(dir, 0o755)
  rmSync(dir, { recursive: true, force: true })
})

/** A copy of the migrations folder holding only the first `count` migrations: an older app. */
function olderMigrations(count: number): string {
  const folder = join(dir, 'old-migrations')
  cpSync(defaultMigrationsFolder(), folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(journalFile, JSON.stringify(journal))
  return folder
}

const tables = (ws: ReturnType<typeof openWorkspace>) =>
  (ws.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)

/** Inserts the next revision of KPI 1 as the app writes it (no id given). */
const revisionOf = (ws: ReturnType<typeof openWorkspace>) =>
  ws.sqlite.prepare(
    `INSERT INTO kpi_revision (kpi_id, number, kind, code, name, description, category, formula, data_source, unit, direction, owner, benchmarks, milestones, stage, status, tags, notes, author, source, created_at)
     VALUES (1, ?, 'edit', 'KPI-1', 'MAU', '', '', '', '', '', 'up', '', '[]', '[]', 'draft', 'active', '[]', '', 'pm', 'human', 3)`
  )

describe('opening a workspace', () => {
  it('creates and migrates a new workspace with WAL, foreign keys and durable commits', () => {
    const ws = openWorkspace(join(dir, 'new.kpiloop'), create)
    expect(ws.created).toBe(true)
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    // FULL: a commit is on disk before the call returns, even across an OS crash or power loss.
    expect(ws.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    // Nothing to back up in a new workspace.
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    expect(tables(ws)).toEqual(expect.arrayContaining(['board', 'kpi', 'kpi_revision', 'board_version', 'audit_log', 'measurement', 'proposal']))
    ws.close()
  })

  it('migrates a workspace written by the previous schema and keeps its data, after a backup of it', () => {
    const file = join(dir, 'old.kpiloop')
    const old = openWorkspace(file, { ...create, migrationsFolder: olderMigrations(1) })
    expect(tables(old)).not.toContain('measurement')
    old.sqlite.prepare("INSERT INTO board (name, created_at, updated_at) VALUES ('Legacy', 1, 1)").run()
    old.close()

    const current = openWorkspace(file, create)
    expect(tables(current)).toContain('measurement')
    expect(current.sqlite.prepare('SELECT name FROM board').all()).toEqual([{ name: 'Legacy' }])
    expect(current.migration).toEqual({ from: 1, backup: expect.stringMatching(/backups\/old-.*-pre-migration\.kpiloop$/) })
    current.close()
    const backup = new Database(current.migration.backup!, { readonly: true })
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'measurement'").all()).toEqual([])
    expect(backup.prepare('SELECT name FROM board').all()).toEqual([{ name: 'Legacy' }])
    backup.close()
    // Opened again, it is current: no second backup.
    openWorkspace(file, { access: 'read' }).close()
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1)
  })

  it('upgrades a workspace whose KPIs kept a head pointer: same revisions, same heads, pinned versions intact', () => {
    const file = join(dir, 'pointer.kpiloop')
    const old = openWorkspace(file, { ...create, migrationsFolder: olderMigrations(3) })
    const revision = (id: number, number: number, target: string) =>
      old.sqlite
        .prepare(
          `INSERT INTO kpi_revision (id, kpi_id, number, parent_id, kind, code, name, description, category, formula, data_source, unit, direction, owner, benchmarks, milestones, stage, status, tags, notes, author, source, created_at)
           VALUES (?, 1, ?, ?, 'edit', 'KPI-1', 'MAU', '', '', '', '', '', 'up', '', '[]', '[]', 'draft', 'active', '[]', ?, 'pm', 'human', ?)`
        )
        .run(id, number, number === 1 ? null : id - 1, target, number)
    old.sqlite.exec(`
      INSERT INTO board (id, name, created_at, updated_at) VALUES (1, 'Legacy', 1, 1);
      INSERT INTO kpi (id, board_id, code, head_revision_id, created_at) VALUES (1, 1, 'KPI-1', NULL, 1);`)
    revision(7, 1, 'first')
    revision(8, 2, 'second')
    old.sqlite.exec(`
      UPDATE kpi SET head_revision_id = 8 WHERE id = 1;
      INSERT INTO board_version (id, board_id, label, author, created_at) VALUES (1, 1, 'v0.1', 'pm', 1);
      INSERT INTO board_version_item (version_id, kpi_id, revision_id) VALUES (1, 1, 7);
      INSERT INTO audit_log (at, actor, action, board_id, kpi_id, summary) VALUES (1, 'pm', 'kpi.edit', 1, 1, 'KPI-1: notes');`)
    old.close()

    const current = openWorkspace(file, create)
    const one = <T>(sql: string) => current.sqlite.prepare(sql).get() as T
    expect(one('SELECT kpi_id, board_id, revision_id FROM kpi_head')).toEqual({ kpi_id: 1, board_id: 1, revision_id: 8 })
    expect(current.sqlite.prepare('SELECT id, number, notes FROM kpi_revision ORDER BY id').all()).toEqual([
      { id: 7, number: 1, notes: 'first' },
      { id: 8, number: 2, notes: 'second' }
    ])
    expect(one('SELECT revision_id FROM board_version_item')).toEqual({ revision_id: 7 })
    expect(one('SELECT summary FROM audit_log')).toEqual({ summary: 'KPI-1: notes' })
    expect(current.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(current.sqlite.pragma('foreign_key_check')).toEqual([])
    // Append-only tables lost AUTOINCREMENT: new rows follow the highest id, and references still hold.
    revisionOf(current).run(3)
    expect(one('SELECT max(id) AS id FROM kpi_revision')).toEqual({ id: 9 })
    expect(one('SELECT revision_id FROM kpi_head')).toEqual({ revision_id: 9 })
    expect(() => current.sqlite.prepare('INSERT INTO board_version_item (version_id, kpi_id, revision_id) VALUES (1, 2, 99)').run()).toThrow(/FOREIGN KEY/)
    current.close()
  })

  it('refuses a file from a newer KPI Loop without touching it', () => {
    const file = join(dir, 'future.kpiloop')
    openWorkspace(file, create).close()
    const future = openWorkspace(file, create)
    future.sqlite.pragma('user_version = 99')
    future.close()
    const before = readFileSync(file)
    expect(() => openWorkspace(file, create)).toThrow(expect.objectContaining({ code: 'WORKSPACE_TOO_NEW' }))
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not SQLite, leaving it as it was', () => {
    const file = join(dir, 'notes.kpiloop')
    writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(100))
    expect(() => openWorkspace(file, create)).toThrow(expect.objectContaining({ code: 'WORKSPACE_NOT_SQLITE' }))
    expect(readFileSync(file, 'utf8')).toContain('meeting notes')
  })

  it('refuses a location it cannot write with a clear error', () => {
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    // Permission bits do not stop root (CI runs as root); sysfs refuses root's new files too.
    const location = process.getuid?.() === 0 ? '/sys' : locked
    expect(() => openWorkspace(join(location, 'ws.kpiloop'), create)).toThrow(expect.objectContaining({ code: 'WORKSPACE_READ_ONLY' }))
  })
})
