import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  describeShifts,
  isIsoDate,
  isWorkingDay,
  nonWorkingReason,
  periodEnd,
  publicHoliday,
  publicHolidays,
  rollForward,
  toPlainDate,
  type Market
} from './index'
import { isAfter, maxDate, minDate } from './calendar'

// Expected values below are worked out by hand from the national calendars (weekdays checked
// independently), never taken from the code under test.

describe('D13 — one month later: same day number, or the month\'s last day', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2028-02-29', 1, '2028-03-29'],
    ['2026-08-31', 12, '2027-08-31']
  ])('%s + %i month(s) = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected)
  })

  it('leap day + 1 year clamps to 28 February (2028-02-29 → 2029-02-28)', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29')
  })

  it('counts whole days across a leap day and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
  })

  it.each(['2026-02-30', '2026-13-01', '20260101', '2026-1-1', '2026-01-01T00:00', '', ' 2026-01-01', 'x2026-01-01'])('rejects %j as a date', (bad) => {
    expect(() => toPlainDate(bad)).toThrow(RangeError)
    expect(isIsoDate(bad)).toBe(false)
  })

  it('names the field and the value in the error', () => {
    expect(() => toPlainDate('20.03.2026')).toThrow('date must be an ISO calendar date YYYY-MM-DD, got "20.03.2026"')
    expect(() => toPlainDate('2026-02-29', 'handover')).toThrow('handover is not a real calendar date: 2026-02-29')
    expect(() => toPlainDate('x2026-01-01')).toThrow('date must be an ISO calendar date YYYY-MM-DD, got "x2026-01-01"')
    expect(() => toPlainDate('2026-01-01x')).toThrow('date must be an ISO calendar date YYYY-MM-DD, got "2026-01-01x"')
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow('from is not a real calendar date: 2026-02-30')
    expect(() => daysBetween('2026-03-01', '2026-02-30')).toThrow('to is not a real calendar date: 2026-02-30')
  })

  it('only strings are ISO dates: a Temporal date object or a number is not', () => {
    const pd = Temporal.PlainDate.from('2026-01-01')
    expect(isIsoDate(pd)).toBe(false)
    expect(() => toPlainDate(pd as unknown as string)).toThrow('date must be an ISO calendar date YYYY-MM-DD, got "2026-01-01"')
    expect(isIsoDate(20260101)).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-02-28')).toBe(true)
  })

  it('adds days and weeks across month and year ends, backwards too', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addWeeks('2026-12-24', 2)).toBe('2027-01-07')
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9)
  })

  it('compares dates, and picks the earlier and the later', () => {
    expect(compareDates('2026-03-01', '2026-03-02')).toBe(-1)
    expect(compareDates('2026-03-02', '2026-03-02')).toBe(0)
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1)
    expect(isAfter('2026-03-02', '2026-03-01')).toBe(true)
    expect(isAfter('2026-03-02', '2026-03-02')).toBe(false)
    expect(isAfter('2026-03-01', '2026-03-02')).toBe(false)
    expect(maxDate('2026-03-01', '2026-03-02')).toBe('2026-03-02')
    expect(maxDate('2026-03-02', '2026-03-01')).toBe('2026-03-02')
    expect(minDate('2026-03-01', '2026-03-02')).toBe('2026-03-01')
    expect(minDate('2026-03-02', '2026-03-01')).toBe('2026-03-01')
  })

  it('numbers the days of the week from Monday (1) to Sunday (7)', () => {
    expect(dayOfWeek('2026-03-23')).toBe(1)
    expect(dayOfWeek('2026-03-20')).toBe(5)
    expect(dayOfWeek('2026-03-21')).toBe(6)
    expect(dayOfWeek('2026-03-22')).toBe(7)
  })
})

describe('D6 — public holidays from date-holidays: national PUBLIC holidays only', () => {
  const holiday: Array<[Market, string, string]> = [
    ['DK', '2026-04-02', 'Skærtorsdag (Maundy Thursday)'],
    ['DK', '2026-04-03', 'Langfredag'],
    ['DK', '2026-04-06', 'Anden påskedag'],
    ['DK', '2026-05-14', 'Kristi Himmelfartsdag'],
    ['DK', '2026-05-25', 'Anden pinsedag'],
    ['DK', '2026-12-26', 'Anden juledag'],
    ['DK', '2023-05-05', 'Store Bededag (still a holiday in 2023)'],
    ['SE', '2026-01-06', 'trettondedag jul'],
    ['SE', '2026-04-06', 'annandag påsk'],
    ['SE', '2026-05-01', 'första maj'],
    ['SE', '2028-06-06', 'nationaldagen'],
    ['PT', '2026-04-03', 'Sexta-Feira Santa'],
    ['PT', '2026-06-04', 'Corpo de Deus'],
    ['PT', '2026-06-10', 'Dia de Portugal'],
    ['PT', '2026-10-05', 'Implantação da República'],
    ['PT', '2026-12-08', 'Imaculada Conceição'],
    ['BE', '2026-04-06', 'Lundi de Pâques'],
    ['BE', '2026-05-25', 'Lundi de Pentecôte'],
    ['BE', '2026-07-21', 'Fête nationale'],
    ['BE', '2026-11-11', 'Armistice'],
    ['LU', '2026-05-09', 'Journée de l\'Europe'],
    ['LU', '2026-06-23', 'Fête nationale'],
    ['LU', '2026-12-26', 'Lendemain de Noël']
  ]
  it.each(holiday)('%s %s is a public holiday (%s)', (market, date) => {
    expect(publicHoliday(market, date)).toBeDefined()
    expect(isWorkingDay(market, date)).toBe(false)
  })

  const notHoliday: Array<[Market, string, string]> = [
    ['DK', '2026-06-05', 'Grundlovsdag is an observance, not a public holiday'],
    ['DK', '2026-12-24', 'Juleaftensdag is an observance'],
    ['DK', '2026-05-01', '1 May is not a public holiday in DK'],
    ['DK', '2024-04-26', 'Store Bededag was abolished from 2024'],
    ['DK', '2026-05-01', 'Store Bededag 2026 would have been 1 May'],
    ['SE', '2026-12-24', 'julafton: "bank" in the library, excluded by RULES.md D6'],
    ['SE', '2026-06-19', 'midsommarafton: "bank", not a public holiday'],
    ['SE', '2026-12-31', 'nyårsafton: "bank"'],
    ['SE', '2026-05-25', 'annandag pingst stopped being a holiday in 2005'],
    ['SE', '2026-04-02', 'skärtorsdagen is an observance'],
    ['PT', '2026-02-17', 'Carnaval is an observance'],
    ['PT', '2026-12-24', 'Noite de Natal is an observance'],
    ['PT', '2026-04-06', 'Easter Monday is not a PT holiday'],
    ['BE', '2026-04-03', 'Good Friday is not a BE holiday'],
    ['BE', '2026-11-02', 'Fête des morts is an observance'],
    ['LU', '2026-04-03', 'Good Friday is an observance in LU']
  ]
  it.each(notHoliday)('%s %s is a working day (%s)', (market, date) => {
    expect(publicHoliday(market, date)).toBeUndefined()
    expect(isWorkingDay(market, date)).toBe(true)
  })

  it('lists exactly the DK public holidays of 2026', () => {
    expect([...publicHolidays('DK', 2026).keys()]).toEqual([
      '2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06',
      '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26'
    ])
  })

  it('lists exactly the SE public holidays of 2026', () => {
    expect([...publicHolidays('SE', 2026).keys()]).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01',
      '2026-05-14', '2026-05-24', '2026-06-06', '2026-06-20', '2026-10-31', '2026-12-25', '2026-12-26'
    ])
  })

  it('keeps both names when two holidays share a day (LU 2024-05-09: Europe Day and Ascension)', () => {
    expect(publicHoliday('LU', '2024-05-09')).toEqual({ date: '2024-05-09', name: 'Journée de l’Europe / Ascension', nameEn: 'Europe Day / Ascension Day' })
  })

  it('gives the local and the English name', () => {
    expect(publicHoliday('DK', '2026-04-03')).toEqual({ date: '2026-04-03', name: 'Langfredag', nameEn: 'Good Friday' })
    expect(publicHolidays('SE', 2026).get('2026-06-06')).toEqual({ date: '2026-06-06', name: 'nationaldagen', nameEn: 'National Day' })
    expect(publicHolidays('PT', 2026)).toBe(publicHolidays('PT', 2026))
  })

  // The library switches an instance's language when asked for English names: every year after the
  // first came back with English "local" names (found by this test).
  it('keeps the local names for every year, not only the first one asked for', () => {
    publicHolidays('DK', 2030)
    expect(publicHoliday('DK', '2031-04-11')).toEqual({ date: '2031-04-11', name: 'Langfredag', nameEn: 'Good Friday' })
    expect(publicHoliday('SE', '2031-04-11')?.name).toBe('långfredagen')
  })

  it('says why a day is not a working day: the weekend first, the holiday name too', () => {
    expect(nonWorkingReason('DK', '2026-03-21')).toEqual({ date: '2026-03-21', reason: 'saturday' })
    expect(nonWorkingReason('DK', '2026-03-22')).toEqual({ date: '2026-03-22', reason: 'sunday' })
    expect(nonWorkingReason('SE', '2026-06-06')).toEqual({ date: '2026-06-06', reason: 'saturday', holidayName: 'nationaldagen', holidayNameEn: 'National Day' })
    expect(nonWorkingReason('DK', '2026-04-05')).toEqual({ date: '2026-04-05', reason: 'sunday', holidayName: 'Påskedag', holidayNameEn: 'Easter Sunday' })
    expect(nonWorkingReason('DK', '2026-04-06')).toEqual({ date: '2026-04-06', reason: 'holiday', holidayName: 'Anden påskedag', holidayNameEn: 'Easter Monday' })
    expect(nonWorkingReason('DK', '2026-04-07')).toBeNull()
  })

  it('explains a shift in words for the agent', () => {
    expect(describeShifts(rollForward('SE', '2026-06-05').shifts)).toBe('')
    expect(describeShifts(rollForward('SE', '2026-06-06').shifts)).toBe('2026-06-06 (Saturday: National Day), 2026-06-07 (Sunday)')
    expect(describeShifts(rollForward('BE', '2026-07-21').shifts)).toBe('2026-07-21 (public holiday: National Holiday)')
  })

  it('gives weekends and holidays their reason, holiday names included', () => {
    const r = rollForward('DK', '2026-04-03')
    expect(r.date).toBe('2026-04-07')
    expect(r.shifts.map((s) => [s.date, s.reason])).toEqual([
      ['2026-04-03', 'holiday'],
      ['2026-04-04', 'saturday'],
      ['2026-04-05', 'sunday'],
      ['2026-04-06', 'holiday']
    ])
    expect(r.shifts[0]?.holidayNameEn).toBe('Good Friday')
    expect(r.shifts[2]?.holidayName).toBe('Påskedag')
    expect(r.shifts[1]?.holidayName).toBeUndefined()
    expect(r.nominal).toBe('2026-04-03')
    expect(rollForward('DK', '2026-04-07')).toEqual({ date: '2026-04-07', nominal: '2026-04-07', shifts: [] })
  })
})

describe('D6 — 14-day period end per market (day of the event not counted, rolled to a working day)', () => {
  const cases: Array<[string, Market, string, string]> = [
    ['RULES.md example: Good Friday, Easter weekend and Easter Monday', 'DK', '2026-03-20', '2026-04-07'],
    ['Maundy Thursday is a DK holiday', 'DK', '2026-03-19', '2026-04-07'],
    ['SE: Good Friday and Easter Monday', 'SE', '2026-03-20', '2026-04-07'],
    ['PT: Good Friday but not Easter Monday', 'PT', '2026-03-20', '2026-04-06'],
    ['BE: Good Friday is a working day', 'BE', '2026-03-20', '2026-04-03'],
    ['LU: Good Friday is a working day', 'LU', '2026-03-20', '2026-04-03'],
    ['DK: Whit Monday (Anden pinsedag) moves it', 'DK', '2025-05-26', '2025-06-10'],
    ['BE: Whit Monday (Lundi de Pentecôte) moves it', 'BE', '2025-05-26', '2025-06-10'],
    ['SE: Whit Monday is a working day since 2005', 'SE', '2025-05-26', '2025-06-09'],
    ['SE: national day 6 June', 'SE', '2028-05-23', '2028-06-07'],
    ['PT: Dia de Portugal 10 June', 'PT', '2026-05-27', '2026-06-11'],
    ['PT: Corpo de Deus', 'PT', '2026-05-21', '2026-06-05'],
    ['BE: Fête nationale 21 July', 'BE', '2026-07-07', '2026-07-22'],
    ['LU: Fête nationale 23 June', 'LU', '2026-06-09', '2026-06-24'],
    ['BE: 23 June is a working day', 'BE', '2026-06-09', '2026-06-23'],
    ['DK: Grundlovsdag 5 June is NOT a holiday', 'DK', '2026-05-22', '2026-06-05'],
    ['DK: 24 December is not a holiday', 'DK', '2026-12-10', '2026-12-24'],
    ['SE: julafton is not a public holiday (RULES.md D6)', 'SE', '2026-12-10', '2026-12-24'],
    ['year end: Anden juledag on a Saturday, then Sunday', 'DK', '2026-12-12', '2026-12-28'],
    ['year change: New Year on a Friday, then a weekend', 'SE', '2026-12-18', '2027-01-04'],
    ['SE: trettondedag jul after the year change', 'SE', '2026-12-23', '2027-01-07'],
    ['DK: 6 January is a working day', 'DK', '2026-12-23', '2027-01-06'],
    ['leap day is a working day', 'DK', '2028-02-15', '2028-02-29'],
    ['across the leap day', 'PT', '2028-02-16', '2028-03-01'],
    ['month end: ends on Saturday 31 January', 'DK', '2026-01-17', '2026-02-02'],
    ['a plain Tuesday', 'BE', '2026-02-03', '2026-02-17']
  ]
  it.each(cases)('%s (%s, concluded %s → %s)', (_name, market, event, expected) => {
    expect(periodEnd(market, event, 14).date).toBe(expected)
  })
})
