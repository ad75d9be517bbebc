import { afterEach, beforeEach, expect, it } from 'vitest'
import type { ExportedFile } from '../../domain/export'
import type { KpiView } from '../../domain/views'
import { boardFixture, type BoardFixture } from '../../services/export/testing/board-fixture'
import { procedureCaller } from './testing/dispatch'

let fx: BoardFixture
let api: ReturnType<typeof procedureCaller>
beforeEach(() => {
  fx = boardFixture()
  api = procedureCaller(fx.core)
})
afterEach(() => fx.cleanup())

const text = (file: ExportedFile) => Buffer.from(file.base64, 'base64').toString('utf8')
const exported = async (format: 'markdown' | 'csv', versionLabel?: string) =>
  text((await api.call<{ files: ExportedFile[] }>('export.file', { boardId: fx.boardId, format, locale: 'zh-CN', versionLabel })).files[0]!)

it('an old version shows the fields, notes and proposals it held, never those that came after it', async () => {
  await api.call('version.cut', { boardId: fx.boardId, label: 'v1.0' })
  fx.tick()
  await api.call('kpi.edit', { kpiId: fx.id('KPI-U001'), set: { notes: '渠道投放后复核', owner: '增长负责人' }, reason: 'after the cut' })
  fx.core.proposals.store(fx.boardId, 'trial', 'analyzer', [
    { kind: 'patch', code: 'KPI-U001', patches: [{ field: 'owner', value: '数据团队', rationale: '' }], rationale: '改由数据团队负责，每周复核' }
  ])

  const old = await exported('markdown', 'v1.0')
  expect(old).toContain('把第3个月目标下调到 350 MAU')
  expect(old).toContain('**负责人**: 产品经理')
  for (const later of ['改由数据团队负责', '渠道投放后复核', '增长负责人']) expect(old).not.toContain(later)
  const oldCsv = await exported('csv', 'v1.0')
  expect(oldCsv).toContain('把第3个月目标下调到 350 MAU')
  expect(oldCsv).not.toContain('改由数据团队负责')
  const pinned = await api.call<KpiView[]>('version.kpis', { boardId: fx.boardId, label: 'v1.0' })
  expect(pinned.find((k) => k.code === 'KPI-U001')).toMatchObject({ notes: '', owner: '产品经理' })

  // The board as it is now shows the later edit and proposal.
  const now = await exported('markdown')
  expect(now).toContain('改由数据团队负责，每周复核')
  expect(now).toContain('**备注**: 渠道投放后复核')
  expect(now).not.toContain('把第3个月目标下调到 350 MAU')
})
