import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import type { ExportItemResult, ExportTarget, FileFormat } from '../../domain/export'
import { table } from '../format'
import { cliLocale } from '../locale'
import type { Run } from '../run'
import type { Session } from '../session'

type Locale = 'en' | 'zh-CN'

const API_TARGETS: readonly string[] = ['notion', 'jira', 'trello'] satisfies ExportTarget[]
/** File exports by their --to name; `notion-files` is the CSV + Markdown for Notion's importer. */
const FILE_TARGETS: Record<string, FileFormat> = { markdown: 'markdown', csv: 'csv', xlsx: 'xlsx', 'jira-csv': 'jira-csv', 'notion-files': 'notion' }

interface ExportOptions {
  board: string
  to: string
  version?: string
  out?: string
  kpi?: string[]
  onMissing?: string
  locale?: string
  jiraEpic?: boolean
  notionPage?: string
  notionDatabase?: string
  notionTitle?: string
  jiraHost?: string
  jiraEmail?: string
  jiraProject?: string
  jiraIssueType?: string
  trelloBoard?: string
}

/** Flags are saved as the workspace's export settings, so the next export needs none of them. */
async function saveFlags(ctx: Session, opts: ExportOptions): Promise<void> {
  const given = <T extends Record<string, string | undefined>>(patch: T) => Object.values(patch).some((v) => v !== undefined)
  const notion = { parentPageId: opts.notionPage, databaseId: opts.notionDatabase, databaseTitle: opts.notionTitle }
  const jira = { host: opts.jiraHost, email: opts.jiraEmail, projectKey: opts.jiraProject, issueType: opts.jiraIssueType }
  if (opts.notionPage && opts.notionDatabase) throw new AppError('VALIDATION', 'Give either --notion-page or --notion-database, not both.')
  if (given(notion)) await ctx.call('export.config.update', { target: 'notion', config: notion })
  if (given(jira)) await ctx.call('export.config.update', { target: 'jira', config: jira })
  if (opts.trelloBoard) await ctx.call('export.config.update', { target: 'trello', config: { boardId: opts.trelloBoard } })
}

function resultsText(results: readonly ExportItemResult[]): string {
  const rows = results.map((r) => [r.outcome, r.code, r.outcome === 'failed' ? (r.error ?? '') : (r.url ?? r.externalId ?? '')])
  const count = (...o: string[]) => results.filter((r) => o.includes(r.outcome)).length
  const summary = `${count('created', 'recreated')} created, ${count('updated')} updated, ${count('failed')} failed${count('missing') ? `, ${count('missing')} missing in the tool` : ''}`
  return rows.length ? `${table(['result', 'KPI', 'link or reason'], rows)}\n${summary}` : summary
}

async function exportApi(
  ctx: Session,
  target: ExportTarget,
  scope: { boardId: number; versionLabel?: string; kpiIds?: number[] },
  opts: ExportOptions
): Promise<void> {
  const controller = new AbortController()
  const cancel = () => controller.abort()
  process.once('SIGINT', cancel)
  const onMissing = opts.onMissing === undefined ? undefined : opts.onMissing === 'report' || opts.onMissing === 'recreate' ? opts.onMissing : undefined
  if (opts.onMissing !== undefined && !onMissing) throw new AppError('VALIDATION', '--on-missing takes recreate or report.')
  const progress = process.stderr.isTTY
    ? (chunk: unknown) => {
        const { done, total, code } = chunk as { done: number; total: number; code: string }
        process.stderr.write(`\r${done}/${total} ${code}\u001b[K`)
      }
    : undefined
  try {
    const outcome = await ctx.call(
      'export.run',
      { ...scope, target, locale: (opts.locale as Locale | undefined) ?? cliLocale(), onMissing },
      { signal: controller.signal, onChunk: progress }
    )
    if (progress) process.stderr.write('\r\u001b[K')
    ctx.out(`${resultsText(outcome.results)}${outcome.databaseUrl ? `\nNotion database: ${outcome.databaseUrl}` : ''}`, outcome)
    if (outcome.results.some((r) => r.outcome === 'failed')) process.exitCode = 1
  } catch (error) {
    // A stopped run still says what it did before stopping; its links are kept.
    const done = error instanceof AppError ? (error.details?.results as ExportItemResult[] | undefined) : undefined
    if (done?.length) ctx.out(resultsText(done), { target, results: done })
    throw error
  } finally {
    process.off('SIGINT', cancel)
  }
}

function writeFiles(ctx: Session, files: { name: string; base64: string }[], out: string | undefined): void {
  const paths = files.map((f) => {
    // One file goes to --out; several (Notion's CSV + Markdown) go into the --out folder, made where missing.
    const path = out === undefined ? resolve(f.name) : files.length === 1 ? resolve(out) : join(resolve(out), f.name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, Buffer.from(f.base64, 'base64'))
    return path
  })
  ctx.out(paths.join('\n'), { files: paths })
}

export function exportCommand(program: Command, run: Run) {
  program
    .command('export')
    .description('export a board (or a version, or some KPIs) to a file or to Notion, Jira or Trello')
    .requiredOption('--board <name>')
    .requiredOption('--to <target>', 'notion | jira | trello | markdown | csv | xlsx | jira-csv | notion-files')
    .option('--version <label>', 'a board version instead of the board as it is now')
    .option('--out <file>', 'where to write a file export (a folder for notion-files); default: the current folder')
    .option('--kpi <code...>', 'only these KPIs')
    .option('--on-missing <what>', 'an item deleted in the tool: recreate (default) or report')
    .option('--locale <locale>', 'en or zh-CN (default: the system language)')
    .option('--jira-epic', 'jira-csv: one Epic named after the board, every KPI its child')
    .option('--notion-page <id>', 'create the KPI database under this Notion page (saved)')
    .option('--notion-database <id>', 'or export into this existing Notion database (saved)')
    .option('--notion-title <title>', 'title of a new Notion database (saved)')
    .option('--jira-host <url>', 'e.g. https://your-team.atlassian.net (saved)')
    .option('--jira-email <email>', 'the Atlassian account email (saved)')
    .option('--jira-project <key>', 'project key (saved)')
    .option('--jira-issue-type <type>', 'default Task (saved)')
    .option('--trello-board <id>', 'Trello board id (saved)')
    .addHelpText(
      'after',
      '\nCredentials come only from the secret store or the environment: KPILOOP_SECRET_EXPORT_NOTION_TOKEN,\nKPILOOP_SECRET_EXPORT_JIRA_APITOKEN, KPILOOP_SECRET_EXPORT_TRELLO_KEY, KPILOOP_SECRET_EXPORT_TRELLO_TOKEN.'
    )
    .action((opts: ExportOptions) =>
      run(
        async (ctx) => {
          const to = opts.to
          const format = Object.hasOwn(FILE_TARGETS, to) ? FILE_TARGETS[to] : undefined
          if (!API_TARGETS.includes(to) && !format) {
            throw new AppError('VALIDATION', `--to takes ${[...API_TARGETS, ...Object.keys(FILE_TARGETS)].join(', ')}; not "${to}".`)
          }
          if (opts.locale !== undefined && opts.locale !== 'en' && opts.locale !== 'zh-CN') throw new AppError('VALIDATION', '--locale takes en or zh-CN.')
          const boardId = await ctx.boardId(opts.board)
          const kpiIds = opts.kpi ? await Promise.all(opts.kpi.map((code) => ctx.kpiId(boardId, code))) : undefined
          const scope = { boardId, versionLabel: opts.version, kpiIds }
          await saveFlags(ctx, opts)
          if (!format) return exportApi(ctx, to as ExportTarget, scope, opts)
          const { files } = await ctx.call('export.file', { ...scope, format, locale: (opts.locale as Locale | undefined) ?? cliLocale(), epic: opts.jiraEpic })
          writeFiles(ctx, files, opts.out)
        },
        // Saves the export settings and links given; a file export alone changes nothing.
        { writes: true }
      )
    )
}
