import { afterEach, describe, expect, it } from 'vitest'
import { ApiFailure } from '@shared/ipc/errors'
import { i18n, setLocale } from '../i18n'
import { describeError, errorText } from './errors'

/** Errors from main are codes and message keys (issue 12, point 2); the renderer writes the words. */
const plain = (text: string) => text.replace(/\s/g, ' ')

afterEach(async () => {
  await setLocale('en')
  i18n.global.mergeLocaleMessage('en', { errors: { test: {} } })
})

describe('errors in the agent’s language', () => {
  it('translates a known key with its parameters, dates and amounts written the agent’s way', async () => {
    i18n.global.mergeLocaleMessage('en', { errors: { test: { refund: 'Refund {amount} due {dueDate}, sent {sentAt}, by {name}.' } } })
    const error = { code: 'refused', key: 'test.refund', params: { amount: 123_450, currency: 'DKK', dueDate: '2026-12-07', sentAt: '2026-11-21', name: 'Mette' } }
    expect(plain(errorText(error))).toBe('Refund DKK 1,234.50 due 7 Dec 2026, sent 21 Nov 2026, by Mette.')
  })

  it('falls back to the code’s sentence when the key is unknown, in every language, never to the English message', async () => {
    const error = { code: 'conflict', key: 'sim.somethingNew', message: 'A SIM command is already pending for WMW…' }
    expect(errorText(error)).toBe(i18n.global.t('errors.code.conflict'))
    await setLocale('de')
    expect(errorText(error)).toBe('Jemand oder etwas hat dies gleichzeitig geändert. Sehen Sie sich den aktuellen Stand an und versuchen Sie es dann erneut.')
  })

  it('says in words, naming the country, that a market whose terms name the withdrawal recipient has no recipient setting', async () => {
    const error = { code: 'refused', key: 'settings.recipientFixed', params: { market: 'DK' } }
    expect(errorText(error)).toBe('The terms for Denmark name the recipient of withdrawals themselves: it cannot be changed in Settings.')
    await setLocale('fr')
    expect(errorText(error)).toBe('Les conditions de ce marché (Danemark) désignent déjà le destinataire des rétractations : il ne se modifie pas dans les Paramètres.')
  })

  it('never shows English text from anywhere: an error without a key, or a plain exception, gets its code’s sentence', () => {
    expect(errorText({ code: 'unauthenticated', message: 'The username or password is not right.' })).toBe(i18n.global.t('errors.code.unauthenticated'))
    expect(errorText(new ApiFailure({ code: 'unauthenticated', key: 'auth.signedOut' }))).toBe(i18n.global.t('errors.auth.signedOut'))
    expect(errorText({ code: 'internal' })).toBe(i18n.global.t('errors.code.internal'))
    expect(errorText(new Error('boom'))).toBe(i18n.global.t('errors.code.internal'))
  })

  it('puts field problems next to their fields, never a request path in the sentence', async () => {
    i18n.global.mergeLocaleMessage('en', { errors: { test: { email: 'Enter an e-mail address like name{at}example.com.' } } })
    const error = {
      code: 'bad-request',
      key: 'badRequest',
      message: 'The request was not understood: value.email Invalid email address.',
      issues: [
        { path: 'value.email', key: 'test.email', params: { at: '@' } },
        { path: 'value.name', key: 'field.tooShort', params: { min: 2 } }
      ]
    }
    const shown = describeError(error, ['value.email', 'value.name'])
    expect(shown.fields).toEqual({ 'value.email': 'Enter an e-mail address like name@example.com.', 'value.name': i18n.global.t('errors.field.tooShort', { min: 2 }) })
    expect(shown.text).toBe(i18n.global.t('errors.fieldsNeedAttention'))
    expect(shown.text).not.toMatch(/value\./)
  })

  it('a problem with no field on screen is said in the sentence, without its path; English text never shows', () => {
    const error = { code: 'bad-request', issues: [{ path: 'consumers.1', key: 'field.controlCharacter', message: 'contains a control character' }] }
    const shown = describeError(error, ['address'])
    const words = i18n.global.t('errors.field.controlCharacter')
    expect(shown.fields).toEqual({})
    expect(shown.text).toBe(`${i18n.global.t('errors.code.bad-request')} ${words}`)
    expect(describeError(error, ['consumers']).fields).toEqual({ consumers: words })
    expect(describeError({ code: 'bad-request', issues: [{ path: 'x', message: 'English' }] }, ['x']).fields).toEqual({ x: i18n.global.t('errors.code.bad-request') })
  })

  it('the renderer’s own failures (main unreachable) carry keys too', async () => {
    window.api = undefined as unknown as typeof window.api
    const { call } = await import('./client')
    const failure = await call('appInfo', {}).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiFailure)
    await setLocale('pt-PT')
    expect(errorText(failure)).toBe('A aplicação não está ligada ao seu processo principal. Reinicie a aplicação.')
  })
})
