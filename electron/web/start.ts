import { defaultWorkspacePath } from '../services/workspace-path'
import { startBrowserMode } from './browser-mode'
import { parseArgs } from 'node:util'

// `npm run web [-- --port N --db FILE]`: browser mode for machines without a desktop session.
const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } } })
const server = await startBrowserMode({
  workspaceFile: values.db ?? defaultWorkspacePath(),
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
