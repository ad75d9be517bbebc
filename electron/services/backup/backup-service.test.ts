import Database from 'better-sqlite3'
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../core'
import { tempWorkspace } from '../testing/temp-workspace'

const HOUR = 3_600_000
let clock: { now: number }
let ws: ReturnType<typeof tempWorkspace>
let core: Core
beforeEach(() => {
  clock = { now: Date.UTC(2025, 10, 3, 9, 0) }
  ws = tempWorkspace({ now: () => clock.now })
  core = ws.core
  const boardId = core.boards.create('增长看板', '', 'pm').id
  core.kpis.add(boardId, { code: 'KPI-U001', name: '次日留存率', target: '≥ 45%' }, { actor: 'pm' })
})
afterEach(() => ws.cleanup())

/** What a backup file holds, read on its own. */
function boardsIn(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT name FROM board ORDER BY id').all() as { name: string }[]).map((b) => b.name)
  } finally {
    db.close()
  }
}

describe('backups of the open workspace', () => {
  it('makes a self-contained copy beside the workspace while the app keeps its connection', async () => {
    const made = await core.backups.create()
    expect(made).toMatchObject({ reason: 'manual', at: clock.now, file: join(ws.dir, 'backups', 'workspace-2025-11-03T09-00-00-000Z-manual.kpiloop') })
    expect(made.bytes).toBeGreaterThan(0)
    expect(boardsIn(made.file)).toEqual(['增长看板'])
    // One file: no write-ahead log to carry along when it is copied elsewhere.
    expect(existsSync(`${made.file}-wal`)).toBe(false)
    const copy = new Database(made.file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()
    expect(core.backups.list()).toEqual([made])
    expect(core.backups.settings()).toEqual({ folder: join(ws.dir, 'backups'), intervalHours: 24, keep: 10 })
  })

  it('writes to a new file when asked, and never over an existing one', async () => {
    const out = join(ws.dir, 'before-the-review.kpiloop')
    expect(await core.backups.create(out)).toMatchObject({ file: out, reason: 'manual' })
    expect(boardsIn(out)).toEqual(['增长看板'])
    const notes = join(ws.dir, 'notes.txt')
    writeFileSync(notes, 'mine')
    await expect(core.backups.create(notes)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(notes) })
    expect(readFileSync(notes, 'utf8')).toBe('mine')
  })

  it('backs up on schedule: daily by default, only the latest scheduled ones kept (as many as the user set), others never pruned', async () => {
    expect((await core.backups.runSchedule())?.reason).toBe('scheduled')
    clock.now += 23 * HOUR
    expect(await core.backups.runSchedule()).toBeNull()
    clock.now += HOUR
    expect(await core.backups.runSchedule()).not.toBeNull()

    core.backups.configure({ intervalHours: 1, keep: 3 }, 'pm')
    await core.backups.create()
    for (let i = 0; i < 5; i++) {
      clock.now += HOUR
      await core.backups.runSchedule()
    }
    const reasons = core.backups.list().map((b) => b.reason)
    expect(reasons.filter((r) => r === 'scheduled')).toHaveLength(3)
    expect(reasons).toContain('manual')
    expect(core.audit.list({ limit: 5 }).map((a) => a.action)).toContain('backup.configure')

    core.backups.configure({ intervalHours: 0 }, 'pm')
    clock.now += 48 * HOUR
    expect(await core.backups.runSchedule()).toBeNull()
  })
})

describe('restoring a backup into the open workspace', () => {
  it('backs up the workspace as it is first, then every window sees the backup’s content', async () => {
    const backup = await core.backups.create()
    core.boards.create('Later board', '', 'pm')
    const otherWindow = createCore(ws.file, { access: 'write' })
    clock.now += HOUR
    const done = await core.backups.restore(backup.file, 'pm')
    expect(done.safetyCopy).toMatchObject({ reason: 'pre-restore', at: clock.now })
    expect(boardsIn(done.safetyCopy!.file)).toEqual(['增长看板', 'Later board'])
    expect(core.boards.list().map((b) => b.name)).toEqual(['增长看板'])
    expect(otherWindow.boards.list().map((b) => b.name)).toEqual(['增长看板'])
    // Still a working workspace: edits go on, the restore is in the audit log.
    core.boards.create('After the restore', '', 'pm')
    expect(otherWindow.boards.list()).toHaveLength(2)
    expect(core.audit.list({ limit: 3 }).map((a) => a.action)).toContain('backup.restore')
    expect(core.deps.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    otherWindow.close()
  })

  it('upgrades a backup of an earlier schema on the way in', async () => {
    const old = join(ws.dir, 'schema-3.kpiloop')
    copyFileSync(join(import.meta.dirname, '../../../db/fixtures/schema-3.kpiloop'), old)
    const before = readFileSync(old)
    await core.backups.restore(old, 'pm')
    expect(core.boards.list().map((b) => b.name)).toEqual(['Growth', '客服助手'])
    const boardId = core.boards.resolve('客服助手')
    expect(core.kpis.get(core.kpis.resolve(boardId, 'KPI-U002')).target?.text).toBe('≥ 75%')
    expect(core.kpis.edit(core.kpis.resolve(boardId, 'KPI-U002'), { owner: 'pm' }, { actor: 'pm' }).owner).toBe('pm')
    // The backup itself is left as it was.
    expect(readFileSync(old).equals(before)).toBe(true)
  })

  it('refuses a backup that cannot be restored, naming it, and leaves the workspace as it was', async () => {
    const good = await core.backups.create()
    const damaged = join(ws.dir, 'damaged.kpiloop')
    const bytes = readFileSync(good.file)
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0x5a)]))
    const notes = join(ws.dir, 'notes.kpiloop')
    writeFileSync(notes, 'meeting notes, not a workspace '.repeat(200))
    const future = join(ws.dir, 'future.kpiloop')
    cpSync(good.file, future)
    const db = new Database(future)
    db.pragma('user_version = 99')
    db.close()

    for (const [file, code] of [
      [damaged, 'WORKSPACE_DAMAGED'],
      [notes, 'WORKSPACE_NOT_SQLITE'],
      [future, 'WORKSPACE_TOO_NEW'],
      [join(ws.dir, 'missing.kpiloop'), 'BACKUP_NOT_FOUND']
    ] as const) {
      await expect(core.backups.restore(file, 'pm')).rejects.toMatchObject({ code, message: expect.stringContaining(file) })
    }
    expect(core.boards.list().map((b) => b.name)).toEqual(['增长看板'])
    expect(core.backups.list().map((b) => b.reason)).toEqual(['manual'])
  })
})
