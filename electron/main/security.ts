// Pure policy functions of the desktop shell, kept free of 'electron' so they are unit-tested.
import { extname, join, posix, resolve, sep } from 'node:path'

/** Links the app may open in the user's browser: https only, to hosts the product documents. */
const EXTERNAL_HOSTS = ['notion.so', 'www.notion.so', 'atlassian.net', 'trello.com', 'github.com', 'platform.openai.com']

export function isAllowedExternal(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false
  return EXTERNAL_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
}

/** The privileged scheme that serves the packaged renderer (never file://). */
export const RENDERER_SCHEME = 'kpiloop'
export const RENDERER_HOST = 'app'
export const PACKAGED_RENDERER_URL = `${RENDERER_SCHEME}://${RENDERER_HOST}/index.html`

/** A dev server's URL (electron-vite sets it) is honoured only when the app is not packaged. */
export function rendererUrl(packaged: boolean, devServerUrl: string | undefined): string {
  if (packaged || !devServerUrl) return PACKAGED_RENDERER_URL
  const url = new URL(devServerUrl)
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') ? devServerUrl : PACKAGED_RENDERER_URL
}

/** IPC is answered only for frames showing our own renderer (the custom scheme, or the dev server in development). */
export function isTrustedSender(frameUrl: string | undefined, ours: string): boolean {
  if (!frameUrl) return false
  try {
    const frame = new URL(frameUrl)
    const expected = new URL(ours)
    // Custom schemes have no origin in WHATWG URLs: compare scheme and host (and, for files, the page itself).
    const samePage = expected.protocol !== 'file:' || frame.pathname === expected.pathname
    return frame.protocol === expected.protocol && frame.host === expected.host && samePage
  } catch {
    return false
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

/**
 * The file under `root` a request to the renderer scheme names, or null (another host, a path
 * that climbs out of root). The page itself for `/`.
 */
export function rendererFile(root: string, requestUrl: string): { file: string; type: string } | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  const file = resolve(root, `.${posix.normalize(`/${path}`)}`)
  const target = file === resolve(root) ? join(root, 'index.html') : file
  if (!target.startsWith(resolve(root) + sep)) return null
  return { file: target, type: TYPES[extname(target)] ?? 'application/octet-stream' }
}

export { CSP_HEADER as CONTENT_SECURITY_POLICY } from '../domain/content-security-policy'

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false
} as const
