import type { TableImportCounts, TableImportPreview } from '../../domain/export'
import { AppError } from '../../domain/errors'
import { changeLines } from '../format'
import type { Session } from '../session'
import { readInputFile } from './read-input'

export function previewText(preview: TableImportPreview, boardName: string): string {
  const lines = [
    `${preview.fileName} → ${boardName}: ${preview.changed.length} changed, ${preview.added.length} new, ${preview.unchanged} unchanged, ${preview.errors.length} error(s)`
  ]
  for (const kpi of preview.changed)
    lines.push(`~ ${kpi.code} ${kpi.name} (line ${kpi.line}${kpi.kind === 'edit' ? '' : `, ${kpi.kind}`})`, ...changeLines(kpi.changes, '    '))
  for (const kpi of preview.added) lines.push(`+ ${kpi.code} ${kpi.fields.name} (line ${kpi.line})`)
  for (const error of preview.errors) lines.push(`! line ${error.line}: ${error.message}`)
  if (preview.unknownColumns.length) lines.push(`? columns not imported (no such KPI field): ${preview.unknownColumns.join(', ')}`)
  if (preview.notInFile.length) lines.push(`  not in the file, left as they are: ${preview.notInFile.map((k) => k.code).join(', ')}`)
  return lines.join('\n')
}

/**
 * `kpiloop import FILE --board B` for a .csv/.xlsx board table: prints the diff, then applies it
 * unless `dryRun`. With --json prints the preview (and `imported` counts, null on a dry run).
 * A file with any error writes nothing and exits non-zero.
 */
export async function runTableImport(
  ctx: Session,
  file: string,
  { board, dryRun, allowUnparsedTarget }: { board: string; dryRun?: boolean; allowUnparsedTarget?: boolean }
): Promise<void> {
  const boardId = await ctx.boardId(board)
  const input = { boardId, ...readInputFile(file), ...(allowUnparsedTarget ? { allowUnparsedTarget } : {}) }
  const preview = await ctx.call('import.table.preview', input)
  let imported: TableImportCounts | null = null
  if (!dryRun && preview.errors.length === 0) imported = await ctx.call('import.table.commit', input)
  const outcome = preview.errors.length
    ? 'Nothing was imported: fix the errors above.'
    : dryRun
      ? 'Dry run: nothing was written.'
      : `Imported: ${imported!.changed} KPI(s) revised, ${imported!.added} added.`
  ctx.out(`${previewText(preview, board)}\n${outcome}`, { ...preview, imported })
  if (preview.errors.length) {
    throw new AppError('IMPORT_MALFORMED', `${preview.fileName} has ${preview.errors.length} error(s); nothing was imported.`, { errors: preview.errors })
  }
}
