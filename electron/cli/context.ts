import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { createCore, type Core } from '../services/core'
import { createEnvSecretStore } from '../services/secrets/secret-store'
import { currentActor, defaultWorkspacePath } from '../services/workspace-path'

export interface GlobalOptions {
  db?: string
  json?: boolean
}

export interface CliContext {
  core: Core
  actor: string
  json: boolean
  out(human: string, data: unknown): void
  board(name: string): number
}

/** Opens the workspace named by --db (default: the app's own, seeded on first use like the app). */
export async function openCli(options: GlobalOptions): Promise<CliContext> {
  const file = options.db ?? defaultWorkspacePath()
  if (!options.db) mkdirSync(dirname(file), { recursive: true })
  const core = createCore(file)
  const fresh = (core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n === 0
  if (fresh && !options.db) await (await import('../../resources/first-run')).seedFirstRun(core)
  const json = options.json === true
  return {
    core,
    actor: currentActor(),
    json,
    out(human, data) {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`)
    },
    board: (name) => core.boards.resolve(name)
  }
}

export const secrets = createEnvSecretStore()
