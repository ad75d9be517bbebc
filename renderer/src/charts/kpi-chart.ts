import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { AlertThresholds, Direction, Milestone, ParsedTarget } from '../../../electron/domain/kpi'
import type { SeriesPoint } from '../../../electron/domain/series'
import { targetBands, targetLines, type BandLevel } from './kpi-bands'
import type { TargetChange } from './kpi-target-changes'

export interface KpiChartLabels {
  actual: string
  target: string
  bands: Record<BandLevel, string>
  /** e.g. "Target changed: ≥ 50% → ≥ 60%", built by the caller in the UI language. */
  targetChange: (change: TargetChange) => string
}

export interface KpiChartInput {
  /** [period start at local midnight in ms, value], oldest first: the core's series, already at the chart's width. */
  points: SeriesPoint[]
  /** Values the KPI holds in all (the points may be fewer): past SYMBOL_LIMIT the chart gets a zoom bar. */
  total?: number
  /** The first and last period of all the values (local ms): the zoom bar's whole width. */
  extent?: { min: number; max: number } | null
  /** The visible window (local ms), kept when the option is rebuilt with the zoomed range's points. */
  zoom?: { start: number; end: number } | null
  target: ParsedTarget | null
  direction: Direction
  thresholds: (Pick<AlertThresholds, 'redRatio' | 'yellowRatio'> & { redValue?: number | null }) | null
  milestones: Milestone[]
  targetChanges: TargetChange[]
  labels: KpiChartLabels
}

export const BAND_COLORS: Record<BandLevel, string> = {
  red: 'rgba(245, 34, 45, 0.10)',
  yellow: 'rgba(250, 173, 20, 0.14)',
  green: 'rgba(82, 196, 26, 0.10)'
}
const ACTUAL_COLOR = '#1677ff'
const TARGET_COLOR = '#389e0d'
const MARK_COLOR = '#722ed1'
/** Past this many points the line drops its symbols and its animation; past this many values the chart zooms. */
export const SYMBOL_LIMIT = 200

/** Rounds an axis edge outward to a readable step. */
function niceEdge(value: number, step: number, up: boolean): number {
  if (step <= 0) return value
  return (up ? Math.ceil(value / step) : Math.floor(value / step)) * step
}

/** Min and max over the points and the extra values; one plain loop, as it runs over 100,000 points. */
function extent(points: SeriesPoint[], extra: number[]): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  const take = (v: number) => {
    if (v < min) min = v
    if (v > max) max = v
  }
  for (const p of points) if (Number.isFinite(p[1])) take(p[1])
  for (const v of extra) if (Number.isFinite(v)) take(v)
  return min <= max ? { min, max } : null
}

/** The y range: data, target and band edges plus a margin, not below 0 for data that never is. */
function yRange(input: KpiChartInput, lines: number[], edges: number[]): { min: number; max: number } | undefined {
  const milestones = input.milestones.flatMap((m) => (typeof m.value === 'number' ? [m.value] : []))
  const range = extent(input.points, [...lines, ...edges, ...milestones])
  if (!range) return undefined
  const span = range.max - range.min || Math.abs(range.max) || 1
  const step = 10 ** Math.floor(Math.log10(span / 5)) * 5
  const min = niceEdge(range.min - span * 0.1, step, false)
  return { min: range.min >= 0 && min < 0 ? 0 : min, max: niceEdge(range.max + span * 0.1, step, true) }
}

/** ECharts option of a KPI: actuals against the target, coloured bands, milestones and target changes. Pure. */
export function buildKpiChartOption(input: KpiChartInput): EChartsOption {
  const { target, labels } = input
  const lines = target ? targetLines(target) : []
  const bands = target ? targetBands(target, input.direction, input.thresholds) : []
  const edges = bands.flatMap((b) => [b.from, b.to]).filter((v): v is number => v !== null)
  const y = yRange(input, lines, edges)
  const dense = input.points.length > SYMBOL_LIMIT
  const large = (input.total ?? input.points.length) > SYMBOL_LIMIT
  const visible = input.zoom ? { startValue: input.zoom.start, endValue: input.zoom.end } : {}

  const dated = input.milestones.filter((m) => m.due)
  const levelled = input.milestones.filter((m) => !m.due && typeof m.value === 'number')
  const markLines: NonNullable<LineSeriesOption['markLine']>['data'] = [
    ...lines.map((value) => ({
      yAxis: value,
      name: labels.target,
      lineStyle: { color: TARGET_COLOR, width: 2, type: 'solid' as const },
      label: { formatter: `${labels.target} {c}`, position: 'insideEndTop' as const }
    })),
    ...levelled.map((m) => ({
      yAxis: m.value as number,
      name: m.label,
      lineStyle: { color: MARK_COLOR, type: 'dotted' as const },
      label: { formatter: `${m.label}: ${m.target}`, position: 'insideStartTop' as const }
    })),
    ...dated
      .filter((m) => typeof m.value !== 'number')
      .map((m) => ({
        xAxis: m.due as string,
        name: m.label,
        lineStyle: { color: MARK_COLOR, type: 'dotted' as const },
        label: { formatter: `${m.label}: ${m.target}` }
      })),
    ...input.targetChanges.map((c) => ({
      xAxis: c.at,
      name: labels.targetChange(c),
      lineStyle: { color: '#fa8c16', type: 'dashed' as const },
      label: { formatter: labels.targetChange(c), position: 'insideEndTop' as const }
    }))
  ]

  const actual: LineSeriesOption = {
    type: 'line',
    name: labels.actual,
    // Drawn as sent, without ECharts' sampling: the core already kept each pixel's min and max, which LTTB would thin.
    data: input.points,
    color: ACTUAL_COLOR,
    showSymbol: !dense,
    symbolSize: 6,
    animation: !dense,
    lineStyle: { width: 2 },
    markArea: {
      silent: true,
      data: bands.map((b) => [
        { yAxis: b.from ?? y?.min ?? b.to ?? 0, name: labels.bands[b.level], itemStyle: { color: BAND_COLORS[b.level] } },
        { yAxis: b.to ?? y?.max ?? b.from ?? 0 }
      ])
    },
    markLine: { symbol: 'none', silent: false, data: markLines },
    markPoint: {
      symbol: 'pin',
      symbolSize: 36,
      itemStyle: { color: MARK_COLOR },
      data: dated
        .filter((m) => typeof m.value === 'number')
        .map((m) => ({ coord: [m.due as string, m.value as number], name: `${m.label}: ${m.target}`, value: m.value as number }))
    }
  }

  return {
    animation: !dense,
    grid: { left: 56, right: 24, top: 40, bottom: 56 },
    legend: { data: [labels.actual], top: 4 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', ...(input.extent ? { min: input.extent.min, max: input.extent.max } : {}) },
    yAxis: { type: 'value', scale: true, ...(y ?? {}) },
    dataZoom: large
      ? [
          { type: 'inside', ...visible },
          { type: 'slider', height: 18, bottom: 8, ...visible }
        ]
      : [],
    series: [actual]
  }
}
