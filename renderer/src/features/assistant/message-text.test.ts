import { describe, expect, it } from 'vitest'
import { messageText } from './message-text'

describe('messageText', () => {
  it('indents a structured review answer so its proposals can be read', () => {
    const answer = '{"summary":"响应时长偏高","proposals":[{"kind":"patch","code":"KPI-S001"}]}'
    expect(messageText(answer)).toBe(
      '{\n  "summary": "响应时长偏高",\n  "proposals": [\n    {\n      "kind": "patch",\n      "code": "KPI-S001"\n    }\n  ]\n}'
    )
  })

  it('leaves prose, markup and broken JSON exactly as written', () => {
    expect(messageText('因为三周的均值是 45.3 分钟。')).toBe('因为三周的均值是 45.3 分钟。')
    expect(messageText('<img src="https://evil.example/x.png"> ![x](https://evil.example/y.png)')).toBe(
      '<img src="https://evil.example/x.png"> ![x](https://evil.example/y.png)'
    )
    expect(messageText('{"summary": "cut off')).toBe('{"summary": "cut off')
  })
})
