export const MEASUREMENT_SOURCES = ['manual', 'csv', 'query', 'import'] as const
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number]

/** One actual value of a KPI for one period. Periods are ISO dates, end exclusive. */
export interface Measurement {
  id: number
  kpiId: number
  periodStart: string
  periodEnd: string
  value: number
  source: MeasurementSource
  note: string
  recordedAt: number
}
