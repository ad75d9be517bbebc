import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => {
  ws = tempWorkspace()
  const shop = join(ws.dir, 'shop.db')
  new Database(shop).exec('CREATE TABLE orders (amount REAL)').close()
  ws.core.sources.save({ name: 'shop', kind: 'sqlite', url: `sqlite://${shop}`, timeoutMs: 5_000 }, 'po', 'add')
  ws.core.close()
})
afterEach(() => ws.cleanup())

describe('kpiloop source test', () => {
  it('says what the database enforces for formulas with the connected login', async () => {
    const result = await runCli(ws.file, ['source', 'test', 'shop'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/shop: connected to SQLite 3\.\d+/)
    expect(result.stdout).toContain('Formulas can only read: file opened read-only, interrupted at the timeout; stopped after 5 s.')
    const json = JSON.parse((await runCli(ws.file, ['--json', 'source', 'test', 'shop'])).stdout)
    expect(json.protection).toEqual({ level: 'enforced', measures: ['readOnlyOpen', 'interrupt'], gaps: [], timeoutMs: 5_000 })
  })
})
