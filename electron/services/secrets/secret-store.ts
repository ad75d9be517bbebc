import { secretEnvName } from '../../domain/secret-names'

export { secretEnvName }

/**
 * Where passwords and API tokens live. The desktop app encrypts them with the OS keychain
 * (Electron safeStorage); the CLI and browser mode read them from KPILOOP_SECRET_<NAME>.
 * Nothing else in the core ever holds a secret longer than one call.
 */
export interface SecretStore {
  get(ref: string): string | undefined
  set(ref: string, value: string): void
  delete(ref: string): void
  /** True when secrets are protected by a real OS keychain (false on headless Linux, CLI, web). */
  readonly encrypted: boolean
}

/** A read-only store over environment variables, for the CLI and browser mode. */
export function createEnvSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const session = new Map<string, string>()
  return {
    encrypted: false,
    get: (ref) => session.get(ref) ?? env[secretEnvName(ref)],
    // Kept in memory for this process only: the CLI and browser mode never write secrets to disk.
    set: (ref, value) => void session.set(ref, value),
    delete: (ref) => void session.delete(ref)
  }
}
