import type { Plugin } from 'vite'
import { CSP_META } from '../electron/domain/content-security-policy'

/** The built page carries the CSP in a meta tag; the dev server needs inline scripts for fast refresh, so not there. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'kpiloop-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }]
  }
}
