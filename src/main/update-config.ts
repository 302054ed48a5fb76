import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * Where IT points the app for updates: the MINI_UPDATE_URL environment variable, or else `update.json`
 * in the agent's user-data folder (`{ "url": "https://…" }`). Off unless one of them is set. An address
 * that is not plain https turns updates off with a reason in the log; the app itself starts as usual.
 */
export const UPDATE_FILE = 'update.json'
export const UPDATE_ENV = 'MINI_UPDATE_URL'

const httpsAddress = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https$/, error: 'it is not an https:// address' }))
  .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), 'it contains a user name or password; the update server must be readable without one')

const FILE_SHAPE = 'it must hold the update address and nothing else, like {"url": "https://updates.example.com/mini/"}'
const updateFile = z.strictObject({ url: httpsAddress })

/** The address as the log may show it: never a password that was written into it by mistake. */
function shown(value: string): string {
  try {
    const url = new URL(value.trim())
    url.username = ''
    url.password = ''
    return url.href.slice(0, 200)
  } catch {
    return value.trim().slice(0, 200)
  }
}

export type UpdateConfig = { enabled: true; url: string; source: string } | { enabled: false; reason: string }

/** The update configuration from the environment variable's value and the file's text (null: no file). */
export function parseUpdateConfig(envValue: string | undefined, fileText: string | null, filePath = UPDATE_FILE): UpdateConfig {
  if (envValue !== undefined && envValue.trim() !== '') {
    const parsed = httpsAddress.safeParse(envValue)
    if (!parsed.success) return { enabled: false, reason: `Updates are off: the update address in ${UPDATE_ENV} (${shown(envValue)}) cannot be used: ${parsed.error.issues[0]?.message}.` }
    return { enabled: true, url: withSlash(parsed.data), source: `the environment (${UPDATE_ENV})` }
  }
  if (fileText === null) return { enabled: false, reason: `Updates are off: neither ${UPDATE_ENV} nor ${filePath} sets an update address.` }
  let json: unknown
  try {
    json = JSON.parse(fileText)
  } catch {
    return { enabled: false, reason: `Updates are off: ${filePath} is not valid JSON.` }
  }
  const parsed = updateFile.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // A problem with the address itself is told as such; any other shape gets the one-line example.
    const what = issue && issue.path[0] === 'url' && issue.code !== 'invalid_type' ? issue.message : FILE_SHAPE
    return { enabled: false, reason: `Updates are off: the update address in ${filePath} cannot be used: ${what}.` }
  }
  return { enabled: true, url: withSlash(parsed.data.url), source: filePath }
}

/** electron-updater resolves latest.yml against the address: without a final slash, it would replace the last segment. */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/** Reads the environment and `<userData>/update.json`. */
export async function loadUpdateConfig(env: NodeJS.ProcessEnv, userDataDir: string): Promise<UpdateConfig> {
  const filePath = join(userDataDir, UPDATE_FILE)
  let fileText: string | null = null
  try {
    fileText = await readFile(filePath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { enabled: false, reason: `Updates are off: ${filePath} cannot be read (${(error as Error).message}).` }
  }
  return parseUpdateConfig(env[UPDATE_ENV], fileText, filePath)
}
