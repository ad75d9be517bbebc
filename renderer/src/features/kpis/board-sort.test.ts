import { describe, expect, it } from 'vitest'
import type { KpiStatus, KpiView } from '../../../../electron/api'
import { sortKpis, type SortContext } from './board-sort'
import { kpiView } from './test-kpis'

function status(kpi: KpiView, level: KpiStatus['level'], attainment: number | null, extra: Partial<KpiStatus> = {}): KpiStatus {
  return {
    kpiId: kpi.id,
    code: kpi.code,
    value: attainment === null ? null : attainment * 50,
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    periodLabel: '2026-11',
    level,
    attainment,
    reason: '',
    decidedBy: { rule: level === 'none' ? 'no-value' : 'ratio', overrode: null, redRatio: 0.8, yellowRatio: 0.9, redValue: null },
    inProgress: false,
    projection: null,
    parts: attainment === null ? 0 : 1,
    expectedParts: null,
    judging: { frequency: 'month', targetPeriod: 'month', aggregation: 'mean', inferred: { targetPeriod: true, aggregation: true } },
    latestProposal: null,
    lastValueAt: null,
    freshness: { intervalMs: 86_400_000, staleAfter: 3, lastDataAt: null, staleAt: null },
    stale: false,
    ...extra
  }
}

const codes = (kpis: readonly KpiView[]) => kpis.map((k) => k.code)
const zh = (statuses: Record<number, KpiStatus> = {}): SortContext => ({ locale: 'zh-CN', statuses })

describe('sortKpis by text', () => {
  const board = [
    kpiView({ code: 'KPI-10', name: '留存率 10日', owner: 'Zoe' }),
    kpiView({ code: 'KPI-2', name: '留存率 2日', owner: '' }),
    kpiView({ code: 'KPI-1', name: 'Weekly active users', owner: '张伟' }),
    kpiView({ code: 'KPI-100', name: '阿里云 账单', owner: 'alice' }),
    kpiView({ code: 'KPI-3', name: '', owner: '李娜' })
  ]

  it('orders codes and names naturally (KPI-2 before KPI-10), Chinese by pinyin, nameless KPIs last', () => {
    expect(codes(sortKpis(board, null, zh()))).toEqual(['KPI-1', 'KPI-2', 'KPI-3', 'KPI-10', 'KPI-100'])
    expect(sortKpis(board, { field: 'name', dir: 'asc' }, zh()).map((k) => k.name)).toEqual([
      '阿里云 账单',
      '留存率 2日',
      '留存率 10日',
      'Weekly active users',
      ''
    ])
  })

  it('reverses the order descending but keeps the empty values last', () => {
    expect(sortKpis(board, { field: 'name', dir: 'desc' }, zh()).map((k) => k.name)).toEqual([
      'Weekly active users',
      '留存率 10日',
      '留存率 2日',
      '阿里云 账单',
      ''
    ])
    expect(sortKpis(board, { field: 'owner', dir: 'desc' }, zh()).map((k) => k.owner)).toEqual(['Zoe', 'alice', '张伟', '李娜', ''])
  })

  it('collates in the UI language: English puts Latin names first and Chinese ones in Unicode order', () => {
    const en: SortContext = { locale: 'en', statuses: {} }
    expect(sortKpis(board, { field: 'owner', dir: 'asc' }, en).map((k) => k.owner)).toEqual(['alice', 'Zoe', '张伟', '李娜', ''])
  })

  it('keeps the board order between KPIs that tie', () => {
    const ties = [
      kpiView({ code: 'B', name: 'x', owner: 'same' }),
      kpiView({ code: 'A', name: 'x', owner: 'Same' }),
      kpiView({ code: 'C', name: 'x', owner: 'same' })
    ]
    expect(codes(sortKpis(ties, { field: 'owner', dir: 'asc' }, zh()))).toEqual(['B', 'A', 'C'])
    expect(codes(sortKpis(ties, { field: 'owner', dir: 'desc' }, zh()))).toEqual(['B', 'A', 'C'])
  })
})

describe('sortKpis by fields with an order of their own', () => {
  it('sorts frequencies and statuses in their natural order, KPIs without a frequency last', () => {
    const board = [
      kpiView({ code: 'A', name: 'a', frequency: 'monthly', status: 'stable' }),
      kpiView({ code: 'B', name: 'b', frequency: null, status: 'proposed' }),
      kpiView({ code: 'C', name: 'c', frequency: 'daily', status: 'at-risk' }),
      kpiView({ code: 'D', name: 'd', frequency: 'realtime', status: 'adopted' })
    ]
    expect(codes(sortKpis(board, { field: 'frequency', dir: 'asc' }, zh()))).toEqual(['D', 'C', 'A', 'B'])
    expect(codes(sortKpis(board, { field: 'frequency', dir: 'desc' }, zh()))).toEqual(['A', 'C', 'D', 'B'])
    expect(codes(sortKpis(board, { field: 'status', dir: 'asc' }, zh()))).toEqual(['B', 'D', 'A', 'C'])
  })

  it('sorts targets by their parsed value, then unparsed targets by text, then KPIs without a target', () => {
    const board = [
      kpiView({ code: 'A', name: 'a', target: { text: '≥ 90%', parsed: { comparator: '>=', value: 90, unit: '%' } } }),
      kpiView({ code: 'B', name: 'b', target: null }),
      kpiView({ code: 'C', name: 'c', target: { text: '显著提升', parsed: null, issue: 'vague' } }),
      kpiView({ code: 'D', name: 'd', target: { text: '≤ 8小时', parsed: { comparator: '<=', value: 8, unit: 'h' } } })
    ]
    expect(codes(sortKpis(board, { field: 'target', dir: 'asc' }, zh()))).toEqual(['D', 'A', 'C', 'B'])
    expect(codes(sortKpis(board, { field: 'target', dir: 'desc' }, zh()))).toEqual(['A', 'D', 'C', 'B'])
  })
})

describe('sortKpis by status columns', () => {
  const board = [
    kpiView({ code: 'GREEN', name: 'g' }),
    kpiView({ code: 'NONE', name: 'n' }),
    kpiView({ code: 'RED-BAD', name: 'r1' }),
    kpiView({ code: 'YELLOW', name: 'y' }),
    kpiView({ code: 'RED', name: 'r2' }),
    kpiView({ code: 'RUNNING', name: 'p' }),
    kpiView({ code: 'UNLOADED', name: 'u' })
  ]
  const [green, none, redBad, yellow, red, running] = board as [KpiView, KpiView, KpiView, KpiView, KpiView, KpiView]
  const statuses = {
    [green.id]: status(green, 'green', 1.05),
    [none.id]: status(none, 'none', null),
    [redBad.id]: status(redBad, 'red', 0.4),
    [yellow.id]: status(yellow, 'yellow', 0.85),
    [red.id]: status(red, 'red', 0.7),
    [running.id]: status(running, 'green', 1.2, { inProgress: true })
  }

  it('sorts the light by severity, worst attainment first within a colour; unjudged KPIs last', () => {
    expect(codes(sortKpis(board, { field: 'light', dir: 'asc' }, zh(statuses)))).toEqual(['RED-BAD', 'RED', 'YELLOW', 'GREEN', 'NONE', 'RUNNING', 'UNLOADED'])
    expect(codes(sortKpis(board, { field: 'light', dir: 'desc' }, zh(statuses)))).toEqual(['GREEN', 'YELLOW', 'RED', 'RED-BAD', 'NONE', 'RUNNING', 'UNLOADED'])
  })

  it('sorts the current value as a number (not as text), KPIs without a value last', () => {
    expect(codes(sortKpis(board, { field: 'currentValue', dir: 'desc' }, zh(statuses)))).toEqual([
      'RUNNING',
      'GREEN',
      'YELLOW',
      'RED',
      'RED-BAD',
      'NONE',
      'UNLOADED'
    ])
  })

  it('sorts again when the statuses arrive after the KPIs', () => {
    expect(codes(sortKpis(board, { field: 'light', dir: 'asc' }, zh()))).toEqual(codes(board))
    expect(sortKpis(board, { field: 'light', dir: 'asc' }, zh(statuses))[0]?.code).toBe('RED-BAD')
  })

  it('sorts attainment as a number (105% above 85%, 40% below 70%); a period in progress is not judged, so last', () => {
    expect(codes(sortKpis(board, { field: 'attainment', dir: 'desc' }, zh(statuses)))).toEqual([
      'GREEN',
      'YELLOW',
      'RED',
      'RED-BAD',
      'NONE',
      'RUNNING',
      'UNLOADED'
    ])
    expect(codes(sortKpis(board, { field: 'attainment', dir: 'asc' }, zh(statuses)))).toEqual([
      'RED-BAD',
      'RED',
      'YELLOW',
      'GREEN',
      'NONE',
      'RUNNING',
      'UNLOADED'
    ])
  })

  it('sorts the latest proposal pending first, the newest first within a status; KPIs without one last', () => {
    const proposal = (id: number, state: 'pending' | 'accepted' | 'rejected') => ({
      latestProposal: { id, status: state, rationale: 'r', engine: 'analyzer' as const }
    })
    const withProposals = {
      [green.id]: status(green, 'green', 1, proposal(3, 'rejected')),
      [yellow.id]: status(yellow, 'yellow', 0.85, proposal(5, 'pending')),
      [red.id]: status(red, 'red', 0.7, proposal(9, 'pending')),
      [none.id]: status(none, 'none', null, proposal(7, 'accepted'))
    }
    expect(codes(sortKpis(board, { field: 'proposal', dir: 'asc' }, zh(withProposals)))).toEqual([
      'RED',
      'YELLOW',
      'NONE',
      'GREEN',
      'RED-BAD',
      'RUNNING',
      'UNLOADED'
    ])
    expect(codes(sortKpis(board, { field: 'proposal', dir: 'desc' }, zh(withProposals))).slice(0, 4)).toEqual(['GREEN', 'NONE', 'YELLOW', 'RED'])
  })
})

describe('sortKpis while a board streams in', () => {
  it('merges each page into the order already made, exactly as sorting the whole list at once (edits and removals too)', () => {
    const owners = ['Zoe', '', '张伟', 'alice', 'Zoe', '李娜', 'Bob']
    const board = Array.from({ length: 60 }, (_, i) => kpiView({ code: `KPI-${(i * 37) % 61}`, name: `M${i}`, owner: owners[i % owners.length]! }))
    // Three pages by id, then a reload in which one KPI was edited (a new object) and one is gone.
    const edited = { ...board[25]!, owner: 'Aaron' }
    const steps = [board.slice(0, 20), board.slice(0, 40), board, [...board.slice(0, 25), edited, ...board.slice(27)]]
    const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })
    // The documented order: by the column in the language's collation, an empty value last both ways, ties by id.
    const expected = (rows: KpiView[], field: 'code' | 'owner', sign: number) =>
      [...rows].sort((a, b) => Number(a[field] === '') - Number(b[field] === '') || sign * collator.compare(a[field], b[field]) || a.id - b.id)
    for (const [sort, field, sign] of [
      [null, 'code', 1],
      [{ field: 'owner', dir: 'asc' }, 'owner', 1],
      [{ field: 'owner', dir: 'desc' }, 'owner', -1]
    ] as const) {
      for (const step of steps) expect(codes(sortKpis(step, sort, zh()))).toEqual(codes(expected(step, field, sign)))
    }
  })
})
