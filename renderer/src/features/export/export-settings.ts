import type { ExportItemResult, ExportTarget } from '../../../../electron/domain/export'

/** The settings a product owner edits per target, and the write-only credentials. */
export const TARGET_FIELDS = {
  notion: { settings: ['parentPageId', 'databaseId', 'databaseTitle'], secrets: ['token'] },
  jira: { settings: ['host', 'email', 'projectKey', 'issueType'], secrets: ['apiToken'] },
  trello: { settings: ['boardId'], secrets: ['key', 'token'] }
} as const satisfies Record<ExportTarget, { settings: readonly string[]; secrets: readonly string[] }>

export const EXPORT_TARGETS: ExportTarget[] = ['notion', 'jira', 'trello']

type Values = Record<string, string | undefined>

/**
 * The settings to save: the form's fields over the saved ones, so settings the form does not show
 * (a base URL, the remembered Notion data source) survive. Pointing Notion at another page or
 * database forgets the remembered data source, so the next export goes where the user said.
 */
export function settingsToSave(target: ExportTarget, saved: Values, form: Values): Record<string, string> {
  const next: Values = { ...saved }
  for (const name of TARGET_FIELDS[target].settings) next[name] = form[name]?.trim() ?? ''
  if (target === 'notion' && ((next.parentPageId ?? '') !== (saved.parentPageId ?? '') || (next.databaseId ?? '') !== (saved.databaseId ?? ''))) {
    delete next.dataSourceId
  }
  return Object.fromEntries(Object.entries(next).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))
}

/** Only credentials the user typed are sent; a blank field keeps the stored one. */
export function secretsToSave(target: ExportTarget, form: Values): Record<string, string> {
  return Object.fromEntries(TARGET_FIELDS[target].secrets.flatMap((name) => (form[name]?.trim() ? [[name, form[name]!.trim()]] : [])))
}

export function tally(results: readonly ExportItemResult[]): { created: number; updated: number; failed: number; missing: number } {
  const count = (...outcomes: string[]) => results.filter((r) => outcomes.includes(r.outcome)).length
  return { created: count('created', 'recreated'), updated: count('updated'), failed: count('failed'), missing: count('missing') }
}

/** Decodes a file the core sent as base64 (the renderer has no Buffer). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Only http(s) links from the export are offered as links. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
