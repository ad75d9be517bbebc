// Pure policy functions of the desktop shell, kept free of 'electron' so they are unit-tested.

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

/** IPC is answered only for frames showing our own renderer (dev server or packaged files). */
export function isTrustedSender(frameUrl: string | undefined, rendererUrl: string): boolean {
  if (!frameUrl) return false
  try {
    const frame = new URL(frameUrl)
    const ours = new URL(rendererUrl)
    if (ours.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === ours.pathname
    return frame.origin === ours.origin
  } catch {
    return false
  }
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const
