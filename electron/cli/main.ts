import { Command } from 'commander'
import { actualsCommands } from './commands/actuals'
import { actualsQueryCommands } from './commands/actuals-query'
import { backupCommands } from './commands/backup'
import { boardCommands } from './commands/board'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { kpiCommands } from './commands/kpi'
import { lifecycleCommands } from './commands/lifecycle'
import { launchCommands } from './commands/launch'
import { reviewCommands } from './commands/review'
import { sourceCommands } from './commands/source'
import { auditCommand, restoreCommand, versionCommands } from './commands/version'
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
boardCommands(program, run)
kpiCommands(program, run)
versionCommands(program, run)
restoreCommand(program, run)
auditCommand(program, run)
actualsCommands(program, run)
actualsQueryCommands(program, run)
lifecycleCommands(program, run)
launchCommands(program, run)
sourceCommands(program, run)
importCommand(program, run)
exportCommand(program, run)
reviewCommands(program, run)
backupCommands(program, run)

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
if (beforeCommand(process.argv.slice(2)).some((arg) => arg === '--version' || arg === '-V')) process.stdout.write(`${CLI_VERSION}\n`)
else await program.parseAsync(process.argv)
