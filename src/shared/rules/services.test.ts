import { describe, expect, it } from 'vitest'
import {
  BE_DURATIONS,
  isAmbiguousEquipment,
  isLegalService,
  listServices,
  packagesForEquipment,
  PT_DURATIONS,
  type ServiceListing,
  type ServiceValidity
} from './index'
import { validityEnd } from './services'

function svc(l: ServiceListing, name: string): ServiceValidity {
  const s = l.services.find((x) => x.service === name)
  if (!s) throw new Error(`no service ${name} in ${l.services.map((x) => x.service).join(', ')}`)
  return s
}

describe('validity of a catalogue duration (BE/LU «Durée des services», PT I.1–I.2)', () => {
  it.each([
    ['3y', '2022-05-10', '2025-05-10'],
    ['1y', '2022-05-10', '2023-05-10'],
    ['3m', '2022-05-10', '2022-08-10'],
    ['3m', '2022-11-30', '2023-02-28'],
    ['5y', '2024-02-29', '2029-02-28']
  ] as const)('«%s» from first registration %s ends on %s (last day included)', (label, start, end) => {
    expect(validityEnd(start, BE_DURATIONS[label])).toBe(end)
  })

  it('«Illimité» and «Vitalício» have no end', () => {
    expect(validityEnd('2022-05-10', BE_DURATIONS.unlimited)).toBeNull()
    expect(validityEnd('2022-05-10', PT_DURATIONS.lifetime)).toBeNull()
    expect(validityEnd('2022-05-10', PT_DURATIONS['3y'])).toBe('2025-05-10')
  })
})

describe('BE/LU catalogue (seed 000 «Durée des services»)', () => {
  const reg = '2022-05-10'

  it('3 Ans runs three years from first registration: active on its first and last day, expired the day after', () => {
    const on = (date: string): ServiceValidity => svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, date), 'Intelligent Voice Control')
    expect(on('2022-05-10')).toMatchObject({ start: '2022-05-10', end: '2025-05-10', status: 'active', active: true, notEnded: true })
    expect(on('2025-05-10')).toMatchObject({ status: 'active', active: true, startText: '2022-05-10', endText: '2025-05-10' })
    expect(on('2025-05-11')).toMatchObject({ status: 'expired', active: false, notEnded: false })
  })

  it('Illimité has no end', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, '2040-01-01'), 'Customer Hotline')
    expect(s).toMatchObject({ end: null, openEnded: true, endText: 'open-ended', active: true, durationConflict: false, clauses: [] })
  })

  it('lists every service of 6AK with its grant, sorted by name', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, '2024-01-01')
    expect(l).toMatchObject({ market: 'BE', on: '2024-01-01', basis: 'equipment-from-first-registration', registered: true, unknownEquipment: [], ambiguousEquipment: [], clauses: ['BE/LU durations'] })
    expect(l.services.map((s) => [s.service, s.end])).toEqual([
      ['Customer Hotline', null],
      ['Intelligent Voice Control', '2025-05-10'],
      ['MINI Apps - MINI Online', '2025-05-10'],
      ['My Info', null],
      ['Send to Car', '2025-05-10']
    ])
    expect(svc(l, 'Send to Car').grants).toEqual([
      { source: 'catalogue', code: '6AK', packageName: 'ConnectedDrive Services', durationLabel: '3 Ans', start: reg, end: '2025-05-10', openEnded: false, seedLine: '000 L71' }
    ])
  })

  it('RULES.md §6 — Send to Car: 3 Ans in 6AK, Illimité in 7GH → open-ended, conflict flagged and cited', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', '7GH'] } }, '2030-01-01')
    const s = svc(l, 'Send to Car')
    expect(s).toMatchObject({ openEnded: true, end: null, active: true, durationConflict: true, codes: ['6AK', '7GH'], clauses: ['BE/LU durations'] })
    expect(s.grants.map((g) => [g.code, g.durationLabel, g.seedLine])).toEqual([['6AK', '3 Ans', '000 L71'], ['7GH', 'Illimité', '000 L105']])
  })

  it('RULES.md §6 — two packages with the same duration: one service, one code each, no conflict', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AM', '7GH'] } }, '2024-01-01'), 'Online Routing')
    expect(s).toMatchObject({ codes: ['6AM', '7GH'], durationConflict: false, end: '2025-05-10', clauses: [] })
  })

  it('the same package printed twice is counted once', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', 'S6AK'] } }, '2024-01-01'), 'Send to Car')
    expect(s.grants).toHaveLength(1)
  })

  it('Send to Car with 6AK only ends after 3 years (LU uses the same catalogue)', () => {
    const s = svc(listServices({ vehicle: { market: 'LU', firstRegistration: reg, equipment: ['6AK'] } }, '2030-01-01'), 'Send to Car')
    expect(s.end).toBe('2025-05-10')
    expect(s.durationConflict).toBe(false)
    expect(s.status).toBe('expired')
  })

  it('D9 — 5 Ans (6AG) is assumed 5 years from first registration and flagged', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AG'] } }, '2026-01-01'), 'MINI eDrive Services')
    expect(s).toMatchObject({ end: '2027-05-10', assumptions: ['D9'], clauses: ['D9'] })
    expect(s.grants[0]?.assumption).toBe('D9')
  })

  it('D9 — a Store renewal of an assumed service (BE «Services achetés en ligne») keeps the assumption flagged', () => {
    const l = listServices(
      {
        vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AG'] },
        purchases: [{ code: '6AG-R', name: 'MINI eDrive Services', purchasedAt: '2027-05-01', termMonths: 12 }]
      },
      '2028-01-01'
    )
    const s = svc(l, 'MINI eDrive Services')
    expect(s).toMatchObject({ end: '2028-05-01', assumptions: ['D9'], durationConflict: true, active: true, codes: ['6AG', '6AG-R'] })
    expect(s.grants.map((g) => [g.source, g.seedLine])).toEqual([['catalogue', '000 L73'], ['purchase', '000 L135 (Store purchase or renewal)']])
    expect(s.clauses).toEqual(['BE/LU durations', 'D9'])
  })

  it('leap-day registration: 3 years end on 28 February', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: '2028-02-29', equipment: ['6AM'] } }, '2031-02-28'), 'Online Routing')
    expect(s.end).toBe('2031-02-28')
    expect(s.active).toBe(true)
  })

  it('RULES.md §6 — not registered yet: every service starts at first registration', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: null, equipment: ['6AK'] } }, '2026-01-01')
    expect(l.registered).toBe(false)
    expect(l.clauses).toEqual(['BE/LU durations'])
    for (const s of l.services) {
      expect(s).toMatchObject({
        start: null,
        end: null,
        status: 'pending-registration',
        active: false,
        notEnded: true,
        startsAt: 'first-registration',
        startText: 'starts at first registration'
      })
    }
    expect(svc(l, 'Send to Car').endText).toBe('starts at first registration')
    expect(svc(l, 'My Info').endText).toBe('open-ended')
    expect(svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, '2026-01-01'), 'My Info').startsAt).toBeUndefined()
  })

  it('seed 000 note D4 — 6UM can name two packages: flagged, the wider reading shown', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6UM'] } }, '2026-01-01')
    expect(l.ambiguousEquipment).toEqual(['6UM'])
    expect(svc(l, 'Legal Emergency Call')).toMatchObject({ ambiguousCode: '6UM', clauses: ['BE/LU durations'] })
    expect(svc(l, 'USB Mises à jour des cartes').end).toBe('2025-05-10')
    expect(l.services.map((s) => s.service)).toEqual(['Customer Hotline', 'Intelligent Emergency Call', 'Legal Emergency Call', 'Teleservices', 'USB Mises à jour des cartes'])
    const full = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['606/6UM'] } }, '2026-01-01')
    expect(full.ambiguousEquipment).toEqual([])
    expect(full.services.map((s) => s.service)).toEqual(['USB Mises à jour des cartes'])
    expect(full.services[0]?.ambiguousCode).toBeUndefined()
  })

  it('lists unknown equipment instead of guessing', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', 'XYZ'] } }, '2026-01-01')
    expect(l.unknownEquipment).toEqual(['XYZ'])
  })

  it('seed 000 note D3 — "/MINI Apps - /MINI Online" and "MINI Apps - MINI Online" are one service', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', '7GG'] } }, '2026-01-01')
    expect(l.services.filter((s) => s.service.includes('MINI Online'))).toHaveLength(1)
  })
})

describe('which package an equipment code names (seed 000 note D4)', () => {
  it.each([
    ['6UM', true],
    [' 6um ', true],
    ['606/6UM', false],
    [' 606/6um ', false],
    ['S6UM', true],
    ['606', false],
    ['6AK', false],
    ['XYZ', false]
  ])('BE %j is ambiguous: %s', (printed, ambiguous) => {
    expect(isAmbiguousEquipment('BE', printed)).toBe(ambiguous)
  })

  it('DK and SE have no package catalogue: nothing is ambiguous, nothing matches', () => {
    expect(isAmbiguousEquipment('DK', '6UM')).toBe(false)
    expect(packagesForEquipment('SE', '6AK')).toEqual([])
    expect(listServices({ vehicle: { market: 'DK', firstRegistration: '2026-01-15', equipment: ['6UM', '6AK'] } }, '2026-03-01')).toMatchObject({
      basis: 'purchases',
      services: [],
      unknownEquipment: [],
      ambiguousEquipment: [],
      clauses: ['DK GTC 8.2']
    })
  })

  it.each([
    ['BE', '606/6UM', ['606/6UM']],
    ['BE', '606/6um', ['606/6UM']],
    ['BE', ' 606/6UM ', ['606/6UM']],
    ['BE', '6UM', ['6UM']],
    ['BE', '606', ['606/6UM']],
    ['BE', 'S6AK', ['6AK']],
    ['PT', 'SA6AE', ['SA6AE']],
    ['PT', ' sa6ae ', ['SA6AE']],
    ['PT', '6AE', ['SA6AE']],
    ['PT', '6AF', []]
  ] as const)('%s %j names the packages %j', (market, printed, codes) => {
    expect(packagesForEquipment(market, printed).map((p) => p.code)).toEqual(codes)
  })

  it('RULES.md §2 — Legal Emergency Call is the legal function itself, other services are not', () => {
    expect(isLegalService('Legal Emergency Call')).toBe(true)
    expect(isLegalService('Intelligent Emergency Call')).toBe(false)
  })
})

describe('PT catalogue (seed 004 I.1–I.2, D10)', () => {
  it('D10 — SA6AK 3 Anos from first registration; basic services lifetime', () => {
    const l = listServices({ vehicle: { market: 'PT', firstRegistration: '2023-06-01', equipment: ['SA6AE', 'SA6AC', 'SA6AK'] } }, '2026-06-02')
    expect(svc(l, 'Serviços ConnectedDrive')).toMatchObject({ end: '2026-06-01', status: 'expired' })
    expect(svc(l, 'MINI Online').end).toBe('2026-06-01')
    expect(svc(l, 'TeleServices').openEnded).toBe(true)
    expect(svc(l, 'eCall Inteligente').active).toBe(true)
    expect(svc(l, 'TeleServices').grants[0]).toMatchObject({ durationLabel: 'Vitalício', seedLine: '004 I.1.1' })
    expect(l.clauses).toEqual(['PT I.1', 'PT I.2', 'D10'])
  })

  it('PT I.2 — codes without the SA prefix match too', () => {
    const l = listServices({ vehicle: { market: 'PT', firstRegistration: '2023-06-01', equipment: ['6AP'] } }, '2024-01-01')
    expect(svc(l, 'Serviços Remote').active).toBe(true)
  })
})

describe('DK/SE purchase records (DK GTC 8.2, SE GTC 8.3)', () => {
  it('DK GTC 8.2 — term from purchase; basic services indefinite', () => {
    const l = listServices(
      {
        vehicle: { market: 'DK', firstRegistration: '2026-01-15', equipment: ['6AE'] },
        purchases: [
          { code: 'SA6AP', name: 'Remote Services', purchasedAt: '2026-02-10', termMonths: 12 },
          { code: 'SA6AE', name: 'Teleservices', purchasedAt: '2026-01-15', basic: true, termMonths: 12 },
          { code: 'MCP', name: 'MINI Connected Package', purchasedAt: '2026-03-01', termDays: 30 },
          { code: 'APP', name: 'Apps', purchasedAt: '2026-03-01' }
        ]
      },
      '2027-02-10'
    )
    expect(svc(l, 'Remote Services')).toMatchObject({ start: '2026-02-10', end: '2027-02-10', active: true })
    expect(svc(l, 'Remote Services').grants).toEqual([
      { source: 'purchase', code: 'SA6AP', packageName: 'Remote Services', durationLabel: '12 months', start: '2026-02-10', end: '2027-02-10', openEnded: false, seedLine: '001 L511 (DK GTC 8.2)' }
    ])
    expect(svc(l, 'Teleservices')).toMatchObject({ openEnded: true, end: null, active: true })
    expect(svc(l, 'Teleservices').grants[0]).toMatchObject({ durationLabel: 'indefinite', openEnded: true, end: null })
    expect(svc(l, 'MINI Connected Package')).toMatchObject({ end: '2026-03-31', status: 'expired' })
    expect(svc(l, 'MINI Connected Package').grants[0]?.durationLabel).toBe('30 days')
    expect(svc(l, 'Apps')).toMatchObject({ openEnded: true, end: null, endText: 'open-ended' })
    expect(l.services.map((s) => s.service)).toEqual(['Apps', 'MINI Connected Package', 'Remote Services', 'Teleservices'])
    // DK/SE: the equipment is not a catalogue
    expect(l.unknownEquipment).toEqual([])
    expect(l.clauses).toEqual(['DK GTC 8.2'])
  })

  it('a service bought twice runs from the first purchase to the latest end', () => {
    const l = listServices(
      {
        vehicle: { market: 'SE', firstRegistration: '2026-01-15', equipment: [] },
        purchases: [
          { code: 'R2', name: 'Remote Services', purchasedAt: '2027-02-01', termMonths: 12 },
          { code: 'R1', name: 'Remote Services', purchasedAt: '2026-02-10', termMonths: 12 }
        ]
      },
      '2027-06-01'
    )
    expect(svc(l, 'Remote Services')).toMatchObject({ start: '2026-02-10', end: '2028-02-01', codes: ['R2', 'R1'], durationConflict: false, active: true })
    expect(l.clauses).toEqual(['SE GTC 8.3'])
  })

  it('RULES.md §6 — a purchase made before first registration starts at first registration', () => {
    const l = listServices(
      { vehicle: { market: 'SE', firstRegistration: '2026-01-15', equipment: [] }, purchases: [{ code: 'X', name: 'Connected Navigation', purchasedAt: '2025-12-01', termMonths: 24 }] },
      '2026-01-14'
    )
    expect(svc(l, 'Connected Navigation')).toMatchObject({ start: '2026-01-15', end: '2028-01-15', status: 'not-started', active: false, notEnded: true })
    const first = listServices(
      { vehicle: { market: 'SE', firstRegistration: '2026-01-15', equipment: [] }, purchases: [{ code: 'X', name: 'Connected Navigation', purchasedAt: '2025-12-01', termMonths: 24 }] },
      '2026-01-15'
    )
    expect(svc(first, 'Connected Navigation').status).toBe('active')
  })

  it('RULES.md §6 — SE vehicle not registered: starts at first registration', () => {
    const l = listServices(
      { vehicle: { market: 'SE', firstRegistration: null, equipment: [] }, purchases: [{ code: 'X', name: 'Connected Navigation', purchasedAt: '2025-12-01', termMonths: 24 }] },
      '2026-01-01'
    )
    expect(svc(l, 'Connected Navigation')).toMatchObject({ status: 'pending-registration', start: null, end: null, endText: 'starts at first registration' })
  })

  it('names the date that is not an ISO calendar date', () => {
    const vehicle = { market: 'DK' as const, firstRegistration: '2026-01-15', equipment: [] }
    expect(() => listServices({ vehicle }, '2026/03/01')).toThrow('on must be an ISO calendar date YYYY-MM-DD, got "2026/03/01"')
    expect(() => listServices({ vehicle: { ...vehicle, firstRegistration: '2026-02-30' } }, '2026-03-01')).toThrow('firstRegistration is not a real calendar date: 2026-02-30')
    expect(() => listServices({ vehicle, purchases: [{ code: 'X', name: 'X', purchasedAt: '1.1.2026' }] }, '2026-03-01')).toThrow(
      'purchase X purchasedAt must be an ISO calendar date YYYY-MM-DD, got "1.1.2026"'
    )
  })
})
