import { describe, expect, it } from 'vitest'
import type { ImportCandidateView, ImportPreview } from '../../../../electron/api'
import { kpiFieldsSchema } from '../../../../electron/domain/kpi'
import { parseTarget } from '../../../../electron/domain/target/parse-target'
import {
  canCommit,
  commitItems,
  currentWarnings,
  duplicateCodes,
  editRow,
  editTargetText,
  nothingChanges,
  rowsOf,
  setParsedTarget,
  rowCounts,
  toggleRow
} from './import-rows'

const PRD = `# 智能客服助手 PRD

## 成功指标

### KPI-C001: 首次响应时间
- **目标**: P95 ≤ 30秒
- **数据源**: 客服会话日志
- **监控频率**: 每日
- **负责人**: 李雷

### KPI-C003: 用户满意度
- **目标**: 明显好于竞品
- **衡量定义**: 会话结束后的评分
- **数据源**: 满意度问卷
- **监控频率**: 每月
- **负责人**: 王芳
`

// The preview the core sends for PRD above into a new board (what the offline extractor finds in it).
function preview(): ImportPreview {
  const candidate = (fields: Parameters<typeof kpiFieldsSchema.parse>[0], extra: Pick<ImportCandidateView, 'confidence' | 'warnings' | 'lines'>) => ({
    fields: kpiFieldsSchema.parse(fields),
    currentValue: null,
    origin: 'block' as const,
    found: 'document' as const,
    assisted: [],
    passage: PRD.split('\n')
      .slice(extra.lines.start - 1, extra.lines.end)
      .join('\n'),
    match: null,
    action: 'create' as const,
    ...extra
  })
  const candidates = [
    candidate(
      {
        code: 'KPI-C001',
        name: '首次响应时间',
        category: '成功指标',
        sourceNote: '客服会话日志',
        target: parseTarget('P95 ≤ 30秒'),
        unit: 's',
        direction: 'lower',
        frequency: 'daily',
        owner: '李雷'
      },
      { confidence: 0.9, warnings: ['no-formula'], lines: { start: 5, end: 9 } }
    ),
    candidate(
      {
        code: 'KPI-C003',
        name: '用户满意度',
        description: '会话结束后的评分',
        category: '成功指标',
        sourceNote: '满意度问卷',
        target: parseTarget('明显好于竞品'),
        frequency: 'monthly',
        owner: '王芳'
      },
      { confidence: 0.5, warnings: ['target-unparsed', 'vague', 'no-formula', 'no-unit'], lines: { start: 11, end: 16 } }
    )
  ]
  return { fileName: 'prd.md', notes: [], skipped: [], lineCount: PRD.split('\n').length, candidates: candidates.map((c, index) => ({ ...c, index })) }
}

describe('import preview rows', () => {
  it('offers no import when every included KPI is already on the board as written, until one is edited or changes', () => {
    const found = preview()
    const reimport = { ...found, candidates: found.candidates.map((c) => ({ ...c, action: 'unchanged' as const })) }
    expect(nothingChanges(rowsOf(found))).toBe(false)
    expect(nothingChanges(rowsOf(reimport))).toBe(true)
    expect(nothingChanges(editRow(rowsOf(reimport), 0, { owner: '韩梅梅' }))).toBe(false)
    const oneUpdated = { ...reimport, candidates: reimport.candidates.map((c, i) => (i === 1 ? { ...c, action: 'update' as const } : c)) }
    expect(nothingChanges(rowsOf(oneUpdated))).toBe(false)
    expect(nothingChanges(toggleRow(rowsOf(oneUpdated), 1, false))).toBe(true)
  })

  it('starts with every KPI found included and its warnings as the extractor gave them', () => {
    const rows = rowsOf(preview())
    expect(rows.map((r) => [r.fields.code, r.include])).toEqual([
      ['KPI-C001', true],
      ['KPI-C003', true]
    ])
    expect(currentWarnings(rows[1]!)).toEqual(expect.arrayContaining(['target-unparsed', 'vague']))
    expect(canCommit(rows)).toBe(true)
  })

  it('clears the unparsed-target warning once the edited target parses, and only for the text that was parsed', () => {
    let rows = editTargetText(rowsOf(preview()), 1, '≥ 4.5/5')
    expect(rows[1]!.parsing).toBe(true)
    expect(canCommit(rows)).toBe(false)
    const stale = setParsedTarget(rows, 1, parseTarget('≥ 4'))
    expect(stale[1]!.parsing).toBe(true)
    rows = setParsedTarget(rows, 1, parseTarget('≥ 4.5/5'))
    expect(rows[1]!.fields.target?.parsed).toMatchObject({ comparator: '>=', value: 4.5, scale: 5 })
    expect(currentWarnings(rows[1]!)).not.toContain('target-unparsed')
    expect(currentWarnings(rows[1]!)).not.toContain('vague')
    expect(rows[1]!.edited).toBe(true)
    expect(canCommit(rows)).toBe(true)
  })

  it('flags a target edited into something still not understood', () => {
    const rows = setParsedTarget(editTargetText(rowsOf(preview()), 0, '越快越好'), 0, parseTarget('越快越好'))
    expect(currentWarnings(rows[0]!)).toContain('target-unparsed')
  })

  it('commits only the included rows with their edits, the lines they came from and trimmed identity', () => {
    let rows = rowsOf(preview())
    rows = editRow(rows, 0, { owner: '韩梅梅', name: ' 首次响应时长 ' })
    rows = toggleRow(rows, 1, false)
    const items = commitItems(rows)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ fields: { code: 'KPI-C001', name: '首次响应时长', owner: '韩梅梅', frequency: 'daily' }, lines: { start: 5, end: 9 } })
    expect(items[0]!.fields.target).toMatchObject({ text: 'P95 ≤ 30秒', parsed: { percentile: 95, unit: 's' } })
  })

  it('refuses to commit two included rows with one code, or nothing at all', () => {
    const rows = editRow(rowsOf(preview()), 1, { code: 'kpi-c001' })
    expect(duplicateCodes(rows)).toEqual(new Set(['kpi-c001']))
    expect(canCommit(rows)).toBe(false)
    expect(canCommit(toggleRow(rows, 1, false))).toBe(true)
    expect(canCommit(toggleRow(toggleRow(rows, 0, false), 1, false))).toBe(false)
  })

  it('counts the rows as edited: found, with a target, needing one, flagged', () => {
    let rows = rowsOf(preview())
    expect(rowCounts(rows)).toEqual({ found: 2, withTarget: 1, needTarget: 1, flagged: 1 })
    rows = setParsedTarget(editTargetText(rows, 1, '≥ 4.5/5'), 1, parseTarget('≥ 4.5/5'))
    expect(rowCounts(rows)).toEqual({ found: 2, withTarget: 2, needTarget: 0, flagged: 0 })
    rows = setParsedTarget(editTargetText(rows, 0, '降低 20%'), 0, parseTarget('降低 20%'))
    expect(currentWarnings(rows[0]!)).toContain('relative')
    expect(rowCounts(rows)).toMatchObject({ withTarget: 2, flagged: 1 })
  })

  it('commits the passage each KPI came from', () => {
    const items = commitItems(rowsOf(preview()))
    expect(items[1]!.passage.startsWith('### KPI-C003: 用户满意度')).toBe(true)
  })
})
