import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { shippedPath } from '../../db/shipped-path'
import { defaultWorkspacePath } from '../services/workspace-path'
import { startBrowserMode } from './browser-mode'

// `npm run web [-- --port N --db FILE]`: browser mode for machines without a desktop session.
const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } } })
const workspaceFile = values.db ?? defaultWorkspacePath()
// The app's own folder is made on first use; a folder typed with --db must exist (a typo is reported, not created).
if (!values.db) mkdirSync(dirname(workspaceFile), { recursive: true })
// Building the demo warehouse and its pulls takes several seconds: say so before the address appears.
if (!existsSync(workspaceFile) && existsSync(dirname(workspaceFile))) {
  console.log(`No workspace at ${workspaceFile} yet: creating it with the sample board and its demo warehouse…`)
}
const server = await startBrowserMode({
  workspaceFile,
  create: true,
  staticDir: shippedPath(import.meta.url, 'out/renderer'),
  port: values.port ? Number(values.port) : Number(process.env.KPILOOP_PORT ?? 0)
}).catch((error: unknown) => {
  console.error(`KPI Loop could not start: ${(error as Error).message}`)
  process.exit(1)
})
console.log(`KPI Loop (browser mode) on workspace ${server.runtime.core.file}`)
console.log(`Open: ${server.url}`)
console.log('That address works once: it opens a browser session. Press Enter here (or send SIGUSR1) for a new one. Ctrl+C stops.')
const printLink = (): void => console.log(`Open: ${server.newLink()}`)
process.on('SIGUSR1', printLink)
if (process.stdin.isTTY) process.stdin.on('data', printLink)

// The first Ctrl+C or SIGTERM closes the server and the workspace, which aborts running calls and pulls
// (their queries are interrupted); a second one, or a close that takes longer than a few seconds, ends the process at once.
let stopping = false
const stop = () => {
  if (stopping) process.exit(1)
  stopping = true
  setTimeout(() => process.exit(1), 3000).unref()
  void server.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
// Run by `npm run web`, this process is a shell's child: a SIGTERM to npm ends the shell, not us. Stop when orphaned.
const parent = process.ppid
setInterval(() => process.ppid !== parent && stop(), 500).unref()
