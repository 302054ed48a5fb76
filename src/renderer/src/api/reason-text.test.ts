import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { reasonText } from './errors'

describe('an audit reason in words', () => {
  it('words message keys, error codes, refusal codes and failed verifications; keeps the agent’s own note', () => {
    const { t } = i18n.global
    expect(reasonText('sim.pending')).toBe(t('errors.sim.pending'))
    expect(reasonText('no-answer')).toBe(t('simError.no-answer'))
    expect(reasonText('late')).toBe(t('withdrawal.refusals.late'))
    expect(reasonText('name-mismatch, postcode-mismatch')).toBe(`${t('caller.failures.name-mismatch')} ${t('caller.failures.postcode-mismatch')}`)
    expect(reasonText('Customer called back to cancel.')).toBe('Customer called back to cancel.')
    expect(reasonText(null)).toBe('')
  })
})
