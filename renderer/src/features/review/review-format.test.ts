import { describe, expect, it } from 'vitest'
import type { GateItem, ProposalView } from '../../../../electron/api'
import { formatFigure } from '../../../../electron/domain/judging/format-figure'
import { acceptInput, diffRows, editorFor, formatAttainment, gateState, periodLabel } from './review-format'

const proposal = (over: Partial<ProposalView>): ProposalView => ({
  id: 7,
  boardId: 1,
  kpiId: 3,
  code: 'KPI-003',
  engine: 'analyzer',
  stage: 'draft',
  kind: 'patch',
  rationale: '缺少单位和负责人',
  rule: 'draft.missing',
  status: 'pending',
  sessionId: null,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  acceptedFields: null,
  acceptedEdits: null,
  resultRevisionId: null,
  createdAt: 0,
  stale: false,
  patches: [
    { field: 'unit', value: '%', rationale: '目标是百分比', current: '' },
    { field: 'frequency', value: 'weekly', rationale: '周报节奏', current: null },
    { field: 'target', value: { text: '≥ 60%', parsed: null }, rationale: '“显著提升”无法衡量', current: { text: '显著提升', parsed: null } }
  ],
  ...over
})

describe('proposal diff', () => {
  it('shows each patch as current → proposed with its rationale', () => {
    expect(diffRows(proposal({})).map((r) => [r.field, r.current, r.selectable])).toEqual([
      ['unit', '', true],
      ['frequency', null, true],
      ['target', { text: '显著提升', parsed: null }, true]
    ])
  })

  it('lists the new KPI fields of an add proposal and nothing for a retire', () => {
    const add = proposal({
      kind: 'add',
      kpiId: null,
      code: 'KPI-009',
      patches: [{ field: 'name', value: { code: 'KPI-009', name: '工单一次解决率', unit: '', target: '≥ 70%' }, rationale: '', current: null }]
    })
    expect(diffRows(add).map((r) => [r.field, r.proposed, r.selectable])).toEqual([
      ['code', 'KPI-009', false],
      ['name', '工单一次解决率', false],
      ['target', '≥ 70%', false]
    ])
    expect(diffRows(proposal({ kind: 'retire', patches: [] }))).toEqual([])
  })
})

describe('accepting a proposal', () => {
  it('sends no field list when every field is chosen and nothing edited', () => {
    expect(acceptInput(proposal({}), ['unit', 'frequency', 'target'], {})).toEqual({ id: 7 })
  })

  it('sends the chosen subset and only the edits of chosen fields that differ', () => {
    const input = acceptInput(proposal({}), ['unit', 'target'], { unit: '%', target: '≥ 65%', frequency: 'monthly' })
    expect(input).toEqual({ id: 7, fields: ['unit', 'target'], edits: { target: '≥ 65%' } })
  })

  it('picks edit controls by field type', () => {
    expect(editorFor('target')).toEqual({ kind: 'text' })
    expect(editorFor('frequency')).toMatchObject({ kind: 'select', prefix: 'frequency.' })
    expect(editorFor('benchmarks')).toEqual({ kind: 'none' })
  })
})

describe('status and gates', () => {
  it('formats attainment and values the way a product owner reads them', () => {
    expect(formatAttainment(0.934)).toBe('93%')
    expect(formatAttainment(null)).toBeNull()
    expect(formatFigure(45.300000001, '')).toBe('45.3')
    expect(formatFigure(1200, '')).toBe('1,200')
    expect(periodLabel({ periodStart: '2026-01-05', periodEnd: '2026-01-11' })).toBe('2026-01-05 ~ 2026-01-11')
  })

  it('blocks on unmet items until a reason is typed', () => {
    const items: GateItem[] = [
      { id: 'gate.owner', ok: false, label: 'Owner is set', stage: 'feasibility' },
      { id: 'gate.formula', ok: true, label: 'Formula', stage: 'feasibility' }
    ]
    expect(gateState(items, '  ')).toMatchObject({ canMove: false, unmet: [{ id: 'gate.owner' }] })
    expect(gateState(items, '开发评审会上确认负责人下周指定').canMove).toBe(true)
    expect(gateState(items.slice(1), '').canMove).toBe(true)
  })
})
