import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadUpdateConfig, parseUpdateConfig } from './update-config'

describe('the update address IT configures', () => {
  it('is off unless the environment or update.json sets it', () => {
    expect(parseUpdateConfig(undefined, null)).toEqual({ enabled: false, reason: 'Updates are off: neither MINI_UPDATE_URL nor update.json sets an update address.' })
    expect(parseUpdateConfig('   ', null)).toMatchObject({ enabled: false })
  })

  it('takes an https address from the environment, and the environment wins over the file', () => {
    expect(parseUpdateConfig('https://updates.example.com/mini/', null)).toEqual({ enabled: true, url: 'https://updates.example.com/mini/', source: 'the environment (MINI_UPDATE_URL)' })
    expect(parseUpdateConfig(' https://updates.example.com/mini ', '{"url": "https://other.example.com/"}')).toMatchObject({ enabled: true, url: 'https://updates.example.com/mini/' })
  })

  it('takes an https address from update.json, with a final slash so the feed files resolve inside it', () => {
    expect(parseUpdateConfig(undefined, '{ "url": "https://swdist.corp.example/mini-backoffice" }', '/u/update.json')).toEqual({
      enabled: true,
      url: 'https://swdist.corp.example/mini-backoffice/',
      source: '/u/update.json'
    })
  })

  it.each([
    ['http://updates.example.com/', 'it is not an https:// address'],
    ['file:///srv/updates/', 'it is not an https:// address'],
    ['updates.example.com', 'it is not an https:// address'],
    ['https://it:secret@updates.example.com/', 'it contains a user name or password']
  ])('refuses %s from the environment, in words, without falling back to the file', (value, why) => {
    const config = parseUpdateConfig(value, '{"url": "https://fine.example.com/"}')
    expect(config.enabled).toBe(false)
    const reason = config.enabled ? '' : config.reason
    expect(reason).toMatch(/^Updates are off: the update address in MINI_UPDATE_URL \(.*\) cannot be used: /)
    expect(reason).toContain(why)
    expect(reason).not.toContain('secret')
  })

  it.each([
    ['not json', 'update.json is not valid JSON'],
    ['{"url": "http://updates.example.com/"}', 'it is not an https:// address'],
    ['{}', 'it must hold the update address and nothing else'],
    ['{"url": "https://u.example/", "channel": "beta"}', 'it must hold the update address and nothing else'],
    ['["https://u.example/"]', 'it must hold the update address and nothing else'],
    ['{"url": 42}', 'it must hold the update address and nothing else']
  ])('refuses update.json holding %s', (text, why) => {
    const config = parseUpdateConfig(undefined, text)
    expect(config).toEqual({ enabled: false, reason: expect.stringContaining(why) })
  })
})

describe('loadUpdateConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mini-update-config-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads update.json from the user-data folder, and treats a missing file as not configured', async () => {
    await expect(loadUpdateConfig({}, dir)).resolves.toMatchObject({ enabled: false, reason: expect.stringContaining('neither') })
    writeFileSync(join(dir, 'update.json'), '{"url": "https://updates.example.com/mini/"}')
    await expect(loadUpdateConfig({}, dir)).resolves.toEqual({ enabled: true, url: 'https://updates.example.com/mini/', source: join(dir, 'update.json') })
    await expect(loadUpdateConfig({ MINI_UPDATE_URL: 'https://env.example.com/' }, dir)).resolves.toMatchObject({ url: 'https://env.example.com/' })
  })

  it('says so when update.json exists but cannot be read', async () => {
    const other = join(dir, 'folder')
    mkdirSync(join(other, 'update.json'), { recursive: true })
    await expect(loadUpdateConfig({}, other)).resolves.toMatchObject({ enabled: false, reason: expect.stringContaining('cannot be read') })
  })
})
