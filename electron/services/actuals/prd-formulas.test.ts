import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noteText } from '../../domain/formula-preview'
import { extractKpis } from '../prd-import/extract'
import { describeReference, readReference } from '../testing/reference'
import { tempWorkspace } from '../testing/temp-workspace'
import { PRD_WAREHOUSE_SQL } from './testing/prd-warehouse'
import { serversUp } from '../testing/servers'

const PRD = readReference('000_2d830c7e33d9cdc7.txt', (file) => readFileSync(file, 'utf8'))
const schema = `kpi_prd_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' })

// Every SQL formula of the user's PRD, on tables of the shape it reads: a value, or a table with a proposed mapping.
const up = await serversUp('the reference PRD formulas', 'postgres')
describe.skipIf(!up)('on PostgreSQL', () => {
  describeReference('the reference PRD’s formulas', () => {
    const candidates = extractKpis(PRD, { fileName: '000.txt' }).candidates.filter((c) => /^\s*(select|with)\b/i.test(c.fields.formula))
    let ws: ReturnType<typeof tempWorkspace>
    let core: ReturnType<typeof tempWorkspace>['core']
    let board: number
    const actor = 'po'

    beforeAll(async () => {
      ws = tempWorkspace()
      core = ws.core
      board = core.boards.create('AI Manus', '', actor).id
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      await admin.query(`SET search_path = ${schema}`)
      for (const statement of PRD_WAREHOUSE_SQL) await admin.query(statement)
      core.sources.save({ name: 'warehouse', kind: 'postgres', url: `postgres://postgres@127.0.0.1:5432/test?schema=${schema}` }, actor, 'add')
      for (const candidate of candidates) core.kpis.add(board, { ...candidate.fields, dataSource: 'warehouse' }, { actor, source: 'import' })
    }, 120_000)
    afterAll(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
      ws.cleanup()
    })

    it('finds the 26 SQL formulas, their data sources kept as notes', () => {
      expect(candidates).toHaveLength(26)
      expect(candidates.find((c) => c.fields.code === 'KPI-U001')!.fields).toMatchObject({ dataSource: '', sourceNote: '用户认证系统' })
    })

    it('previews each as a value or a table with a proposed mapping, never a generic error', { timeout: 120_000 }, async () => {
      const outcomes: string[] = []
      for (const kpi of core.kpis.list(board)) {
        const preview = await core.pull.preview(kpi.id, undefined)
        const mapping = preview.mappingSource === 'proposal' ? preview.proposal.mapping : preview.mapping
        const shown = preview.values.length ? `value ${preview.values.at(-1)!.value}` : `table ${preview.table.rowCount}×${preview.table.columns.length}`
        outcomes.push(`${kpi.code}: ${shown}; mapping ${JSON.stringify(mapping)}; ${preview.proposal.warnings.map(noteText).join(' ')}`)
        expect(preview.table.columns.length, kpi.code).toBeGreaterThan(0)
        expect(preview.values.length > 0 || mapping !== null, `${kpi.code} has neither a value nor a mapping`).toBe(true)
        expect(preview.valueError?.code, `${kpi.code}: ${preview.valueError?.message}`).not.toBe('QUERY_FAILED')
        if (preview.table.columns.length > 1) expect(mapping?.value, kpi.code).toBeTruthy()
      }
      expect(outcomes).toHaveLength(26)
    })

    it('names the dates that make eight of them describe a fixed or moving window, with a rewrite for each', { timeout: 120_000 }, async () => {
      const dated: string[] = []
      for (const kpi of core.kpis.list(board)) {
        const preview = await core.pull.preview(kpi.id, undefined)
        if (preview.dates.findings.length === 0) continue
        dated.push(kpi.code)
        expect(preview.dates.rewrite, kpi.code).not.toBeNull()
      }
      expect(dated.sort()).toEqual(['KPI-B002', 'KPI-B005', 'KPI-B006', 'KPI-B007', 'KPI-U001', 'KPI-U003', 'KPI-U004', 'KPI-U013'])
      const mau = core.kpis.list(board).find((k) => k.code === 'KPI-U001')!
      const preview = await core.pull.preview(mau.id, { start: '2025-12-01', end: '2026-01-01' })
      expect(preview.pullBlocked?.code).toBe('FORMULA_NOT_PERIODIC')
      expect(preview.dates.rewrite).toMatchObject({ grain: 'month', frequency: 'monthly' })
    })
  })
})
