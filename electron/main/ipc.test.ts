import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../preload/channels'
import { createDispatcher } from '../api/dispatch/dispatcher'
import { AppError } from '../domain/errors'
import { createHandlers } from '../api/dispatch/handlers'
import { tempWorkspace } from '../services/testing/temp-workspace'
import { dispatchWhenReady, registerIpc, type IpcEventLike, type IpcMainLike } from './ipc'

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown

/** The two ipcMain methods the shell uses, recording what the main process sends back. */
function ipcMainDouble() {
  const handlers = new Map<string, Listener>()
  const listeners = new Map<string, Listener>()
  const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), on: (c, l) => void listeners.set(c, l) }
  const sent: [string, ...unknown[]][] = []
  const event = (url: string): IpcEventLike => ({ senderFrame: { url }, sender: { send: (c, ...a) => void sent.push([c, ...a]), isDestroyed: () => false } })
  return { ipc, handlers, listeners, sent, event }
}

const RENDERER = 'kpiloop://app/index.html'
let ws: ReturnType<typeof tempWorkspace>
let double: ReturnType<typeof ipcMainDouble>

beforeEach(() => {
  ws = tempWorkspace()
  double = ipcMainDouble()
  const dispatch = createDispatcher(createHandlers(ws.core, { version: 't', mode: 'desktop', systemLocale: 'en' }))
  const ipc = registerIpc(double.ipc, { dispatch, rendererUrl: () => RENDERER, actor: 'desktop-user' })
  ipc.forwardEvents(ws.core.events, double.event(RENDERER).sender)
})
afterEach(() => ws.cleanup())

describe('IPC of the desktop shell', () => {
  it('dispatches calls from our renderer and refuses other frames', async () => {
    const call = double.handlers.get(CHANNELS.call)!
    expect(await call(double.event(RENDERER), 'board.create', { name: 'Desk' })).toMatchObject({ ok: true, data: { name: 'Desk' } })
    expect(await call(double.event('https://evil.example/'), 'board.delete', { boardId: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(ws.core.boards.list()).toHaveLength(1)
    expect(await call(double.event(RENDERER), 'board.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('forwards core events to the window', async () => {
    await double.handlers.get(CHANNELS.call)!(double.event(RENDERER), 'board.create', { name: 'Events' })
    expect(double.sent).toContainEqual([CHANNELS.event, 'board.changed', { boardId: expect.any(Number) }])
  })

  it('streams a pull with progress chunks and its result', async () => {
    const boardId = ws.core.boards.create('Pull', '', 'x').id
    ws.core.kpis.add(boardId, { code: 'M', name: 'manual one', dataSource: 'manual' }, { actor: 'x' })
    double.listeners.get(CHANNELS.stream)!(double.event(RENDERER), 's1', 'actuals.pull', { boardId })
    await expect.poll(() => double.sent.find(([c]) => c === CHANNELS.result)).toBeTruthy()
    expect(double.sent.filter(([c]) => c === CHANNELS.chunk).map(([, id]) => id)).toContain('s1')
    const [, id, result] = double.sent.find(([c]) => c === CHANNELS.result)!
    expect(id).toBe('s1')
    expect(result).toMatchObject({ ok: true, data: { results: [{ code: 'M', outcome: 'skipped', skipReason: 'no-formula' }] } })
  })

  it('answers calls made while the workspace is still opening once it is open, and says why when it cannot open', async () => {
    let open!: (runtime: { dispatch: typeof dispatch }) => void
    const dispatch = createDispatcher(createHandlers(ws.core, { version: 't', mode: 'desktop', systemLocale: 'en' }))
    const early = dispatchWhenReady(new Promise((resolve) => (open = resolve)))
    const ctx = { actor: 'desktop-user', signal: new AbortController().signal, emit: () => {} }
    let answered = false
    const pending = early('board.create', { name: 'Early' }, ctx).finally(() => (answered = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(answered).toBe(false)
    open({ dispatch })
    expect(await pending).toMatchObject({ ok: true, data: { name: 'Early' } })

    const failed = dispatchWhenReady(Promise.reject(new AppError('WORKSPACE_TOO_NEW', 'Written by a newer KPI Loop.')))
    expect(await failed('board.list', {}, ctx)).toEqual({ ok: false, error: { code: 'WORKSPACE_TOO_NEW', message: 'Written by a newer KPI Loop.' } })
  })

  it('cancels running calls and streams on quit, and waits for them to end', async () => {
    const seen: string[] = []
    // Nothing running: quitting does not wait.
    await registerIpc(ipcMainDouble().ipc, { dispatch: async () => ({ ok: true, data: null }), rendererUrl: () => RENDERER, actor: 'a' }).cancelAll()
    const waiting = ipcMainDouble()
    const ipc = registerIpc(waiting.ipc, {
      dispatch: (_name, _input, ctx) =>
        new Promise((resolve) =>
          ctx.signal.addEventListener('abort', () => {
            seen.push('aborted')
            setTimeout(() => resolve({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } }), 50)
          })
        ),
      rendererUrl: () => RENDERER,
      actor: 'a'
    })
    const call = waiting.handlers.get(CHANNELS.call)!(waiting.event(RENDERER), 'pull.run', {}) as Promise<unknown>
    await ipc.cancelAll()
    expect(seen).toEqual(['aborted'])
    expect(await call).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
  })
})
