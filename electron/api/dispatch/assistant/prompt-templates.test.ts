import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDefaultTemplate } from '../../../services/assistant/stage-prompts'
import { tempWorkspace } from '../../../services/testing/temp-workspace'
import { TEMPLATE_NAMES } from '../../../domain/assistant-settings'
import { createPromptTemplates, resolvePromptsFolder } from '../../../services/assistant/prompt-templates'
import { procedureCaller } from '../testing/dispatch'
import type { PromptTemplateView } from '../../../domain/assistant-views'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => {
  ws = tempWorkspace()
})
afterEach(() => ws.cleanup())

describe('prompt templates', () => {
  it('lists every stage with the shipped template until the user edits one', async () => {
    const api = procedureCaller(ws.core)
    const list = await api.call<PromptTemplateView[]>('prompt.list', {})
    expect(list.map((t) => t.name)).toEqual([...TEMPLATE_NAMES])
    for (const template of list) {
      expect(template).toMatchObject({ isDefault: true, templateId: null, history: [] })
      expect(template.body).toBe(loadDefaultTemplate(template.name))
      expect(template.body).toBe(template.defaultBody)
    }
  })

  it('keeps every save and reset in history, newest first, with the author and an audit entry', async () => {
    const api = procedureCaller(ws.core, 'pm-wang')
    const first = await api.call<PromptTemplateView>('prompt.save', { name: 'feasibility', body: '  先看开发评审意见，再看表结构。  ' })
    expect(first).toMatchObject({ body: '先看开发评审意见，再看表结构。', isDefault: false, templateId: first.history[0]!.id })
    await api.call('prompt.save', { name: 'feasibility', body: 'Check every formula against the schema names first.' })
    const reset = await api.call<PromptTemplateView>('prompt.reset', { name: 'feasibility' })
    expect(reset.isDefault).toBe(true)
    expect(reset.body).toBe(loadDefaultTemplate('feasibility'))
    expect(reset.history.map((h) => [h.body, h.author])).toEqual([
      [null, 'pm-wang'],
      ['Check every formula against the schema names first.', 'pm-wang'],
      ['先看开发评审意见，再看表结构。', 'pm-wang']
    ])
    expect(reset.templateId).toBe(reset.history[0]!.id)
    expect(ws.core.audit.list({ limit: 5 }).map((a) => a.action)).toEqual(['prompt.reset', 'prompt.save', 'prompt.save'])
    const others = (await api.call<PromptTemplateView[]>('prompt.list', {})).filter((t) => t.name !== 'feasibility')
    expect(others.every((t) => t.history.length === 0)).toBe(true)
  })

  it('refuses an empty template and an unknown stage', async () => {
    const api = procedureCaller(ws.core)
    expect(await api.failure('prompt.save', { name: 'trial', body: '   ' })).toMatchObject({ code: 'VALIDATION' })
    expect(await api.failure('prompt.save', { name: 'retired', body: 'x' })).toMatchObject({ code: 'VALIDATION' })
  })

  it('finds the shipped folder from the source tree, or uses the folder it is given', () => {
    expect(resolvePromptsFolder()).toBe(join(import.meta.dirname, '../../../../resources/prompts'))
    const folder = join(ws.dir, 'packaged', 'resources', 'prompts')
    mkdirSync(folder, { recursive: true })
    for (const name of TEMPLATE_NAMES) writeFileSync(join(folder, `${name}.md`), `# packaged ${name}\n`)
    const templates = createPromptTemplates({ ...ws.core.deps, audit: ws.core.audit, folder })
    expect(templates.effective('operating')).toEqual({ name: 'operating', body: '# packaged operating', templateId: null, isDefault: true })
  })
})
