import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli'

let dir: string
let db: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-health-'))
  db = join(dir, 'health.kpiloop')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kpiloop = (...args: string[]) => runCli(db, args, { KPILOOP_ACTOR: 'po', LANG: 'en_US.UTF-8' })
const ok = async (...args: string[]) => {
  const result = await kpiloop(...args)
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0)
  return result.stdout
}

describe('health through the CLI', () => {
  it('judges weekly values over the month, shows and sets the judging, and refuses thresholds that disagree', async () => {
    await ok('board', 'create', 'Growth')
    await ok(
      'kpi',
      'add',
      '--board',
      'Growth',
      '--code',
      'G-SIGNUP',
      '--name',
      'New sign-ups',
      '--target',
      '≥ 1000 per month',
      '--set',
      'frequency=weekly',
      '--set',
      'unit=users'
    )
    const weeks: [string, string][] = [
      ['2025-11-03', '2025-11-10'],
      ['2025-11-10', '2025-11-17'],
      ['2025-11-17', '2025-11-24'],
      ['2025-11-24', '2025-12-01']
    ]
    for (const [from, to] of weeks) {
      await ok('actuals', 'add', '--board', 'Growth', 'G-SIGNUP', '--from', from, '--to', to, '--value', '300')
    }
    const status = await ok('status', '--board', 'Growth')
    expect(status).toMatch(/G-SIGNUP\s+1,200 users\s+≥ 1000 per month\s+120%\s+green\s+2025-11\s+target/)
    expect(await ok('kpi', 'show', '--board', 'Growth', 'G-SIGNUP')).toMatch(/judged over: +month \(inferred\)\naggregation: +sum \(inferred\)/)

    await ok('kpi', 'edit', '--board', 'Growth', 'G-SIGNUP', '--set', 'aggregation=mean')
    expect(await ok('status', '--board', 'Growth')).toMatch(/G-SIGNUP\s+300 users\s+.*\s+red\s+2025-11\s+ratio/)
    expect(await ok('kpi', 'show', '--board', 'Growth', 'G-SIGNUP')).toMatch(/aggregation: +mean\n/)

    const refused = await kpiloop('kpi', 'edit', '--board', 'Growth', 'G-SIGNUP', '--set', 'alertThresholds={"redRatio":0.9,"yellowRatio":0.8}')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/yellow ratio is below the red ratio.*Nothing was saved\. \[THRESHOLDS_INCONSISTENT\]/)
    const chinese = await runCli(db, ['kpi', 'edit', '--board', 'Growth', 'G-SIGNUP', '--set', 'alertThresholds={"redValue":1200}'], { LANG: 'zh_CN.UTF-8' })
    expect(chinese.stderr).toContain('预警阈值与目标或彼此矛盾，未保存任何内容。')
  })
})
