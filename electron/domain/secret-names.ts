/** `KPILOOP_SECRET_<REF>` with the ref upper-cased and non-alphanumerics turned to `_`: where the CLI and browser mode find a secret. */
export function secretEnvName(ref: string): string {
  return `KPILOOP_SECRET_${ref.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`
}

/** The secret store's name for a data source's password. */
export const sourceSecretRef = (name: string): string => `source:${name}`
