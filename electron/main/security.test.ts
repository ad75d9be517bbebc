import { describe, expect, it } from 'vitest'
import { isAllowedExternal, isTrustedSender, WEB_PREFERENCES } from './security'

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

  it('answers IPC only for our own renderer', () => {
    expect(isTrustedSender('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(true)
    expect(isTrustedSender('file:///tmp/evil.html', 'file:///app/out/renderer/index.html')).toBe(false)
    expect(isTrustedSender('http://localhost:5173/#/board', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender(undefined, 'http://localhost:5173')).toBe(false)
  })

  it('keeps the renderer isolated and sandboxed', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
  })
})
