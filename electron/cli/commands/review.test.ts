import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startFakeChatServer, type FakeChatServer } from '../../services/assistant/testing/fake-chat-server'
import { createCore } from '../../services/core'
import { proposal, reviewAnswer } from '../../api/dispatch/testing/dispatch'
import { seedSupportBoard } from '../../services/assistant/testing/support-board'
import { tempWorkspace } from '../../services/testing/temp-workspace'
import { runCli } from '../testing/run-cli'

const KEY = 'sk-cli-0b1c2d3e4f5a6b7c'
let server: FakeChatServer
let ws: ReturnType<typeof tempWorkspace>

beforeEach(async () => {
  server = await startFakeChatServer()
  ws = tempWorkspace()
  seedSupportBoard(ws.core, ws.dir)
  ws.core.close()
})
afterEach(async () => {
  ws.cleanup()
  await server.close()
})

const kpiloop = (env: Record<string, string>, ...args: string[]) => runCli(ws.file, args, { KPILOOP_ACTOR: 'cli-user', ...env })
const llmEnv = () => ({ KPILOOP_LLM_BASE_URL: server.url, KPILOOP_LLM_MODEL: 'deepseek-chat', KPILOOP_LLM_API_KEY: KEY })
const pendingProposals = () => {
  const core = createCore(ws.file, { access: 'write' })
  try {
    return core.proposals.list(core.boards.resolve('客服助手 KPI'))
  } finally {
    core.close()
  }
}

describe('kpiloop review and kpiloop llm test', () => {
  it('reviews one KPI with the LLM named by the environment and prints the proposal', async () => {
    server.enqueue({
      json: reviewAnswer('三周均值 45.3 分钟。', [proposal('patch', 'KPI-001', '三周均值 45.3 分钟，30 分钟达不到', [['target', '≤ 40 分钟']])])
    })
    const result = await kpiloop(llmEnv(), 'review', '--board', '客服助手 KPI', '--stage', 'trial', '--engine', 'llm', '--kpi', 'KPI-001')
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toContain('The assistant reviewed 1 KPIs: 1 proposals (session 1).')
    expect(result.stdout).toMatch(/#1 patch KPI-001 \(assistant\)\n {2}target: ≤ 30 分钟 → ≤ 40 分钟\n {2}why: 三周均值 45.3 分钟/)
    const body = server.requests[0]!
    expect(body.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(JSON.stringify(body.body)).not.toContain(KEY)
    expect((body.body as { model: string }).model).toBe('deepseek-chat')
    expect(pendingProposals().map((p) => [p.code, p.engine, p.status])).toEqual([['KPI-001', 'assistant', 'pending']])

    server.enqueue({ json: reviewAnswer('ok', []) })
    const json = await kpiloop(llmEnv(), '--json', 'review', '--board', '客服助手 KPI', '--stage', 'feasibility')
    expect(JSON.parse(json.stdout)).toMatchObject({ engine: 'assistant', reviewed: 1, proposals: [], sessionId: 2, summary: 'ok' })
  })

  it('exits non-zero, shows the raw answer and stores nothing when the answer cannot be validated', async () => {
    server.enqueue({ json: 'I think KPI-001 should be 40 minutes.' }, { json: 'Really, 40 minutes.' })
    const result = await kpiloop(llmEnv(), 'review', '--board', '客服助手 KPI', '--stage', 'trial')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[LLM_INVALID_OUTPUT]')
    expect(result.stderr).toContain('Really, 40 minutes.')
    expect(result.stdout).toBe('')
    expect(pendingProposals()).toEqual([])
  })

  it('falls back to the analyzer with a note on stderr when no LLM is configured', async () => {
    const result = await kpiloop({}, 'review', '--board', '客服助手 KPI', '--stage', 'draft')
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^note: No LLM is configured/)
    expect(result.stdout).toContain('The analyzer reviewed 1 KPIs')
    expect(result.stdout).toContain('KPI-003 (analyzer)')
  })

  it('tests the connection, and reports a refused key by its code without echoing it', async () => {
    server.enqueue({ json: 'OK' })
    const ok = await kpiloop(llmEnv(), 'llm', 'test')
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toMatch(/^deepseek-chat answered in \d+ ms\.\n$/)

    server.enqueue({ status: 401, message: `Incorrect API key provided: ${KEY}` })
    const refused = await kpiloop(llmEnv(), 'llm', 'test')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('[LLM_AUTH]')
    expect(refused.stderr).not.toContain(KEY)
  })

  it('stops a review on Ctrl+C: the request is aborted, nothing is stored, the exit says cancelled', async () => {
    server.enqueue({ hangMs: 600_000 })
    const child = spawn(
      process.execPath,
      [resolve(import.meta.dirname, '../../../bin/kpiloop.mjs'), '--db', ws.file, 'review', '--board', '客服助手 KPI', '--stage', 'trial'],
      {
        env: { ...process.env, ...llmEnv(), KPILOOP_ACTOR: 'cli-user' }
      }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 20_000 })
    child.kill('SIGINT')
    expect(await exited).not.toBe(0)
    expect(stderr).toContain('[CANCELLED]')
    await vi.waitFor(() => expect(server.requests[0]?.closedEarly).toBe(true))
    expect(pendingProposals()).toEqual([])
  }, 30_000)
})
