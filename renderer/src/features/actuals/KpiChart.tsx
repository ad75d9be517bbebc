import { LineChart } from 'echarts/charts'
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent
} from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { EChartsOption } from 'echarts'

echarts.use([
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  CanvasRenderer
])

/** Renders a prepared ECharts option on a canvas that follows its container's width. */
export function KpiChart({ option, height = 300 }: { option: EChartsOption; height?: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const { i18n } = useTranslation()
  const locale = i18n.language.startsWith('zh') ? 'ZH' : 'EN'
  const latestOption = useRef(option)
  latestOption.current = option

  useEffect(() => {
    if (!ref.current) return
    const instance = echarts.init(ref.current, null, { renderer: 'canvas', locale })
    chart.current = instance
    instance.setOption(latestOption.current, true)
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(ref.current)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
    // Axis words follow the UI language, which ECharts only takes at init; the option effect below keeps data current.
  }, [locale])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  return <div ref={ref} className="kpi-chart" data-testid="kpi-chart" style={{ width: '100%', height }} />
}
