import { net, protocol, session } from 'electron'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY, RENDERER_SCHEME, rendererFile } from './security'

/** Must run before the app is ready: the scheme behaves like https (secure context, fetch, code cache). */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

/** Serves the built renderer from `root` on kpiloop://app/, each response with the CSP header. */
export function serveRenderer(root: string): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const target = rendererFile(root, request.url)
    if (!target) return new Response('Not found', { status: 404 })
    const file = await net.fetch(pathToFileURL(target.file).toString()).catch(() => null)
    if (!file?.ok) return new Response('Not found', { status: 404 })
    return new Response(file.body, {
      headers: { 'content-type': target.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' }
    })
  })
  // The dev server's responses get the header too; the packaged ones already carry it.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}
