import type Database from 'better-sqlite3'
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
  const read = sqlite.prepare('SELECT ciphertext FROM secret WHERE ref = ?')
  const write = sqlite.prepare(
    'INSERT INTO secret (ref, ciphertext, updated_at) VALUES (?, ?, ?) ON CONFLICT(ref) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at'
  )
  const remove = sqlite.prepare('DELETE FROM secret WHERE ref = ?')
  return {
    encrypted: cipher.strong,
    get(ref) {
      const fromEnv = env[secretEnvName(ref)]
      if (fromEnv) return fromEnv
      const row = read.get(ref) as { ciphertext: string } | undefined
      return row ? cipher.decrypt(Buffer.from(row.ciphertext, 'base64')) : undefined
    },
    set(ref, value) {
      write.run(ref, cipher.encrypt(value).toString('base64'), Date.now())
    },
    delete(ref) {
      remove.run(ref)
    }
  }
}
