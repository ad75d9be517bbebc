/** One server-sent event: its topic (`event:` line, default `message`) and its data lines joined. */
export interface SseMessage {
  event: string
  data: string
}

/**
 * Incremental SSE parser: feed it text as it arrives and it returns the complete messages so far,
 * keeping any partial message for the next feed.
 */
export function createSseParser() {
  let buffer = ''
  return (text: string): SseMessage[] => {
    buffer += text.replace(/\r\n?/g, '\n')
    const messages: SseMessage[] = []
    let end = buffer.indexOf('\n\n')
    while (end !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const message = parseBlock(block)
      if (message) messages.push(message)
      end = buffer.indexOf('\n\n')
    }
    return messages
  }
}

function parseBlock(block: string): SseMessage | null {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  return data.length ? { event, data: data.join('\n') } : null
}
