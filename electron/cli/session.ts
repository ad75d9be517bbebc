import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Input, Output, ProcedureName } from '../api'
import { createRecoveryDispatcher } from '../api/dispatch/recovery'
import { createRuntime } from '../api/dispatch/runtime'
import type { WorkspaceWait } from '../domain/backup'
import { AppError } from '../domain/errors'
import { isRecoverable } from '../services/backup/restore-closed'
import { currentActor, defaultWorkspacePath } from '../services/workspace-path'
import { cliLocale } from './locale'
import { CLI_VERSION } from './version'

export interface GlobalOptions {
  db?: string
  json?: boolean
  debug?: boolean
}

export interface CallOptions {
  /** Partial output of a streaming procedure (progress, tokens). */
  onChunk?: (chunk: unknown) => void
  signal?: AbortSignal
}

export interface Session {
  actor: string
  json: boolean
  /** The workspace file this command runs on. */
  file: string
  /** Calls a procedure through the one dispatcher (the validation, gates and audit of the app); throws its error. */
  call<N extends ProcedureName>(name: N, input: Input<N>, options?: CallOptions): Promise<Output<N>>
  /** A board's id by its name. */
  boardId(name: string): Promise<number>
  /** A KPI's id by its board and code. */
  kpiId(boardId: number, code: string): Promise<number>
  out(human: string, data: unknown): void
  close(): void
}

/**
 * Opens the workspace of one command. A command that only reads never creates a workspace: where there is none
 * it names the path and how to make one. A command that writes creates it (the default workspace with the
 * sample board, as the app's first run does) and says so.
 */
export interface SessionNeeds {
  /** The command changes the workspace: it may create one where there is none. */
  writes: boolean
  /** The command also makes sense without a workspace (a dry run): where there is none it runs on an empty one in memory. */
  orEmpty?: boolean
  /** The command also works on a workspace that cannot be opened (damaged, empty): listing and restoring its backups. */
  recovers?: boolean
}

/** One line when a write starts waiting for another window or command, then one every 5 s. */
function waitPrinter() {
  let next = 0
  return ({ waitedMs, limitMs }: WorkspaceWait): void => {
    if (waitedMs < next) return
    next = waitedMs + 5000
    process.stderr.write(
      `Waiting for another KPI Loop window or command to finish writing… ${Math.round(waitedMs / 1000)} s (gives up after ${limitMs / 1000} s)\n`
    )
  }
}

export async function openSession(globals: GlobalOptions, { writes, orEmpty, recovers }: SessionNeeds): Promise<Session> {
  const file = resolve(globals.db ?? defaultWorkspacePath())
  const json = globals.json === true
  const isNew = !existsSync(file)
  const ephemeral = isNew && !writes && orEmpty === true
  if (isNew && !writes && !ephemeral) {
    throw new AppError(
      'WORKSPACE_MISSING',
      `There is no workspace at ${file}. Create one with \`kpiloop${globals.db ? ` --db ${globals.db}` : ''} board create NAME\`, or point --db at an existing file.`,
      { file }
    )
  }
  if (isNew && !ephemeral && !globals.db) mkdirSync(dirname(file), { recursive: true })
  if (isNew && !ephemeral && !existsSync(dirname(file)))
    throw new AppError('WORKSPACE_MISSING', `The folder ${dirname(file)} does not exist; create it first.`, { file })
  const shell = { mode: 'cli', version: CLI_VERSION, systemLocale: cliLocale() } as const
  const runtime = await createRuntime({
    ...shell,
    file: ephemeral ? ':memory:' : file,
    create: writes || ephemeral,
    onWait: waitPrinter(),
    // Like the desktop app's first run: the default workspace starts with the sample board.
    onFirstRun: globals.db || ephemeral ? undefined : async (core, locale) => (await import('../../resources/first-run')).seedFirstRun(core, locale)
  }).catch((error: unknown) => {
    if (!recovers || !isRecoverable(error)) throw error
    return { dispatch: createRecoveryDispatcher(file, error, shell), close: () => {} }
  })
  if (isNew && !ephemeral && !json) process.stderr.write(`Created a new workspace at ${file}.\n`)
  const actor = currentActor()
  const call: Session['call'] = async (name, input, { onChunk, signal } = {}) => {
    const result = await runtime.dispatch(name, input, { actor, signal: signal ?? new AbortController().signal, emit: onChunk ?? (() => {}) })
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details)
    return result.data as Output<typeof name>
  }
  return {
    actor,
    json,
    file,
    call,
    boardId: async (name) => (await call('board.find', { name })).id,
    kpiId: async (boardId, code) => (await call('kpi.find', { boardId, code })).id,
    out(human, data) {
      process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`)
    },
    close: () => runtime.close()
  }
}
