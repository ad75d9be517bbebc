import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)
const BIN = resolve(import.meta.dirname, '../../../bin/kpiloop.mjs')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real `kpiloop` bin on a workspace file, as a user's shell or cron would (in `cwd` when given). */
export async function runCli(db: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, '--db', db, ...args], { env: { ...process.env, ...env }, cwd })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
