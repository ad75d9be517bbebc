import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli'

const PRD = resolve(import.meta.dirname, '../../services/prd-import/fixtures/english-structured.md')
let dir: string
let db: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpiloop-reimport-'))
  db = join(dir, 'reimport.kpiloop')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const kpiloop = (...args: string[]) => runCli(db, args, { KPILOOP_ACTOR: 'po', LANG: 'en_US.UTF-8', KPILOOP_LLM_BASE_URL: '', KPILOOP_LLM_MODEL: '' })
const json = async (...args: string[]) => {
  const result = await kpiloop('--json', ...args)
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0)
  return JSON.parse(result.stdout)
}

it('kpiloop import of an unchanged PRD says nothing changed and cuts no version', { timeout: 120_000 }, async () => {
  expect((await json('import', PRD, '--board', 'Copilot')).result).toMatchObject({ created: 4, version: 'v0.1', nothingChanged: false })

  const again = await kpiloop('import', PRD, '--board', 'Copilot')
  expect(again.code, again.stderr).toBe(0)
  expect(again.stdout).toContain('Nothing changed: "Copilot" already holds every KPI of english-structured.md as written; no version was cut.')
  expect(again.stdout).not.toContain('cut v')

  const versions = await json('version', 'list', '--board', 'Copilot')
  expect(versions.map((v: { label: string }) => v.label)).toEqual(['v0.1'])
})
