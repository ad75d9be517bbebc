import type { Command } from 'commander'
import type { Run } from './run'

type Register = (program: Command, run: Run) => void

/**
 * Each module of commands with the top-level commands it adds, in the order `kpiloop --help` lists them.
 * A command line loads only the module of its command (with what that module imports); help, a typo and
 * a bare `kpiloop` load them all. command-groups.test.ts keeps the names true to what the modules add.
 */
export const COMMAND_MODULES: readonly { names: readonly string[]; load: () => Promise<Register[]> }[] = [
  { names: ['board'], load: async () => [(await import('./commands/board')).boardCommands] },
  { names: ['kpi'], load: async () => [(await import('./commands/kpi')).kpiCommands] },
  {
    names: ['version', 'restore', 'audit'],
    load: async () => {
      const { versionCommands, restoreCommand, auditCommand } = await import('./commands/version')
      return [versionCommands, restoreCommand, auditCommand]
    }
  },
  {
    names: ['actuals'],
    load: async () => [(await import('./commands/actuals')).actualsCommands, (await import('./commands/actuals-query')).actualsQueryCommands]
  },
  { names: ['status', 'stage', 'proposal', 'note'], load: async () => [(await import('./commands/lifecycle')).lifecycleCommands] },
  { names: ['launch', 'lifecycle'], load: async () => [(await import('./commands/launch')).launchCommands] },
  { names: ['source'], load: async () => [(await import('./commands/source')).sourceCommands] },
  { names: ['import'], load: async () => [(await import('./commands/import')).importCommand] },
  { names: ['export'], load: async () => [(await import('./commands/export')).exportCommand] },
  { names: ['review', 'llm'], load: async () => [(await import('./commands/review')).reviewCommands] },
  { names: ['backup'], load: async () => [(await import('./commands/backup')).backupCommands] }
]

/** Adds the commands a command line needs: its command's module when it names one, else every module. */
export async function registerCommands(program: Command, run: Run, commandName: string | undefined): Promise<void> {
  const named = COMMAND_MODULES.filter((module) => commandName !== undefined && module.names.includes(commandName))
  for (const module of named.length ? named : COMMAND_MODULES) for (const register of await module.load()) register(program, run)
}
