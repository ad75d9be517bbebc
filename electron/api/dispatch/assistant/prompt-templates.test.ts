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
  it('lists every stage in English and Chinese with the shipped template until the user edits one', async () => {
    const api = procedureCaller(ws.core)
    const list = await api.call<PromptTemplateView[]>('prompt.list', {})
    expect(list.map((t) => `${t.locale}/${t.name}`)).toEqual([...TEMPLATE_NAMES.map((n) => `en/${n}`), ...TEMPLATE_NAMES.map((n) => `zh-CN/${n}`)])
    for (const template of list) {
      expect(template).toMatchObject({ isDefault: true, templateId: null, history: [] })
      expect(template.body).toBe(loadDefaultTemplate(template.name, undefined, template.locale))
      expect(template.body).toBe(template.defaultBody)
    }
    const chinese = list.filter((t) => t.locale === 'zh-CN')
    expect(chinese.every((t) => (t.body.match(/[\u4e00-\u9fff]/g) ?? []).length > 150 && !/\b(For|the|KPIs are)\b/.test(t.body))).toBe(true)
    expect(chinese.find((t) => t.name === 'trial')!.body).toMatch(/^# 试运行评审（v1\.0）/)
  })

  it('edits and resets one language without touching the other', async () => {
    const api = procedureCaller(ws.core, 'pm-wang')
    const zh = await api.call<PromptTemplateView>('prompt.save', { name: 'trial', locale: 'zh-CN', body: '先看连续四个周期的达成率中位数。' })
    expect(zh).toMatchObject({ locale: 'zh-CN', body: '先看连续四个周期的达成率中位数。', isDefault: false })
    const en = await api.call<PromptTemplateView>('prompt.get', { name: 'trial', locale: 'en' })
    expect(en).toMatchObject({ isDefault: true, body: loadDefaultTemplate('trial'), history: [] })
    const reset = await api.call<PromptTemplateView>('prompt.reset', { name: 'trial', locale: 'zh-CN' })
    expect(reset.body).toBe(loadDefaultTemplate('trial', undefined, 'zh-CN'))
    expect(ws.core.audit.list({ limit: 2 }).map((a) => a.summary)).toEqual([
      'Reset the trial prompt template (zh-CN) to the shipped one',
      'Edited the trial prompt template (zh-CN, 16 characters)'
    ])
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
    const others = (await api.call<PromptTemplateView[]>('prompt.list', {})).filter((t) => t.name !== 'feasibility' || t.locale !== 'en')
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
    expect(templates.effective('operating')).toEqual({ name: 'operating', locale: 'en', body: '# packaged operating', templateId: null, isDefault: true })
  })
})
