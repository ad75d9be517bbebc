import dayjs from 'dayjs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { newKpiSchema } from '../electron/domain/kpi-input'
import type { Core } from '../electron/services/core'

export const DEMO_SOURCE = 'demo'
const PULLED_STAGES = new Set(['trial', 'launched', 'operating'])

/**
 * A new workspace opens on a sample board with real history: a demo analytics warehouse
 * (DuckDB, beside the workspace) connected as a data source, every KPI drafted from a PRD (v0.1),
 * then moved to the stage it is at today, actuals pulled for the measured stages, and a first
 * offline draft review so the board shows proposals. It is written in the user's language (the OS
 * language a first run starts the UI in): Chinese for any zh-* locale, English otherwise.
 */
export async function seedFirstRun(core: Core, systemLocale = 'en'): Promise<void> {
  // DuckDB is loaded only when a workspace is first created.
  const { demoKpis, generateDemoWarehouse, SAMPLE_WORDS } = await import('./demo-warehouse')
  const locale = systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
  const words = SAMPLE_WORDS[locale]
  const ACTOR = words.actor
  const today = dayjs(core.deps.now()).format('YYYY-MM-DD')
  const warehouse = join(dirname(core.file), 'demo-warehouse.duckdb')
  await generateDemoWarehouse(warehouse, { endDate: today })
  core.sources.save({ name: DEMO_SOURCE, kind: 'duckdb', url: `duckdb://${pathToFileURL(warehouse).pathname}` }, ACTOR, 'add')

  const board = core.transaction(() => {
    const created = core.boards.create(words.board, words.description, ACTOR)
    const drafted = demoKpis(locale).map((fields) => {
      const draft = newKpiSchema.parse({ ...fields, stage: 'draft', status: 'proposed' })
      return { kpi: core.kpis.add(created.id, draft, { actor: ACTOR, source: 'import', reason: words.drafted }), fields }
    })
    core.versions.cut(created.id, { label: 'v0.1', note: words.firstVersion }, ACTOR)
    for (const { kpi, fields } of drafted) {
      if ((fields.stage ?? 'draft') === 'draft') continue
      core.kpis.edit(kpi.id, { stage: fields.stage, status: fields.status }, { actor: ACTOR, reason: words.passed }, 'stage')
    }
    return created
  })

  const measured = core.kpis
    .list(board.id)
    .filter((k) => PULLED_STAGES.has(k.stage))
    .map((k) => k.id)
  const from = dayjs(today).subtract(6, 'month').startOf('month').format('YYYY-MM-DD')
  const to = dayjs(today).startOf('month').format('YYYY-MM-DD')
  await core.pull.pull({ boardId: board.id, kpiIds: measured, from, to }, ACTOR)
  core.versions.cut(board.id, { note: words.afterTrial }, ACTOR)
  await core.analyzerReview({ boardId: board.id, stage: 'draft' })
}
