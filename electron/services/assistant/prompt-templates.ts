import { and, desc, eq, sql } from 'drizzle-orm'
import { promptTemplate } from '../../../db/schema'
import type { AuditService } from '../audit/audit-service'
import { defaultPromptsFolder, loadDefaultTemplate, type TemplateName } from './stage-prompts'
import type { ServiceDeps } from '../context'
import { PROMPT_LOCALES, TEMPLATE_NAMES, type PromptLocale } from '../../domain/assistant-settings'
import { AppError } from '../../domain/errors'
import type { PromptTemplateVersion, PromptTemplateView } from '../../domain/assistant-views'

// A reset is a row with an empty body: history keeps it, and a saved template is never empty.
const RESET_BODY = ''

/** The shipped prompts folder, unless another is given. */
export function resolvePromptsFolder(folder?: string): string {
  return folder ?? defaultPromptsFolder()
}

function checkName(name: string): TemplateName {
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name))
    throw new AppError('VALIDATION', `There is no prompt template named "${name}" (${TEMPLATE_NAMES.join(', ')}).`)
  return name as TemplateName
}

/** The user's edits of the stage prompts: every save or reset is a new row, the latest per stage and language wins. */
export function createPromptTemplates(deps: Pick<ServiceDeps, 'db' | 'transaction' | 'now'> & { audit: AuditService; folder?: string }) {
  const { db, now, audit, transaction } = deps
  const folder = resolvePromptsFolder(deps.folder)
  const ofStage = and(eq(promptTemplate.stage, sql.placeholder('stage')), eq(promptTemplate.locale, sql.placeholder('locale')))
  const stmt = {
    latest: db.select().from(promptTemplate).where(ofStage).orderBy(desc(promptTemplate.id)).limit(1).prepare(),
    history: db.select().from(promptTemplate).where(ofStage).orderBy(desc(promptTemplate.id)).prepare(),
    insert: db
      .insert(promptTemplate)
      .values({
        stage: sql.placeholder('stage'),
        locale: sql.placeholder('locale'),
        body: sql.placeholder('body'),
        author: sql.placeholder('author'),
        createdAt: sql.placeholder('at')
      })
      .prepare()
  }
  const defaults = new Map<string, string>()
  const defaultBody = (name: TemplateName, locale: PromptLocale): string => {
    const key = `${locale}/${name}`
    if (!defaults.has(key)) defaults.set(key, loadDefaultTemplate(name, folder, locale))
    return defaults.get(key)!
  }

  /** The template a review of `name` in `locale` uses now, and the row it comes from (null: never edited). */
  function effective(
    nameText: string,
    locale: PromptLocale = 'en'
  ): { name: TemplateName; locale: PromptLocale; body: string; templateId: number | null; isDefault: boolean } {
    const name = checkName(nameText)
    const row = stmt.latest.get({ stage: name, locale })
    if (!row) return { name, locale, body: defaultBody(name, locale), templateId: null, isDefault: true }
    const isDefault = row.body === RESET_BODY
    return { name, locale, body: isDefault ? defaultBody(name, locale) : row.body, templateId: row.id, isDefault }
  }

  function view(name: TemplateName, locale: PromptLocale): PromptTemplateView {
    const history = stmt.history.all({ stage: name, locale }).map((row): PromptTemplateVersion => ({
      id: row.id,
      body: row.body === RESET_BODY ? null : row.body,
      author: row.author,
      createdAt: row.createdAt
    }))
    return { ...effective(name, locale), defaultBody: defaultBody(name, locale), history }
  }

  const write = (name: TemplateName, locale: PromptLocale, body: string, actor: string, action: string, summary: string): PromptTemplateView => {
    transaction(() => {
      stmt.insert.run({ stage: name, locale, body, author: actor, at: now() })
      audit.record({ actor, action, summary, details: { name, locale } })
    })()
    return view(name, locale)
  }

  return {
    effective,
    /** Every template in every language (or in one). */
    list: (locale?: PromptLocale): PromptTemplateView[] => (locale ? [locale] : PROMPT_LOCALES).flatMap((l) => TEMPLATE_NAMES.map((name) => view(name, l))),
    get: (nameText: string, locale: PromptLocale = 'en'): PromptTemplateView => view(checkName(nameText), locale),
    save(nameText: string, body: string, actor: string, locale: PromptLocale = 'en'): PromptTemplateView {
      const name = checkName(nameText)
      const text = body.trim()
      if (!text) throw new AppError('VALIDATION', 'A prompt template cannot be empty; reset it to go back to the shipped one.')
      return write(name, locale, text, actor, 'prompt.save', `Edited the ${name} prompt template (${locale}, ${text.length} characters)`)
    },
    reset(nameText: string, actor: string, locale: PromptLocale = 'en'): PromptTemplateView {
      const name = checkName(nameText)
      return write(name, locale, RESET_BODY, actor, 'prompt.reset', `Reset the ${name} prompt template (${locale}) to the shipped one`)
    }
  }
}
export type PromptTemplates = ReturnType<typeof createPromptTemplates>
