import { describe, expect, it } from 'vitest'
import { textForExcerpts } from './read-file'

describe('reading a PRD in the renderer', () => {
  it('keeps UTF-8 text for the source-line excerpts, but not Word files or binary data', () => {
    const md = new TextEncoder().encode('# 需求\n- 支付成功率: ≥ 99.5%\n')
    expect(textForExcerpts(md, 'prd.md')).toBe('# 需求\n- 支付成功率: ≥ 99.5%\n')
    expect(textForExcerpts(md, 'PRD.DOCX')).toBeNull()
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(textForExcerpts(png, 'logo.md')).toBeNull()
    expect(textForExcerpts(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), 'gbk.txt')).toBeNull()
  })
})
