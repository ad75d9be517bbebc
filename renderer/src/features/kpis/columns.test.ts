import { describe, expect, it } from 'vitest'
import type { BoardColumnKey } from '../../../../electron/domain/board-columns'
import { cellPatch, columnOf, editText } from './columns'
import { kpiView } from './test-kpis'

const column = (key: BoardColumnKey) => columnOf(key)
const kpi = kpiView({ code: 'KPI-001', name: '工单平均响应时间', frequency: 'daily', target: { text: '30 分钟内', parsed: null, issue: 'no comparator' } })

describe('cell editing patches', () => {
  it('starts the target editor from the typed text and sends text back for the core to parse', () => {
    expect(editText(kpi, column('target'))).toBe('30 分钟内')
    expect(cellPatch(kpi, column('target'), '≤ 30分钟')).toEqual({ target: '≤ 30分钟' })
    expect(cellPatch(kpi, column('target'), '  ')).toEqual({ target: null })
  })

  it('sends nothing when the value did not change', () => {
    expect(cellPatch(kpi, column('name'), '工单平均响应时间')).toBeNull()
    expect(cellPatch(kpi, column('updatedAt'), 'x')).toBeNull()
  })

  it('maps the empty frequency choice to null', () => {
    expect(cellPatch(kpi, column('frequency'), '')).toEqual({ frequency: null })
    expect(cellPatch(kpi, column('frequency'), 'weekly')).toEqual({ frequency: 'weekly' })
  })

  it('offers every active stage but not retired (that is an action of its own)', () => {
    expect(column('stage').options).toEqual(['draft', 'feasibility', 'trial', 'launched', 'operating'])
  })
})
