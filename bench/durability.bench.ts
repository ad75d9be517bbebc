import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore } from '../electron/services/core'
import { perSecond, report, type Check } from './harness'

const KPIS = 2_000
const REVISIONS = 10
const EDITS = 300

/**
 * What durability costs: a KPI edit committed with synchronous = FULL (on disk before the call
 * returns) against NORMAL (the last edits may roll back after a power loss), alternated in one run;
 * and how long an online backup holds up the app between two of its steps.
 */
export async function durabilityBench(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-bench-durability-'))
  const core = createCore(join(dir, 'bench.kpiloop'), { access: 'write', create: true })
  try {
    const actor = 'bench'
    const boardId = core.boards.create('Bench', '', actor).id
    const ids: number[] = []
    core.transaction(() => {
      for (let i = 0; i < KPIS; i++) ids.push(core.kpis.add(boardId, { code: `KPI-${i}`, name: `指标 ${i}`, target: '≥ 60%' }, { actor }).id)
      for (let r = 2; r <= REVISIONS; r++) for (const id of ids) core.kpis.edit(id, { notes: `revision ${r}` }, { actor })
    })
    const sqlite = core.deps.sqlite
    let edits = 0
    const editRate = (mode: 'FULL' | 'NORMAL') => {
      sqlite.pragma(`synchronous = ${mode}`)
      return perSecond(EDITS, (i) => core.kpis.edit(ids[(i * 7919) % KPIS]!, { notes: `edit ${++edits}` }, { actor }))
    }
    // Alternated, best of three each: the disk's own hiccups hit both sides alike.
    const full: number[] = []
    const normal: number[] = []
    for (let round = 0; round < 3; round++) {
      normal.push(editRate('NORMAL'))
      full.push(editRate('FULL'))
    }
    sqlite.pragma('synchronous = FULL')
    const fullMs = 1000 / Math.max(...full)
    const normalMs = 1000 / Math.max(...normal)

    // The app keeps answering during a backup: the longest stretch the event loop is held.
    let longest = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longest = Math.max(longest, now - last)
      last = now
    }, 1)
    const started = performance.now()
    const backup = await core.backups.create()
    const backupMs = performance.now() - started
    clearInterval(ticker)

    const checks: Check[] = [
      {
        name: 'KPI edit with synchronous = FULL vs NORMAL (per edit)',
        value: `${fullMs.toFixed(2)} ms vs ${normalMs.toFixed(2)} ms: +${(fullMs - normalMs).toFixed(2)} ms, ${(fullMs / normalMs).toFixed(1)}×`,
        ok: fullMs < 20,
        goal: '< 20 ms per edit with FULL'
      },
      {
        name: `online backup of ${KPIS} KPIs × ${REVISIONS} revisions (${(backup.bytes / (1 << 20)).toFixed(1)} MB)`,
        value: `${backupMs.toFixed(0)} ms in all, the app held for at most ${longest.toFixed(1)} ms at a time`,
        ok: longest < 100,
        goal: 'held < 100 ms at a time'
      }
    ]
    return report('Durability: commits on disk, online backups', checks)
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
