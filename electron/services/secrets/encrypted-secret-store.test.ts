import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../testing/temp-workspace'
import { createEncryptedSecretStore, type Cipher } from './encrypted-secret-store'

// A real AES-GCM cipher standing in for the OS keychain, which the test machine does not have.
function aesCipher(): Cipher {
  const key = randomBytes(32)
  return {
    strong: true,
    encrypt(plain) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
      return Buffer.concat([iv, c.getAuthTag(), body])
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      d.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8')
    }
  }
}

let ws: ReturnType<typeof tempWorkspace> | undefined
afterEach(() => ws?.cleanup())

describe('secrets encrypted by the keychain', () => {
  it('never writes a secret in plain text to the workspace file', () => {
    ws = tempWorkspace()
    const store = createEncryptedSecretStore(ws.core.deps.sqlite, aesCipher(), {})
    store.set('source:warehouse', 'p4ssw0rd-中文')
    expect(store.get('source:warehouse')).toBe('p4ssw0rd-中文')
    ws.core.deps.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(readFileSync(ws.file).includes(Buffer.from('p4ssw0rd'))).toBe(false)
    store.delete('source:warehouse')
    expect(store.get('source:warehouse')).toBeUndefined()
  })

  it('lets an environment variable override the stored secret', () => {
    ws = tempWorkspace()
    const store = createEncryptedSecretStore(ws.core.deps.sqlite, aesCipher(), { KPILOOP_SECRET_SOURCE_WAREHOUSE: 'from-env' })
    store.set('source:warehouse', 'stored')
    expect(store.get('source:warehouse')).toBe('from-env')
  })
})
