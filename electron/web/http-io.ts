import type { IncomingMessage, ServerResponse } from 'node:http'

// Large enough for a pasted PRD or an uploaded XLSX (sent base64), small enough to refuse floods.
const MAX_BODY = 32 * 1024 * 1024

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

type Read = { ok: true; value: unknown } | { ok: false; error: { code: 'VALIDATION'; message: string } }

export async function readJson(req: IncomingMessage): Promise<Read> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return { ok: false, error: { code: 'VALIDATION', message: 'Request body too large.' } }
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, error: { code: 'VALIDATION', message: 'Request body is not JSON.' } }
  }
}

/** A server-sent event stream; `onClose` runs when the client goes away (cancel). */
export function startSse(res: ServerResponse, onClose: () => void) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  res.write(': connected\n\n')
  res.on('close', onClose)
  return {
    send(event: string, data: unknown) {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    end: () => res.end()
  }
}
