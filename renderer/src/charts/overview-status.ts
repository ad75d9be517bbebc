import type { KpiStatus } from '../../../electron/api'
import { LEVEL_COLORS, type Level } from './overview-colors'

const ORDER: Level[] = ['green', 'yellow', 'red', 'none']

/** Donut of how many KPIs are green, yellow, red or without data; empty slices are left out. */
export function statusDistributionOption(statuses: readonly KpiStatus[], title: string, levelName: (level: Level) => string) {
  const counts = new Map<Level, number>(ORDER.map((l) => [l, 0]))
  for (const s of statuses) counts.set(s.level, (counts.get(s.level) ?? 0) + 1)
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item' as const, formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie' as const,
        radius: ['45%', '70%'],
        label: { formatter: '{b} {c}' },
        data: ORDER.filter((l) => counts.get(l)! > 0).map((l) => ({ name: levelName(l), value: counts.get(l)!, itemStyle: { color: LEVEL_COLORS[l] } }))
      }
    ]
  }
}
