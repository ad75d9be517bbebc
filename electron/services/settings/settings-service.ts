import type { ServiceDeps } from '../context'

/** Non-secret preferences stored in the workspace (provider URLs, export targets …), as JSON by key. */
export function createSettingsService({ sqlite, now }: Pick<ServiceDeps, 'sqlite' | 'now'>) {
  const get = sqlite.prepare('SELECT value FROM setting WHERE key = ?')
  const put = sqlite.prepare(
    'INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'
  )
  const remove = sqlite.prepare('DELETE FROM setting WHERE key = ?')
  return {
    get<T>(key: string): T | undefined {
      const row = get.get(key) as { value: string } | undefined
      return row ? (JSON.parse(row.value) as T) : undefined
    },
    set(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value), now())
    },
    delete(key: string): void {
      remove.run(key)
    }
  }
}
export type SettingsService = ReturnType<typeof createSettingsService>
