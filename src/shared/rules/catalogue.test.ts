import { describe, expect, it } from 'vitest'
import {
  BE_DURATIONS,
  BE_LU_PACKAGES,
  DK_SE_BASIC_SERVICES,
  isCitation,
  LEGAL_ECALL_OPTION_CODES,
  LEGAL_SERVICE_NAMES,
  MARKET_INFO,
  MARKETS,
  PT_DURATIONS,
  PT_PACKAGES,
  RECIPIENT_SETTING_MARKETS,
  recipientIsSetting,
  SERVICE_CATALOGUES,
  SIM_RULES,
  TERMINATION_RULES,
  VERIFICATION,
  withdrawalContracts,
  WITHDRAWAL_RULES,
  type SourceRef
} from './index'

// The catalogue is the market facts as data, each citing where it is written. These tests state
// the facts as the seeds print them (quoted in ../shared/spec/sources) and that every fact cites.

function expectCites(source: SourceRef): void {
  expect(isCitation(source.ref)).toBe(true)
  expect(source.seed).toMatch(/^\d{3} /)
}

describe('MARKETS — one list, every market table keyed by it', () => {
  it('is DK, SE, PT, BE, LU', () => {
    expect(MARKETS).toEqual(['DK', 'SE', 'PT', 'BE', 'LU'])
  })

  it.each(MARKETS)('%s has an entry in every market table, and the entry is its own', (m) => {
    expect(MARKET_INFO[m].market).toBe(m)
    expect(SIM_RULES[m].market).toBe(m)
    expect(WITHDRAWAL_RULES[m].connected.market).toBe(m)
    expect(WITHDRAWAL_RULES[m].connected.contract).toBe('connected')
    expect(SERVICE_CATALOGUES[m]).toBeDefined()
    expect(TERMINATION_RULES[m]).toBeDefined()
  })
})

describe('WITHDRAWAL_RULES — the period (RULES.md §5 table)', () => {
  it.each([
    ['DK', 'connected', 'conclusion', 14],
    ['DK', 'service-inclusive', 'conclusion', 14],
    ['SE', 'connected', 'conclusion', 14],
    ['PT', 'connected', 'instructions-receipt', 30],
    ['BE', 'connected', 'conclusion', 14],
    ['LU', 'connected', 'conclusion', 14]
  ] as const)('%s %s: 14 days counted from %s, refund due %i days after receipt of the notice', (m, contract, periodFrom, refundDays) => {
    const rule = WITHDRAWAL_RULES[m][contract]!
    // The entry is the one for this market and contract.
    expect(rule).toMatchObject({ market: m, contract, periodDays: 14, periodFrom, refundDays })
  })
})

describe('MARKET_INFO — contract party, currency, language, holiday country', () => {
  it.each([
    ['DK', 'DKK', 'da'],
    ['SE', 'SEK', 'sv'],
    ['PT', 'EUR', 'pt'],
    ['BE', 'EUR', 'fr'],
    ['LU', 'EUR', 'fr']
  ] as const)('%s: %s, %s, its own national holidays, 100 minor units', (m, currency, language) => {
    expect(MARKET_INFO[m]).toMatchObject({ holidayCountry: m, currency, language, minorPerMajor: 100 })
    expectCites(MARKET_INFO[m].contractParty.source)
  })

  it('the contract parties as the terms name them (DK GTC 1.1, SE GTC 1.1, PT II.1); BE/LU name none (D5)', () => {
    expect(MARKET_INFO.DK.contractParty).toMatchObject({ name: 'BMW Danmark A/S', address: 'Borgmester Christiansens Gade 50, DK-2450 København SV', companyId: '10068622', source: { ref: 'DK GTC 1.1' } })
    expect(MARKET_INFO.SE.contractParty).toMatchObject({ name: 'BMW Northern Europe AB', address: 'Vetenskapsvägen 10, 191 38 Sollentuna, Sverige', companyId: '556313-5002', source: { ref: 'SE GTC 1.1' } })
    expect(MARKET_INFO.PT.contractParty).toMatchObject({ name: 'BMW Portugal, Lda', address: 'Lagoas Park, Edifício 11, Piso 2, Porto Salvo', companyId: '506 698 521', source: { ref: 'PT II.1' } })
    expect(MARKET_INFO.BE.contractParty).toMatchObject({ name: '', source: { ref: 'D5' } })
    expect(MARKET_INFO.LU.contractParty).toMatchObject({ name: '', source: { ref: 'D5' } })
  })
})

describe('withdrawal rules (RULES.md §5) cite where they are written', () => {
  it.each(MARKETS)('%s: every clause list holds citations; a fixed recipient cites its line', (m) => {
    for (const rule of [WITHDRAWAL_RULES[m].connected, WITHDRAWAL_RULES[m]['service-inclusive']]) {
      if (rule === undefined) continue
      for (const list of [rule.consumerClauses, rule.channelClauses, rule.periodClauses, rule.refundClauses, rule.proRataClauses, rule.lapseClauses, rule.recipientClauses]) {
        expect(list.length).toBeGreaterThan(0)
        for (const c of list) expect(isCitation(c)).toBe(true)
      }
      if (rule.recipient) expectCites(rule.recipient.source)
    }
  })

  it('D5: BE and LU, whose terms name no recipient, take it from a setting; DK, SE and PT never do', () => {
    expect(RECIPIENT_SETTING_MARKETS).toEqual(['BE', 'LU'])
    expect(MARKETS.map((m) => [m, recipientIsSetting(m)])).toEqual([['DK', false], ['SE', false], ['PT', false], ['BE', true], ['LU', true]])
    for (const m of RECIPIENT_SETTING_MARKETS) expect(WITHDRAWAL_RULES[m].connected.recipientClauses).toEqual(['D5'])
  })

  it('Service Inclusive exists in DK only', () => {
    expect(MARKETS.filter((m) => WITHDRAWAL_RULES[m]['service-inclusive'] !== undefined)).toEqual(['DK'])
    expect(MARKETS.map((m) => [m, withdrawalContracts(m)])).toEqual([['DK', ['connected', 'service-inclusive']], ['SE', ['connected']], ['PT', ['connected']], ['BE', ['connected']], ['LU', ['connected']]])
  })
})

describe('SIM rules (RULES.md §3, §4) cite where they are written', () => {
  it.each(MARKETS)('%s: who may ask, what stays on, what is lost', (m) => {
    const r = SIM_RULES[m]
    for (const list of Object.values(r.refs)) for (const c of list) expect(isCitation(c)).toBe(true)
    expect(r.refs.who).toContain('D2')
    expect(r.refs.legalEcall.length).toBeGreaterThan(0)
    expect(r.refs.emergencyCallLost.length).toBeGreaterThan(0)
    expect(r.refs.reactivation).toContain('D4')
  })

  it('only DK and SE deactivations touch the contract; only they cancel a pending termination by reactivating', () => {
    expect(MARKETS.map((m) => [m, SIM_RULES[m].contract !== null, SIM_RULES[m].reactivationCancelsTermination, SIM_RULES[m].activatedFunctionsStayOffline])).toEqual([
      ['DK', true, true, true],
      ['SE', true, true, true],
      ['PT', false, false, false],
      ['BE', false, false, false],
      ['LU', false, false, false]
    ])
    expect(SIM_RULES.DK.contract).toEqual({ terminationNoticeMonths: 1, d12: { anyCustomer: true } })
    expect(SIM_RULES.SE.contract).toEqual({ terminationNoticeMonths: 1, d12: { anyCustomer: false, consumerChannels: ['distance', 'off-premises'] } })
  })
})

describe('service catalogues (RULES.md §6)', () => {
  it('BE/LU durations as seed 000 words them; «5 Ans» is an assumption (D9)', () => {
    expect(Object.values(BE_DURATIONS).map((d) => [d.label, d.printed, d.years ?? null, d.months ?? null, d.openEnded, d.assumption ?? null])).toEqual([
      ['unlimited', 'Illimité', null, null, true, null],
      ['3y', '3 Ans', 3, null, false, null],
      ['1y', '1 An', 1, null, false, null],
      ['3m', '3 mois', null, 3, false, null],
      ['5y', '5 Ans', 5, null, false, 'D9']
    ])
    for (const d of [...Object.values(BE_DURATIONS), ...Object.values(PT_DURATIONS)]) expectCites(d.source)
    // PT (seed 004 I.1–I.2) words the same two durations as BE's Illimité and 3 Ans.
    expect(PT_DURATIONS.lifetime).toMatchObject({ label: 'unlimited', printed: 'Vitalício', openEnded: true })
    expect(PT_DURATIONS['3y']).toMatchObject({ label: '3y', printed: '3 Anos', years: 3, openEnded: false })
  })

  it('BE/LU: the 13 packages of seed 000, each with its services and the line they are on', () => {
    expect(BE_LU_PACKAGES.map((p) => p.code)).toEqual(['6AK', '6AG', '6AC', '6AF', '606/6UM', '6AM', '6AN', '6AP', '7GG', '7GH', '7GK', '6FP', '6UM'])
    for (const p of BE_LU_PACKAGES) {
      expect(p.name).not.toBe('')
      expect(p.seedLines).toMatch(/^000 L\d+/)
      expect(p.matchCodes.length).toBeGreaterThan(0)
      expect(p.grants.length).toBeGreaterThan(0)
      for (const g of p.grants) {
        expect(g.service).not.toBe('')
        expect(g.printed).toContain(g.service.split(' - ')[0]!)
        expect(g.seedLine).toMatch(/^L\d+$/)
      }
    }
    expect(BE_LU_PACKAGES.filter((p) => p.ambiguousWith !== undefined).map((p) => [p.code, p.ambiguousWith])).toEqual([
      ['606/6UM', '6UM'],
      ['6UM', '606/6UM']
    ])
  })

  it('D1 — the packages that carry Legal Emergency Call are exactly the legal-eCall option codes', () => {
    const carrying = BE_LU_PACKAGES.filter((p) => p.grants.some((g) => LEGAL_SERVICE_NAMES.includes(g.service))).map((p) => p.code)
    expect(carrying).toEqual(['6AF', '6FP', '6UM'])
    expect(LEGAL_ECALL_OPTION_CODES).toEqual(carrying)
  })

  it('PT: SA6AE and SA6AC are the free basic services (I.1); the rest are optional (I.2)', () => {
    expect(PT_PACKAGES.map((p) => [p.code, p.matchCodes, p.basic === true])).toEqual([
      ['SA6AE', ['6AE'], true],
      ['SA6AC', ['6AC'], true],
      ['SA6AK', ['6AK'], false],
      ['SA6AN', ['6AN'], false],
      ['SA6AM', ['6AM'], false],
      ['SA6AP', ['6AP'], false],
      ['SA6AG', ['6AG'], false],
      ['SA6CP', ['6CP'], false]
    ])
    for (const p of PT_PACKAGES) {
      expect(p.seedLines).toMatch(/^004 I\.\d/)
      for (const g of p.grants) expect(g.seedLine).toMatch(/^I\.\d\.\d$/)
    }
  })

  it('DK/SE: services come from purchase records; the basic services of the DK catalogue overview', () => {
    expect(MARKETS.map((m) => SERVICE_CATALOGUES[m].basis)).toEqual(['purchases', 'purchases', 'equipment-from-first-registration', 'equipment-from-first-registration', 'equipment-from-first-registration'])
    for (const m of MARKETS) expect(SERVICE_CATALOGUES[m].purchaseSeedLine).toMatch(/^\d{3} /)
    expect(DK_SE_BASIC_SERVICES).toEqual({ '6AE': 'Teleservices', '6AC': 'Intelligent Emergency Call', '6AF': 'Legal Emergency Call' })
  })
})

describe('verification (D11)', () => {
  it('three failures lock for 15 minutes; the name rule comes from the seed 002 pattern', () => {
    expect(VERIFICATION).toEqual({ maxFailures: 3, lockMinutes: 15, clauses: ['D11', 'CA FAQ Associez votre compte'] })
  })
})
