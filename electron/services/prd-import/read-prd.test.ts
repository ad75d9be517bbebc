import { describe, expect, it } from 'vitest'
import { AppError } from '../../domain/errors'
import { extractKpis } from './extract'
import { buildDocx } from './fixtures/build-docx'
import { MAX_PRD_BYTES, readPastedPrd, readPrd } from './read-prd'
import { IMPORT_LIMITS } from '../import-guard/limits'

const PRD = '# 结账改版\n\n## 成功指标\n\n- 结账转化率: ≥ 35%\n- 支付耗时: P95 ≤ 2s\n'

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le')
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!]
  return le
}

describe('readPrd: text encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(PRD, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PRD, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PRD, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PRD)])]
  ])('decodes %s to the same text', async (_encoding, data) => {
    expect(await readPrd(data, 'prd.md')).toBe(PRD)
  })

  it('falls back to GB18030 when the bytes are not UTF-8', async () => {
    // "成功指标\n- 留存率: ≥ 40%" encoded in GB18030 (GBK subset), bytes written out by hand.
    const gbk = Buffer.from([
      0xb3, 0xc9, 0xb9, 0xa6, 0xd6, 0xb8, 0xb1, 0xea, 0x0a, 0x2d, 0x20, 0xc1, 0xf4, 0xb4, 0xe6, 0xc2, 0xca, 0x3a, 0x20, 0xa1, 0xdd, 0x20, 0x34, 0x30, 0x25
    ])
    expect(await readPrd(gbk, 'legacy.txt')).toBe('成功指标\n- 留存率: ≥ 40%')
  })

  it('normalises CRLF line endings and reads a name without extension as pasted text', async () => {
    expect(await readPrd(Buffer.from('a\r\nb\r\n'), 'clipboard')).toBe('a\nb\n')
    expect(readPastedPrd('\uFEFF- 留存率: ≥ 40%\r\n')).toBe('- 留存率: ≥ 40%\n')
  })
})

describe('readPrd: .docx', () => {
  it('converts headings, bold labels, bullets and tables to Markdown the extractor reads', async () => {
    const docx = buildDocx([
      { heading: 1, text: 'Checkout revamp PRD' },
      { heading: 2, text: '成功指标' },
      { heading: 3, text: 'KPI-C01: 结账转化率' },
      { label: '目标', value: '≥ 35%' },
      { label: '定义', value: '完成支付的会话 / 进入结账页的会话' },
      { label: '数据来源', value: '埋点事件表' },
      { label: '监控频率', value: '每日' },
      { label: '负责人', value: '增长组' },
      { heading: 2, text: '其他指标' },
      {
        table: [
          ['指标', '目标值', '当前值'],
          ['退款率', '≤ 2%', '2.4%']
        ]
      },
      { paragraph: 'Success metrics:' },
      { bullet: '支付成功率: ≥ 99.5%' },
      { bullet: '页面加载: P95 < 2s' }
    ])
    const markdown = await readPrd(docx, 'Checkout.DOCX')
    expect(markdown).toContain('### KPI-C01: 结账转化率\n\n**目标**: ≥ 35%')
    expect(markdown).toContain('| 指标 | 目标值 | 当前值 |\n| --- | --- | --- |\n| 退款率 | ≤ 2% | 2.4% |')
    expect(markdown).toContain('- 支付成功率: ≥ 99.5%\n- 页面加载: P95 < 2s')

    const { candidates } = extractKpis(markdown, { fileName: 'Checkout.docx' })
    expect(candidates.map(({ fields, currentValue, origin }) => [fields.code, fields.name, fields.target?.text, currentValue, origin])).toEqual([
      ['KPI-C01', '结账转化率', '≥ 35%', null, 'block'],
      ['KPI-001', '退款率', '≤ 2%', '2.4%', 'table'],
      ['KPI-002', '支付成功率', '≥ 99.5%', null, 'list'],
      ['KPI-003', '页面加载', 'P95 < 2s', null, 'list']
    ])
    expect(candidates[0]!.fields).toMatchObject({ sourceNote: '埋点事件表', frequency: 'daily', owner: '增长组', category: '成功指标' })
  })

  it('refuses a .docx that is not a zip package', async () => {
    const error = await errorOf(readPrd(Buffer.from('# just markdown renamed to docx\n'), 'fake.docx'))
    expect(error.code).toBe('IMPORT_MALFORMED')
    expect(error.message).toMatch(/not a readable \.docx/)
  })
})

describe('readPrd: bad input', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'empty.md', 'IMPORT_EMPTY'],
    ['a whitespace-only file', Buffer.from(' \n\t\r\n  '), 'blank.txt', 'IMPORT_EMPTY'],
    ['a PNG renamed to .md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'image.md', 'IMPORT_BINARY'],
    ['control bytes without NUL', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'blob.txt', 'IMPORT_BINARY'],
    ['an HTML page', Buffer.from('<!DOCTYPE html>\n<html><body><h1>KPI</h1><p>留存率 ≥ 40%</p></body></html>'), 'page.md', 'IMPORT_UNSUPPORTED'],
    ['an .html file', Buffer.from('<h1>KPI</h1>'), 'export.html', 'IMPORT_UNSUPPORTED'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'prd.pdf', 'IMPORT_UNSUPPORTED'],
    ['a legacy .doc', Buffer.from('x'), 'prd.doc', 'IMPORT_UNSUPPORTED']
  ])('refuses %s with a clear error', async (_what, data, fileName, code) => {
    const error = await errorOf(readPrd(data, fileName))
    expect(error.code).toBe(code)
    expect(error.message.length).toBeGreaterThan(10)
  })

  it('hints at saving HTML as Markdown', async () => {
    const error = await errorOf(readPrd(Buffer.from('<html><body>x</body></html>'), 'notes.txt'))
    expect(error.message).toMatch(/save the page as Markdown or plain text/)
  })

  it('refuses a 20 MB file before decoding it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x61)
    const error = await errorOf(readPrd(big, 'huge.md'))
    expect(error.code).toBe('IMPORT_TOO_LARGE')
    expect(error.details).toEqual({ size: big.length, limit: MAX_PRD_BYTES })
  })

  it('refuses text past the character limit, naming it, and accepts text at the limit', async () => {
    const error = await errorOf(readPrd(Buffer.alloc(MAX_PRD_BYTES, 0x61), 'edge.txt'))
    expect(error.code).toBe('IMPORT_LIMIT')
    expect(error.message).toContain(String(IMPORT_LIMITS.prdChars))
    const line = `${'a'.repeat(249)}\n`
    const text = await readPrd(Buffer.from(line.repeat(IMPORT_LIMITS.prdChars / line.length)), 'edge.txt')
    expect(text.length).toBe(IMPORT_LIMITS.prdChars)
  })

  it('refuses too many lines and too long a line, naming the limit', async () => {
    const lines = await errorOf(readPrd(Buffer.from('x\n'.repeat(IMPORT_LIMITS.prdLines + 1)), 'long.md'))
    expect(lines).toMatchObject({ code: 'IMPORT_LIMIT', details: { limit: 'prdLines' } })
    expect(lines.message).toContain(String(IMPORT_LIMITS.prdLines))
    const wide = await errorOf(readPrd(Buffer.from(`ok\n${'y'.repeat(IMPORT_LIMITS.lineChars + 1)}`), 'wide.md'))
    expect(wide).toMatchObject({ code: 'IMPORT_LIMIT', details: { limit: 'lineChars', line: 2 } })
  })
})
