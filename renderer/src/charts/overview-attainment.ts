import type { KpiStatus } from '../../../electron/api'
import { LEVEL_COLORS } from './overview-colors'

export interface AttainmentLabels {
  title: string
  target: string
}

/** Bar of attainment (%) per measured KPI, coloured by its light, with a 100% target line; worst first. */
export function attainmentOption(statuses: readonly KpiStatus[], labels: AttainmentLabels) {
  const measured = statuses.filter((s) => s.attainment !== null && Number.isFinite(s.attainment)).sort((a, b) => a.attainment! - b.attainment!)
  return {
    title: { text: labels.title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    grid: { left: 52, right: 56, top: 48, bottom: 48 },
    xAxis: { type: 'category' as const, data: measured.map((s) => s.code), axisLabel: { rotate: measured.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value' as const, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar' as const,
        data: measured.map((s) => ({ value: Math.round(s.attainment! * 1000) / 10, itemStyle: { color: LEVEL_COLORS[s.level] } })),
        markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed' as const }, label: { formatter: labels.target }, data: [{ yAxis: 100 }] }
      }
    ]
  }
}
