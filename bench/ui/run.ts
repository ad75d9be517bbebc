import { readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

// `npm run bench:ui [-- NAME]`: every bench/ui/*.ts that exports run() (files without it are helpers), or the one named.
const dir = dirname(fileURLToPath(import.meta.url))
const suites = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.slice(0, -3))
  .sort()
const only = process.argv[2]
let ok = true
if (only && !suites.includes(only)) {
  console.error(`No UI benchmark named ${only}: ${suites.join(', ')}`)
  ok = false
}
for (const name of suites) {
  if (only && name !== only) continue
  const suite = (await import(`./${name}.ts`)) as { run?: () => boolean | Promise<boolean> }
  if (typeof suite.run !== 'function') continue
  ok = (await suite.run()) && ok
}
process.exitCode = ok ? 0 : 1
