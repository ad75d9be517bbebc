import type { AuditService } from '../audit/audit-service'
import { defaultPromptsFolder, loadDefaultTemplate, type TemplateName } from './stage-prompts'
import type { ServiceDeps } from '../context'
import { TEMPLATE_NAMES } from '../../domain/assistant-settings'
import { AppError } from '../../domain/errors'
import type { PromptTemplateVersion, PromptTemplateView } from '../../domain/assistant-views'

// A reset is a row with an empty body: history keeps it, and a saved template is never empty.
const RESET_BODY = ''

interface Row {
  id: number
  stage: string
  body: string
  author: string
  created_at: number
}

/** The shipped prompts folder, unless another is given. */
export function resolvePromptsFolder(folder?: string): string {
  return folder ?? defaultPromptsFolder()
}

function checkName(name: string): TemplateName {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name))
    throw new AppError('VALIDATION', `There is no prompt template named "${name}" (${TEMPLATE_NAMES.join(', ')}).`)
  return name as TemplateName
}

/** The user's edits of the stage prompts: every save or reset is a new row, the latest per stage wins. */
export function createPromptTemplates(deps: Pick<ServiceDeps, 'sqlite' | 'transaction' | 'now'> & { audit: AuditService; folder?: string }) {
  const { sqlite, now, audit, transaction } = deps
  const folder = resolvePromptsFolder(deps.folder)
  const stmt = {
    latest: sqlite.prepare('SELECT * FROM prompt_template WHERE stage = ? ORDER BY id DESC LIMIT 1'),
    history: sqlite.prepare('SELECT * FROM prompt_template WHERE stage = ? ORDER BY id DESC'),
    insert: sqlite.prepare('INSERT INTO prompt_template (stage, body, author, created_at) VALUES (?, ?, ?, ?)')
  }
  const defaults = new Map<TemplateName, string>()
  const defaultBody = (name: TemplateName): string => {
    if (!defaults.has(name)) defaults.set(name, loadDefaultTemplate(name, folder))
    return defaults.get(name)!
  }

  /** The template a review of `name` uses now, and the row it comes from (null: never edited). */
  function effective(nameText: string): { name: TemplateName; body: string; templateId: number | null; isDefault: boolean } {
    const name = checkName(nameText)
    const row = stmt.latest.get(name) as Row | undefined
    if (!row) return { name, body: defaultBody(name), templateId: null, isDefault: true }
    const isDefault = row.body === RESET_BODY
    return { name, body: isDefault ? defaultBody(name) : row.body, templateId: row.id, isDefault }
  }

  function view(name: TemplateName): PromptTemplateView {
    const history = (stmt.history.all(name) as Row[]).map((row): PromptTemplateVersion => ({
      id: row.id,
      body: row.body === RESET_BODY ? null : row.body,
      author: row.author,
      createdAt: row.created_at
    }))
    return { ...effective(name), defaultBody: defaultBody(name), history }
  }

  const write = (name: TemplateName, body: string, actor: string, action: string, summary: string): PromptTemplateView => {
    transaction(() => {
      stmt.insert.run(name, body, actor, now())
      audit.record({ actor, action, summary })
    })()
    return view(name)
  }

  return {
    effective,
    list: (): PromptTemplateView[] => TEMPLATE_NAMES.map(view),
    save(nameText: string, body: string, actor: string): PromptTemplateView {
      const name = checkName(nameText)
      const text = body.trim()
      if (!text) throw new AppError('VALIDATION', 'A prompt template cannot be empty; reset it to go back to the shipped one.')
      return write(name, text, actor, 'prompt.save', `Edited the ${name} prompt template (${text.length} characters)`)
    },
    reset(nameText: string, actor: string): PromptTemplateView {
      const name = checkName(nameText)
      return write(name, RESET_BODY, actor, 'prompt.reset', `Reset the ${name} prompt template to the shipped one`)
    }
  }
}
export type PromptTemplates = ReturnType<typeof createPromptTemplates>
