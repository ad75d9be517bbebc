import { safeStorage } from 'electron'
import type { Cipher } from '../services/secrets/encrypted-secret-store'

/** Electron's safeStorage as the core's cipher. On Linux without a secret service it is only obfuscation. */
export function keychainCipher(): Cipher {
  const basic = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
  return {
    strong: safeStorage.isEncryptionAvailable() && !basic,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher)
  }
}
