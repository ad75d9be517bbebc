import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '..'
import { createCore } from '../../services/core'
import { createRuntime, type Runtime } from './runtime'

/** A 6 MB disk of our own (a tmpfs), so that filling it troubles nobody; null where mounting is not allowed. */
function mountSmallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir], { stdio: 'ignore' })
    return dir
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return null
  }
}

const disk = mountSmallDisk()
if (!disk) console.warn('disk-full tests skipped: this machine does not let the tests mount a small tmpfs (root needed)')

const FILLER = 'filler.bin'
/** Writes until the disk refuses: from now on every new block fails with ENOSPC. */
function fillDisk(dir: string): void {
  const fd = openSync(join(dir, FILLER), 'w')
  const chunk = Buffer.alloc(64 * 1024, 1)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
}

const ctx: CallContext = { actor: 'pm', signal: new AbortController().signal, emit: () => {} }
const shell = { mode: 'web', version: 't', systemLocale: 'en' } as const

describe.runIf(disk)('a workspace on a full disk', () => {
  let dir: string
  let file: string
  beforeAll(() => {
    dir = disk!
  })
  afterAll(() => {
    execFileSync('umount', ['-l', dir])
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(() => {
    file = join(dir, 'ws', 'workspace.kpiloop')
    mkdirSync(join(dir, 'ws'))
    const core = createCore(file, { access: 'write', create: true })
    const boardId = core.boards.create('增长看板', '', 'pm').id
    core.kpis.add(boardId, { code: 'KPI-U001', name: '次日留存率', target: '≥ 45%' }, { actor: 'pm' })
    core.close()
  })
  afterEach(() => {
    rmSync(join(dir, 'ws'), { recursive: true, force: true })
    rmSync(join(dir, FILLER), { force: true })
  })

  it('still opens in the app and browser mode, read-only: boards read, writes say the disk is full, nothing changes', async () => {
    fillDisk(dir)
    const bytes = readFileSync(file)
    const runtime: Runtime = await createRuntime({ file, create: true, ...shell })
    try {
      expect(await runtime.dispatch('app.info', {}, ctx)).toMatchObject({ ok: true, data: { readOnly: 'disk-full' } })
      expect(await runtime.dispatch('board.list', {}, ctx)).toMatchObject({ ok: true, data: [{ name: '增长看板', kpiCount: 1 }] })
      expect(await runtime.dispatch('board.create', { name: 'Second' }, ctx)).toEqual({
        ok: false,
        error: { code: 'DISK_FULL', message: expect.stringMatching(/disk holding .*workspace\.kpiloop is full: the change was not saved/), details: { file } }
      })
    } finally {
      runtime.close()
    }
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('refuses a command that writes with DISK_FULL, and lets one that reads read', () => {
    fillDisk(dir)
    expect(() => createCore(file, { access: 'write' })).toThrow(expect.objectContaining({ code: 'DISK_FULL' }))
    const reader = createCore(file, { access: 'read' })
    expect(reader.boards.list().map((b) => b.name)).toEqual(['增长看板'])
    reader.close()
  })

  it('fills up under an open app: the write says the disk is full, data stays whole, and writing resumes once space is freed', async () => {
    const runtime = await createRuntime({ file, create: true, ...shell })
    try {
      fillDisk(dir)
      expect(await runtime.dispatch('board.create', { name: 'Second' }, ctx)).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
      expect(await runtime.dispatch('backup.create', {}, ctx)).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
      expect(readdirSync(join(dir, 'ws', 'backups'))).toEqual([])
      expect(await runtime.dispatch('board.list', {}, ctx)).toMatchObject({ ok: true, data: [{ name: '增长看板' }] })
      rmSync(join(dir, FILLER))
      expect(await runtime.dispatch('board.create', { name: 'Second' }, ctx)).toMatchObject({ ok: true })
      expect(runtime.core.deps.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      runtime.close()
    }
  })
})
