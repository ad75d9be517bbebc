import { describe, expect, it } from 'vitest'
import { createSseParser } from './sse'

describe('createSseParser', () => {
  it('returns complete messages and keeps a message split across chunks for later', () => {
    const feed = createSseParser()
    expect(feed('event: chunk\ndata: {"t":"你好"}\n\nevent: res')).toEqual([{ event: 'chunk', data: '{"t":"你好"}' }])
    expect(feed('ult\ndata: {"ok":true,\ndata: "data":1}\n\n')).toEqual([{ event: 'result', data: '{"ok":true,\n"data":1}' }])
  })

  it('ignores comments (keep-alives) and defaults the topic to message', () => {
    const feed = createSseParser()
    expect(feed(': ping\n\ndata: 1\r\n\r\n')).toEqual([{ event: 'message', data: '1' }])
  })
})
