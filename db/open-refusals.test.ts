import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupFileName } from './backup-files'
import { openWorkspace } from './open'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-refuse-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A real workspace with a board in it, closed; and a backup of it in the backups folder. */
async function workspaceWithBackup(): Promise<{ file: string; backup: string }> {
  const file = join(dir, 'workspace.kpiloop')
  const ws = openWorkspace(file, { access: 'write', create: true })
  ws.transaction(() => {
    ws.sqlite.prepare("INSERT INTO board (name, created_at, updated_at) VALUES ('Growth', 1, 1)").run()
    for (let i = 0; i < 300; i++)
      ws.sqlite.prepare('INSERT INTO audit_log (at, actor, action, summary) VALUES (?, ?, ?, ?)').run(i, 'pm', 'kpi.edit', 'x'.repeat(500))
  })()
  const backup = backupFileName(file, 'scheduled', Date.UTC(2025, 10, 2, 8, 30))
  mkdirSync(join(dir, 'backups'))
  await ws.sqlite.backup(backup)
  ws.close()
  return { file, backup }
}

const folderState = () => readdirSync(dir).map((name) => `${name}:${statSync(join(dir, name)).size}`)

describe('opening what is not a workspace', () => {
  it('a path in a missing folder says the folder is missing, and creates nothing', () => {
    const file = join(dir, 'no-such-folder', 'workspace.kpiloop')
    expect(() => openWorkspace(file, { access: 'write', create: true })).toThrow(
      expect.objectContaining({ code: 'WORKSPACE_FOLDER_MISSING', message: expect.stringContaining(join(dir, 'no-such-folder')) })
    )
    expect(readdirSync(dir)).toEqual([])
  })

  it('a mistyped path is reported, not made into an empty workspace, unless creating was asked for', () => {
    const file = join(dir, 'worksapce.kpiloop')
    for (const access of ['read', 'write'] as const) {
      expect(() => openWorkspace(file, { access })).toThrow(expect.objectContaining({ code: 'WORKSPACE_MISSING', message: expect.stringContaining(file) }))
    }
    expect(readdirSync(dir)).toEqual([])
    const created = openWorkspace(file, { access: 'write', create: true })
    expect(created.created).toBe(true)
    created.close()
  })

  it('a 0-byte file is left as it is and named, with the latest backup offered', async () => {
    const { file, backup } = await workspaceWithBackup()
    writeFileSync(file, '')
    const before = folderState()
    for (const access of ['read', 'write'] as const) {
      expect(() => openWorkspace(file, { access, create: true })).toThrow(
        expect.objectContaining({
          code: 'WORKSPACE_EMPTY_FILE',
          message: expect.stringContaining(file),
          details: expect.objectContaining({ latestBackup: expect.objectContaining({ file: backup }) })
        })
      )
    }
    expect(folderState()).toEqual(before)
  })

  it('a damaged (truncated) file names itself, says it is damaged, offers the latest backup and changes nothing', async () => {
    const { file, backup } = await workspaceWithBackup()
    truncateSync(file, Math.floor(statSync(file).size / 2))
    const bytes = readFileSync(file)
    const before = folderState()
    let error: unknown
    try {
      openWorkspace(file, { access: 'read' })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({
      code: 'WORKSPACE_DAMAGED',
      message: expect.stringMatching(new RegExp(`${file}.*damaged.*${backup}`)),
      details: { file, latestBackup: { file: backup, reason: 'scheduled', at: Date.UTC(2025, 10, 2, 8, 30) } }
    })
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(folderState()).toEqual(before)
  })

  it('a damaged file with no backup says so', () => {
    const file = join(dir, 'workspace.kpiloop')
    openWorkspace(file, { access: 'write', create: true }).close()
    truncateSync(file, 4096)
    writeFileSync(file, Buffer.alloc(4096, 0xee), { flag: 'a' })
    expect(() => openWorkspace(file, { access: 'write' })).toThrow(
      expect.objectContaining({ code: 'WORKSPACE_DAMAGED', message: expect.stringContaining('No backup') })
    )
  })
})
