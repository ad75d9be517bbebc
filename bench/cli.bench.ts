import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildNode } from '../scripts/build-node.mjs'
import { report } from './harness'

const RUNS = 15

/** Cold start of `kpiloop kpi list` (a fresh Node process each time) against a bare `node -e 0`, run in turn. */
export async function cliBench(): Promise<boolean> {
  await buildNode()
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-cli-bench-'))
  const db = join(dir, 'bench.kpiloop')
  const cli = (...args: string[]) => execFileSync(process.execPath, ['bin/kpiloop.mjs', '--db', db, ...args], { stdio: 'pipe' })
  try {
    cli('board', 'create', 'Bench')
    for (let i = 0; i < 20; i++) cli('kpi', 'add', '--board', 'Bench', '--code', `K${i}`, '--name', `Metric ${i}`, '--target', '≥ 60%')
    const time = (args: string[]) => {
      const start = performance.now()
      execFileSync(process.execPath, args, { stdio: 'pipe' })
      return performance.now() - start
    }
    const ratios: number[] = []
    const cliTimes: number[] = []
    const bareTimes: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const bare = time(['-e', '0'])
      const list = time(['bin/kpiloop.mjs', '--db', db, 'kpi', 'list', '--board', 'Bench'])
      bareTimes.push(bare)
      cliTimes.push(list)
      ratios.push(list / bare)
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const ratio = median(ratios)
    return report('CLI cold start', [
      {
        name: 'kpiloop kpi list (20 KPIs) vs node -e 0',
        value: `${ratio.toFixed(2)}× (median of ${RUNS} pairs; ${median(cliTimes).toFixed(0)} ms vs ${median(bareTimes).toFixed(0)} ms; best pair ${Math.min(...ratios).toFixed(2)}×)`,
        ok: ratio <= 2.5,
        goal: '≤ 2.5×'
      }
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
