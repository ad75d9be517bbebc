import type { Command } from 'commander'
import { table, when } from '../format'
import type { Run } from '../run'

export function boardCommands(program: Command, run: Run) {
  const board = program.command('board').description('create, list, rename and delete boards')
  board
    .command('create <name>')
    .option('--description <text>', 'what the board is for', '')
    .action((name: string, opts: { description: string }) =>
      run((ctx) => {
        const created = ctx.core.boards.create(name, opts.description, ctx.actor)
        ctx.out(`Created board "${created.name}" (id ${created.id}).`, created)
      })
    )
  board.command('list').action(() =>
    run((ctx) => {
      const boards = ctx.core.boards.list()
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
    run((ctx) => {
      const renamed = ctx.core.boards.rename(ctx.board(name), newName, ctx.actor)
      ctx.out(`Renamed "${name}" to "${renamed.name}".`, renamed)
    })
  )
  board.command('delete <name>').action((name: string) =>
    run((ctx) => {
      ctx.core.boards.delete(ctx.board(name), ctx.actor)
      ctx.out(`Deleted board "${name}" (its history stays in the workspace).`, { deleted: name })
    })
  )
}
