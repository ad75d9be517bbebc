/// <reference types="node" />
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createApi } from './client'
import { createHttpTransport } from './http-transport'

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const input = JSON.parse(body || '{}')
      if (req.url === '/api/call/board.create') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: true, data: { id: 7, name: input.name } }))
      } else if (req.url === '/api/call/board.rename') {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: false, error: { code: 'BOARD_NOT_FOUND', message: 'Board 9 does not exist.' } }))
      } else if (req.url === '/api/stream/board.list') {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write('event: chunk\ndata: {"done":1}\n\n')
        setTimeout(() => res.end('event: chunk\ndata: {"done":2}\n\nevent: result\ndata: {"ok":true,"data":[]}\n\n'), 20)
      } else {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the HTTP client of browser mode', () => {
  it('returns the data of a successful call', async () => {
    const api = createApi(createHttpTransport(base))
    await expect(api.call('board.create', { name: '增长看板' })).resolves.toEqual({ id: 7, name: '增长看板' })
  })

  it('throws an ApiError carrying the core error code', async () => {
    const api = createApi(createHttpTransport(base))
    const error = await api.call('board.rename', { boardId: 9, name: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'BOARD_NOT_FOUND', message: 'Board 9 does not exist.' })
  })

  it('maps a non-JSON 401 to UNAUTHORIZED', async () => {
    const api = createApi(createHttpTransport(base))
    await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('delivers stream chunks in order, then the result', async () => {
    const api = createApi(createHttpTransport(base))
    const chunks: unknown[] = []
    const { result } = api.stream('board.list', {}, (chunk) => chunks.push(chunk))
    await expect(result).resolves.toEqual([])
    expect(chunks).toEqual([{ done: 1 }, { done: 2 }])
  })
})
