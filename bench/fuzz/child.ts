import { readFileSync } from 'node:fs'
import { AppError } from '../../electron/domain/errors'
import { commitTableImport, tableFormatOf } from '../../electron/services/export/table-import'
import { boardFixture } from '../../electron/services/export/testing/board-fixture'
import { createPrdImportService } from '../../electron/services/prd-import/prd-import-service'
import type { Importer } from './inputs'

// One input in its own process, so that its peak RSS is its own: `child.ts IMPORTER FILE_NAME INPUT_PATH`.
const [importer, fileName, path] = process.argv.slice(2) as [Importer, string, string]
const fx = boardFixture()
const data = readFileSync(path)
const baseline = process.resourceUsage().maxRSS
const started = performance.now()
let outcome: string
try {
  if (importer === 'prd') {
    const preview = await createPrdImportService(fx.core).preview({ fileName, data })
    outcome = `${preview.candidates.length} KPI(s) found`
  } else if (importer === 'table') {
    const counts = await commitTableImport(fx.core, { boardId: fx.boardId, data, format: tableFormatOf(fileName), fileName, actor: 'fuzz' })
    outcome = `${counts.added} added, ${counts.changed} changed`
  } else {
    outcome = `${await fx.core.measurements.importCsv(fx.boardId, data, 'fuzz', fileName)} values stored`
  }
} catch (error) {
  outcome = error instanceof AppError ? `${error.code}: ${error.message.slice(0, 70)}` : `RAW ${String(error).slice(0, 70)}`
}
const ms = performance.now() - started
fx.cleanup()
process.stdout.write(JSON.stringify({ outcome, ms, peakMb: process.resourceUsage().maxRSS / 1024, baselineMb: baseline / 1024 }))
