import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { createExportService } from '../../services/export/export-service'
import { boardFixture, BOARD, type BoardFixture } from '../../services/export/testing/board-fixture'
import { counts } from '../../services/testing/temp-workspace'
import { openSession, type Session } from '../session'
import { runTableImport } from './import-table'

let fx: BoardFixture
let file: string
beforeEach(async () => {
  fx = boardFixture()
  const { files } = await createExportService({ core: fx.core }).file({ boardId: fx.boardId, format: 'csv', locale: 'en' })
  const parsed = Papa.parse<Record<string, string>>(
    Buffer.from(files[0]!.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true }
  )
  parsed.data[0]!.owner = '增长产品经理'
  parsed.data.push({ ...parsed.data[2]!, code: 'KPI-U021', name: 'NPS 净推荐值', target: '≥ 40', currentValue: '' })
  file = join(fx.dir, '看板-已编辑.csv')
  writeFileSync(file, '\uFEFF' + Papa.unparse(parsed.data, { newline: '\r\n' }))
})
afterEach(() => fx.cleanup())

/** A CLI session on the same workspace file, as the user cli-po, whose output the test reads. */
async function cli(json: boolean): Promise<Session & { printed: { human: string; data: unknown }[] }> {
  process.env.KPILOOP_ACTOR = 'cli-po'
  const ctx = await openSession({ db: fx.file, json }, { writes: true }).finally(() => delete process.env.KPILOOP_ACTOR)
  const printed: { human: string; data: unknown }[] = []
  return { ...ctx, printed, out: (human, data) => void printed.push({ human, data }) }
}

describe('kpiloop import FILE.csv', () => {
  it('prints the diff and writes nothing on --dry-run, then imports without it', async () => {
    const dry = await cli(false)
    const before = counts(fx.core)
    await runTableImport(dry, file, { board: BOARD, dryRun: true })
    dry.close()
    expect(dry.printed[0]!.human).toBe(
      [
        '看板-已编辑.csv → AI 助手 KPI 看板: 1 changed, 1 new, 2 unchanged, 0 error(s)',
        '~ KPI-U001 月活跃用户数 (MAU) (line 2)',
        '    owner: 产品经理 → 增长产品经理',
        '+ KPI-U021 NPS 净推荐值 (line 13)',
        'Dry run: nothing was written.'
      ].join('\n')
    )
    expect(counts(fx.core)).toEqual(before)

    const real = await cli(true)
    await runTableImport(real, file, { board: BOARD })
    real.close()
    const printed = real.printed[0]!.data as { changed: { code: string }[]; added: { code: string }[]; imported: unknown }
    expect([printed.changed.map((c) => c.code), printed.added.map((a) => a.code), printed.imported]).toEqual([
      ['KPI-U001'],
      ['KPI-U021'],
      { changed: 1, added: 1, unchanged: 2, unknownColumns: [] }
    ])
    expect(fx.core.kpis.history(fx.id('KPI-U001')).at(-1)).toMatchObject({ source: 'import', author: 'cli-po', reason: 'Imported from 看板-已编辑.csv' })
  })

  it('prints the errors and exits with IMPORT_MALFORMED, writing nothing', async () => {
    writeFileSync(file, 'code,name,status\r\nKPI-U001,月活跃用户数 (MAU),someday\r\nKPI-U022,留存,adopted\r\n')
    const ctx = await cli(false)
    const before = counts(fx.core)
    const error = await runTableImport(ctx, file, { board: BOARD }).catch((e: unknown) => e)
    ctx.close()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('IMPORT_MALFORMED')
    expect(ctx.printed[0]!.human).toContain('! line 2: KPI-U001: unknown status "someday".')
    expect(counts(fx.core)).toEqual(before)
  })
})
