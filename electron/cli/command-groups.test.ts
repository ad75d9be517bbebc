import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { COMMAND_MODULES, registerCommands } from './command-groups'

const noRun = async () => {}
const names = (program: Command) => program.commands.map((command) => command.name())

describe('command modules loaded by the command line', () => {
  it('each module adds exactly the top-level commands the table names (a new command cannot be left unreachable)', async () => {
    for (const module of COMMAND_MODULES) {
      const program = new Command('kpiloop')
      for (const register of await module.load()) register(program, noRun)
      expect(names(program)).toEqual(module.names)
    }
  })

  it('a command line loads only its own module; help and unknown words load every command', async () => {
    const only = new Command('kpiloop')
    await registerCommands(only, noRun, 'kpi')
    expect(names(only)).toEqual(['kpi'])

    const lifecycle = new Command('kpiloop')
    await registerCommands(lifecycle, noRun, 'proposal')
    expect(names(lifecycle)).toEqual(['status', 'stage', 'proposal', 'note'])

    for (const word of [undefined, 'help', 'kpis']) {
      const all = new Command('kpiloop')
      await registerCommands(all, noRun, word)
      expect(names(all)).toEqual(COMMAND_MODULES.flatMap((module) => module.names))
      expect(new Set(names(all)).size).toBe(names(all).length)
    }
  })
})
