import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WorkspaceWait } from '../electron/domain/backup'
import { openWorkspace, type Workspace } from './open'
import { holdWriteLock } from './testing/write-lock-holder'

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-lock-'))
  file = join(dir, 'workspace.kpiloop')
  openWorkspace(file, { access: 'write', create: true }).close()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Creates a board as the board service does: read what exists, then write, in one transaction. */
const createBoard = (ws: Workspace, name: string) =>
  ws.transaction(() => {
    const taken = ws.sqlite.prepare('SELECT 1 FROM board WHERE name = ?').get(name)
    if (taken) throw new Error('duplicate')
    ws.sqlite.prepare('INSERT INTO board (name, created_at, updated_at) VALUES (?, 1, 1)').run(name)
  })()

const boards = (ws: Workspace) => (ws.sqlite.prepare('SELECT name FROM board').all() as { name: string }[]).map((b) => b.name)
const holderEntries = (ws: Workspace) => (ws.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'holder'").get() as { n: number }).n

describe('a write while another process holds the write lock', () => {
  it('waits for it, says so while waiting, then saves; both writes are kept', async () => {
    const waits: WorkspaceWait[] = []
    const ws = openWorkspace(file, { access: 'write', onWait: (wait) => waits.push(wait) })
    const holder = await holdWriteLock(file, 2500)
    try {
      createBoard(ws, 'Growth')
      expect(boards(ws)).toEqual(['Growth'])
      expect(holderEntries(ws)).toBe(1)
      expect(waits.length).toBeGreaterThan(1)
      expect(waits[0]).toEqual({ waitedMs: expect.any(Number), limitMs: 15_000 })
      expect(waits.at(-1)!.waitedMs).toBeGreaterThan(waits[0]!.waitedMs)
    } finally {
      await holder.release()
      ws.close()
    }
  })

  it('gives up after the limit with WORKSPACE_BUSY, saving nothing', async () => {
    const ws = openWorkspace(file, { access: 'write', waitLimitMs: 600 })
    const holder = await holdWriteLock(file)
    try {
      expect(() => createBoard(ws, 'Growth')).toThrow(
        expect.objectContaining({ code: 'WORKSPACE_BUSY', message: expect.stringMatching(/another KPI Loop window or command.*Nothing was saved/) })
      )
    } finally {
      await holder.release()
    }
    expect(boards(ws)).toEqual([])
    expect(holderEntries(ws)).toBe(1)
    // Once the other process has finished, the same write goes through.
    createBoard(ws, 'Growth')
    expect(boards(ws)).toEqual(['Growth'])
    ws.close()
  })

  it('reads while another process holds the write lock, without waiting', async () => {
    const ws = openWorkspace(file, { access: 'write' })
    createBoard(ws, 'Growth')
    const holder = await holdWriteLock(file)
    try {
      const reader = openWorkspace(file, { access: 'read', waitLimitMs: 100 })
      expect(boards(reader)).toEqual(['Growth'])
      reader.close()
    } finally {
      await holder.release()
      ws.close()
    }
  })
})
