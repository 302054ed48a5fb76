import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * Where a desktop finds the shared deployment's server: MINI_SERVER_URL, or else `server.json` in the
 * user-data folder (`{ "url": "https://backoffice.example.com" }`), which IT places with the installer.
 * Without either, the desktop runs the embedded database. The address must be https (plain http is
 * accepted on this computer only, for a local server), with no user name or password in it: the desktop
 * signs in with the agent's account, and never holds database credentials.
 */
export const SERVER_FILE = 'server.json'
export const SERVER_ENV = 'MINI_SERVER_URL'

export const serverAddress = z
  .string()
  .trim()
  .pipe(z.url({ error: 'it is not an address' }))
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'it is not https (plain http is allowed only on this computer)')
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'it contains a user name or password')

export type ServerConfig = { shared: true; url: string; source: string } | { shared: false; problem?: string }

export function parseServerConfig(envValue: string | undefined, fileText: string | null): ServerConfig {
  const check = (value: unknown, source: string): ServerConfig => {
    const parsed = serverAddress.safeParse(value)
    if (!parsed.success) return { shared: false, problem: `The server address in ${source} cannot be used: ${parsed.error.issues[0]?.message}.` }
    return { shared: true, url: parsed.data.replace(/\/+$/, ''), source }
  }
  if (envValue !== undefined && envValue.trim() !== '') return check(envValue, SERVER_ENV)
  if (fileText === null) return { shared: false }
  let json: unknown
  try {
    json = JSON.parse(fileText)
  } catch {
    return { shared: false, problem: `${SERVER_FILE} is not valid JSON.` }
  }
  const parsed = z.strictObject({ url: z.string() }).safeParse(json)
  if (!parsed.success) return { shared: false, problem: `${SERVER_FILE} must hold the server address and nothing else, like {"url": "https://backoffice.example.com"}.` }
  return check(parsed.data.url, SERVER_FILE)
}

export async function loadServerConfig(env: NodeJS.ProcessEnv, userData: string): Promise<ServerConfig> {
  const file = join(userData, SERVER_FILE)
  const text = await readFile(file, 'utf8').catch(() => null)
  return parseServerConfig(env[SERVER_ENV], text)
}
