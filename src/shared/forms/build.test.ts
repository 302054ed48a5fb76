import { describe, expect, it } from 'vitest'
import { buildWithdrawalForm, lineText, type FormDocument, type WithdrawalFormRequest } from './index'
import {
  DK_CONNECTED_LINES,
  DK_SERVICE_INCLUSIVE_LINES,
  FR_LINES,
  PT_LINES,
  SE_LINES,
  STRUCK_ONE_CONSUMER,
  STRUCK_SEVERAL_CONSUMERS
} from './test-fixtures'

const BE_RECIPIENT = { name: 'Exemple S.A.', address: 'Avenue de l’Exemple 1\n1000 Bruxelles', email: 'retractation@example.com' }

function request(over: Partial<WithdrawalFormRequest> & Pick<WithdrawalFormRequest, 'market'>): WithdrawalFormRequest {
  return {
    contract: 'connected',
    mode: 'prefilled',
    consumers: ['Søren Ærø Østergård'],
    address: 'Æblehavevej 7\n8000 Aarhus C',
    orderedOn: '2026-03-20',
    services: 'MINI Connected',
    signedOn: '2026-03-27',
    caseNumber: 'WD-42',
    generatedOn: '2026-03-28',
    ...(over.market === 'BE' || over.market === 'LU' ? { recipient: BE_RECIPIENT } : {}),
    ...over
  }
}

/** The printed form as text: bullet, a space, the words (how the source writes each line). */
function printed(doc: FormDocument): string[] {
  return doc.lines.map((l) => (l.bullet ? `${l.bullet} ${lineText(l)}` : lineText(l)))
}

const struck = (doc: FormDocument) => doc.alternatives.filter((a) => a.struck).map((a) => a.text)

describe('verbatim wording', () => {
  it.each([
    ['DK MINI Connected', request({ market: 'DK' }), DK_CONNECTED_LINES],
    ['DK Service Inclusive', request({ market: 'DK', contract: 'service-inclusive' }), DK_SERVICE_INCLUSIVE_LINES],
    ['SE', request({ market: 'SE' }), SE_LINES],
    ['PT', request({ market: 'PT' }), PT_LINES]
  ])('%s: every line of the source, in order, nothing else', (_name, req, lines) => {
    expect(printed(buildWithdrawalForm(req))).toEqual(lines)
  })

  it.each(['BE', 'LU'] as const)('%s: the French EU model form, addressed to the supervisor setting (D5)', (market) => {
    const doc = buildWithdrawalForm(request({ market }))
    const text = printed(doc)
    expect(text.filter((l) => !l.startsWith('— À l’attention de'))).toEqual(FR_LINES)
    expect(text).toContain('— À l’attention de Exemple S.A., Avenue de l’Exemple 1, 1000 Bruxelles, retractation@example.com :')
    expect(doc.recipient).toMatchObject({ name: 'Exemple S.A.', email: 'retractation@example.com' })
  })

  it('a blank form prints the same wording', () => {
    expect(printed(buildWithdrawalForm(request({ market: 'DK', mode: 'blank' })))).toEqual(DK_CONNECTED_LINES)
    expect(printed(buildWithdrawalForm(request({ market: 'SE', mode: 'blank' })))).toEqual(SE_LINES)
  })

  it('language and title per RULES.md §9', () => {
    const cases = [
      [request({ market: 'DK' }), 'da', 'Standardfortrydelsesformular'],
      [request({ market: 'DK', contract: 'service-inclusive' }), 'da', 'Fortrydelsesformular'],
      [request({ market: 'SE' }), 'sv', 'Formulär för utövande av ångerrätt'],
      [request({ market: 'PT' }), 'pt', 'Modelo de formulário de livre resolução'],
      [request({ market: 'BE' }), 'fr', 'Modèle de formulaire de rétractation'],
      [request({ market: 'LU' }), 'fr', 'Modèle de formulaire de rétractation']
    ] as const
    for (const [req, language, title] of cases) {
      const doc = buildWithdrawalForm(req)
      expect(doc.language).toBe(language)
      expect(doc.title).toBe(title)
      expect(doc.metadata.language).toBe(language)
      expect(doc.metadata.title).toContain(title)
      expect(doc.metadata.author).toBe('MINI Back Office')
    }
  })
})

describe('recipients (RULES.md §5)', () => {
  it('DK, SE and PT come from the terms', () => {
    expect(buildWithdrawalForm(request({ market: 'DK' })).recipient).toMatchObject({ name: 'BMW Northern Europe AB', email: 'miniconnected.dk@mini.dk' })
    expect(buildWithdrawalForm(request({ market: 'DK', contract: 'service-inclusive' })).recipient).toMatchObject({
      name: 'BMW Danmark A/S',
      address: 'Borgmester Christiansens Gade 50, 2450 København SV',
      email: 'miniconnected.dk@mini.dk'
    })
    expect(buildWithdrawalForm(request({ market: 'SE' })).recipient).toMatchObject({
      name: 'BMW Northern Europe AB',
      address: 'Vetenskapsvägen 10, 191 38 Sollentuna',
      email: 'miniconnected.se@mini.se'
    })
    expect(buildWithdrawalForm(request({ market: 'PT' })).recipient).toMatchObject({
      name: 'BMW Portugal, Lda.',
      address: 'Lagoas Park, Edifício 11, 2.º Piso, 2740-422 Porto Salvo',
      email: 'info@MINI.pt'
    })
  })

  it('a recipient given for DK is ignored, with a warning', () => {
    const doc = buildWithdrawalForm(request({ market: 'DK', recipient: BE_RECIPIENT }))
    expect(doc.recipient.name).toBe('BMW Northern Europe AB')
    expect(doc.warnings.join(' ')).toMatch(/fixed by DK GTC 14/)
  })
})

describe('strike-through (RULES.md §9)', () => {
  const variants = [
    ['dk-connected', 'DK', 'connected'],
    ['dk-service-inclusive', 'DK', 'service-inclusive'],
    ['se-connected', 'SE', 'connected'],
    ['pt-connected', 'PT', 'connected'],
    ['fr-connected', 'BE', 'connected']
  ] as const

  it.each(variants)('%s, one consumer: plural, goods and "received" struck', (variant, market, contract) => {
    const doc = buildWithdrawalForm(request({ market, contract, consumers: ['Ана Петрова'] }))
    expect(struck(doc)).toEqual(STRUCK_ONE_CONSUMER[variant])
  })

  it.each(variants)('%s, two consumers: singular, goods and "received" struck', (variant, market, contract) => {
    const doc = buildWithdrawalForm(request({ market, contract, consumers: ['Łukasz Żółć', 'Αλέξανδρος Παπαδόπουλος'] }))
    expect(struck(doc)).toEqual(STRUCK_SEVERAL_CONSUMERS[variant])
  })

  it('services and "ordered on" are never struck', () => {
    for (const consumers of [['A B'], ['A B', 'C D'], ['A', 'B', 'C']]) {
      for (const market of ['DK', 'SE', 'PT', 'BE', 'LU'] as const) {
        const doc = buildWithdrawalForm(request({ market, consumers }))
        const kept = doc.alternatives.filter((a) => a.alternative === 'services' || a.alternative === 'ordered')
        expect(kept).toHaveLength(2)
        expect(kept.every((a) => !a.struck)).toBe(true)
      }
    }
  })

  it.each(variants)('%s blank: nothing struck, nothing filled, no footer', (_variant, market, contract) => {
    const doc = buildWithdrawalForm(request({ market, contract, mode: 'blank' }))
    expect(doc.alternatives.length).toBeGreaterThan(0)
    expect(doc.alternatives.some((a) => a.struck)).toBe(false)
    expect(doc.lines.flatMap((l) => l.values)).toEqual([])
    expect(doc.lines.some((l) => l.signatories !== undefined)).toBe(false)
    expect(doc.footer).toBeUndefined()
    expect(doc.fileName).toBe(`withdrawal-form-${market.toLowerCase()}-${contract}-blank.pdf`)
    expect(doc.warnings.join(' ')).toMatch(/blank form fills nothing/)
  })
})

describe('filled values', () => {
  it('names exactly as typed, one per line, in every script; the address line by line', () => {
    const consumers = ['Αλέξανδρος Παπαδόπουλος', 'Иван Петров', 'Łukasz Żółć']
    const doc = buildWithdrawalForm(request({ market: 'SE', consumers, address: 'Storgatan 12 B\r\n\n114 55 Stockholm  ' }))
    const byId = (id: string) => doc.lines.find((l) => l.id === id)
    expect(byId('se-connected.names')?.values.map((v) => v.text)).toEqual(consumers)
    expect(byId('se-connected.names')?.values.map((v) => v.source)).toEqual(['consumers[0]', 'consumers[1]', 'consumers[2]'])
    expect(byId('se-connected.name1')?.values.map((v) => v.text)).toEqual(['Αλέξανδρος Παπαδόπουλος'])
    expect(byId('se-connected.name2')?.values.map((v) => v.text)).toEqual(['Иван Петров', 'Łukasz Żółć'])
    expect(byId('se-connected.address')?.values.map((v) => v.text)).toEqual(['Storgatan 12 B', '114 55 Stockholm'])
    expect(byId('se-connected.signature')?.signatories?.map((v) => v.text)).toEqual(consumers)
    expect(byId('se-connected.phone')?.values).toEqual([])
  })

  it('dates in the local way of writing them', () => {
    const dates = (market: 'DK' | 'SE' | 'PT' | 'BE') => {
      const doc = buildWithdrawalForm(request({ market, orderedOn: '2026-03-05', signedOn: '2026-04-07' }))
      return doc.lines.filter((l) => l.field === 'ordered' || l.field === 'date').map((l) => l.values[0]?.text)
    }
    expect(dates('DK')).toEqual(['05.03.2026', '07.04.2026'])
    expect(dates('SE')).toEqual(['2026-03-05', '2026-04-07'])
    expect(dates('PT')).toEqual(['05/03/2026', '07/04/2026'])
    expect(dates('BE')).toEqual(['05/03/2026', '07/04/2026'])
  })

  it('decomposed accents are joined (NFC); surrounding blanks dropped', () => {
    const doc = buildWithdrawalForm(request({ market: 'PT', consumers: ['  Jose\u0301 Conceic\u0327a\u0303o '] }))
    expect(doc.lines.find((l) => l.field === 'names')?.values[0]?.text).toBe('José Conceição')
  })

  it('footer with case number and generation date, file name from the case', () => {
    const doc = buildWithdrawalForm(request({ market: 'DK', caseNumber: 'WD 2026/17', generatedOn: '2026-03-28' }))
    expect(doc.footer?.caseNumber?.text).toBe('WD 2026/17')
    expect(doc.footer?.generatedOn.text).toBe('28.03.2026')
    expect(doc.metadata.createdOn).toBe('2026-03-28')
    expect(doc.fileName).toBe('withdrawal-form-dk-connected-WD-2026-17.pdf')
    expect(buildWithdrawalForm(request({ market: 'DK', caseNumber: undefined })).fileName).toBe('withdrawal-form-dk-connected-prefilled.pdf')
  })

  it('missing optional values stay empty (the customer writes them)', () => {
    const doc = buildWithdrawalForm(request({ market: 'DK', services: undefined, orderedOn: '', signedOn: undefined, address: '   ' }))
    for (const field of ['services', 'ordered', 'address', 'date'] as const) {
      expect(doc.lines.find((l) => l.field === field)?.values).toEqual([])
    }
  })
})

describe('structure', () => {
  it('line ids are unique within each form', () => {
    for (const req of [
      request({ market: 'DK' }),
      request({ market: 'DK', contract: 'service-inclusive' }),
      request({ market: 'SE' }),
      request({ market: 'PT' }),
      request({ market: 'LU' })
    ]) {
      const ids = buildWithdrawalForm(req).lines.map((l) => l.id)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })

  it('is pure: the same request gives the same document', () => {
    const req = request({ market: 'SE', consumers: ['A', 'B'] })
    expect(buildWithdrawalForm(req)).toEqual(buildWithdrawalForm(structuredClone(req)))
  })
})
