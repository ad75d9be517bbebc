import type Database from 'better-sqlite3'
import { eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { secret } from '../../../db/schema/integrations'
import type { SecretStore } from './secret-store'
import { secretEnvName } from './secret-store'

/** What Electron's safeStorage offers; injected so the core never imports 'electron'. */
export interface Cipher {
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
  /** False when the OS has no real keychain (e.g. Linux without a secret service). */
  strong: boolean
}

/**
 * Secrets encrypted by the OS keychain and kept in the workspace's `secret` table as ciphertext.
 * Environment variables (KPILOOP_SECRET_<REF>) still win, as in the CLI.
 */
export function createEncryptedSecretStore(sqlite: Database.Database, cipher: Cipher, env: NodeJS.ProcessEnv = process.env): SecretStore {
  // Built on the core's own connection, before the core exists (the core is given this store).
  const db = drizzle({ client: sqlite, casing: 'snake_case' })
  const byRef = sql.placeholder('ref')
  const read = db.select({ ciphertext: secret.ciphertext }).from(secret).where(eq(secret.ref, byRef)).prepare()
  const write = db
    .insert(secret)
    .values({ ref: byRef, ciphertext: sql.placeholder('ciphertext'), updatedAt: sql.placeholder('at') })
    .onConflictDoUpdate({ target: secret.ref, set: { ciphertext: sql`excluded.ciphertext`, updatedAt: sql`excluded.updated_at` } })
    .prepare()
  const remove = db.delete(secret).where(eq(secret.ref, byRef)).prepare()
  return {
    encrypted: cipher.strong,
    get(ref) {
      const fromEnv = env[secretEnvName(ref)]
      if (fromEnv) return fromEnv
      const row = read.get({ ref })
      return row ? cipher.decrypt(Buffer.from(row.ciphertext, 'base64')) : undefined
    },
    set(ref, value) {
      write.run({ ref, ciphertext: cipher.encrypt(value).toString('base64'), at: Date.now() })
    },
    delete(ref) {
      remove.run({ ref })
    }
  }
}
