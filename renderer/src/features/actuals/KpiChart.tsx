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

/** The visible part of the x axis after the user zoomed or panned, in percent of the axis. */
export interface ZoomPercent {
  start: number
  end: number
}

interface KpiChartProps {
  option: EChartsOption
  height?: number
  onZoom?: (zoom: ZoomPercent) => void
}

/**
 * Renders a prepared ECharts option on a canvas that follows its container's width. `data-drawn` turns true
 * when ECharts has finished drawing the current option (what tests and the browser benchmark wait for).
 */
export function KpiChart({ option, height = 300, onZoom }: KpiChartProps) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const { i18n } = useTranslation()
  const locale = i18n.language.startsWith('zh') ? 'ZH' : 'EN'
  const latestOption = useRef(option)
  latestOption.current = option
  const latestOnZoom = useRef(onZoom)
  latestOnZoom.current = onZoom
  const applied = useRef<EChartsOption | null>(null)

  useEffect(() => {
    if (!ref.current) return
    const instance = echarts.init(ref.current, null, { renderer: 'canvas', locale })
    chart.current = instance
    const element = ref.current
    instance.on('finished', () => {
      element.dataset.drawn = 'true'
    })
    // Inside zoom reports its range in `batch`, the slider on the event itself.
    instance.on('datazoom', (event) => {
      const range = ((event as { batch?: Partial<ZoomPercent>[] }).batch?.[0] ?? event) as Partial<ZoomPercent>
      if (typeof range.start === 'number' && typeof range.end === 'number') latestOnZoom.current?.({ start: range.start, end: range.end })
    })
    element.dataset.drawn = 'false'
    instance.setOption(latestOption.current, true)
    applied.current = latestOption.current
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
    // The first option was drawn at init: drawing it twice would double the work of opening the tab.
    if (!chart.current || !ref.current || applied.current === option) return
    ref.current.dataset.drawn = 'false'
    chart.current.setOption(option, true)
    applied.current = option
  }, [option])

  return <div ref={ref} className="kpi-chart" data-testid="kpi-chart" style={{ width: '100%', height }} />
}
