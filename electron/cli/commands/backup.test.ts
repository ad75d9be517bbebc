import { existsSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => {
  ws = tempWorkspace()
  ws.core.boards.create('增长看板', '', 'pm')
  ws.core.close()
})
afterEach(() => ws.cleanup())

const boardNames = async () => (JSON.parse((await runCli(ws.file, ['--json', 'board', 'list'])).stdout) as { name: string }[]).map((b) => b.name)

describe('kpiloop backup', () => {
  it('backs up, lists, sets the schedule and restores, keeping the workspace as it was', async () => {
    const made = await runCli(ws.file, ['backup'])
    expect(made).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Backed up the workspace to .*backups\/workspace-.*-manual\.kpiloop \(\d+ kB\)\.\n$/)
    })
    const backup = /to (\S+) \(/.exec(made.stdout)![1]!
    expect(await runCli(ws.file, ['backup', '--out', 'review.kpiloop'], {}, ws.dir)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(join(ws.dir, 'review.kpiloop'))
    })
    expect(existsSync(join(ws.dir, 'review.kpiloop'))).toBe(true)

    const list = await runCli(ws.file, ['backup', 'list'])
    expect(list.stdout).toContain(backup)
    expect(list.stdout).toContain(`Folder: ${join(ws.dir, 'backups')}`)
    expect(list.stdout).toContain('Scheduled backups: every 24 h while the app or browser mode runs, the latest 10 kept.')
    expect((await runCli(ws.file, ['backup', 'schedule', '--every', '6', '--keep', '3'])).stdout).toContain(
      'every 6 h while the app or browser mode runs, the latest 3 kept'
    )

    await runCli(ws.file, ['board', 'create', 'Later'])
    const restored = await runCli(ws.file, ['backup', 'restore', backup])
    expect(restored).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^Restored ${backup}\\. The workspace as it was is kept at .*-pre-restore\\.kpiloop\\.`))
    })
    expect(await boardNames()).toEqual(['增长看板'])
  }, 120_000)

  it('names a damaged workspace and its latest backup, and restores that backup although the workspace cannot be opened', async () => {
    const backup = /to (\S+) \(/.exec((await runCli(ws.file, ['backup'])).stdout)![1]!
    truncateSync(ws.file, Math.floor(statSync(ws.file).size / 2))
    const refused = await runCli(ws.file, ['board', 'list'])
    expect(refused).toMatchObject({ code: 1, stdout: '' })
    expect(refused.stderr).toContain(`The workspace ${ws.file} is damaged and cannot be read; nothing was changed. The latest backup is ${backup}`)
    expect(refused.stderr).toContain('[WORKSPACE_DAMAGED]')

    const restored = await runCli(ws.file, ['backup', 'restore', backup])
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringMatching(/The workspace as it was is kept at .*-damaged\.kpiloop\./) })
    expect(await boardNames()).toEqual(['增长看板'])
  }, 120_000)
})
