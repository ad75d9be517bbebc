import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { Command } from 'commander'
import type { ImportPreview } from '../../domain/views'
import { AppError } from '../../domain/errors'
import { createPrdImportService } from '../../services/prd-import/prd-import-service'
import { changeLines, show, table } from '../format'
import type { Run } from '../run'
import { runTableImport } from './import-table'

const MAX_BYTES = 10 * 1024 * 1024

function previewText(preview: ImportPreview): string {
  if (preview.candidates.length === 0) return [`No KPI found in ${preview.fileName}.`, ...preview.notes].join('\n')
  const rows = preview.candidates.map((c) => [
    c.fields.code,
    c.fields.name,
    show(c.fields.target),
    c.action,
    `${c.lines.start}–${c.lines.end}`,
    c.warnings.join(', ')
  ])
  const changes = preview.candidates.filter((c) => c.action === 'update').flatMap((c) => [`~ ${c.fields.code}`, ...changeLines(c.match!.changes, '    ')])
  return [table(['code', 'name', 'target', 'action', 'lines', 'warnings'], rows), ...changes, ...preview.notes].join('\n')
}

export function importCommand(program: Command, run: Run) {
  program
    .command('import <file>')
    .description('import a PRD (.md, .txt, .docx) as a draft board, or a board table (.csv, .xlsx) as revisions')
    .requiredOption('--board <name>', 'board to import into (created when it does not exist)')
    .option('--dry-run', 'show what would be imported; write nothing')
    .option('--assistant', 'also ask the assistant (LLM) for KPIs written as free prose')
    .action((file: string, opts: { board: string; dryRun?: boolean; assistant?: boolean }) =>
      run(async (ctx) => {
        const ext = extname(file).toLowerCase()
        if (ext === '.csv' || ext === '.xlsx') return runTableImport(ctx, file, { board: opts.board, dryRun: opts.dryRun === true })
        if (statSync(file).size > MAX_BYTES) throw new AppError('IMPORT_TOO_LARGE', `${basename(file)} is larger than 10 MB; split the document.`)
        const boardId = ctx.core.boards.list().find((b) => b.name === opts.board)?.id
        const prd = createPrdImportService(ctx.core)
        const preview = await prd.preview({ boardId, fileName: basename(file), data: readFileSync(file), assistant: opts.assistant })
        if (opts.dryRun) return ctx.out(previewText(preview), preview)
        if (preview.candidates.length === 0) throw new AppError('IMPORT_NO_KPI', `No KPI found in ${basename(file)}; nothing was written.`)
        const items = preview.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines }))
        const result = prd.commit({ boardId, boardName: boardId ? undefined : opts.board, fileName: basename(file), items }, ctx.actor)
        ctx.out(
          `${previewText(preview)}\n\nImported into "${opts.board}": ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged; cut ${result.version}.`,
          { preview, result }
        )
      })
    )
}
