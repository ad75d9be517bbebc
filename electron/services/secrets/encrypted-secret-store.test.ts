import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { aesCipher } from '../testing/aes-cipher'
import { tempWorkspace } from '../testing/temp-workspace'
import { createEncryptedSecretStore } from './encrypted-secret-store'

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
