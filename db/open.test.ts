import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultMigrationsFolder, openWorkspace } from './open'

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

describe('opening a workspace', () => {
  it('creates and migrates a new workspace with WAL and foreign keys', () => {
    const ws = openWorkspace(join(dir, 'new.kpiloop'))
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(tables(ws)).toEqual(expect.arrayContaining(['board', 'kpi', 'kpi_revision', 'board_version', 'audit_log', 'measurement', 'proposal']))
    ws.close()
  })

  it('migrates a workspace written by the previous schema and keeps its data', () => {
    const file = join(dir, 'old.kpiloop')
    const old = openWorkspace(file, { migrationsFolder: olderMigrations(1) })
    expect(tables(old)).not.toContain('measurement')
    old.sqlite.prepare("INSERT INTO board (name, created_at, updated_at) VALUES ('Legacy', 1, 1)").run()
    old.close()

    const current = openWorkspace(file)
    expect(tables(current)).toContain('measurement')
    expect(current.sqlite.prepare('SELECT name FROM board').all()).toEqual([{ name: 'Legacy' }])
    current.close()
  })

  it('refuses a file from a newer KPI Loop without touching it', () => {
    const file = join(dir, 'future.kpiloop')
    openWorkspace(file).close()
    const future = openWorkspace(file)
    future.sqlite.pragma('user_version = 99')
    future.close()
    const before = readFileSync(file)
    expect(() => openWorkspace(file)).toThrow(expect.objectContaining({ code: 'WORKSPACE_TOO_NEW' }))
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a file that is not SQLite, leaving it as it was', () => {
    const file = join(dir, 'notes.kpiloop')
    writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(100))
    expect(() => openWorkspace(file)).toThrow(expect.objectContaining({ code: 'WORKSPACE_NOT_SQLITE' }))
    expect(readFileSync(file, 'utf8')).toContain('meeting notes')
  })

  it('refuses a location it cannot write with a clear error', () => {
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    // Permission bits do not stop root (CI runs as root); sysfs refuses root's new files too.
    const location = process.getuid?.() === 0 ? '/sys' : locked
    expect(() => openWorkspace(join(location, 'ws.kpiloop'))).toThrow(expect.objectContaining({ code: 'WORKSPACE_READ_ONLY' }))
  })
})
