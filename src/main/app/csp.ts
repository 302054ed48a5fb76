/**
 * The renderer's Content-Security-Policy: sent as a header by the app:// handler (and for the dev
 * server), and repeated in a <meta> tag of index.html (a test keeps the two equal).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')
