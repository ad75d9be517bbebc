import type { Stage } from '../../../electron/domain/kpi'

const FORWARD: Stage[] = ['draft', 'feasibility', 'trial', 'launched', 'operating']
// The stage tags' colours, so the funnel reads like the grid.
const STAGE_COLORS: Partial<Record<Stage, string>> = { draft: '#8c8c8c', feasibility: '#faad14', trial: '#1677ff', launched: '#52c41a', operating: '#13c2c2' }

/** How many KPIs reached each stage (a KPI in trial has passed draft and feasibility), so the funnel narrows. */
export function reachedCounts(stages: readonly Stage[]): { stage: Stage; count: number }[] {
  return FORWARD.map((stage, i) => ({ stage, count: stages.filter((s) => s !== 'retired' && FORWARD.indexOf(s) >= i).length }))
}

export function stageFunnelOption(stages: readonly Stage[], title: string, stageName: (stage: Stage) => string) {
  const steps = reachedCounts(stages)
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item' as const, formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel' as const,
        top: 40,
        bottom: 8,
        sort: 'none' as const,
        minSize: '8%',
        label: { position: 'inside' as const, formatter: '{b} {c}' },
        data: steps.map((s) => ({ name: stageName(s.stage), value: s.count, itemStyle: { color: STAGE_COLORS[s.stage] } }))
      }
    ]
  }
}
