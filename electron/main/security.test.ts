import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { CSP_HEADER, CSP_META } from '../domain/content-security-policy'
import { PACKAGED_RENDERER_URL, isAllowedExternal, isTrustedSender, rendererFile, rendererUrl, WEB_PREFERENCES } from './security'

// @ts-expect-error: a plain JavaScript module run by electron-builder, typed here by what the test uses.
import * as hook from '../../scripts/electron-fuses.mjs'

const packaging = hook as {
  FUSES: Record<FuseV1Options, boolean>
  binaryOf(context: { appOutDir: string; electronPlatformName: string; packager: { appInfo: { productFilename: string }; executableName: string } }): string
}

describe('desktop security policy', () => {
  it.each([
    ['https://www.notion.so/team/KPI-board', true],
    ['https://acme.atlassian.net/browse/KPI-12', true],
    ['https://trello.com/c/abc', true],
    ['http://trello.com/c/abc', false],
    ['https://trello.com.evil.example/c/abc', false],
    ['https://user:pass@trello.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false]
  ])('opens %s externally: %s', (url, allowed) => {
    expect(isAllowedExternal(url)).toBe(allowed)
  })

  it('loads the renderer from its own scheme; a dev server URL only when not packaged', () => {
    expect(PACKAGED_RENDERER_URL).toBe('kpiloop://app/index.html')
    expect(rendererUrl(true, 'http://localhost:5173')).toBe(PACKAGED_RENDERER_URL)
    expect(rendererUrl(true, undefined)).toBe(PACKAGED_RENDERER_URL)
    expect(rendererUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173')
    // Even in development, only a local dev server.
    expect(rendererUrl(false, 'https://evil.example/')).toBe(PACKAGED_RENDERER_URL)
    expect(rendererUrl(false, 'file:///tmp/evil.html')).toBe(PACKAGED_RENDERER_URL)
  })

  it('serves only files inside the built renderer', () => {
    const root = '/app/out/renderer'
    expect(rendererFile(root, 'kpiloop://app/index.html')).toEqual({ file: '/app/out/renderer/index.html', type: 'text/html; charset=utf-8' })
    expect(rendererFile(root, 'kpiloop://app/')).toMatchObject({ file: '/app/out/renderer/index.html' })
    expect(rendererFile(root, 'kpiloop://app/assets/index-3f2a.js')).toEqual({
      file: '/app/out/renderer/assets/index-3f2a.js',
      type: 'text/javascript; charset=utf-8'
    })
    expect(rendererFile(root, 'kpiloop://app/../../etc/passwd')).toMatchObject({ file: '/app/out/renderer/etc/passwd' })
    expect(rendererFile(root, 'kpiloop://app/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ file: '/app/out/renderer/etc/passwd' })
    expect(rendererFile(root, 'kpiloop://app/..%2f..%2fetc/passwd')).toMatchObject({ file: '/app/out/renderer/etc/passwd' })
    expect(rendererFile(root, 'kpiloop://other/index.html')).toBeNull()
    expect(rendererFile(root, 'https://app/index.html')).toBeNull()
    expect(rendererFile(root, 'kpiloop://app/%E0%A4%A')).toBeNull()
  })

  it('answers IPC only for our own renderer', () => {
    expect(isTrustedSender('kpiloop://app/index.html#/board/3', PACKAGED_RENDERER_URL)).toBe(true)
    expect(isTrustedSender('kpiloop://evil/index.html', PACKAGED_RENDERER_URL)).toBe(false)
    expect(isTrustedSender('file:///app/out/renderer/index.html', PACKAGED_RENDERER_URL)).toBe(false)
    expect(isTrustedSender('file:///tmp/evil.html', 'file:///app/out/renderer/index.html')).toBe(false)
    expect(isTrustedSender('http://localhost:5173/#/board', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender(undefined, 'http://localhost:5173')).toBe(false)
  })

  it('keeps the renderer isolated and sandboxed', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
  })

  it('has one strict CSP, in the page and in the headers', () => {
    expect(CSP_META).toContain("script-src 'self'")
    expect(CSP_META).not.toMatch(/unsafe-eval|frame-ancestors/)
    expect(CSP_HEADER).toBe(`${CSP_META}; frame-ancestors 'none'`)
  })

  it('packages with the fuses that close Node back doors, flipped in each platform’s binary', () => {
    expect(readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')).toMatch(/^afterPack: scripts\/electron-fuses\.mjs$/m)
    expect(packaging.FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
    })
    const packager = { appInfo: { productFilename: 'KPI Loop' }, executableName: 'kpiloop' }
    expect(packaging.binaryOf({ appOutDir: '/dist/linux-unpacked', electronPlatformName: 'linux', packager })).toBe('/dist/linux-unpacked/kpiloop')
    expect(packaging.binaryOf({ appOutDir: '/dist/win-unpacked', electronPlatformName: 'win32', packager })).toBe('/dist/win-unpacked/KPI Loop.exe')
    expect(packaging.binaryOf({ appOutDir: '/dist/mac', electronPlatformName: 'darwin', packager })).toBe('/dist/mac/KPI Loop.app')
  })
})
