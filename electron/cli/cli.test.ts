import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './testing/run-cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let dir: string
let db: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-cli-'))
  db = join(dir, 'cli.kpiloop')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kpiloop = (...args: string[]) => runCli(db, args, { KPILOOP_ACTOR: 'cli-user' })
const json = async (...args: string[]) => {
  const result = await kpiloop('--json', ...args)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout)
}

// Each step spawns the real CLI (a fresh Node process), so a walk-through takes a while.
describe('kpiloop CLI', { timeout: 180_000 }, () => {
  it('walks a board through edits, versions, diff and restore', async () => {
    expect((await json('board', 'create', 'Growth')).name).toBe('Growth')
    expect((await json('board', 'list')).map((b: { name: string }) => b.name)).toEqual(['Growth'])

    await json(
      'kpi',
      'add',
      '--board',
      'Growth',
      '--code',
      'KPI-U003',
      '--name',
      '次日留存率',
      '--target',
      '≥ 60%',
      '--set',
      'owner=产品经理',
      '--set',
      'frequency=daily',
      '--set',
      'tags=留存,核心'
    )
    const shown = await json('kpi', 'show', '--board', 'Growth', 'KPI-U003')
    expect(shown).toMatchObject({
      code: 'KPI-U003',
      owner: '产品经理',
      frequency: 'daily',
      tags: ['留存', '核心'],
      target: { text: '≥ 60%', parsed: { comparator: '>=', value: 60, unit: '%' } }
    })

    await json('version', 'cut', '--board', 'Growth', '--note', 'PRD draft')
    const edited = await json('kpi', 'edit', '--board', 'Growth', 'KPI-U003', '--set', 'target=≥ 55%', '--reason', 'dev review')
    expect(edited.revisionNumber).toBe(2)
    expect((await json('version', 'cut', '--board', 'Growth')).label).toBe('v0.2')

    const history = await json('kpi', 'history', '--board', 'Growth', 'KPI-U003')
    expect(history.map((r: { reason: string; author: string }) => [r.author, r.reason])).toEqual([
      ['cli-user', ''],
      ['cli-user', 'dev review']
    ])

    const diff = await json('version', 'diff', '--board', 'Growth', 'v0.1', 'v0.2')
    expect(diff.changed[0].changes[0]).toMatchObject({ field: 'target', from: { text: '≥ 60%' }, to: { text: '≥ 55%' } })
    const text = await kpiloop('version', 'diff', '--board', 'Growth', 'v0.1', 'v0.2')
    expect(text.stdout).toContain('target: ≥ 60% → ≥ 55%')

    const restored = await json('restore', '--board', 'Growth', '--version', 'v0.1')
    expect(restored).toEqual({ restored: 1, retired: 0, unchanged: 0 })
    expect((await json('kpi', 'show', '--board', 'Growth', 'KPI-U003')).target.text).toBe('≥ 60%')

    await json('restore', '--board', 'Growth', '--kpi', 'KPI-U003', '--revision', '2')
    expect((await json('kpi', 'list', '--board', 'Growth'))[0].revisionNumber).toBe(4)
    const audit = await json('audit', '--board', 'Growth')
    expect(audit.length).toBeGreaterThanOrEqual(7)
  })

  it('prints its version before a command, also after --db, and creates no workspace for it', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
    const fresh = join(dir, 'never-created.kpiloop')
    for (const flag of ['--version', '-V']) expect(await runCli(fresh, [flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
    expect(existsSync(fresh)).toBe(false)
  })

  it('exits non-zero with a clear message and writes nothing on bad input', async () => {
    const before = await json('kpi', 'list', '--board', 'Growth')
    const cases: [string[], RegExp][] = [
      [['kpi', 'list', '--board', 'Nope'], /No board named "Nope"/],
      [['kpi', 'add', '--board', 'Growth', '--code', 'KPI-U003', '--name', 'dup'], /already used/],
      [['kpi', 'add', '--board', 'Growth', '--code', 'KPI-9', '--name', 'x', '--target', '尽量提升'], /not understood.*Nothing was saved/],
      [['kpi', 'edit', '--board', 'Growth', 'KPI-U003', '--set', 'colour=red'], /Unknown field "colour"/],
      [['kpi', 'edit', '--board', 'Growth', 'KPI-U003', '--set', 'frequency=sometimes'], /frequency/],
      [['version', 'diff', '--board', 'Growth', 'v0.1', 'v7.0'], /v7\.0 does not exist/]
    ]
    for (const [args, message] of cases) {
      const result = await kpiloop(...args)
      expect(result.code, args.join(' ')).not.toBe(0)
      expect(result.stderr).toMatch(message)
    }
    expect(await json('kpi', 'list', '--board', 'Growth')).toEqual(before)
  })
})
