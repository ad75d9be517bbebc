import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from the Node build that tests and the
 * CLI load (scripts/electron-native.mjs builds it). Returns undefined when absent.
 */
export function electronSqliteBinding(appPath: string, resourcesPath: string): string | undefined {
  const candidates = [join(appPath, '.native', 'electron', 'better_sqlite3.node'), join(resourcesPath, 'native', 'better_sqlite3.node')]
  return candidates.find((file) => existsSync(file))
}
