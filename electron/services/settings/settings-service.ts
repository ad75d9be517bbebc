import { eq, sql } from 'drizzle-orm'
import { setting } from '../../../db/schema'
import type { ServiceDeps } from '../context'

/** Non-secret preferences stored in the workspace (provider URLs, export targets …), as JSON by key. */
export function createSettingsService({ db, now }: Pick<ServiceDeps, 'db' | 'now'>) {
  const get = db
    .select({ value: setting.value })
    .from(setting)
    .where(eq(setting.key, sql.placeholder('key')))
    .prepare()
  const put = db
    .insert(setting)
    .values({ key: sql.placeholder('key'), value: sql.placeholder('value'), updatedAt: sql.placeholder('at') })
    .onConflictDoUpdate({ target: setting.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
    .prepare()
  const remove = db
    .delete(setting)
    .where(eq(setting.key, sql.placeholder('key')))
    .prepare()
  return {
    get<T>(key: string): T | undefined {
      const row = get.get({ key })
      return row ? (row.value as T) : undefined
    },
    set(key: string, value: unknown): void {
      put.run({ key, value, at: now() })
    },
    delete(key: string): void {
      remove.run({ key })
    }
  }
}
export type SettingsService = ReturnType<typeof createSettingsService>
