import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '..'
import { type AppError } from '../../domain/errors'
import { createCore } from '../../services/core'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { createRecoveryDispatcher } from './recovery'

const ctx: CallContext = { actor: 'pm', signal: new AbortController().signal, emit: () => {} }
const shell = { version: 't', mode: 'cli', systemLocale: 'en' } as const
let ws: ReturnType<typeof tempWorkspace>
let backup: string
beforeEach(async () => {
  ws = tempWorkspace()
  ws.core.boards.create('增长看板', '', 'pm')
  backup = (await ws.core.backups.create()).file
  ws.core.boards.create('Not yet backed up', '', 'pm')
  ws.core.close()
  truncateSync(ws.file, Math.floor(statSync(ws.file).size / 2))
})
afterEach(() => ws.cleanup())

function openError(): AppError {
  try {
    createCore(ws.file, { access: 'write' }).close()
  } catch (error) {
    return error as AppError
  }
  throw new Error('the damaged workspace opened')
}

describe('a workspace that cannot be opened', () => {
  it('still lists its backups and restores one in its place, keeping the damaged file as it was', async () => {
    const error = openError()
    expect(error).toMatchObject({ code: 'WORKSPACE_DAMAGED', details: { latestBackup: { file: backup } } })
    const damagedBytes = readFileSync(ws.file)
    const dispatch = createRecoveryDispatcher(ws.file, error, shell)

    expect(await dispatch('board.list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'WORKSPACE_DAMAGED' } })
    expect(await dispatch('backup.list', {}, ctx)).toMatchObject({ ok: true, data: [{ file: backup, reason: 'manual' }] })
    const restored = await dispatch('backup.restore', { file: backup }, ctx)
    expect(restored).toMatchObject({ ok: true, data: { restored: backup, safetyCopy: { reason: 'damaged' } } })

    const kept = (restored as { data: { safetyCopy: { file: string } } }).data.safetyCopy.file
    expect(readFileSync(kept).equals(damagedBytes)).toBe(true)
    const core = createCore(ws.file, { access: 'write' })
    expect(core.boards.list().map((b) => b.name)).toEqual(['增长看板'])
    expect(core.backups.list().map((b) => b.reason)).toEqual(['damaged', 'manual'])
    core.close()
  })

  it('keeps the damaged workspace when the backup cannot be restored either', async () => {
    const dispatch = createRecoveryDispatcher(ws.file, openError(), shell)
    truncateSync(backup, 8192)
    expect(await dispatch('backup.restore', { file: backup }, ctx)).toMatchObject({ ok: false, error: { code: 'WORKSPACE_DAMAGED' } })
    expect(existsSync(ws.file)).toBe(true)
    expect(openError().code).toBe('WORKSPACE_DAMAGED')
  })
})
