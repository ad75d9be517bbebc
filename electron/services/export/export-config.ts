import type { Core } from '../core'
import { AppError } from '../../domain/errors'
import type { ExportTarget, JiraExportConfig, NotionExportConfig, TrelloExportConfig } from './'
import { secretEnvName } from '../secrets/secret-store'
import { EXPORT_SECRETS, exportConfigSchemas, type ExportConfigs } from '../../domain/export'

export const settingKey = (target: ExportTarget): string => `export.${target}`
export const secretRef = (target: ExportTarget, name: string): string => `export:${target}:${name}`

export function readConfig<T extends ExportTarget>(core: Core, target: T): ExportConfigs[T] {
  const stored = core.settings.get<unknown>(settingKey(target))
  const parsed = exportConfigSchemas[target].safeParse(stored ?? {})
  return (parsed.success ? parsed.data : {}) as ExportConfigs[T]
}

export function hasSecrets(core: Core, target: ExportTarget): Record<string, boolean> {
  return Object.fromEntries(EXPORT_SECRETS[target].map((name) => [name, Boolean(core.secrets.get(secretRef(target, name)))]))
}

const LABELS: Record<string, string> = {
  'notion.token': 'the Notion integration token',
  'jira.apiToken': 'the Jira API token',
  'trello.key': 'the Trello API key',
  'trello.token': 'the Trello token'
}

/** Reads the secrets a target needs, or names every missing piece of its configuration. */
function complete<T extends ExportTarget>(core: Core, target: T, settings: string[]): Record<string, string> {
  const missing = [...settings]
  const secrets: Record<string, string> = {}
  for (const name of EXPORT_SECRETS[target]) {
    const value = core.secrets.get(secretRef(target, name))
    if (value) secrets[name] = value
    else missing.push(`${LABELS[`${target}.${name}`]} (${secretEnvName(secretRef(target, name))})`)
  }
  if (missing.length > 0) {
    throw new AppError('EXPORT_CONFIG', `The ${target} export needs ${missing.join(', ')}.`, { target, missing })
  }
  return secrets
}

export function notionConfig(core: Core): NotionExportConfig {
  const config = readConfig(core, 'notion')
  const where = config.dataSourceId || config.databaseId || config.parentPageId ? [] : ['a parent page id or a database id']
  const { token } = complete(core, 'notion', where)
  return { ...config, token: token! }
}

export function jiraConfig(core: Core): JiraExportConfig {
  const config = readConfig(core, 'jira')
  const missing = (['host', 'email', 'projectKey'] as const)
    .filter((k) => !config[k])
    .map((k) => ({ host: 'the site URL', email: 'the account email', projectKey: 'the project key' })[k])
  const { apiToken } = complete(core, 'jira', missing)
  return { host: config.host!, email: config.email!, projectKey: config.projectKey!, issueType: config.issueType, apiToken: apiToken! }
}

export function trelloConfig(core: Core): TrelloExportConfig {
  const config = readConfig(core, 'trello')
  const { key, token } = complete(core, 'trello', config.boardId ? [] : ['the Trello board id'])
  return { boardId: config.boardId!, baseUrl: config.baseUrl, key: key!, token: token! }
}
