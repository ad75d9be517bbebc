/** The only IPC channels between the renderer and the main process. */
export const CHANNELS = {
  call: 'kpi:call',
  stream: 'kpi:stream',
  chunk: 'kpi:chunk',
  result: 'kpi:result',
  cancel: 'kpi:cancel',
  event: 'kpi:event'
} as const
