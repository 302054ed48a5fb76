import { describe, expect, it } from 'vitest'
import { phoneTailKey, planSearch, typedCaseId, typedPhone, vinProblemOf } from './query'

const VIN = 'WMW11DJ0X02345678'

describe('what a search input is looked up as', () => {
  it('a full VIN is looked up as nothing else; a wrong one says why', () => {
    expect(planSearch(`  ${VIN.toLowerCase().slice(0, 8)} ${VIN.slice(8)} `)).toMatchObject({ vin: VIN, nameWords: [], platePrefix: null })
    const bad = planSearch('WMW11DJ0X0234567O')
    expect(bad.vin).toBeNull()
    expect(bad.vinProblem?.reason).toBe('forbidden-letter')
  })

  it('the last 7, a plate and name words are all tried for a short input', () => {
    expect(planSearch('2345678')).toMatchObject({ shortVin: '2345678', platePrefix: '2345678', customerNumber: '2345678', phoneDigits: '2345678' })
    expect(planSearch('ab 12 345')).toMatchObject({ shortVin: 'AB12345', platePrefix: 'AB12345', nameWords: ['ab'] })
    expect(planSearch('soren osterg').nameWords).toEqual(['osterg', 'soren'])
    expect(planSearch('an anders').nameWords).toEqual(['anders'])
  })

  it('a phone number is matched by its last digits, with or without country code, in any spacing', () => {
    for (const typed of ['+45 12 34 56 78', '+4512345678', '0045 1234 5678']) expect(planSearch(typed).phoneDigits).toBe('4512345678')
    for (const typed of ['12 34 56 78', '12-34-56-78', '(1234) 5678']) expect(planSearch(typed).phoneDigits).toBe('12345678')
    // The Swedish and Belgian trunk 0 is dropped: "070-123 45 67" is the end of "+46 70 123 45 67".
    expect(typedPhone('070-123 45 67')).toBe('701234567')
    expect(phoneTailKey('+46 70 123 45 67').startsWith([...'701234567'].reverse().join(''))).toBe(true)
    expect(typedPhone('12345')).toBeNull()
    expect(typedPhone('12a345678')).toBeNull()
  })

  it('a + or an @ never makes a VIN attempt, and an @ is an e-mail address only', () => {
    for (const typed of ['+45 12 34 56 78', '+4512345678901234', 'soren.ostergard@mail.dk', '@', 'a1@b2.c3d4e5f6']) {
      const plan = planSearch(typed)
      expect(plan.vinAttempt, typed).toBe(false)
      expect(plan.vinProblem, typed).toBeNull()
      expect(vinProblemOf(typed, plan), typed).toBeNull()
    }
    expect(planSearch('Soren.Ostergard@Mail.dk')).toMatchObject({ emailPrefix: 'soren.ostergard@mail.dk', nameWords: [], platePrefix: null, phoneDigits: null })
  })

  it('a case number is recognised however it is spaced', () => {
    for (const typed of ['WD-2026-000042', 'wd 2026 42', 'WD2026000042', ' wd-2026-42 ']) expect(planSearch(typed).caseId).toBe('WD-2026-000042')
    expect(typedCaseId('WD-26-42')).toBeNull()
  })

  it('an O typed in the last 7 gets the same hint as in a full VIN', () => {
    const short = planSearch('02345O7')
    expect(short.shortVin).toBeNull()
    const problem = vinProblemOf('02345O7', short)
    expect(problem?.reason).toBe('forbidden-letter')
    expect(problem?.message).toContain('The letter O at position 6')
    // A valid last 7 that found nothing is simply not found: no hint about its length.
    expect(vinProblemOf('2345678', planSearch('2345678'))).toBeNull()
    expect(vinProblemOf('ZZ12345', planSearch('ZZ12345'))).toBeNull()
    // Ten or more characters with letters and digits are a VIN attempt; digits only are not (a phone number).
    expect(vinProblemOf('WMW11DJ0X0', planSearch('WMW11DJ0X0'))?.reason).toBe('length')
    expect(vinProblemOf('4512345678', planSearch('4512345678'))).toBeNull()
  })
})
