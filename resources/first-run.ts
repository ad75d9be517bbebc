import type { NewKpi } from '../electron/api/kpi-input'
import type { Core } from '../electron/services/core'
import { DEMO_KPIS } from './demo-warehouse/demo-kpis'

export const SAMPLE_BOARD = 'AI 助手 KPI 看板（示例）'
const ACTOR = 'KPI Loop sample'

/**
 * A new workspace opens on a sample board with real history: every KPI drafted from a PRD (v0.1),
 * then moved on to the stage it is at today with a reason, and a version cut at that point.
 */
export async function seedFirstRun(core: Core): Promise<void> {
  core.transaction(() => {
    const board = core.boards.create(SAMPLE_BOARD, 'Sample board of an AI assistant product: KPIs at every lifecycle stage.', ACTOR)
    const drafted = DEMO_KPIS.map((fields) => {
      const draft: NewKpi = { ...fields, stage: 'draft', status: 'proposed' }
      return { kpi: core.kpis.add(board.id, draft, { actor: ACTOR, source: 'import', reason: 'Drafted from the sample PRD' }), fields }
    })
    core.versions.cut(board.id, { label: 'v0.1', note: 'Draft board from the PRD' }, ACTOR)
    for (const { kpi, fields } of drafted) {
      if ((fields.stage ?? 'draft') === 'draft') continue
      core.kpis.edit(kpi.id, { stage: fields.stage, status: fields.status }, { actor: ACTOR, reason: 'Passed the dev review' })
    }
    core.versions.cut(board.id, { note: 'After the dev review and the first trial weeks' }, ACTOR)
  })
}
