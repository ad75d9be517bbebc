import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from './core'

// `npm run test:crash` runs 100 kills; `npm test` a few, enough to catch a regression.
const RUNS = Number(process.env.KPILOOP_CRASH_RUNS ?? 4)
const ROOT = resolve(import.meta.dirname, '../..')

let dir: string
let file: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-crash-'))
  file = join(dir, 'workspace.kpiloop')
  const core = createCore(file, { access: 'write', create: true })
  core.kpis.add(core.boards.create('Growth', '', 'setup').id, { code: 'KPI-A', name: '次日留存率', target: '≥ 45%' }, { actor: 'setup' })
  core.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Edits at full speed in another process and kills it (-9) after a random number of acknowledged edits. */
async function editThenKill(tag: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/services/testing/edit-loop.ts', file, 'KPI-A', '1000000', tag], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const exited = once(child, 'exit')
  const drained = once(child.stdout, 'end')
  const killAfter = 20 + Math.floor(Math.random() * 200)
  let acknowledged = 0
  let pending = ''
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    const lines = pending.split('\n')
    pending = lines.pop()!
    for (const line of lines) if (line.startsWith('ok ')) acknowledged = Number(line.slice(3))
    if (acknowledged >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL')
  })
  // Lines already in the pipe when the kill landed are acknowledgements too.
  const [[, signal]] = (await Promise.all([exited, drained])) as [[number | null, string | null], unknown]
  expect(signal).toBe('SIGKILL')
  return acknowledged
}

describe('an app killed (-9) in the middle of editing', () => {
  it(
    `loses no acknowledged edit and leaves a whole workspace, ${RUNS} times over`,
    async () => {
      let total = 0
      for (let run = 1; run <= RUNS; run++) {
        const tag = `run-${run}`
        const acknowledged = await editThenKill(tag)
        total += acknowledged
        const core = createCore(file, { access: 'write' })
        try {
          expect(core.deps.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
          expect(core.deps.sqlite.pragma('foreign_key_check')).toEqual([])
          const kpiId = core.kpis.resolve(core.boards.resolve('Growth'), 'KPI-A')
          const notes = core.kpis
            .history(kpiId)
            .map((r) => r.notes)
            .filter((n) => n.startsWith(`${tag} `))
          // Every acknowledged edit is there, in order; at most the one in flight when killed follows.
          expect(notes.slice(0, acknowledged)).toEqual(Array.from({ length: acknowledged }, (_, i) => `${tag} ${i + 1}`))
          expect(notes.length - acknowledged).toBeLessThanOrEqual(1)
        } finally {
          core.close()
        }
      }
      expect(total).toBeGreaterThan(RUNS * 20)
      console.log(`${RUNS} kills (-9) during ${total} acknowledged edits: none lost, the workspace whole each time`)
    },
    60_000 + RUNS * 15_000
  )
})
