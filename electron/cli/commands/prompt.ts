import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { PROMPT_LOCALES, TEMPLATE_NAMES, type PromptLocale, type TemplateName } from '../../domain/assistant-settings'
import { AppError } from '../../domain/errors'
import type { Run } from '../run'

interface PromptOptions {
  stage: string
  locale: string
  file?: string
}

function checked({ stage, locale }: PromptOptions): { name: TemplateName; locale: PromptLocale } {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(stage))
    throw new AppError('VALIDATION', `Unknown stage "${stage}". Stages: ${TEMPLATE_NAMES.join(', ')}.`)
  if (!(PROMPT_LOCALES as readonly string[]).includes(locale)) throw new AppError('VALIDATION', `Unknown locale "${locale}": ${PROMPT_LOCALES.join(' or ')}.`)
  return { name: stage as TemplateName, locale: locale as PromptLocale }
}

/** The new template: the file given, else standard input (a pipe or a redirect; a terminal would wait for input nobody knows to type). */
function readBody(file?: string): string {
  if (file) return readFileSync(file, 'utf8')
  if (process.stdin.isTTY) throw new AppError('VALIDATION', 'Give the new prompt with --file PATH, or pipe it in: kpiloop llm prompt edit … < prompt.md')
  return readFileSync(0, 'utf8')
}

/** `kpiloop llm prompt show|edit|reset --stage S --locale L`: the stage prompts the assistant sends, in each language. */
export function promptCommands(llm: Command, run: Run) {
  const prompt = llm.command('prompt').description('the stage prompts the assistant sends, in English (en) and Chinese (zh-CN)')
  const options = (command: Command) =>
    command
      .requiredOption('--stage <stage>', TEMPLATE_NAMES.join('|'))
      .option('--locale <locale>', `${PROMPT_LOCALES.join('|')}: the language of the boards it is for`, 'en')
  options(prompt.command('show').description('print the prompt in force (the edited one, else the shipped one)')).action((opts: PromptOptions) =>
    run(
      async (ctx) => {
        const view = await ctx.call('prompt.get', checked(opts))
        ctx.out(view.body, view)
        if (!ctx.json) process.stderr.write(`(${view.isDefault ? 'the shipped prompt' : `edited, ${view.history.length} saved versions`})\n`)
      },
      { orEmpty: true }
    )
  )
  options(prompt.command('edit').description('replace the prompt with the text of --file, or of standard input'))
    .option('--file <path>', 'a text or Markdown file holding the new prompt')
    .action((opts: PromptOptions) =>
      run(
        async (ctx) => {
          const view = await ctx.call('prompt.save', { ...checked(opts), body: readBody(opts.file) })
          ctx.out(`Saved the ${view.name} prompt (${view.locale}, ${view.body.length} characters); the earlier one stays in its history.`, view)
        },
        { writes: true }
      )
    )
  options(prompt.command('reset').description('go back to the shipped prompt (the edits stay in history)')).action((opts: PromptOptions) =>
    run(
      async (ctx) => {
        const view = await ctx.call('prompt.reset', checked(opts))
        ctx.out(`The ${view.name} prompt (${view.locale}) is the shipped one again.`, view)
      },
      { writes: true }
    )
  )
}
