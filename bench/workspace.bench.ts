import { createCore } from '../electron/services/core'
import { perSecond, report, timeMs, type Check } from './harness'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const KPIS = 10_000
const REVISIONS = 20

/** 10,000 KPIs × 20 revisions: board load, edit throughput, version cut and diff. */
export function workspaceBench(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'kpiloop-bench-'))
  const core = createCore(join(dir, 'bench.kpiloop'))
  try {
    const actor = 'bench'
    const boardId = core.boards.create('Bench', '', actor).id
    const ids: number[] = []
    const seedStart = Date.now()
    core.transaction(() => {
      for (let i = 0; i < KPIS; i++) {
        ids.push(core.kpis.add(boardId, { code: `KPI-${i}`, name: `指标 ${i}`, target: '≥ 60%', owner: 'PM', frequency: 'weekly' }, { actor }).id)
      }
      for (let r = 2; r <= REVISIONS; r++) {
        for (const id of ids) core.kpis.edit(id, { target: `≥ ${40 + r}%`, notes: `revision ${r}` }, { actor })
      }
    })
    console.log(`  seeded ${KPIS} KPIs × ${REVISIONS} revisions in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`)

    const raw = core.deps.sqlite.prepare('SELECT r.*, k.board_id FROM kpi k JOIN kpi_revision r ON r.id = k.head_revision_id WHERE k.board_id = ?')
    const rawLoad = timeMs(() => raw.all(boardId))
    const load = timeMs(() => core.kpis.list(boardId))

    // The baseline inserts the same revision row, raw, into a table of kpi_revision's shape and index,
    // one row per transaction; an edit writes that row plus the head pointer and the audit entry.
    core.deps.sqlite.exec('CREATE TABLE bench_raw AS SELECT * FROM kpi_revision WHERE 0')
    core.deps.sqlite.exec('CREATE UNIQUE INDEX bench_raw_number ON bench_raw (kpi_id, number)')
    const sample = core.deps.sqlite.prepare('SELECT * FROM kpi_revision WHERE id = (SELECT head_revision_id FROM kpi WHERE id = ?)').get(ids[0]) as Record<string, unknown>
    const columns = Object.keys(sample).filter((c) => c !== 'id')
    const rawInsert = core.deps.sqlite.prepare(`INSERT INTO bench_raw (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    let rawCount = 0
    const rawTx = core.deps.sqlite.transaction((i: number) => rawInsert.run(...columns.map((c) => (c === 'number' ? ++rawCount : c === 'kpi_id' ? ids[(i * 7919) % KPIS] : sample[c]))))
    const N = 5_000
    const edit = (i: number) => core.kpis.edit(ids[(i * 7919) % KPIS]!, { notes: `edit ${i}` }, { actor, reason: 'bench' })
    // Both sides start from a checkpointed WAL and a warm JIT, so neither pays for the seeding.
    core.deps.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    perSecond(1_000, (i) => rawTx(i))
    perSecond(1_000, (i) => edit(N + i))
    const rawRate = perSecond(N, (i) => rawTx(i))
    const editRate = perSecond(N, edit)

    const cut = timeMs(() => core.versions.cut(boardId, {}, actor), 3)
    core.transaction(() => {
      for (let i = 0; i < KPIS; i += 10) core.kpis.edit(ids[i]!, { owner: `owner ${i}` }, { actor })
    })
    const labels = core.versions.list(boardId).map((v) => v.label)
    core.versions.cut(boardId, { label: 'bench-b' }, actor)
    const diff = timeMs(() => core.versions.diff(boardId, labels[0]!, 'bench-b'), 3)

    const checks: Check[] = [
      { name: 'board load vs raw select', value: `${load.toFixed(1)} ms vs ${rawLoad.toFixed(1)} ms = ${(load / rawLoad).toFixed(2)}×`, ok: load <= rawLoad * 3, goal: '≤ 3×' },
      { name: 'KPI edit (revision + head + audit) vs raw revision-row insert', value: `${editRate.toFixed(0)}/s vs ${rawRate.toFixed(0)}/s = ${(editRate / rawRate).toFixed(2)}`, ok: editRate >= rawRate / 3, goal: '≥ 0.33' },
      { name: `cut a version of ${KPIS} KPIs`, value: `${cut.toFixed(1)} ms`, ok: cut < 300, goal: '< 300 ms' },
      { name: `diff two versions of ${KPIS} KPIs (1,000 changed)`, value: `${diff.toFixed(1)} ms`, ok: diff < 300, goal: '< 300 ms' }
    ]
    return report(`Workspace: ${KPIS} KPIs × ${REVISIONS} revisions`, checks)
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
