import { describe, expect, it } from 'vitest'
import { proposalDraftSchema } from '../../domain/proposal'
import { toProposalDrafts, type ReviewAnswer } from './proposal-output'
import { supportBoard } from './testing/sample-kpis'

type Item = ReviewAnswer['proposals'][number]
const item = (over: Partial<Item> & Pick<Item, 'kind' | 'code'>): Item => ({
  rationale: '试运行数据支持调整',
  changes: [],
  benchmarks: [],
  milestones: [],
  ...over
})
const answer = (...proposals: Item[]): ReviewAnswer => ({ summary: '整体可行', proposals })

describe('toProposalDrafts', () => {
  it('converts text values to each field type and keeps targets as text', () => {
    const { drafts, notes } = toProposalDrafts(
      answer(
        item({
          kind: 'patch',
          code: 'KPI-001',
          changes: [
            { field: 'target', value: '≤ 40 分钟', rationale: '试运行均值 45 分钟' },
            { field: 'frequency', value: '每小时', rationale: '需要更快发现积压' },
            { field: 'tags', value: '客服, SLA、响应', rationale: '便于分组' },
            { field: 'alertThresholds', value: '连续 3 天 > 45 分钟', rationale: '加 SLA 警报' },
            { field: 'status', value: 'at-risk', rationale: '持续未达标' }
          ]
        })
      ),
      supportBoard
    )
    expect(notes).toEqual([])
    expect(drafts).toHaveLength(1)
    const draft = drafts[0]!
    expect(proposalDraftSchema.safeParse(draft).success).toBe(true)
    expect(draft.kind === 'patch' && draft.patches.map((patch) => [patch.field, patch.value])).toEqual([
      ['target', { text: '≤ 40 分钟', parsed: null }],
      ['frequency', 'hourly'],
      ['tags', ['客服', 'SLA', '响应']],
      ['alertThresholds', { text: '连续 3 天 > 45 分钟', redRatio: 0.8, yellowRatio: 0.9, rules: [] }],
      ['status', 'at-risk']
    ])
  })

  it('drops unknown codes, unknown fields, invalid enum values and no-op changes with notes', () => {
    const { drafts, notes } = toProposalDrafts(
      answer(
        item({ kind: 'patch', code: 'KPI-999', changes: [{ field: 'owner', value: '张三', rationale: '' }] }),
        item({ kind: 'retire', code: 'KPI-404' }),
        item({
          kind: 'patch',
          code: 'KPI-003',
          changes: [
            { field: 'code', value: 'KPI-300', rationale: '改编号' },
            { field: 'colour', value: 'red', rationale: '' },
            { field: 'direction', value: 'sideways', rationale: '' },
            { field: 'stage', value: 'production', rationale: '' },
            { field: 'target', value: '≥ 95%', rationale: '保持' },
            { field: 'owner', value: 'SRE 值班负责人', rationale: '上线后由 SRE 负责' }
          ]
        })
      ),
      supportBoard
    )
    expect(drafts).toEqual([
      {
        kind: 'patch',
        code: 'KPI-003',
        rationale: '试运行数据支持调整',
        patches: [{ field: 'owner', value: 'SRE 值班负责人', rationale: '上线后由 SRE 负责' }]
      }
    ])
    expect(notes).toEqual([
      'Dropped changes to KPI-999: no KPI has that code.',
      'Dropped retiring KPI-404: no KPI has that code.',
      'Dropped a change to KPI-003.code: the assistant may not change that field.',
      'Dropped a change to KPI-003.colour: the assistant may not change that field.',
      'Dropped a change to KPI-003.direction: "sideways" is not a valid direction (expected higher, lower, range).',
      'Dropped a change to KPI-003.stage: "production" is not a valid stage (expected draft, feasibility, trial, launched, operating, retired).'
    ])
  })

  it('builds add proposals with benchmarks and milestones, refusing duplicates and nameless ones', () => {
    const { drafts, notes } = toProposalDrafts(
      answer(
        item({
          kind: 'add',
          code: 'KPI-004',
          changes: [
            { field: 'name', value: 'Top-5 推荐命中率', rationale: '' },
            { field: 'target', value: '≥ 95%', rationale: '' },
            { field: 'direction', value: 'higher-is-better', rationale: '' }
          ],
          benchmarks: [{ label: '电商推荐 Top-5 命中率', value: '90%–95%', source: '' }],
          milestones: [{ label: 'Month 1', target: '≥ 85%' }]
        }),
        item({ kind: 'add', code: 'KPI-004', changes: [{ field: 'name', value: '重复', rationale: '' }] }),
        item({ kind: 'add', code: 'KPI-001', changes: [{ field: 'name', value: '首次响应', rationale: '' }] }),
        item({ kind: 'add', code: 'KPI-005', changes: [{ field: 'target', value: '≤ 2 次', rationale: '' }] }),
        item({ kind: 'retire', code: 'KPI-002', rationale: '与 KPI-004 重复' })
      ),
      supportBoard
    )
    // The shared schema fills the remaining fields with their defaults: a new KPI starts as a draft.
    expect(drafts).toMatchObject([
      {
        kind: 'add',
        rationale: '试运行数据支持调整',
        fields: {
          code: 'KPI-004',
          name: 'Top-5 推荐命中率',
          target: { text: '≥ 95%', parsed: null },
          direction: 'higher',
          benchmarks: [{ label: '电商推荐 Top-5 命中率', value: '90%–95%' }],
          milestones: [{ label: 'Month 1', target: '≥ 85%' }],
          stage: 'draft',
          formula: ''
        }
      },
      { kind: 'retire', code: 'KPI-002', rationale: '与 KPI-004 重复' }
    ])
    expect(notes).toEqual([
      'Dropped a second proposal to add KPI-004.',
      'Dropped adding KPI-001: the board already has a KPI with that code.',
      'Dropped adding KPI-005: the proposal gives no name.'
    ])
  })
})
