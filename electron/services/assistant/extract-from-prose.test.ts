import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { extractKpisWithLlm } from './extract-from-prose'
import { createLlmClient } from './llm-client'
import { startFakeChatServer, type FakeChatServer, type FakeStep } from './testing/fake-chat-server'
import { mixedPrd } from './testing/prd-fixtures'

const blank = { code: '', name: '', description: '', target: '', unit: '', formula: '', dataSource: '', frequency: '', owner: '', sourceQuote: '' }
const retentionQuote = 'the share of teams that are still active on day 30 should reach at least 35% within two quarters'

// What a model would find in each section of the fixture PRD.
const bySection: Record<string, object[]> = {
  '智能客服 PRD': [
    { ...blank, code: 'KPI-S01', name: '首次响应时间', target: 'P95 ≤ 30 秒', unit: 's', sourceQuote: '| KPI-S01 | 首次响应时间 | P95 ≤ 30 秒 |' },
    { ...blank, code: 'KPI-S02', name: '自助解决率', target: '≥ 45%', unit: '%', sourceQuote: '| KPI-S02 | 自助解决率 | ≥ 45% |' }
  ],
  'Retention goals': [
    {
      ...blank,
      code: 'KPI-R01',
      name: 'Day-30 team retention',
      target: '≥ 35% within two quarters',
      unit: '%',
      dataSource: 'events table',
      frequency: 'Weekly',
      owner: 'growth lead',
      sourceQuote: retentionQuote
    }
  ],
  自助解决率细节: [
    { ...blank, code: 'kpi-s02', name: '自助解决率', dataSource: '会话日志', frequency: '每日', owner: '客服运营', sourceQuote: '自助解决率稳定在45%左右' }
  ]
}

function sectionOf(body: Record<string, unknown>): string {
  const user = (body.messages as { content: string }[])[1]!.content
  const json = /<(DATA-[0-9a-f]{12})>\n([\s\S]*)\n<\/\1>/.exec(user)![2]!
  return (JSON.parse(json) as { section: string; part: string }).section
}

let server: FakeChatServer
const start = async (delayMs: number) => {
  const answered = new Set<string>()
  server = await startFakeChatServer([], {
    answer: (body): FakeStep => {
      const section = sectionOf(body)
      // A long section is sent in two parts; only its first part mentions the KPI.
      const kpis = answered.has(section) ? [] : (bySection[section] ?? [])
      answered.add(section)
      return { json: { kpis }, delayMs }
    }
  })
  return createLlmClient({ baseURL: server.url, model: 'fake-model', structuredOutput: 'json_schema', timeoutMs: 2_000, maxRetries: 0 })
}
afterEach(async () => {
  await server.close()
})

describe('extractKpisWithLlm', () => {
  it('extracts chunk by chunk in parallel, merging a KPI found twice and locating its quote', async () => {
    const client = await start(80)
    const progress: [number, number][] = []
    const result = await extractKpisWithLlm(client, mixedPrd, { maxChunkChars: 300, concurrency: 2, onProgress: (done, total) => progress.push([done, total]) })
    expect(result.chunks).toBe(4)
    expect(server.requests).toHaveLength(4)
    expect(server.peakConcurrency()).toBe(2)
    expect(progress).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4]
    ])
    expect(result.candidates.map((kpi) => kpi.code)).toEqual(['KPI-S01', 'KPI-S02', 'KPI-R01'])
    const [s01, s02, r01] = result.candidates
    expect(s01!.source).toEqual({ chunk: 0, heading: '智能客服 PRD', offset: mixedPrd.indexOf('| KPI-S01 |') })
    expect(s02).toMatchObject({ targetText: '≥ 45%', dataSource: '会话日志', frequency: 'daily', owner: '客服运营' })
    expect(r01).toMatchObject({
      frequency: 'weekly',
      targetText: '≥ 35% within two quarters',
      source: { heading: 'Retention goals', offset: mixedPrd.indexOf(retentionQuote) }
    })
    expect(result.usage.promptTokens).toBeGreaterThan(0)
  })

  it('keeps a quote that is not in the document without an offset', async () => {
    const client = await start(0)
    server.enqueue({ json: { kpis: [{ ...blank, code: 'KPI-H01', name: '转人工率', target: '≤ 20%', sourceQuote: '转人工率要低于两成' }] } })
    const second = await extractKpisWithLlm(client, '## 转人工\n\n希望转人工率低于 20%。')
    expect(second.candidates[0]).toMatchObject({ code: 'KPI-H01', source: { offset: null } })
  })

  it('stops sending chunks when cancelled', async () => {
    const client = await start(100)
    const controller = new AbortController()
    const error = await extractKpisWithLlm(client, mixedPrd, {
      maxChunkChars: 300,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (done) => done === 1 && controller.abort()
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('CANCELLED')
    expect(server.requests.length).toBeLessThan(4)
  })

  it('refuses an empty document', async () => {
    const client = await start(0)
    await expect(extractKpisWithLlm(client, '\n \n')).rejects.toMatchObject({ code: 'IMPORT_EMPTY' })
  })
})
