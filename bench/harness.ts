import { performance } from 'node:perf_hooks'

/** Median wall time of `runs` calls, in ms (one warm-up call first). */
export function timeMs(fn: () => void, runs = 5): number {
  fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)] ?? 0
}

/** Operations per second over `count` calls. */
export function perSecond(count: number, fn: (i: number) => void): number {
  const start = performance.now()
  for (let i = 0; i < count; i++) fn(i)
  return (count / (performance.now() - start)) * 1000
}

export interface Check {
  name: string
  value: string
  ok: boolean
  goal: string
}

export function report(title: string, checks: Check[]): boolean {
  console.log(`\n${title}`)
  for (const c of checks) console.log(`  ${c.ok ? 'ok  ' : 'SLOW'} ${c.name}: ${c.value}   (goal: ${c.goal})`)
  return checks.every((c) => c.ok)
}
