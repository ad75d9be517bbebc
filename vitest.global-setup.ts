import { build } from 'vite'
import { buildNode } from './scripts/build-node.mjs'

/**
 * Tests that run the real `kpiloop` bin or browser mode run today's sources: the CLI bundle and the UI that browser
 * mode serves are rebuilt before the suite (a few seconds), so a fresh clone's `npm test` needs no build step first.
 */
export default async function setup(): Promise<void> {
  await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' })
  await buildNode()
}
