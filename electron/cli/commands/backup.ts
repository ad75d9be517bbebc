import type { Command } from 'commander'
import { resolve } from 'node:path'
import type { BackupView } from '../../domain/backup'
import { table, when } from '../format'
import type { Run } from '../run'

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`)
const schedule = (intervalHours: number, keep: number) =>
  intervalHours > 0 ? `every ${intervalHours} h while the app or browser mode runs, the latest ${keep} kept` : 'off'

export function backupCommands(program: Command, run: Run) {
  const backup = program
    .command('backup')
    .description('back up the workspace now (online: the app keeps working); list and restore backups')
    .option('--out <file>', 'a new file for the backup (default: the backups folder beside the workspace)')
    .action((opts: { out?: string }) =>
      run(async (ctx) => {
        const made = await ctx.call('backup.create', { out: opts.out ? resolve(opts.out) : undefined })
        ctx.out(`Backed up the workspace to ${made.file} (${size(made.bytes)}).`, made)
      })
    )
  backup
    .command('list')
    .description('the backups beside the workspace, newest first, and the schedule')
    .action(() =>
      run(
        async (ctx) => {
          const [backups, settings] = [await ctx.call('backup.list', {}), await ctx.call('backup.settings', {})]
          const rows = backups.map((b: BackupView) => [when(b.at), b.reason, size(b.bytes), b.file])
          ctx.out(
            [
              backups.length ? table(['when (UTC)', 'why', 'size', 'file'], rows) : 'No backups yet.',
              `Folder: ${settings.folder}`,
              `Scheduled backups: ${schedule(settings.intervalHours, settings.keep)}.`
            ].join('\n'),
            { ...settings, backups }
          )
        },
        { recovers: true }
      )
    )
  backup
    .command('restore <file>')
    .description('replace the workspace with a backup; the workspace as it is now is backed up first')
    .action((file: string) =>
      run(
        async (ctx) => {
          const done = await ctx.call('backup.restore', { file: resolve(file) })
          const kept = done.safetyCopy ? ` The workspace as it was is kept at ${done.safetyCopy.file}.` : ''
          ctx.out(`Restored ${done.restored}.${kept}`, done)
        },
        { writes: true, recovers: true }
      )
    )
  backup
    .command('schedule')
    .description('how often the app makes a backup while it runs, and how many it keeps')
    .option('--every <hours>', 'hours between backups; 0 turns them off', (v) => Number(v))
    .option('--keep <n>', 'scheduled backups kept', (v) => Number(v))
    .action((opts: { every?: number; keep?: number }) =>
      run(
        async (ctx) => {
          const settings = await ctx.call('backup.configure', { intervalHours: opts.every, keep: opts.keep })
          ctx.out(`Scheduled backups: ${schedule(settings.intervalHours, settings.keep)}. Folder: ${settings.folder}`, settings)
        },
        { writes: true }
      )
    )
}
