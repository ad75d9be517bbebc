import { afterEach, beforeEach, expect, it } from 'vitest'
import type { ImportCommitResult, ImportPreview, VersionView } from '../../../domain/views'
import { counts, tempWorkspace } from '../../../services/testing/temp-workspace'
import { procedureCaller } from '../testing/dispatch'

const PRD = `# 客服助手 PRD

## 成功指标

#### KPI-S001: 工单首次响应时长
**目标**: P95 ≤ 40分钟
**数据源**: 工单系统日志
**监控频率**: 每日
**负责人**: 客服经理

## 指标看板

| 指标 | 目标值 | 当前值 | 阶段 |
|------|--------|--------|------|
| AI 推荐采纳率 | ≥ 60% | 52% | 初稿 |
`

let ws: ReturnType<typeof tempWorkspace>
let api: ReturnType<typeof procedureCaller>
beforeEach(() => {
  ws = tempWorkspace({ now: () => Date.parse('2025-12-10T09:00:00Z') })
  api = procedureCaller(ws.core)
})
afterEach(() => ws.cleanup())

const preview = (text: string, boardId?: number) => api.call<ImportPreview>('import.prd.preview', { boardId, fileName: 'prd.md', content: { text } })
async function importInto(text: string, target: { boardId: number } | { boardName: string }): Promise<ImportCommitResult> {
  const found = await preview(text, 'boardId' in target ? target.boardId : undefined)
  const items = found.candidates.map((c) => ({ fields: c.fields, currentValue: c.currentValue, lines: c.lines, passage: c.passage }))
  return api.call<ImportCommitResult>('import.prd.commit', { ...target, fileName: 'prd.md', items })
}
const imports = () => (ws.core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM prd_import').get() as { n: number }).n
const measurements = () => (ws.core.deps.sqlite.prepare('SELECT COUNT(*) AS n FROM measurement').get() as { n: number }).n

it('re-importing an unchanged PRD previews every KPI as unchanged and commits nothing: no revision, value, audit row or version', async () => {
  const first = await importInto(PRD, { boardName: '客服助手' })
  expect(first).toMatchObject({ created: 2, version: 'v0.1', values: 1, nothingChanged: false })

  const again = await preview(PRD, first.boardId)
  expect(again.candidates.map((c) => c.action)).toEqual(['unchanged', 'unchanged'])

  const before = { ...counts(ws.core), imports: imports(), measurements: measurements() }
  const result = await importInto(PRD, { boardId: first.boardId })
  expect(result).toMatchObject({ nothingChanged: true, version: null, created: 0, updated: 0, unchanged: 2, values: 0 })
  expect({ ...counts(ws.core), imports: imports(), measurements: measurements() }).toEqual(before)
  expect((await api.call<VersionView[]>('version.list', { boardId: first.boardId })).map((v) => v.label)).toEqual(['v0.1'])
})

it('a re-import whose only change is a new current value is an update and cuts a version', async () => {
  const first = await importInto(PRD, { boardName: '客服助手' })
  const changed = PRD.replace('| 52% |', '| 55% |')
  expect((await preview(changed, first.boardId)).candidates.map((c) => c.action)).toEqual(['unchanged', 'update'])
  const result = await importInto(changed, { boardId: first.boardId })
  expect(result).toMatchObject({ nothingChanged: false, values: 1, updated: 0, version: expect.stringMatching(/^v/) })
  expect(result.version).not.toBe('v0.1')
})
