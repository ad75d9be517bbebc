import { describe, expect, it } from 'vitest'
import { getPreset } from '../../../../electron/domain/llm-providers'
import type { LlmSettingsView } from '../../../../electron/domain/assistant-views'
import { formatCost, missingReason, presetValues, toFormValues, toPatch } from './settings-form'

const view: LlmSettingsView = {
  provider: 'deepseek',
  baseURL: 'https://api.deepseek.com/v1',
  model: 'deepseek-chat',
  headers: { 'X-Team': 'support' },
  structuredOutput: 'json_object',
  timeoutMs: 120_000,
  maxRetries: 2,
  sessionTokenBudget: 200_000,
  concurrency: 3,
  kpisPerRequest: 25,
  hasKey: true,
  keyStorageInsecure: false,
  envOverrides: [],
  effective: { baseURL: 'https://api.deepseek.com/v1', model: 'deepseek-chat' },
  configured: true
}

describe('assistant settings form', () => {
  it('round-trips the stored settings without touching the key', () => {
    const values = toFormValues(view)
    expect(values).toMatchObject({ timeoutSec: 120, headers: [{ name: 'X-Team', value: 'support' }], apiKey: '' })
    expect(toPatch(values, [])).toEqual({
      provider: 'deepseek',
      baseURL: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
      structuredOutput: 'json_object',
      headers: { 'X-Team': 'support' },
      timeoutMs: 120_000,
      maxRetries: 2,
      concurrency: 3,
      kpisPerRequest: 25,
      sessionTokenBudget: 200_000
    })
  })

  it('sends a typed key, drops blank header rows and leaves environment values alone', () => {
    const env = { ...view, envOverrides: ['model' as const], effective: { ...view.effective, model: 'qwen-max' } }
    const values = {
      ...toFormValues(env),
      apiKey: '  sk-new-123  ',
      headers: [
        { name: ' X-Team ', value: 'a' },
        { name: '', value: 'orphan' }
      ]
    }
    expect(values.model).toBe('qwen-max')
    const patch = toPatch(values, env.envOverrides)
    expect(patch).toMatchObject({ apiKey: 'sk-new-123', headers: { 'X-Team': 'a' } })
    expect(patch).not.toHaveProperty('model')
  })

  it('fills URL, model and output mode from a preset', () => {
    expect(presetValues(getPreset('ollama'))).toEqual({ baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', structuredOutput: 'json_schema' })
    expect(presetValues(getPreset('qwen')).structuredOutput).toBe('json_object')
  })

  it('shows an unknown price as unknown, never as $0', () => {
    expect(formatCost(0, false)).toBeNull()
    expect(formatCost(0, true)).toBe('$0')
    expect(formatCost(0.002541, true)).toBe('$0.0025')
    expect(formatCost(1.5, true)).toBe('$1.50')
  })
})

describe('offline reason', () => {
  it('names what is missing before a review can use the model', () => {
    const off = { ...view, configured: false }
    expect(missingReason(view, getPreset('deepseek'))).toBeNull()
    expect(missingReason({ ...off, effective: { baseURL: '', model: '' } }, getPreset('custom'))).toBe('baseURL')
    expect(
      missingReason({ ...off, effective: { baseURL: 'https://{resource}.openai.azure.com/openai/v1', model: 'gpt-4.1-mini' } }, getPreset('azure-openai'))
    ).toBe('placeholder')
    expect(missingReason({ ...off, effective: { baseURL: 'http://127.0.0.1:8000/v1', model: '' } }, getPreset('vllm'))).toBe('model')
    expect(missingReason({ ...off, hasKey: false }, getPreset('deepseek'))).toBe('key')
  })
})
