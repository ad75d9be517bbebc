import { describe, expect, it } from 'vitest'
import type { AlertView } from '../../../../electron/api'
import { mergeAlerts, openAlertCount } from './alert-rows'

const alert = (id: number, createdAt: number, acknowledgedAt: number | null = null): AlertView => ({
  id,
  kpiId: 3,
  code: 'KPI-U003',
  level: 'red',
  severity: null,
  rule: null,
  message: 'KPI-U003 is red: 46.2% against ≥ 60%',
  createdAt,
  acknowledgedAt
})

describe('alerts', () => {
  it('counts only the alerts nobody acknowledged', () => {
    expect(openAlertCount([alert(1, 10, 20), alert(2, 30), alert(3, 40)])).toBe(2)
  })

  it('puts newly raised alerts on top without duplicating one already listed', () => {
    const merged = mergeAlerts([alert(2, 30), alert(1, 10, 20)], [alert(3, 50), alert(2, 30)])
    expect(merged.map((a) => a.id)).toEqual([3, 2, 1])
  })
})
