/**
 * The logging surface services use. The Electron app passes electron-log's main logger; the harness and
 * scripts pass electron-log's Node logger; unit tests pass a silent one. Services never import a logger.
 */
export interface Logger {
  info(...args: unknown[]): void
  warn(...args: unknown[]): void
  error(...args: unknown[]): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
