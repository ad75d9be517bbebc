import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A folder shipped with the app (`db/migrations`, `resources/prompts`), found by walking up from the module
 * that asks: the same code runs from the source tree, from the bundled CLI (out/cli) and from the app (out/main).
 */
export function shippedPath(moduleUrl: string, relative: string): string {
  let dir = dirname(fileURLToPath(moduleUrl))
  for (let depth = 0; depth < 8; depth += 1) {
    if (existsSync(join(dir, relative))) return join(dir, relative)
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  throw new Error(`${relative} is missing from this installation (looked above ${fileURLToPath(moduleUrl)}).`)
}
