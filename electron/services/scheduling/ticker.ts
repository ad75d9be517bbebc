/** A job the running app repeats: `work` runs soon after start, then every interval; never two at once. */
export interface Ticker {
  /** Runs the job now, or joins the run already going. */
  tick(): Promise<void>
  /** Stops the timers, cancels a running job (its signal aborts) and resolves once it has ended. */
  stop(): Promise<void>
}

/** The timers are unref'd: a scheduled job never keeps the process alive on its own. */
export function startTicker(work: (signal: AbortSignal) => Promise<void>, intervalMs: number, firstAfterMs = 5_000): Ticker {
  let running: { controller: AbortController; done: Promise<void> } | null = null
  function tick(): Promise<void> {
    if (running) return running.done
    const controller = new AbortController()
    const done = work(controller.signal).finally(() => (running = null))
    running = { controller, done }
    return done
  }
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  const first = setTimeout(() => void tick(), firstAfterMs)
  first.unref()
  return {
    tick,
    async stop() {
      clearInterval(timer)
      clearTimeout(first)
      running?.controller.abort()
      await running?.done
    }
  }
}
