import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from './channels'

let nextStream = 0

// The renderer's whole view of the desktop: call, subscribe, stream. No raw ipcRenderer.
contextBridge.exposeInMainWorld('kpi', {
  call: (name: string, input: unknown) => ipcRenderer.invoke(CHANNELS.call, name, input),
  on(event: string, callback: (payload: unknown) => void) {
    const listener = (_: unknown, name: string, payload: unknown) => name === event && callback(payload)
    ipcRenderer.on(CHANNELS.event, listener)
    return () => void ipcRenderer.removeListener(CHANNELS.event, listener)
  },
  stream(name: string, input: unknown, onChunk: (chunk: unknown) => void) {
    const id = `s${++nextStream}`
    const chunk = (_: unknown, streamId: string, payload: unknown) => streamId === id && onChunk(payload)
    const result = new Promise((resolve) => {
      const done = (_: unknown, streamId: string, payload: unknown) => {
        if (streamId !== id) return
        ipcRenderer.removeListener(CHANNELS.chunk, chunk)
        ipcRenderer.removeListener(CHANNELS.result, done)
        resolve(payload)
      }
      ipcRenderer.on(CHANNELS.result, done)
    })
    ipcRenderer.on(CHANNELS.chunk, chunk)
    ipcRenderer.send(CHANNELS.stream, id, name, input)
    return { result, cancel: () => ipcRenderer.send(CHANNELS.cancel, id) }
  }
})
