import { describe, expect, it } from 'vitest'
import { chunkByHeadings } from './prose-chunks'
import { mixedPrd } from './testing/prd-fixtures'

describe('chunkByHeadings', () => {
  it('keeps a short document in one chunk that starts at the beginning', () => {
    const chunks = chunkByHeadings(mixedPrd, 20_000)
    expect(chunks).toHaveLength(1)
    expect(chunks[0]).toMatchObject({ index: 0, start: 0, heading: '智能客服 PRD', text: mixedPrd })
  })

  it('cuts at headings and splits an oversized section between paragraphs, losing no text', () => {
    const chunks = chunkByHeadings(mixedPrd, 300)
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['智能客服 PRD', 'Retention goals', '自助解决率细节', '自助解决率细节'])
    expect(chunks[3]!.text.startsWith('第 4 段')).toBe(true)
    expect(chunks[2]!.text.startsWith('## 自助解决率细节\n\n第 1 段')).toBe(true)
    expect(chunks.every((chunk) => chunk.text.length <= 300)).toBe(true)
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(mixedPrd.slice(0, chunks.at(-1)!.start + chunks.at(-1)!.text.length))
    for (const chunk of chunks) expect(mixedPrd.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text)
    const table = chunks[0]!.text
    expect(table).toContain('| KPI-S01 | 首次响应时间 | P95 ≤ 30 秒 |')
    expect(table).toContain('| KPI-S02 |')
  })

  it('returns nothing for a blank document', () => {
    expect(chunkByHeadings('  \n\n ')).toEqual([])
  })
})
