// `npm run web [-- --port N --db FILE]`: builds the UI and browser mode, then serves them in this one process,
// so Ctrl+C or a SIGTERM to npm reaches the server itself (no child left serving).
import { build } from 'vite'
import { buildNode } from './build-node.mjs'

await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' })
await buildNode()
await import('../out/node/web.js')
