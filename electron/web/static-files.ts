import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { CSP_HEADER } from '../domain/content-security-policy'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

/** Serves the built renderer; unknown paths fall back to index.html (client-side routes). */
export function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, safe)
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('The UI is not built: run `npm run web` (it builds it first).')
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP_HEADER,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600'
  })
  createReadStream(file).pipe(res)
}
