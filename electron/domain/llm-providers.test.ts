import { describe, expect, it } from 'vitest'
import { estimateCost, getPreset, PROVIDER_PRESETS } from './llm-providers'

const usage = { promptTokens: 12_000, completionTokens: 3_000 }

describe('provider presets', () => {
  it('prices a known model from its public price list', () => {
    expect(estimateCost('deepseek-chat', usage)).toEqual({ usd: (12_000 * 0.28 + 3_000 * 0.42) / 1_000_000, known: true })
    expect(estimateCost('gpt-4.1-mini', usage, getPreset('openai')).usd).toBeCloseTo(0.0096, 6)
  })

  it('says unknown rather than free for a model without a public price, and free for local runtimes', () => {
    expect(estimateCost('my-finetune-v3', usage)).toEqual({ usd: 0, known: false })
    expect(estimateCost('gpt-4.1-mini', usage, getPreset('azure-openai'))).toEqual({ usd: 0, known: false })
    expect(estimateCost('qwen2.5:7b', usage, getPreset('ollama'))).toEqual({ usd: 0, known: true })
  })

  it('covers every provider the product names, local ones without a key', () => {
    expect(PROVIDER_PRESETS.map((preset) => preset.id)).toEqual([
      'openai',
      'azure-openai',
      'deepseek',
      'qwen',
      'moonshot',
      'ollama',
      'lm-studio',
      'vllm',
      'custom'
    ])
    for (const preset of PROVIDER_PRESETS.filter((candidate) => candidate.local)) {
      expect(preset.needsKey).toBe(false)
      expect(new URL(preset.baseURL).hostname).toBe('127.0.0.1')
    }
  })
})
