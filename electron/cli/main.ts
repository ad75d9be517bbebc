import { Command } from 'commander'
import { registerCommands } from './command-groups'
import { createRun } from './run'
import type { GlobalOptions } from './session'
import { CLI_VERSION } from './version'

const program = new Command('kpiloop')
  .description('KPI Loop: versioned KPI boards through their lifecycle, from the terminal.')
  .option('--db <path>', 'workspace file (default: the desktop app’s workspace)')
  .option('--json', 'machine-readable output on stdout (errors too, as { error: { code, message } })')
  .option('--debug', 'print the stack of an unexpected error')
  .showHelpAfterError()
  .addHelpText('after', '\nkpiloop --version (or -V) prints the version of KPI Loop.')

const run = createRun(() => program.opts<GlobalOptions>())
// `--version` is the program's own only before a command (`kpiloop --db x --version`): after one,
// `restore --version v1.0` names a board version.
const beforeCommand = (args: string[]): string[] => {
  const global: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (!args[i]!.startsWith('-')) break
    global.push(args[i]!)
    if (args[i] === '--db') global.push(args[++i] ?? '')
  }
  return global
}
const args = process.argv.slice(2)
const globals = beforeCommand(args)
if (globals.some((arg) => arg === '--version' || arg === '-V')) process.stdout.write(`${CLI_VERSION}\n`)
else {
  await registerCommands(program, run, args[globals.length])
  await program.parseAsync(process.argv)
}
