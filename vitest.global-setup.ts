import { buildNode } from './scripts/build-node.mjs'

/** Tests that run the real `kpiloop` bin run today's sources: the CLI bundle is rebuilt before the suite (about a second). */
export default async function setup(): Promise<void> {
  await buildNode()
}
