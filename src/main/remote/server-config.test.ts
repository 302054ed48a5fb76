import { describe, expect, it } from 'vitest'
import { parseServerConfig } from './server-config'

describe('the server address of a desktop in the shared deployment', () => {
  it('is off without an address: the embedded database', () => {
    expect(parseServerConfig(undefined, null)).toEqual({ shared: false })
  })

  it('takes the environment first, then server.json', () => {
    expect(parseServerConfig('https://backoffice.example.com/', '{"url":"https://other.example.com"}')).toEqual({ shared: true, url: 'https://backoffice.example.com', source: 'MINI_SERVER_URL' })
    expect(parseServerConfig(undefined, '{"url":"https://other.example.com"}')).toEqual({ shared: true, url: 'https://other.example.com', source: 'server.json' })
  })

  it.each([
    ['http://backoffice.example.com', /not https/],
    ['https://user:secret@backoffice.example.com', /user name or password/],
    ['backoffice', /not an address/]
  ])('refuses %s, saying why', (url, why) => {
    const config = parseServerConfig(url, null)
    expect(config.shared).toBe(false)
    expect(!config.shared && config.problem).toMatch(why)
  })

  it('accepts plain http on this computer only (a local server)', () => {
    expect(parseServerConfig('http://127.0.0.1:4800', null)).toMatchObject({ shared: true })
    expect(parseServerConfig('http://10.0.0.5:4800', null)).toMatchObject({ shared: false })
  })

  it('says what is wrong with server.json', () => {
    expect(parseServerConfig(undefined, 'not json')).toMatchObject({ shared: false, problem: expect.stringMatching(/not valid JSON/) })
    expect(parseServerConfig(undefined, '{"url":"https://x.example.com","token":"t"}')).toMatchObject({ shared: false, problem: expect.stringMatching(/nothing else/) })
  })
})
