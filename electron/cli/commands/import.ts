import { extname } from 'node:path'
import type { Command } from 'commander'
import type { ImportPreview } from '../../domain/views'
import { AppError } from '../../domain/errors'
import { importCounts } from '../../domain/prd-candidates'
import { changeLines, show, table } from '../format'
import type { Run } from '../run'
import type { Session } from '../session'
import { runTableImport } from './import-table'
import { readInputFile } from './read-input'

function assistantLine(preview: ImportPreview): string[] {
  const assistant = preview.assistant
  if (!assistant) return []
  return [
    assistant.status === 'done'
      ? `Assistant: ${assistant.added} KPI(s) added, gaps filled in ${assistant.enriched}.`
      : `Assistant: nothing added (${assistant.code}: ${assistant.message})`
  ]
}

function skippedLines(preview: ImportPreview): string[] {
  return preview.skipped.map((s) => `Skipped §${s.heading} (lines ${s.lines.start}–${s.lines.end}): ${s.reason}`)
}

function previewText(preview: ImportPreview): string {
  if (preview.candidates.length === 0)
    return [`No KPI found in ${preview.fileName}.`, ...skippedLines(preview), ...assistantLine(preview), ...preview.notes].join('\n')
  const counts = importCounts(preview.candidates)
  const rows = preview.candidates.map((c) => [
    c.fields.code,
    c.fields.name,
    show(c.fields.target),
    c.action,
    `${c.lines.start}–${c.lines.end}`,
    c.warnings.join(', ')
  ])
  const changes = preview.candidates.filter((c) => c.action === 'update').flatMap((c) => [`~ ${c.fields.code}`, ...changeLines(c.match!.changes, '    ')])
  return [
    `Found ${counts.found} KPIs: ${counts.withTarget} with a target, ${counts.needTarget} needing a target, ${counts.flagged} flagged.`,
    table(['code', 'name', 'target', 'action', 'lines', 'warnings'], rows),
    ...changes,
    ...skippedLines(preview),
    ...assistantLine(preview),
    ...preview.notes
  ].join('\n')
}

/** The board the PRD goes into, when it exists already (a PRD import creates a missing one). */
async function existingBoard(ctx: Session, name: string): Promise<number | undefined> {
  return (await ctx.call('board.list', {})).find((b) => b.name === name.trim())?.id
}

export function importCommand(program: Command, run: Run) {
  program
    .command('import <file>')
    .description('import a PRD (.md, .txt, .docx) as a draft board, or a board table (.csv, .xlsx) as revisions')
    .requiredOption('--board <name>', 'board to import into (created when it does not exist)')
    .option('--dry-run', 'show what would be imported; write nothing')
    .option('--assistant', 'also ask the assistant (LLM) for KPIs written as free prose')
    .option('--allow-unparsed-target', 'board table: keep a target the parser cannot read (flagged) instead of refusing the file')
    .action((file: string, opts: { board: string; dryRun?: boolean; assistant?: boolean; allowUnparsedTarget?: boolean }) =>
      run(
        async (ctx) => {
          const ext = extname(file).toLowerCase()
          if (ext === '.csv' || ext === '.xlsx')
            return runTableImport(ctx, file, { board: opts.board, dryRun: opts.dryRun === true, allowUnparsedTarget: opts.allowUnparsedTarget === true })
          const { fileName, base64 } = readInputFile(file)
          const boardId = await existingBoard(ctx, opts.board)
          const preview = await ctx.call('import.prd.preview', { boardId, fileName, content: { base64 }, assistant: opts.assistant })
          if (opts.dryRun) return ctx.out(previewText(preview), preview)
          if (preview.candidates.length === 0) throw new AppError('IMPORT_NO_KPI', `No KPI found in ${fileName}; nothing was written.`)
          const items = preview.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines, passage: c.passage }))
          const result = await ctx.call('import.prd.commit', { boardId, boardName: boardId ? undefined : opts.board, fileName, items })
          const outcome = result.nothingChanged
            ? `Nothing changed: "${opts.board}" already holds every KPI of ${fileName} as written; no version was cut.`
            : `Imported into "${opts.board}": ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged; cut ${result.version}.`
          ctx.out(`${previewText(preview)}\n\n${outcome}`, { preview, result })
        },
        // A dry run writes nothing: without a workspace it previews against an empty one.
        { writes: opts.dryRun !== true, orEmpty: true }
      )
    )
}
