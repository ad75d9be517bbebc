import { DEFAULT_REALTIME_MINUTES, REALTIME_MINUTES } from '../../domain/buckets'
import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { secretEnvName, sourceSecretRef } from '../../domain/secret-names'
import type { SourceTest } from '../../domain/views'
import type { FormulaProtection, ProtectionGap, ProtectionMeasure } from '../../domain/source-protection'
import { table } from '../format'
import { promptSecret } from '../prompt-secret'
import type { Run } from '../run'

const KINDS = ['postgres', 'mysql', 'sqlite', 'duckdb', 'clickhouse'] as const

const writeWarning = (test: SourceTest) =>
  test.canWrite ? ` Warning: this user can write (${test.writeReason ?? 'write privileges'}); a read-only role is the real boundary.` : ''

const MEASURES: Record<ProtectionMeasure, string> = {
  readOnlyTransaction: 'read-only transaction',
  readOnlyOpen: 'file opened read-only',
  readOnlySetting: 'readonly=1 setting',
  restrictedRole: 'runs as a role that can only read',
  statementTimeout: 'statement timeout',
  interrupt: 'interrupted at the timeout',
  noExternalAccess: 'no files or URLs outside the source',
  memoryLimit: 'memory limit'
}
const GAPS: Record<ProtectionGap, string> = {
  superuserSession: 'the login is a superuser this server cannot confine: formulas are refused; connect with a role that can only read',
  serverFiles: 'the login may read or write files on the database server',
  signalSessions: 'the login may end or cancel other sessions',
  serverPrograms: 'the login may run programs on the database server'
}

/** What the database enforces for formulas with this login, as `source test` prints it. */
function protectionText(p: FormulaProtection): string {
  const head = { enforced: 'Formulas can only read', partial: 'Writes are refused, with gaps', refused: 'Formulas do not run with this login' }[p.level]
  const lines = [`${head}: ${p.measures.map((m) => MEASURES[m]).join(', ')}; stopped after ${p.timeoutMs / 1000} s${p.runsAs ? `; runs as ${p.runsAs}` : ''}.`]
  return [...lines, ...p.gaps.map((g) => `Gap: ${GAPS[g]}.`)].join('\n')
}

export function sourceCommands(program: Command, run: Run) {
  const source = program.command('source').description('data sources the KPI formulas run on (read-only)')
  source
    .command('add <name>')
    .requiredOption('--kind <kind>', KINDS.join('|'))
    .requiredOption('--url <url>', 'without password, e.g. postgres://kpi_reader@db:5432/analytics')
    .option('--timeout <ms>', 'statement timeout in ms')
    .option('--realtime-minutes <n>', `bucket length of its real-time KPIs (${REALTIME_MINUTES.join(', ')}; default ${DEFAULT_REALTIME_MINUTES})`)
    .option('--allow-raw-rows', 'let the assistant see raw rows of this source, not only aggregates')
    .action((name: string, opts: { kind: string; url: string; timeout?: string; realtimeMinutes?: string; allowRawRows?: boolean }) =>
      run(
        async (ctx) => {
          if (!(KINDS as readonly string[]).includes(opts.kind)) throw new AppError('VALIDATION', `Unknown kind "${opts.kind}". Kinds: ${KINDS.join(', ')}.`)
          const envName = secretEnvName(sourceSecretRef(name))
          // The password comes from the environment or a hidden prompt, never from a flag (shell history) or a file.
          const password = process.env[envName] || (await promptSecret(`Password for ${name} (empty for none): `))
          const timeoutMs = opts.timeout === undefined ? undefined : Number(opts.timeout)
          if (timeoutMs !== undefined && !Number.isInteger(timeoutMs)) throw new AppError('VALIDATION', `--timeout takes milliseconds, not "${opts.timeout}".`)
          const saved = await ctx.call('source.save', {
            mode: 'add',
            name,
            kind: opts.kind as (typeof KINDS)[number],
            url: opts.url,
            password,
            allowRawRows: opts.allowRawRows,
            timeoutMs,
            ...(opts.realtimeMinutes === undefined ? {} : { realtimeMinutes: Number(opts.realtimeMinutes) })
          })
          // The CLI writes no password to disk: check the connection now, while it has one.
          const check = password
            ? await ctx.call('source.test', { name }).then(
                (t) => `Connected to ${t.serverVersion}.${writeWarning(t)}`,
                (e: Error) => `Connection test failed: ${e.message}`
              )
            : ''
          const later = `Later kpiloop runs read the password from ${envName} (the desktop app stores it encrypted).`
          ctx.out([`Added data source ${name}.`, check, later].filter(Boolean).join(' '), saved)
        },
        { writes: true }
      )
    )
  source.command('list').action(() =>
    run(async (ctx) => {
      const list = await ctx.call('source.list', {})
      ctx.out(
        list.length
          ? table(
              ['name', 'kind', 'url', 'secret'],
              list.map((s) => [s.name, s.kind, s.url, s.hasSecret ? 'yes' : '—'])
            )
          : 'No data sources yet.',
        list
      )
    })
  )
  source.command('test <name>').action((name: string) =>
    run(async (ctx) => {
      const result = await ctx.call('source.test', { name })
      ctx.out(
        `${name}: connected to ${result.serverVersion}${result.user ? ` as ${result.user}` : ''}.${writeWarning(result)}\n${protectionText(result.protection)}`,
        result
      )
    })
  )
  source.command('tables <name>').action((name: string) =>
    run(async (ctx) => {
      const tables = await ctx.call('source.tables', { name })
      ctx.out(tables.map((t) => `${t.schema ? `${t.schema}.` : ''}${t.name}: ${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`).join('\n'), tables)
    })
  )
  source.command('remove <name>').action((name: string) =>
    run(
      async (ctx) => {
        await ctx.call('source.remove', { name })
        ctx.out(`Removed data source ${name}.`, { removed: name })
      },
      { writes: true }
    )
  )
}
