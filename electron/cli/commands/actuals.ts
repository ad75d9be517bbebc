import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { readStrictNumber } from '../../domain/number'
import type { DuePullSummary, PullSummary } from '../../domain/views'
import { checkedPeriod, parsePeriodLabel } from '../../domain/period'
import { table } from '../format'
import type { Run } from '../run'
import { readLocalFile } from './read-input'

const collect = (value: string, previous: string[]) => [...previous, value]

export function actualsCommands(program: Command, run: Run) {
  const actuals = program.command('actuals').description('actual values: add, import, list, pull from data sources, preview')
  actuals
    .command('add <code>')
    .requiredOption('--board <name>')
    .option('--period <period>', 'a day (2025-11-03), ISO week (2025-W47), month (2025-11) or quarter (2025-Q4)')
    .option('--from <date>', 'period start, YYYY-MM-DD')
    .option('--to <date>', 'period end (exclusive), YYYY-MM-DD')
    .requiredOption('--value <n>', 'a number: 58.4, 1,250, 1.2万 or 2.5e3 (not 0x1F, 1,2,3 or 1e-400)')
    .option('--note <text>')
    .action((code: string, opts: { board: string; period?: string; from?: string; to?: string; value: string; note?: string }) =>
      run(
        async (ctx) => {
          const period = opts.period ? parsePeriodLabel(opts.period) : opts.from && opts.to ? checkedPeriod(opts.from, opts.to) : null
          if (!period) throw new AppError('MEASUREMENT_INVALID', 'Give --period YYYY-MM[-DD], or --from DATE --to DATE.')
          const read = readStrictNumber(opts.value)
          if (!read.ok) throw new AppError('NUMBER_INVALID', `--value: ${read.reason}`)
          const value = read.value
          const kpiId = await ctx.kpiId(await ctx.boardId(opts.board), code)
          const stored = await ctx.call('actuals.add', { kpiId, periodStart: period.start, periodEnd: period.end, value, note: opts.note })
          ctx.out(`${code}: ${value} for ${period.start} … ${period.end} recorded.`, stored)
        },
        { writes: true }
      )
    )
  actuals
    .command('import <file>')
    .description('CSV with columns code, period_start, period_end, value[, note]')
    .requiredOption('--board <name>')
    .action((file: string, opts: { board: string }) =>
      run(
        async (ctx) => {
          const base64 = readLocalFile(file).toString('base64')
          const { stored } = await ctx.call('actuals.importCsv', { boardId: await ctx.boardId(opts.board), base64, fileName: file })
          ctx.out(`Imported ${stored} values from ${file}.`, { stored })
        },
        { writes: true }
      )
    )
  actuals
    .command('list <code>')
    .requiredOption('--board <name>')
    .option('--history', 'every stored value, including superseded re-pulls')
    .action((code: string, opts: { board: string; history?: boolean }) =>
      run(async (ctx) => {
        const rows = await ctx.call('actuals.list', { kpiId: await ctx.kpiId(await ctx.boardId(opts.board), code), history: opts.history === true })
        ctx.out(
          rows.length
            ? table(
                ['period start', 'period end', 'value', 'source', 'note'],
                rows.map((m) => [m.periodStart, m.periodEnd, String(m.value), m.source, m.note])
              )
            : `${code} has no actual values yet.`,
          rows
        )
      })
    )
  actuals
    .command('pull')
    .description('run KPI formulas on their data sources and store the values (for cron: --due)')
    .option('--board <name>', 'the board (optional with --due: every board)')
    .option(
      '--due',
      'pull only what the schedule would now: each KPI whose latest complete period (real-time and hourly: every complete bucket of the last 24 h after its newest value) has no value yet'
    )
    .option('--kpi <code>', 'only this KPI (repeatable)', collect, [])
    .option('--from <date>', 'backfill from this date (YYYY-MM-DD)')
    .option('--to <date>', 'backfill to this date, exclusive')
    .option('--period <period>', 'backfill one day, ISO week (2025-W47), month or quarter (2025-Q4)')
    .action((opts: { board?: string; due?: boolean; kpi: string[]; from?: string; to?: string; period?: string }) =>
      run(
        async (ctx) => {
          if (opts.due && (opts.kpi.length || opts.from || opts.to || opts.period))
            throw new AppError('VALIDATION', '--due pulls what is due; it takes no --kpi, --from, --to or --period.')
          if (!opts.due && !opts.board) throw new AppError('VALIDATION', 'Give --board, or --due to pull what is due on every board.')
          if (Boolean(opts.from) !== Boolean(opts.to)) throw new AppError('VALIDATION', 'Give both --from and --to for a backfill.')
          const boardId = opts.board ? await ctx.boardId(opts.board) : undefined
          const controller = new AbortController()
          const cancel = () => controller.abort()
          process.once('SIGINT', cancel)
          const progress = (chunk: unknown) => {
            const { done, total, code } = chunk as { done: number; total: number; code: string }
            if (!ctx.json && code) process.stderr.write(`[${done + 1}/${total}] ${code}\n`)
          }
          const said = (r: PullSummary['results'][number]) =>
            r.message ?? (r.asOf ? `rolling, as of ${r.asOf}` : r.empty?.length ? `NULL for ${r.empty.length} period(s): nothing stored for them` : '')
          const options = { onChunk: progress, signal: controller.signal }
          if (opts.due) {
            const due: DuePullSummary = await ctx.call('actuals.pullDue', { boardId }, options).finally(() => process.off('SIGINT', cancel))
            const rows = due.boards.flatMap((b) => b.results.map((r) => [b.board, r.code, r.outcome, String(r.values.length), String(r.stored), said(r)]))
            ctx.out(
              rows.length
                ? `${table(['board', 'KPI', 'outcome', 'periods', 'stored', 'message'], rows)}\n${due.stored} values stored, ${due.failed} failed.`
                : 'Nothing is due: every scheduled KPI has a value for its latest complete period (or waits out a failed pull).',
              due
            )
            if (due.failed > 0) process.exitCode = 1
            return
          }
          const kpiIds = opts.kpi.length ? await Promise.all(opts.kpi.map((code) => ctx.kpiId(boardId!, code))) : undefined
          const summary: PullSummary = await ctx
            .call('actuals.pull', { boardId: boardId!, kpiIds, from: opts.from, to: opts.to, period: opts.period }, options)
            .finally(() => process.off('SIGINT', cancel))
          const rows = summary.results.map((r) => [r.code, r.outcome, String(r.values.length), String(r.stored), said(r)])
          ctx.out(`${table(['KPI', 'outcome', 'periods', 'stored', 'message'], rows)}\n${summary.stored} values stored, ${summary.failed} failed.`, summary)
          if (summary.failed > 0) process.exitCode = 1
        },
        { writes: true }
      )
    )
}
