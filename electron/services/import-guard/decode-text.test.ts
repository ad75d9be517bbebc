import { describe, expect, it } from 'vitest'
import { decodeText } from './decode-text'
import { encodeAs } from './testing/encodings'

const TEXT = 'code,name,target\nKPI-1,次日留存率 一,≥ 60%\n'

describe('decodeText', () => {
  it.each(['utf-8-bom', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'gbk', 'utf-16le-nobom'] as const)('reads %s', (encoding) => {
    expect(decodeText(encodeAs(TEXT, encoding))).toBe(TEXT)
  })

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the encoding it tried', () => {
    expect(() => decodeText(Buffer.from([0x61, 0xff, 0xff, 0x62]), 'board.csv')).toThrow(
      expect.objectContaining({ code: 'IMPORT_ENCODING', message: expect.stringMatching(/^board\.csv is not valid UTF-8 or GB18030 text/) })
    )
  })

  it('refuses UTF-32 whose length or code points are broken, and binary files', () => {
    expect(() => decodeText(Buffer.concat([encodeAs('ab', 'utf-32le'), Buffer.from([1])]))).toThrow(expect.objectContaining({ code: 'IMPORT_ENCODING' }))
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0, 0, 0x11, 0]))).toThrow(expect.objectContaining({ code: 'IMPORT_ENCODING' }))
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49]))).toThrow(expect.objectContaining({ code: 'IMPORT_BINARY' }))
  })
})
