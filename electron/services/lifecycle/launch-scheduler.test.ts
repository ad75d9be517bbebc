import { afterEach, expect, it } from 'vitest'
import { boardFixture } from '../export/testing/board-fixture'
import { startLaunchScheduler } from './launch-scheduler'

const fx = boardFixture()
afterEach(() => fx.cleanup())

it('moves a due launched KPI to operating on its tick while the app runs, as the launch plan, once', async () => {
  fx.core.launchPlans.set(fx.boardId, { launchDate: '2025-12-01', cadence: 'weekly' }, 'pm')
  const moves: string[] = []
  const scheduler = startLaunchScheduler({ ...fx.core, actor: 'launch plan', onMoved: (moved) => moves.push(...moved.map((m) => m.code)) }, 60_000)
  try {
    await scheduler.tick()
    expect(fx.core.kpis.get(fx.id('KPI-B002')).stage).toBe('launched')
    // 2025-12-01 is a Monday: its own week is the first full one, ended on 2025-12-08.
    fx.clock.now = Date.parse('2025-12-08T12:00:00Z')
    await scheduler.tick()
    await scheduler.tick()
    expect(moves).toEqual(['KPI-B002'])
    expect(fx.core.kpis.get(fx.id('KPI-B002')).stage).toBe('operating')
    expect(fx.core.audit.list({ kpiId: fx.id('KPI-B002'), limit: 1 })[0]).toMatchObject({ actor: 'launch plan', action: 'kpi.stage' })
  } finally {
    await scheduler.stop()
  }
})
