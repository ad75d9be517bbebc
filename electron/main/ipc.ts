import { CHANNELS } from '../preload/channels'
import { toEnvelope, type Dispatch } from '../api/dispatch/dispatcher'
import type { EventBus } from '../services/events/event-bus'
import { isTrustedSender } from './security'

/** The parts of Electron's ipcMain and WebContents this module uses (typed against Electron's own). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): void
}
export interface IpcEventLike {
  senderFrame: { url: string } | null
  sender: { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean }
}

const untrusted = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Untrusted sender.' } } as const

/**
 * One channel for calls, one for streams: every input is validated by the dispatcher,
 * every sender is checked against our renderer's URL.
 */
export function registerIpc(ipc: IpcMainLike, deps: { dispatch: Dispatch; rendererUrl: () => string; actor: string }) {
  const running = new Map<string, AbortController>()
  const trusted = (event: IpcEventLike) => isTrustedSender(event.senderFrame?.url, deps.rendererUrl())

  const calls = new Map<AbortController, Promise<unknown>>()
  ipc.handle(CHANNELS.call, async (event, name, input) => {
    if (!trusted(event)) return untrusted
    const controller = new AbortController()
    const work = deps.dispatch(String(name), input, { actor: deps.actor, signal: controller.signal, emit: () => {} })
    calls.set(controller, work)
    return work.finally(() => calls.delete(controller))
  })

  ipc.on(CHANNELS.stream, (event, id, name, input) => {
    const streamId = String(id)
    const reply = (channel: string, payload: unknown) => {
      if (!event.sender.isDestroyed()) event.sender.send(channel, streamId, payload)
    }
    if (!trusted(event)) return reply(CHANNELS.result, untrusted)
    const controller = new AbortController()
    running.set(streamId, controller)
    void deps
      .dispatch(String(name), input, { actor: deps.actor, signal: controller.signal, emit: (chunk) => reply(CHANNELS.chunk, chunk) })
      .then((result) => reply(CHANNELS.result, result))
      .finally(() => running.delete(streamId))
  })

  ipc.on(CHANNELS.cancel, (event, id) => {
    if (trusted(event)) running.get(String(id))?.abort()
  })

  return {
    /** On quit: cancels every running call and stream (their queries are interrupted) and waits for them to end. */
    async cancelAll(): Promise<void> {
      for (const controller of [...calls.keys(), ...running.values()]) controller.abort()
      await Promise.allSettled(calls.values())
    },
    /** Forwards core events to a window. Returns the unsubscribe function. */
    forwardEvents(events: EventBus, target: IpcEventLike['sender']) {
      return events.onAny((name, payload) => {
        if (!target.isDestroyed()) target.send(CHANNELS.event, name, payload)
      })
    }
  }
}

/**
 * A dispatch usable before the workspace is open (a first run seeds the sample workspace for a few
 * seconds): the window shows at once, and its first calls are answered when the workspace is ready.
 */
export function dispatchWhenReady(ready: Promise<{ dispatch: Dispatch }>): Dispatch {
  return async (name, input, ctx) => {
    try {
      return await (await ready).dispatch(name, input, ctx)
    } catch (error) {
      return { ok: false, error: toEnvelope(error) }
    }
  }
}
