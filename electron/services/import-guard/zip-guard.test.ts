import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS } from './limits'
import { zipBytes } from './testing/zip-bytes'
import { checkZip } from './zip-guard'

const MB = 1024 * 1024

describe('checkZip', () => {
  it('lists the parts with their sizes and inflates the ones asked for', () => {
    const parts = checkZip(
      zipBytes([
        { name: 'a.xml', data: Buffer.from('<a/>') },
        { name: 'b.bin', data: Buffer.alloc(10) }
      ]),
      'XLSX workbook',
      (n) => n === 'a.xml'
    )
    expect(parts).toEqual([
      { name: 'a.xml', size: 4, data: Buffer.from('<a/>') },
      { name: 'b.bin', size: 10 }
    ])
  })

  it('refuses a package whose parts declare more than the limit, before inflating anything', () => {
    const declared = zipBytes([{ name: 'x', data: Buffer.alloc(1), declaredSize: IMPORT_LIMITS.unzippedBytes + 1 }])
    expect(() => checkZip(declared, '.docx document')).toThrow(expect.objectContaining({ code: 'IMPORT_LIMIT', message: expect.stringMatching(/64 MB/) }))
  })

  it('stops inflating a part that lies about its size at the limit (a bomb), and names the limit', () => {
    const bomb = zipBytes([{ name: 'zero.bin', data: Buffer.alloc(IMPORT_LIMITS.unzippedBytes + MB), declaredSize: 1024 }])
    expect(() => checkZip(bomb, 'XLSX workbook')).toThrow(
      expect.objectContaining({ code: 'IMPORT_LIMIT', details: { limit: 'unzippedBytes', max: IMPORT_LIMITS.unzippedBytes } })
    )
  })

  it('refuses a part smaller than declared, a cut package and bytes that are no zip as damaged', () => {
    const short = zipBytes([{ name: 'x', data: Buffer.alloc(100), declaredSize: 200 }])
    expect(() => checkZip(short, 'XLSX workbook')).toThrow(
      expect.objectContaining({ code: 'IMPORT_MALFORMED', message: expect.stringMatching(/not the size/) })
    )
    const whole = zipBytes([{ name: 'x', data: Buffer.alloc(100) }])
    expect(() => checkZip(whole.subarray(0, whole.length - 30), 'XLSX workbook')).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED' }))
    expect(() => checkZip(Buffer.from('code,name\n'), 'XLSX workbook')).toThrow(expect.objectContaining({ code: 'IMPORT_MALFORMED' }))
  })

  it('refuses more parts than the limit', () => {
    const many = zipBytes(Array.from({ length: IMPORT_LIMITS.zipEntries + 1 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(0) })))
    expect(() => checkZip(many, 'XLSX workbook')).toThrow(
      expect.objectContaining({ code: 'IMPORT_LIMIT', details: { limit: 'zipEntries', max: IMPORT_LIMITS.zipEntries } })
    )
  })
})
