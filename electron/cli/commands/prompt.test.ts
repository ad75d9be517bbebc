import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDefaultTemplate } from '../../services/assistant/stage-prompts'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

const BIN = resolve(import.meta.dirname, '../../../bin/kpiloop.mjs')

let ws: ReturnType<typeof tempWorkspace>
beforeEach(() => {
  ws = tempWorkspace()
  ws.core.close()
})
afterEach(() => ws.cleanup())

const cli = (...args: string[]) => runCli(ws.file, args, { LANG: 'en_US.UTF-8' })

describe('kpiloop llm prompt', () => {
  it('shows the shipped prompt of a stage in each language', async () => {
    const zh = await cli('llm', 'prompt', 'show', '--stage', 'trial', '--locale', 'zh-CN')
    expect(zh).toMatchObject({ code: 0, stdout: `${loadDefaultTemplate('trial', undefined, 'zh-CN')}\n`, stderr: '(the shipped prompt)\n' })
    expect((await cli('llm', 'prompt', 'show', '--stage', 'trial')).stdout).toBe(`${loadDefaultTemplate('trial')}\n`)
    expect((await cli('llm', 'prompt', 'show', '--stage', 'retired')).stderr).toContain('Unknown stage "retired"')
    expect((await cli('llm', 'prompt', 'show', '--stage', 'trial', '--locale', 'fr')).stderr).toContain('Unknown locale "fr"')
  }, 60_000)

  it('edits from a file or from standard input, one language at a time, and resets to the shipped prompt', async () => {
    const file = join(ws.dir, 'operating.md')
    writeFileSync(file, '# 运营评审\n\n只保留有人据此行动的 KPI。\n')
    expect(await cli('llm', 'prompt', 'edit', '--stage', 'operating', '--locale', 'zh-CN', '--file', file)).toMatchObject({
      code: 0,
      stdout: 'Saved the operating prompt (zh-CN, 23 characters); the earlier one stays in its history.\n'
    })
    const piped = spawnSync(process.execPath, [BIN, '--db', ws.file, 'llm', 'prompt', 'edit', '--stage', 'operating', '--locale', 'en'], {
      input: 'Operating review: keep only KPIs someone acts on.\n',
      encoding: 'utf8'
    })
    expect(piped.status).toBe(0)
    expect((await cli('llm', 'prompt', 'show', '--stage', 'operating', '--locale', 'zh-CN')).stdout).toBe('# 运营评审\n\n只保留有人据此行动的 KPI。\n')
    const en = await cli('llm', 'prompt', 'show', '--stage', 'operating')
    expect(en).toMatchObject({ stdout: 'Operating review: keep only KPIs someone acts on.\n', stderr: '(edited, 1 saved versions)\n' })

    expect((await cli('llm', 'prompt', 'reset', '--stage', 'operating', '--locale', 'zh-CN')).stdout).toBe(
      'The operating prompt (zh-CN) is the shipped one again.\n'
    )
    expect((await cli('llm', 'prompt', 'show', '--stage', 'operating', '--locale', 'zh-CN')).stdout).toBe(
      `${loadDefaultTemplate('operating', undefined, 'zh-CN')}\n`
    )
    expect((await cli('llm', 'prompt', 'show', '--stage', 'operating')).stdout).toBe('Operating review: keep only KPIs someone acts on.\n')
    expect((await cli('audit')).stdout).toContain('Reset the operating prompt template (zh-CN) to the shipped one')
  }, 60_000)
})
