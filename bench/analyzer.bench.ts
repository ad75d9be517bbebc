import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore } from '../electron/services/core'
import { report } from './harness'

const KPIS = 1_000
const WEEKS = 52

/** Analyzer reviews of a 1,000-KPI board: draft lint, and trial on 52 weekly values each. */
export async function analyzerBench(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-analyzer-bench-'))
  const core = createCore(join(dir, 'bench.kpiloop'), { access: 'write', create: true })
  try {
    const actor = 'bench'
    const draftBoard = core.boards.create('Draft', '', actor).id
    const trialBoard = core.boards.create('Trial', '', actor).id
    core.transaction(() => {
      for (let k = 0; k < KPIS; k++) {
        core.kpis.add(draftBoard, { code: `D${k}`, name: `提升指标 ${k}`, target: k % 3 ? '≥ 60%' : '显著提升' }, { actor })
        const kpi = core.kpis.add(
          trialBoard,
          { code: `T${k}`, name: `Metric ${k}`, target: '≥ 100', frequency: 'weekly', owner: 'PM', stage: 'trial' },
          { actor }
        )
        const items = Array.from({ length: WEEKS }, (_, w) => {
          const start = new Date(Date.UTC(2024, 0, 1 + w * 7)).toISOString().slice(0, 10)
          const end = new Date(Date.UTC(2024, 0, 8 + w * 7)).toISOString().slice(0, 10)
          return { kpiId: kpi.id, m: { period: { start, end }, value: 80 + ((k * 7 + w * 13) % 60), source: 'manual' as const } }
        })
        core.measurements.addMany(trialBoard, items, actor, 'bench')
      }
    })
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now()
      await fn()
      return performance.now() - start
    }
    const rawRead = await time(async () =>
      core.deps.sqlite.prepare('SELECT * FROM measurement m JOIN kpi k ON k.id = m.kpi_id WHERE k.board_id = ?').all(trialBoard)
    )
    const draft = await time(() => core.analyzerReview({ boardId: draftBoard, stage: 'draft' }))
    const trial = await time(() => core.analyzerReview({ boardId: trialBoard, stage: 'trial' }))
    return report(`Analyzer: ${KPIS} KPIs`, [
      { name: 'draft review (lint + store proposals)', value: `${draft.toFixed(0)} ms`, ok: draft < 2000, goal: '< 2 s' },
      {
        name: `trial review, ${WEEKS} weekly values each`,
        value: `${trial.toFixed(0)} ms (raw read of the ${KPIS * WEEKS} rows: ${rawRead.toFixed(0)} ms)`,
        ok: trial < 3000,
        goal: '< 3 s'
      }
    ])
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
