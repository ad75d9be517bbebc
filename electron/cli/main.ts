import { Command } from 'commander'
import { actualsCommands } from './commands/actuals'
import { boardCommands } from './commands/board'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { kpiCommands } from './commands/kpi'
import { lifecycleCommands } from './commands/lifecycle'
import { reviewCommands } from './commands/review'
import { sourceCommands } from './commands/source'
import { auditCommand, restoreCommand, versionCommands } from './commands/version'
import type { GlobalOptions } from './context'
import { createRun } from './run'

const program = new Command('kpiloop')
  .description('KPI Loop: versioned KPI boards through their lifecycle, from the terminal.')
  .option('--db <path>', 'workspace file (default: the desktop app’s workspace)')
  .option('--json', 'machine-readable output on stdout')
  .showHelpAfterError()

const run = createRun(() => program.opts<GlobalOptions>())
boardCommands(program, run)
kpiCommands(program, run)
versionCommands(program, run)
restoreCommand(program, run)
auditCommand(program, run)
actualsCommands(program, run)
lifecycleCommands(program, run)
sourceCommands(program, run)
importCommand(program, run)
exportCommand(program, run)
reviewCommands(program, run)

await program.parseAsync(process.argv)
