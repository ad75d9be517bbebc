import { performance } from 'node:perf_hooks'
import { tempWorkspace } from '../electron/services/testing/temp-workspace'
import { seedLongSeries } from '../electron/services/actuals/testing/long-series'
import { report, timeMs } from './harness'

const COUNT = 100_000
const WIDTH = 800
const PAIRS = 7
const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Alternates the measured call with the baseline, so that a busy machine slows both alike; the median of the pairs. */
function paired(measured: () => unknown, baseline: () => unknown): { ms: number; baseMs: number; ratio: number } {
  measured()
  baseline()
  const pairs = Array.from({ length: PAIRS }, () => {
    let start = performance.now()
    measured()
    const ms = performance.now() - start
    start = performance.now()
    baseline()
    return { ms, baseMs: performance.now() - start }
  })
  return { ms: median(pairs.map((p) => p.ms)), baseMs: median(pairs.map((p) => p.baseMs)), ratio: median(pairs.map((p) => p.ms / p.baseMs)) }
}

/** A 100k-value KPI: the chart's series (min/max per pixel in SQL) and a page of its table, against the raw SELECT of its rows. */
export function seriesBench(): boolean {
  const ws = tempWorkspace()
  try {
    const { kpiId, days } = seedLongSeries(ws.core, { count: COUNT, end: '2026-10-31' })
    const { series, valuePages, measurements } = ws.core
    const rawSelect = ws.core.deps.sqlite.prepare('SELECT period_start, value FROM measurement WHERE kpi_id = ?')
    const raw = () => rawSelect.all(kpiId)

    const whole = paired(() => series.series(kpiId, { width: WIDTH }), raw)
    const zoom = paired(() => series.series(kpiId, { from: days[70_000]!, to: days[70_999]!, width: WIDTH }), raw)
    const firstPage = paired(() => valuePages.page(kpiId, { history: false, offset: 0, limit: 12 }), raw)
    const lastPage = paired(() => valuePages.page(kpiId, { history: false, offset: COUNT - 12, limit: 12 }), raw)
    const beforeMs = timeMs(() => JSON.stringify(measurements.history(kpiId)), 2)
    const sent = JSON.stringify(series.series(kpiId, { width: WIDTH }))
    const before = JSON.stringify(measurements.history(kpiId))
    const vsRaw = (m: { ms: number; ratio: number }, digits = 0) => `${m.ms.toFixed(digits)} ms (${m.ratio.toFixed(3)}× the raw SELECT)`

    return report(
      `Series: one KPI of ${COUNT.toLocaleString('en')} daily values, a chart ${WIDTH} px wide (raw SELECT of its rows: ${whole.baseMs.toFixed(0)} ms)`,
      [
        { name: 'whole extent, min/max per pixel', value: `${vsRaw(whole)}; ${kb(sent)}`, ok: whole.ratio <= 1, goal: '≤ 1× the raw SELECT' },
        { name: 'zoomed to 1,000 days, exact', value: vsRaw(zoom, 1), ok: zoom.ratio <= 0.1, goal: '≤ 0.1× the raw SELECT' },
        { name: 'values table, first page', value: vsRaw(firstPage, 1), ok: firstPage.ratio <= 0.1, goal: '≤ 0.1× the raw SELECT' },
        { name: 'values table, last page', value: vsRaw(lastPage), ok: lastPage.ratio <= 1, goal: '≤ 1× the raw SELECT' },
        {
          name: 'before: every value as JSON (actuals.list)',
          value: `${beforeMs.toFixed(0)} ms, ${kb(before)} (${(Buffer.byteLength(before) / Buffer.byteLength(sent)).toFixed(0)}× the series)`,
          ok: true,
          goal: 'reference'
        }
      ]
    )
  } finally {
    ws.cleanup()
  }
}
