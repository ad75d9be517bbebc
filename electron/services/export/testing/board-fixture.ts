import type { NewKpi } from '../../../domain/kpi-input'
import { sampleKpis } from './sample-kpis'
import type { CoreOptions } from '../../core'
import { tempWorkspace } from '../../testing/temp-workspace'

export const BOARD = 'AI 助手 KPI 看板'

/**
 * A real workspace with the exporters' sample board (3 KPIs, Chinese and English, every structured
 * field), a month of actuals, an analyzer proposal, and a clock the test moves.
 */
export function boardFixture(options: Partial<CoreOptions> = {}) {
  const clock = { now: Date.UTC(2025, 11, 1) }
  const ws = tempWorkspace({ ...options, now: () => clock.now })
  const { core } = ws
  const board = core.boards.create(BOARD, 'Sample board', 'owner')
  const ids = new Map<string, number>()
  for (const sample of sampleKpis()) {
    const { id: _id, revisionId: _r, currentValue: _c, latestProposal: _p, versionLabel: _v, target, ...fields } = sample
    const input: NewKpi = { ...fields, target: target?.text ?? null }
    ids.set(sample.code, core.kpis.add(board.id, input, { actor: 'owner' }).id)
  }
  const id = (code: string): number => ids.get(code)!
  core.measurements.add(id('KPI-U001'), { period: { start: '2025-10-01', end: '2025-11-01' }, value: 380, source: 'manual' }, 'owner')
  core.measurements.add(id('KPI-U001'), { period: { start: '2025-11-01', end: '2025-12-01' }, value: 412, source: 'manual' }, 'owner')
  core.measurements.add(id('KPI-B002'), { period: { start: '2025-11-30', end: '2025-12-01' }, value: 430, source: 'manual' }, 'owner')
  core.proposals.store(board.id, 'trial', 'analyzer', [
    {
      kind: 'patch',
      code: 'KPI-U001',
      patches: [{ field: 'notes', value: '第3个月目标下调', rationale: '试运行数据低于轨迹' }],
      rationale: '把第3个月目标下调到 350 MAU'
    }
  ])
  return { ...ws, clock, boardId: board.id, id, tick: (ms = 60_000) => (clock.now += ms) }
}
export type BoardFixture = ReturnType<typeof boardFixture>
