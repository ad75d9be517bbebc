import type { Command } from 'commander'
import { table, when } from '../format'
import type { Run } from '../run'
import { AppError } from '../../domain/errors'
import { BOARD_LANGUAGES, type BoardLanguage } from '../../domain/board-language'
import type { BoardView } from '../../domain/views'

function boardLanguage(text: string): BoardLanguage {
  const found = BOARD_LANGUAGES.find((language) => language.toLowerCase() === text.trim().toLowerCase())
  if (!found) throw new AppError('VALIDATION', `Unknown language "${text}": zh-CN or en.`, { value: text })
  return found
}

const languageText = (board: BoardView) => (board.languageSet ? board.language : `${board.language} (inferred)`)

export function boardCommands(program: Command, run: Run) {
  const board = program.command('board').description('create, list, rename and delete boards')
  board
    .command('create <name>')
    .option('--description <text>', 'what the board is for', '')
    .option('--language <language>', 'zh-CN|en: its prompts, launch notices and analyzer texts (default: read from its KPIs)')
    .action((name: string, opts: { description: string; language?: string }) =>
      run(
        async (ctx) => {
          const language = opts.language === undefined ? undefined : boardLanguage(opts.language)
          const created = await ctx.call('board.create', { name, description: opts.description, language })
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
              ['name', 'KPIs', 'latest version', 'language', 'updated'],
              boards.map((b) => [b.name, String(b.kpiCount), b.latestVersion ?? '—', languageText(b), when(b.updatedAt)])
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
  board
    .command('set <name>')
    .description('change a board’s settings')
    .requiredOption('--language <language>', 'zh-CN|en: the language of its stage prompts, launch notices and analyzer texts')
    .action((name: string, opts: { language: string }) =>
      run(
        async (ctx) => {
          const changed = await ctx.call('board.setLanguage', { boardId: await ctx.boardId(name), language: boardLanguage(opts.language) })
          ctx.out(`Board "${changed.name}" is now written in ${changed.language}.`, changed)
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
