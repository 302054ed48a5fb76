import { describe, expect, it } from 'vitest'
import { listServices, type ServiceListing, type ServiceValidity } from './index'

function svc(l: ServiceListing, name: string): ServiceValidity {
  const s = l.services.find((x) => x.service === name)
  if (!s) throw new Error(`no service ${name} in ${l.services.map((x) => x.service).join(', ')}`)
  return s
}

describe('BE/LU catalogue (seed 000 L49–L131)', () => {
  const reg = '2022-05-10'

  it('BE L55 — 3 Ans runs three years from first registration, last day included', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, '2025-05-10')
    const s = svc(l, 'Intelligent Voice Control')
    expect(s.start).toBe('2022-05-10')
    expect(s.end).toBe('2025-05-10')
    expect(s.active).toBe(true)
    const next = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, '2025-05-11'), 'Intelligent Voice Control')
    expect(next.active).toBe(false)
    expect(next.status).toBe('expired')
  })

  it('BE L51 — Illimité has no end', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK'] } }, '2040-01-01'), 'Customer Hotline')
    expect(s.end).toBeNull()
    expect(s.openEnded).toBe(true)
    expect(s.endText).toBe('open-ended')
    expect(s.active).toBe(true)
  })

  it('BE L71 vs L105 — Send to Car: 3 Ans in 6AK, Illimité in 7GH → open-ended, conflict flagged', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', '7GH'] } }, '2030-01-01')
    const s = svc(l, 'Send to Car')
    expect(s.openEnded).toBe(true)
    expect(s.end).toBeNull()
    expect(s.active).toBe(true)
    expect(s.durationConflict).toBe(true)
    expect(s.grants.map((g) => [g.code, g.durationLabel])).toEqual([['6AK', '3 Ans'], ['7GH', 'Illimité']])
    expect(s.clauses.some((c) => c.startsWith('BE L71'))).toBe(true)
  })

  it('BE L71 — Send to Car with 6AK only ends after 3 years', () => {
    const s = svc(listServices({ vehicle: { market: 'LU', firstRegistration: reg, equipment: ['6AK'] } }, '2030-01-01'), 'Send to Car')
    expect(s.end).toBe('2025-05-10')
    expect(s.durationConflict).toBe(false)
  })

  it('D9 — 5 Ans (6AG) is assumed 5 years from first registration and flagged', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AG'] } }, '2026-01-01'), 'MINI eDrive Services')
    expect(s.end).toBe('2027-05-10')
    expect(s.assumptions).toEqual(['D9'])
    expect(s.clauses.some((c) => c.startsWith('D9'))).toBe(true)
  })

  it('BE L55 — leap-day registration: 3 years end on 28 February', () => {
    const s = svc(listServices({ vehicle: { market: 'BE', firstRegistration: '2028-02-29', equipment: ['6AM'] } }, '2031-02-28'), 'Online Routing')
    expect(s.end).toBe('2031-02-28')
    expect(s.active).toBe(true)
  })

  it('RULES.md §6 — not registered yet: starts at first registration', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: null, equipment: ['6AK'] } }, '2026-01-01')
    const s = svc(l, 'Send to Car')
    expect(s.start).toBeNull()
    expect(s.status).toBe('pending-registration')
    expect(s.startsAt).toBe('first-registration')
    expect(s.startText).toBe('starts at first registration')
    expect(s.notEnded).toBe(true)
    expect(l.registered).toBe(false)
  })

  it('BE L125 (seed note D4) — 6UM can name two packages: flagged, the wider reading shown', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6UM'] } }, '2026-01-01')
    expect(l.ambiguousEquipment).toEqual(['6UM'])
    expect(svc(l, 'Legal Emergency Call').ambiguousCode).toBe('6UM')
    expect(svc(l, 'USB Mises à jour des cartes').end).toBe('2025-05-10')
    const full = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['606/6UM'] } }, '2026-01-01')
    expect(full.ambiguousEquipment).toEqual([])
    expect(full.services.map((s) => s.service)).toEqual(['USB Mises à jour des cartes'])
  })

  it('lists unknown equipment instead of guessing', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', 'XYZ'] } }, '2026-01-01')
    expect(l.unknownEquipment).toEqual(['XYZ'])
  })

  it('BE L70 (seed note D3) — "/MINI Apps - /MINI Online" and "MINI Apps - MINI Online" are one service', () => {
    const l = listServices({ vehicle: { market: 'BE', firstRegistration: reg, equipment: ['6AK', '7GG'] } }, '2026-01-01')
    expect(l.services.filter((s) => s.service.includes('MINI Online'))).toHaveLength(1)
  })
})

describe('PT catalogue (seed 004 I.1–I.2, D10)', () => {
  it('D10 — SA6AK 3 Anos from first registration; basic services lifetime', () => {
    const l = listServices({ vehicle: { market: 'PT', firstRegistration: '2023-06-01', equipment: ['SA6AE', 'SA6AC', 'SA6AK'] } }, '2026-06-02')
    expect(svc(l, 'Serviços ConnectedDrive').end).toBe('2026-06-01')
    expect(svc(l, 'Serviços ConnectedDrive').status).toBe('expired')
    expect(svc(l, 'MINI Online').end).toBe('2026-06-01')
    expect(svc(l, 'TeleServices').openEnded).toBe(true)
    expect(svc(l, 'eCall Inteligente').active).toBe(true)
    expect(l.clauses.some((c) => c.startsWith('D10'))).toBe(true)
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
          { code: 'MCP', name: 'MINI Connected Package', purchasedAt: '2026-03-01', termDays: 30 }
        ]
      },
      '2027-02-10'
    )
    expect(svc(l, 'Remote Services')).toMatchObject({ start: '2026-02-10', end: '2027-02-10', active: true })
    expect(svc(l, 'Teleservices')).toMatchObject({ openEnded: true, end: null, active: true })
    expect(svc(l, 'MINI Connected Package')).toMatchObject({ end: '2026-03-31', status: 'expired' })
    // DK/SE: the equipment is not a catalogue
    expect(l.unknownEquipment).toEqual([])
  })

  it('RULES.md §6 — a purchase made before first registration starts at first registration', () => {
    const l = listServices(
      { vehicle: { market: 'SE', firstRegistration: '2026-01-15', equipment: [] }, purchases: [{ code: 'X', name: 'Connected Navigation', purchasedAt: '2025-12-01', termMonths: 24 }] },
      '2026-01-01'
    )
    expect(svc(l, 'Connected Navigation')).toMatchObject({ start: '2026-01-15', end: '2028-01-15', status: 'not-started', notEnded: true })
  })

  it('RULES.md §6 — SE vehicle not registered: starts at first registration', () => {
    const l = listServices(
      { vehicle: { market: 'SE', firstRegistration: null, equipment: [] }, purchases: [{ code: 'X', name: 'Connected Navigation', purchasedAt: '2025-12-01', termMonths: 24 }] },
      '2026-01-01'
    )
    expect(svc(l, 'Connected Navigation').status).toBe('pending-registration')
  })
})
