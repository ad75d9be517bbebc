import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { defaultWorkspacePath } from '../services/workspace-path'
import { startBrowserMode } from './browser-mode'

// `npm run web [-- --port N --db FILE]`: browser mode for machines without a desktop session.
const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } } })
const workspaceFile = values.db ?? defaultWorkspacePath()
// Building the demo warehouse and its pulls takes several seconds: say so before the address appears.
if (!existsSync(workspaceFile)) console.log(`First run: creating ${workspaceFile} with the sample board and its demo warehouse…`)
const server = await startBrowserMode({
  workspaceFile,
  staticDir: 'out/renderer',
  port: values.port ? Number(values.port) : Number(process.env.KPILOOP_PORT ?? 0)
}).catch((error: unknown) => {
  console.error(`KPI Loop could not start: ${(error as Error).message}`)
  process.exit(1)
})
console.log(`KPI Loop (browser mode) on workspace ${server.runtime.core.file}`)
console.log(`Open: ${server.url}`)
console.log('The token in that address is the only way in; requests without it get 401. Ctrl+C stops.')
const stop = () => void server.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
