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
  const core = createCore(join(dir, 'bench.kpiloop'), { access: 'write', create: true })
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

    const raw = core.deps.sqlite.prepare('SELECT r.*, k.board_id FROM kpi_head k JOIN kpi_revision r ON r.id = k.revision_id WHERE k.board_id = ?')
    const rawLoad = timeMs(() => raw.all(boardId))
    const load = timeMs(() => core.kpis.list(boardId))

    // Baselines: the revision rows an edit writes, raw, one per transaction, into kpi_revision itself
    // and, for comparison, into an empty copy of it, whose few pages stay hot.
    const sqlite = core.deps.sqlite
    const N = 5_000
    const pick = (i: number) => ids[(i * 7919) % KPIS]!
    const headRow = sqlite.prepare('SELECT r.* FROM kpi_head k JOIN kpi_revision r ON r.id = k.revision_id WHERE k.kpi_id = ?')
    const heads = Array.from({ length: N }, (_, i) => headRow.get(pick(i)) as Record<string, unknown>)
    const columns = Object.keys(heads[0]!).filter((c) => c !== 'id')
    let number = 1_000_000
    sqlite.exec('CREATE TABLE bench_empty AS SELECT * FROM kpi_revision WHERE 0; CREATE UNIQUE INDEX bench_empty_number ON bench_empty (kpi_id, number)')
    // Each side starts from a checkpointed WAL and a warm JIT, so none pays for the seeding or another side.
    const rate = (fn: (i: number) => unknown) => {
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
      perSecond(1_000, fn)
      return perSecond(N, fn)
    }
    const rawRate = (table: string) => {
      const insert = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      return rate(sqlite.transaction((i: number) => insert.run(...columns.map((c) => (c === 'number' ? ++number : heads[i]![c])))))
    }
    const rawTableRate = rawRate('kpi_revision')
    const rawEmptyRate = rawRate('bench_empty')
    // Raw rows became heads above; edits build on them with the next numbers.
    let edits = 0
    const editRate = rate((i) => core.kpis.edit(pick(i), { notes: `edit ${++edits}` }, { actor, reason: 'bench' }))

    const cut = timeMs(() => core.versions.cut(boardId, {}, actor), 3)
    core.transaction(() => {
      for (let i = 0; i < KPIS; i += 10) core.kpis.edit(ids[i]!, { owner: `owner ${i}` }, { actor })
    })
    const labels = core.versions.list(boardId).map((v) => v.label)
    core.versions.cut(boardId, { label: 'bench-b' }, actor)
    const diff = timeMs(() => core.versions.diff(boardId, labels[0]!, 'bench-b'), 3)

    const checks: Check[] = [
      {
        name: 'board load vs raw select',
        value: `${load.toFixed(1)} ms vs ${rawLoad.toFixed(1)} ms = ${(load / rawLoad).toFixed(2)}×`,
        ok: load <= rawLoad * 3,
        goal: '≤ 3×'
      },
      {
        name: 'KPI edit (head read, revision, audit) vs raw insert of its revision row',
        value: `${editRate.toFixed(0)}/s vs ${rawTableRate.toFixed(0)}/s = ${(editRate / rawTableRate).toFixed(2)} (into an empty copy: ${rawEmptyRate.toFixed(0)}/s = ${(editRate / rawEmptyRate).toFixed(2)})`,
        ok: editRate >= rawTableRate / 3,
        goal: '≥ 0.33'
      },
      { name: `cut a version of ${KPIS} KPIs`, value: `${cut.toFixed(1)} ms`, ok: cut < 300, goal: '< 300 ms' },
      { name: `diff two versions of ${KPIS} KPIs (1,000 changed)`, value: `${diff.toFixed(1)} ms`, ok: diff < 300, goal: '< 300 ms' }
    ]
    return report(`Workspace: ${KPIS} KPIs × ${REVISIONS} revisions`, checks)
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
