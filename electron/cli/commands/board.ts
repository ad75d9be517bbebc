import type { Command } from 'commander'
import { table, when } from '../format'
import type { Run } from '../run'

export function boardCommands(program: Command, run: Run) {
  const board = program.command('board').description('create, list, rename and delete boards')
  board
    .command('create <name>')
    .option('--description <text>', 'what the board is for', '')
    .action((name: string, opts: { description: string }) =>
      run(
        async (ctx) => {
          const created = await ctx.call('board.create', { name, description: opts.description })
          ctx.out(`Created board "${created.name}" (id ${created.id}).`, created)
        },
        { writes: true }
      )
    )
  board.command('list').action(() =>
    run(async (ctx) => {
      const boards = await ctx.call('board.list', {})
      ctx.out(
        boards.length
          ? table(
              ['name', 'KPIs', 'latest version', 'updated'],
              boards.map((b) => [b.name, String(b.kpiCount), b.latestVersion ?? '—', when(b.updatedAt)])
            )
          : 'No boards yet. Create one: kpiloop board create NAME',
        boards
      )
    })
  )
  board.command('rename <name> <newName>').action((name: string, newName: string) =>
    run(
      async (ctx) => {
        const renamed = await ctx.call('board.rename', { boardId: await ctx.boardId(name), name: newName })
        ctx.out(`Renamed "${name}" to "${renamed.name}".`, renamed)
      },
      { writes: true }
    )
  )
  board.command('delete <name>').action((name: string) =>
    run(
      async (ctx) => {
        await ctx.call('board.delete', { boardId: await ctx.boardId(name) })
        ctx.out(`Deleted board "${name}" (its history stays in the workspace).`, { deleted: name })
      },
      { writes: true }
    )
  )
}
