import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { createRuntime, type Runtime } from '../electron/api/dispatch/runtime'
import { startWebServer } from '../electron/web/server'
import { startBrowserMode } from '../electron/web/browser-mode'

type WebServer = Awaited<ReturnType<typeof startWebServer>>

interface Fixtures {
  /** The OS locale the server reports; the UI starts in it until the user picks a language. */
  systemLocale: string
  /** Browser mode over a fresh temp workspace on an OS-chosen port; `url` carries the token. */
  server: WebServer
  /** The core behind the server, to prepare data a test is not about. */
  core: Runtime['core']
  runtime: Runtime
  /** Browser mode over a new workspace seeded like a first run: the sample board and the demo DuckDB warehouse. */
  sampleServer: Awaited<ReturnType<typeof startBrowserMode>>
}

export const test = base.extend<Fixtures>({
  systemLocale: ['zh-CN', { option: true }],
  runtime: async ({ systemLocale }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'kpiloop-e2e-'))
    const runtime = await createRuntime({ file: join(dir, 'workspace.kpiloop'), create: true, mode: 'web', version: 'e2e', systemLocale })
    await use(runtime)
    runtime.close()
    rmSync(dir, { recursive: true, force: true })
  },
  server: async ({ runtime }, use) => {
    const server = await startWebServer({ runtime, staticDir: 'out/renderer', port: 0, actor: 'e2e' })
    await use(server)
    await server.close()
  },
  core: async ({ runtime }, use) => use(runtime.core),
  sampleServer: async ({ systemLocale }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'kpiloop-e2e-sample-'))
    const server = await startBrowserMode({
      workspaceFile: join(dir, 'workspace.kpiloop'),
      create: true,
      staticDir: 'out/renderer',
      port: 0,
      sample: true,
      schedule: false,
      systemLocale,
      version: 'e2e'
    })
    await use(server)
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

export { expect }
