// One policy for the renderer wherever it is served: the desktop's custom scheme and browser mode.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles into <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
]

/** For the page's own <meta> tag (frame-ancestors is ignored there). */
export const CSP_META = DIRECTIVES.join('; ')

/** For response headers, where the page may also refuse to be framed. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')
