import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => {
  ws = tempWorkspace()
  ws.core.close()
})
afterEach(() => ws.cleanup())

const cli = (...args: string[]) => runCli(ws.file, args, { LANG: 'en_US.UTF-8' })

describe('kpiloop board: the board’s language', () => {
  it('is set at creation or read from the KPIs, changed with board set, and picks the analyzer’s language', async () => {
    expect((await cli('board', 'create', 'Growth', '--language', 'en')).code).toBe(0)
    expect((await cli('board', 'create', '增长看板')).code).toBe(0)
    await cli('kpi', 'add', '--board', '增长看板', '--code', 'KPI-U003', '--name', '用户满意度', '--set', 'description=显著提升用户满意度')
    const list = await cli('board', 'list')
    expect(list.stdout).toMatch(/Growth\s.*\sen\s/)
    expect(list.stdout).toMatch(/增长看板\s.*\szh-CN \(inferred\)/)

    const changed = await cli('--json', 'board', 'set', '增长看板', '--language', 'en')
    expect(changed.code).toBe(0)
    expect(JSON.parse(changed.stdout)).toMatchObject({ name: '增长看板', language: 'en', languageSet: true })
    const review = await cli('review', '--board', '增长看板', '--stage', 'draft', '--engine', 'analyzer')
    expect(review.stdout).toContain('Quantifiability lint for KPI-U003 用户满意度')

    await cli('board', 'set', '增长看板', '--language', 'zh-CN')
    expect((await cli('review', '--board', '增长看板', '--stage', 'draft', '--engine', 'analyzer')).stdout).toContain('可量化检查（KPI-U003 用户满意度）')

    const refused = await cli('board', 'set', 'Growth', '--language', 'fr')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Unknown language "fr": zh-CN or en.')
  }, 60_000)
})
