import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Input, Output, ProcedureName } from '../api'
import { createDispatcher } from '../api/dispatch/dispatcher'
import { createHandlers } from '../api/dispatch/handlers'
import { AppError } from '../domain/errors'
import { createCore, type Core } from '../services/core'
import { createEnvSecretStore } from '../services/secrets/secret-store'
import { currentActor, defaultWorkspacePath } from '../services/workspace-path'

export interface GlobalOptions {
  db?: string
  json?: boolean
}

export interface CallOptions {
  /** Partial output of a streaming procedure (progress, tokens). */
  onChunk?: (chunk: unknown) => void
  signal?: AbortSignal
}

export interface CliContext {
  core: Core
  actor: string
  json: boolean
  /** Calls a procedure through the one dispatcher (validation, gates, audit as in the app); throws its error. */
  call<N extends ProcedureName>(name: N, input: Input<N>, options?: CallOptions): Promise<Output<N>>
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
  const actor = currentActor()
  const dispatch = createDispatcher(
    createHandlers(core, { version: process.env.npm_package_version ?? '0.1.0', mode: 'cli', systemLocale: Intl.DateTimeFormat().resolvedOptions().locale })
  )
  return {
    core,
    actor,
    json,
    async call(name, input, { onChunk, signal } = {}) {
      const result = await dispatch(name, input, { actor, signal: signal ?? new AbortController().signal, emit: onChunk ?? (() => {}) })
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details)
      return result.data as Output<typeof name>
    },
    out(human, data) {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`)
    },
    board: (name) => core.boards.resolve(name)
  }
}

export const secrets = createEnvSecretStore()
