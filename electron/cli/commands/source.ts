import type { Command } from 'commander'
import { AppError } from '../../domain/errors'
import { secretEnvName } from '../../services/secrets/secret-store'
import { table } from '../format'
import { promptSecret } from '../prompt-secret'
import type { Run } from '../run'

const KINDS = ['postgres', 'mysql', 'sqlite', 'duckdb', 'clickhouse'] as const

export function sourceCommands(program: Command, run: Run) {
  const source = program.command('source').description('data sources the KPI formulas run on (read-only)')
  source
    .command('add <name>')
    .requiredOption('--kind <kind>', KINDS.join('|'))
    .requiredOption('--url <url>', 'without password, e.g. postgres://kpi_reader@db:5432/analytics')
    .option('--timeout <ms>', 'statement timeout in ms')
    .option('--allow-raw-rows', 'let the assistant see raw rows of this source, not only aggregates')
    .action((name: string, opts: { kind: string; url: string; timeout?: string; allowRawRows?: boolean }) =>
      run(async (ctx) => {
        if (!(KINDS as readonly string[]).includes(opts.kind)) throw new AppError('VALIDATION', `Unknown kind "${opts.kind}". Kinds: ${KINDS.join(', ')}.`)
        const ref = `source:${name}`
        // The password comes from the environment or a hidden prompt, never from a flag (shell history) or a file.
        const password = process.env[secretEnvName(ref)] || (await promptSecret(`Password for ${name} (empty for none): `))
        const saved = ctx.core.sources.save(
          {
            name,
            kind: opts.kind as (typeof KINDS)[number],
            url: opts.url,
            password,
            allowRawRows: opts.allowRawRows,
            timeoutMs: opts.timeout ? Number(opts.timeout) : undefined
          },
          ctx.actor,
          'add'
        )
        // The CLI writes no password to disk: check the connection now, while it has one.
        const check = password
          ? await ctx.core.sources.test(name).then(
              (t) =>
                `Connected to ${t.serverVersion}.${t.canWrite ? ` Warning: this user can write (${t.writeReason ?? 'write privileges'}); a read-only role is the real boundary.` : ''}`,
              (e: Error) => `Connection test failed: ${e.message}`
            )
          : ''
        const later = `Later kpiloop runs read the password from ${secretEnvName(ref)} (the desktop app stores it encrypted).`
        ctx.out([`Added data source ${name}.`, check, later].filter(Boolean).join(' '), saved)
      })
    )
  source.command('list').action(() =>
    run((ctx) => {
      const list = ctx.core.sources.list()
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
      const result = await ctx.core.sources.test(name)
      const warn = result.canWrite
        ? `\nWarning: this connection can write (${result.writeReason ?? 'write privileges'}). KPI Loop only reads, but a read-only role is the real boundary.`
        : ''
      ctx.out(`${name}: connected to ${result.serverVersion}${result.user ? ` as ${result.user}` : ''}.${warn}`, result)
    })
  )
  source.command('tables <name>').action((name: string) =>
    run(async (ctx) => {
      const tables = await ctx.core.sources.tables(name)
      ctx.out(tables.map((t) => `${t.schema ? `${t.schema}.` : ''}${t.name}: ${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`).join('\n'), tables)
    })
  )
  source.command('remove <name>').action((name: string) =>
    run((ctx) => {
      ctx.core.sources.remove(name, ctx.actor)
      ctx.out(`Removed data source ${name}.`, { removed: name })
    })
  )
}
