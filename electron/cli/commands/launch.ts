import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { NOTIFY_CHANNELS, REVIEW_CADENCES, type LaunchPlanInput, type LaunchPlanState } from '../../domain/launch-plan'
import { table } from '../format'
import type { Run } from '../run'
import type { Session } from '../session'

/**
 * Commands that read a board first move its launched KPIs whose first review period has ended (as the running app's
 * scheduler does), so the board is never shown a cycle late; each move is one line on stderr, so --json stays clean.
 */
export async function advanceBeforeRead(ctx: Session, boardId: number): Promise<void> {
  try {
    const { moved } = await ctx.call('lifecycle.advanceDue', { boardId })
    for (const m of moved) process.stderr.write(`${m.code} moved to operating. ${m.rule}\n`)
  } catch (error) {
    // A read must still answer on a workspace it cannot write (a full disk, another writer): the move waits for the next command.
    if (!(error instanceof AppError) || !['WORKSPACE_READ_ONLY', 'WORKSPACE_BUSY', 'DISK_FULL'].includes(error.code)) throw error
  }
}

function planText(state: LaunchPlanState): string {
  const { plan, schedule } = state
  if (!plan) return 'This board has no launch plan yet (kpiloop launch plan set --board NAME --date YYYY-MM-DD --cadence weekly).'
  const lines = [
    `Launch date:    ${plan.launchDate}`,
    `Owner:          ${plan.owner || '—'}`,
    `Review cadence: ${plan.cadence}`,
    `Notify:         ${plan.notify.join(', ') || '—'}`,
    `Channel:        ${plan.channel}${plan.destination ? ` → ${plan.destination}` : ''}`,
    '',
    'A launched KPI moves to operating by itself once the first full review period after its launch has ended.'
  ]
  if (schedule.length > 0) {
    lines.push(
      '',
      table(
        ['KPI', 'launched on', 'first review', 'moves on'],
        schedule.map((s) => [s.code, s.launchedOn, `${s.firstReview.label} (${s.firstReview.start} …)`, s.due ? 'now' : s.firstReview.end])
      )
    )
  }
  return lines.join('\n')
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

interface SetOptions {
  board: string
  date?: string
  owner?: string
  cadence?: string
  notify?: string
  channel?: string
  destination?: string
}

export function launchCommands(program: Command, run: Run) {
  const launch = program.command('launch').description('the launch plan of a board, and telling the team about the launch')
  const plan = launch.command('plan').description('launch date, owner, review cadence and who is notified')
  plan
    .command('show')
    .requiredOption('--board <name>')
    .action((opts: { board: string }) =>
      run(async (ctx) => {
        const boardId = await ctx.boardId(opts.board)
        await advanceBeforeRead(ctx, boardId)
        const state = await ctx.call('launch.plan.get', { boardId })
        ctx.out(planText(state), state)
      })
    )
  plan
    .command('set')
    .description('changes the options given; the others keep their saved value (the first save needs --date and --cadence)')
    .requiredOption('--board <name>')
    .option('--date <YYYY-MM-DD>', 'launch date')
    .option('--owner <name>')
    .option('--cadence <cadence>', REVIEW_CADENCES.join('|'))
    .option('--notify <list>', 'who is told of the launch, comma-separated ("" for nobody)')
    .option('--channel <channel>', `where "launch notify" posts: ${NOTIFY_CHANNELS.join('|')}`)
    .option('--destination <where>', 'Notion page id, Jira issue key, Trello list id (default: the first list) or a file path')
    .action((opts: SetOptions) =>
      run(
        async (ctx) => {
          const boardId = await ctx.boardId(opts.board)
          const saved = (await ctx.call('launch.plan.get', { boardId })).plan
          const launchDate = opts.date ?? saved?.launchDate
          const cadence = opts.cadence ?? saved?.cadence
          if (!launchDate || !cadence) throw new AppError('VALIDATION', 'The first launch plan of a board needs --date YYYY-MM-DD and --cadence.')
          const next = {
            launchDate,
            cadence,
            owner: opts.owner ?? saved?.owner ?? '',
            notify: opts.notify !== undefined ? list(opts.notify) : (saved?.notify ?? []),
            channel: opts.channel ?? saved?.channel ?? 'file',
            destination: opts.destination ?? saved?.destination ?? ''
          } as LaunchPlanInput
          const state = await ctx.call('launch.plan.set', { boardId, plan: next })
          ctx.out(`Saved the launch plan of ${opts.board}.\n${planText(state)}`, state)
        },
        { writes: true }
      )
    )
  launch
    .command('notify')
    .description("posts the launched KPI table of a version through the plan's channel (Notion, Jira, Trello) or writes it to a Markdown file")
    .requiredOption('--board <name>')
    .option('--version <label>', 'the board version (default: the latest)')
    .option('--locale <locale>', 'en|zh-CN (default: the board’s language)')
    .option('--out <file>', "file channel: where to write (default: the plan's destination, else a file named after the board in this folder)")
    .action((opts: { board: string; version?: string; locale?: string; out?: string }) =>
      run(
        async (ctx) => {
          const locale = opts.locale
          if (locale !== undefined && locale !== 'en' && locale !== 'zh-CN') throw new AppError('VALIDATION', `Unknown locale "${locale}": en or zh-CN.`)
          const boardId = await ctx.boardId(opts.board)
          const notice = await ctx.call('launch.notify', { boardId, versionLabel: opts.version, locale })
          if (notice.file) {
            const destination = (await ctx.call('launch.plan.get', { boardId })).plan?.destination
            const path = resolve(opts.out ?? (destination || notice.file.name))
            writeFileSync(path, Buffer.from(notice.file.base64, 'base64'))
            ctx.out(`Wrote the launch notice of ${notice.versionLabel} (${notice.kpiCount} launched KPIs) to ${path}.`, { ...notice, path })
          } else ctx.out(`Posted the launch notice of ${notice.versionLabel} (${notice.kpiCount} launched KPIs) to ${notice.channel}: ${notice.url}`, notice)
        },
        { writes: true }
      )
    )
  program
    .command('lifecycle')
    .description('lifecycle moves that happen by themselves')
    .command('advance')
    .description('moves launched KPIs whose first full review period (by the launch plan) has ended to operating; for cron')
    .requiredOption('--due', 'every KPI that is due (the only mode)')
    .option('--board <name>', 'only this board')
    .action((opts: { board?: string }) =>
      run(
        async (ctx) => {
          const boardId = opts.board ? await ctx.boardId(opts.board) : undefined
          const { moved } = await ctx.call('lifecycle.advanceDue', { boardId })
          ctx.out(moved.length ? moved.map((m) => `${m.code} moved to operating. ${m.rule}`).join('\n') : 'No launched KPI is due to move.', moved)
        },
        { writes: true }
      )
    )
}
