import { describe, expect, it } from 'vitest'
import { buildWithdrawalForm, FormRequestError, lineText, type FormDocument, type WithdrawalFormRequest } from './index'
import {
  DE_LINES,
  DK_CONNECTED_LINES,
  DK_SERVICE_INCLUSIVE_LINES,
  DK_SERVICE_INCLUSIVE_SEVERAL_LINES,
  FR_LINES,
  NL_LINES,
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
    ['dk-connected', 'DK', 'connected', undefined],
    ['dk-service-inclusive', 'DK', 'service-inclusive', undefined],
    ['se-connected', 'SE', 'connected', undefined],
    ['pt-connected', 'PT', 'connected', undefined],
    ['fr-connected', 'BE', 'connected', undefined],
    ['nl-connected', 'BE', 'connected', 'nl'],
    ['de-connected', 'BE', 'connected', 'de'],
    ['fr-connected', 'LU', 'connected', 'fr'],
    ['de-connected', 'LU', 'connected', 'de']
  ] as const

  it.each(variants)('%s (%s), one consumer: plural, goods and "received" struck', (variant, market, contract, language) => {
    const doc = buildWithdrawalForm(request({ market, contract, consumers: ['Ана Петрова'], ...(language ? { language } : {}) }))
    expect(struck(doc)).toEqual(STRUCK_ONE_CONSUMER[variant])
  })

  it.each(variants)('%s (%s), two consumers: singular, goods and "received" struck', (variant, market, contract, language) => {
    const doc = buildWithdrawalForm(
      request({ market, contract, consumers: ['Łukasz Żółć', 'Αλέξανδρος Παπαδόπουλος'], ...(language ? { language } : {}) })
    )
    expect(struck(doc)).toEqual(STRUCK_SEVERAL_CONSUMERS[variant])
  })

  it('services and "ordered on" are never struck', () => {
    for (const consumers of [['A B'], ['A B', 'C D'], ['A', 'B', 'C']]) {
      for (const [market, language] of [['DK'], ['SE'], ['PT'], ['BE'], ['LU'], ['BE', 'nl'], ['BE', 'de'], ['LU', 'de']] as const) {
        const doc = buildWithdrawalForm(request({ market, consumers, ...(language ? { language } : {}) }))
        const kept = doc.alternatives.filter((a) => a.alternative === 'services' || a.alternative === 'ordered')
        expect(kept).toHaveLength(2)
        expect(kept.every((a) => !a.struck)).toBe(true)
      }
    }
  })

  it.each(variants)('%s (%s) blank: nothing struck, nothing filled, no footer', (_variant, market, contract, language) => {
    const doc = buildWithdrawalForm(request({ market, contract, mode: 'blank', ...(language ? { language } : {}) }))
    expect(doc.alternatives.length).toBeGreaterThan(0)
    expect(doc.alternatives.some((a) => a.struck)).toBe(false)
    expect(doc.lines.flatMap((l) => l.values)).toEqual([])
    expect(doc.lines.some((l) => l.signatories !== undefined)).toBe(false)
    expect(doc.footer).toBeUndefined()
    const lang = market === 'BE' || market === 'LU' ? `-${language ?? 'fr'}` : ''
    expect(doc.fileName).toBe(`withdrawal-form-${market.toLowerCase()}-${contract}${lang}-blank.pdf`)
    expect(doc.warnings.join(' ')).toMatch(/blank form fills nothing/)
    expect(doc.lines.some((l) => l.segments.some((seg) => seg.fill !== undefined))).toBe(false)
  })
})

describe('languages (RULES.md §9: BE fr, nl or de; LU fr or de)', () => {
  it.each([
    ['BE', 'nl', NL_LINES, '— Aan Exemple S.A., Avenue de l’Exemple 1, 1000 Bruxelles, retractation@example.com:', 'Modelformulier voor herroeping'],
    ['BE', 'de', DE_LINES, '— An Exemple S.A., Avenue de l’Exemple 1, 1000 Bruxelles, retractation@example.com:', 'Muster-Widerrufsformular'],
    ['LU', 'de', DE_LINES, '— An Exemple S.A., Avenue de l’Exemple 1, 1000 Bruxelles, retractation@example.com:', 'Muster-Widerrufsformular'],
    ['LU', 'fr', FR_LINES, '— À l’attention de Exemple S.A., Avenue de l’Exemple 1, 1000 Bruxelles, retractation@example.com :', 'Modèle de formulaire de rétractation']
  ] as const)('%s in %s: the model form in that language, to the supervisor setting', (market, language, lines, to, title) => {
    const doc = buildWithdrawalForm(request({ market, language, caseNumber: 'WD-7' }))
    const text = printed(doc)
    expect(text.filter((l) => l !== to)).toEqual(lines)
    expect(text).toContain(to)
    expect(doc.language).toBe(language)
    expect(doc.metadata.language).toBe(language)
    expect(doc.title).toBe(title)
    expect(doc.metadata.title).toContain(title)
    expect(doc.fileName).toBe(`withdrawal-form-${market.toLowerCase()}-connected-${language}-WD-7.pdf`)
  })

  it('absent: the market default (BE and LU French); the file name still says so', () => {
    for (const market of ['BE', 'LU'] as const) {
      const doc = buildWithdrawalForm(request({ market, caseNumber: 'WD-7' }))
      expect(doc.language).toBe('fr')
      expect(doc.fileName).toBe(`withdrawal-form-${market.toLowerCase()}-connected-fr-WD-7.pdf`)
    }
    // One language: no language in the name; the language may still be given.
    expect(buildWithdrawalForm(request({ market: 'PT', language: 'pt', caseNumber: 'WD-7' })).fileName).toBe('withdrawal-form-pt-connected-WD-7.pdf')
  })

  it('dates per language: Dutch dd/mm/yyyy, German dd.mm.yyyy', () => {
    const dates = (language: 'nl' | 'de') =>
      buildWithdrawalForm(request({ market: 'BE', language, orderedOn: '2026-03-05', signedOn: '2026-04-07', generatedOn: '2026-04-08' }))
    expect(dates('nl').lines.filter((l) => l.field === 'ordered' || l.field === 'date').map((l) => l.values[0]?.text)).toEqual(['05/03/2026', '07/04/2026'])
    expect(dates('de').lines.filter((l) => l.field === 'ordered' || l.field === 'date').map((l) => l.values[0]?.text)).toEqual(['05.03.2026', '07.04.2026'])
    expect(dates('nl').footer).toMatchObject({ labels: { case: 'Dossiernummer', generated: 'Opgemaakt op' }, generatedOn: { text: '08/04/2026' } })
    expect(dates('de').footer).toMatchObject({ labels: { case: 'Vorgangsnummer', generated: 'Erstellt am' }, generatedOn: { text: '08.04.2026' } })
  })

  it.each([
    ['DK', 'de', /no German form for this customer: the forms for Denmark exist in Danish only/],
    ['LU', 'nl', /no Dutch form for this customer: the forms for Luxembourg exist in French and German only/],
    ['PT', 'fr', /no French form for this customer: the forms for Portugal exist in Portuguese only/],
    ['BE', 'en', /no form in the language "en": choose Danish, Swedish, Portuguese, French, Dutch or German/]
  ] as const)('%s in %s: refused, saying which languages exist', (market, language, message) => {
    const error = (() => {
      try {
        buildWithdrawalForm({ ...request({ market }), language })
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(FormRequestError)
    expect(error).toMatchObject({ code: 'bad-request', issues: [{ path: 'language' }] })
    expect((error as Error).message).toMatch(message)
  })
})

describe('DK Service Inclusive (issue 13, defect 6)', () => {
  const si = (over: Partial<WithdrawalFormRequest> = {}) =>
    buildWithdrawalForm(request({ market: 'DK', contract: 'service-inclusive', orderedOn: '2026-02-02', services: 'Service Inclusive 3 år', ...over }))
  const line = (doc: FormDocument, id: string) => doc.lines.find((l) => l.id === `dk-service-inclusive.${id}`)

  it('the order date goes into the blank of «Bestilt den ___», not after the struck «modtaget den ___»', () => {
    const ordered = line(si(), 'ordered')
    expect(ordered?.values).toEqual([])
    expect(ordered?.segments).toEqual([
      { kind: 'alternative', text: 'Bestilt den ', alternative: 'ordered', struck: false },
      { kind: 'alternative', text: '___', alternative: 'ordered', struck: false, fill: { text: '02.02.2026', source: 'orderedOn' } },
      { kind: 'text', text: ' /' },
      { kind: 'alternative', text: 'modtaget den ___', alternative: 'received', struck: true }
    ])
  })

  it('the services go on the annex’s line of underscores', () => {
    const rule = line(si(), 'rule1')
    expect(rule?.segments).toEqual([{ kind: 'text', text: '_'.repeat(49), fill: { text: 'Service Inclusive 3 år', source: 'services' } }])
    expect(line(si(), 'declaration')?.values).toEqual([])
  })

  it('one consumer: the annex word for word; several: the plural in the annex’s bracket style, singular struck', () => {
    expect(printed(si({ consumers: ['Søren Ærø Østergård'] }))).toEqual(DK_SERVICE_INCLUSIVE_LINES)
    const two = si({ consumers: ['Søren Ærø Østergård', 'Łukasz Żółć'] })
    expect(printed(two)).toEqual(DK_SERVICE_INCLUSIVE_SEVERAL_LINES)
    expect(line(two, 'names')?.values.map((v) => v.text)).toEqual(['Søren Ærø Østergård', 'Łukasz Żółć'])
    expect(two.alternatives.filter((a) => a.alternative === 'plural').map((a) => [a.text, a.struck])).toEqual([
      ['(Vi)', false],
      ['(vi)', false],
      ['(vores)', false],
      ['(Forbrugernes navne)', false],
      ['(Forbrugernes adresse)', false],
      ['(Forbrugernes underskrifter)', false]
    ])
  })

  it('a blank form is the annex word for word, blanks empty', () => {
    const blank = si({ mode: 'blank' })
    expect(printed(blank)).toEqual(DK_SERVICE_INCLUSIVE_LINES)
    expect(blank.lines.flatMap((l) => l.segments).some((seg) => seg.fill !== undefined)).toBe(false)
  })

  it('no order date: the blank stays a blank', () => {
    expect(line(si({ orderedOn: undefined }), 'ordered')?.segments.some((seg) => seg.fill !== undefined)).toBe(false)
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
