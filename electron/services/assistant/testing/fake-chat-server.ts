import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { validateChatRequest } from './fake-chat-validation'

/** One scripted answer; each request to /chat/completions consumes the next step. */
export type FakeStep =
  | { json: object | string; delayMs?: number; usage?: FakeUsage }
  | { stream: string[]; delayMs?: number; streamCutAfter?: number; usage?: FakeUsage }
  | { streamCutAfter: number; delayMs?: number }
  | { status: number; retryAfter?: number; message?: string }
  | { hangMs: number; then?: FakeStep }
  | { raw: string }

export interface FakeUsage {
  promptTokens: number
  completionTokens: number
}

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
  /** The client closed the connection before the answer was complete (cancel, timeout). */
  closedEarly: boolean
}

export interface FakeChatServer {
  url: string
  requests: RecordedRequest[]
  /** The most chat requests that were in flight at the same time. */
  peakConcurrency(): number
  enqueue(...steps: FakeStep[]): void
  close(): Promise<void>
}

export interface FakeServerOptions {
  /** Answered when the queue is empty; without it an empty queue answers 500. */
  fallback?: FakeStep
  models?: string[]
  /** Chooses the answer from the request when the queue is empty (tests whose requests run concurrently). */
  answer?: (body: Record<string, unknown>) => FakeStep | undefined
  /** 0 (the default) lets the OS choose. */
  port?: number
}

const DEFAULT_CUT_TEXT = ['{"summary": "Partial', ' answer that never', ' finishes']

function approxTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4))
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

function openAiError(res: ServerResponse, status: number, message: string, type: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { message, type, param: null, code: null } }, headers)
}

const sleep = (ms: number, res: ServerResponse) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(!res.destroyed), ms)
    res.once('close', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })

function completion(model: string, content: string, promptText: string, usage?: FakeUsage) {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: {
      prompt_tokens: usage?.promptTokens ?? approxTokens(promptText),
      completion_tokens: usage?.completionTokens ?? approxTokens(content),
      total_tokens: (usage?.promptTokens ?? approxTokens(promptText)) + (usage?.completionTokens ?? approxTokens(content))
    }
  }
}

function chunk(model: string, delta: object, finish: string | null, usage?: object) {
  return {
    id: 'chatcmpl-fake-stream',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: usage ? [] : [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    ...(usage ? { usage } : {})
  }
}

async function streamAnswer(
  res: ServerResponse,
  model: string,
  pieces: string[],
  promptText: string,
  step: { delayMs?: number; streamCutAfter?: number; usage?: FakeUsage },
  includeUsage: boolean
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  // Resolves once the bytes are handed to the socket, so a cut that follows really happens mid-answer.
  const write = (data: unknown) =>
    new Promise<void>((resolve) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`, () => resolve()))
  await write(chunk(model, { role: 'assistant', content: '' }, null))
  for (const [index, piece] of pieces.entries()) {
    if (step.streamCutAfter !== undefined && index >= step.streamCutAfter) {
      res.socket?.destroy()
      return
    }
    if (step.delayMs && !(await sleep(step.delayMs, res))) return
    await write(chunk(model, { content: piece }, null))
  }
  if (step.streamCutAfter !== undefined) {
    res.socket?.destroy()
    return
  }
  const text = pieces.join('')
  await write(chunk(model, {}, 'stop'))
  if (includeUsage) {
    const prompt = step.usage?.promptTokens ?? approxTokens(promptText)
    const completionTokens = step.usage?.completionTokens ?? approxTokens(text)
    await write(chunk(model, {}, null, { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens }))
  }
  await write('[DONE]')
  res.end()
}

async function answer(res: ServerResponse, step: FakeStep, body: Record<string, unknown>): Promise<void> {
  const model = String(body.model)
  const promptText = JSON.stringify(body.messages)
  const streaming = body.stream === true
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true
  if ('hangMs' in step) {
    if (!(await sleep(step.hangMs, res))) return
    if (step.then) return answer(res, step.then, body)
    res.socket?.destroy()
    return
  }
  if ('status' in step) {
    const headers: Record<string, string> = step.retryAfter !== undefined ? { 'retry-after': String(step.retryAfter) } : {}
    const type = step.status === 401 ? 'invalid_request_error' : step.status === 429 ? 'rate_limit_exceeded' : 'server_error'
    openAiError(res, step.status, step.message ?? `Scripted failure ${step.status}`, type, headers)
    return
  }
  if ('raw' in step) {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(step.raw)
    return
  }
  if ('delayMs' in step && step.delayMs && !('stream' in step) && !(await sleep(step.delayMs, res))) return
  const pieces =
    'stream' in step ? step.stream : 'json' in step ? splitForStream(typeof step.json === 'string' ? step.json : JSON.stringify(step.json)) : DEFAULT_CUT_TEXT
  if (streaming || 'streamCutAfter' in step) return streamAnswer(res, model, pieces, promptText, step, includeUsage)
  sendJson(res, 200, completion(model, pieces.join(''), promptText, 'usage' in step ? step.usage : undefined))
}

function splitForStream(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 4))
  const pieces: string[] = []
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size))
  return pieces
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = []
  for await (const part of req) parts.push(part as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

/** A loopback server speaking the Chat Completions wire protocol with scripted answers. */
export async function startFakeChatServer(script: FakeStep[] = [], options: FakeServerOptions = {}): Promise<FakeChatServer> {
  const queue = [...script]
  const requests: RecordedRequest[] = []
  const models = options.models ?? ['fake-model']
  let inFlight = 0
  let peak = 0
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      const text = await readBody(req)
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = text
      }
      const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, closedEarly: false }
      requests.push(record)
      res.once('close', () => {
        if (!res.writableFinished) record.closedEarly = true
      })
      if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
        sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) })
        return
      }
      if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
        openAiError(res, 404, `Unknown route ${req.method} ${path}`, 'invalid_request_error')
        return
      }
      const invalid = validateChatRequest(body)
      if (invalid) {
        openAiError(res, 400, invalid, 'invalid_request_error')
        return
      }
      const step = queue.shift() ?? options.answer?.(body as Record<string, unknown>) ?? options.fallback
      if (!step) {
        openAiError(res, 500, 'The fake server has no scripted answer left.', 'server_error', { 'x-should-retry': 'false' })
        return
      }
      inFlight += 1
      peak = Math.max(peak, inFlight)
      res.once('close', () => (inFlight -= 1))
      await answer(res, step, body as Record<string, unknown>)
    })().catch((error: unknown) => {
      if (!res.headersSent) openAiError(res, 500, String(error), 'server_error')
      else res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    peakConcurrency: () => peak,
    enqueue: (...steps) => void queue.push(...steps),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function cliArgs(argv: string[]): { port: number; script?: string } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag)
    return at >= 0 ? argv[at + 1] : undefined
  }
  return { port: Number(value('--port') ?? 0), script: value('--script') }
}

// `tsx electron/services/assistant/testing/fake-chat-server.ts --port 4010 --script steps.json`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { port, script } = cliArgs(process.argv.slice(2))
  const file = script ? (JSON.parse(readFileSync(script, 'utf8')) as { steps?: FakeStep[]; fallback?: FakeStep }) : {}
  const server = await startFakeChatServer(file.steps ?? [], { fallback: file.fallback, port })
  process.stdout.write(`${server.url}\n`)
}
