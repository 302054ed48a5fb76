import { describe, expect, it } from 'vitest'
import { buildAcknowledgement, FormRequestError, type AcknowledgementRequest } from './index'

const TRADER = { name: 'Exemple S.A.', address: 'Avenue de l’Exemple 1\n1000 Bruxelles', email: 'retractation@example.com' }

function request(over: Partial<AcknowledgementRequest> & Pick<AcknowledgementRequest, 'market' | 'language'>): AcknowledgementRequest {
  const currency = over.market === 'DK' ? 'DKK' : over.market === 'SE' ? 'SEK' : 'EUR'
  return {
    caseNumber: 'WD-2026-0301',
    consumers: ['Søren Ærø Østergård'],
    address: 'Æblehavevej 7\n8000 Aarhus C',
    withdrawn: { kind: 'connected-contract', reference: 'MC-000123' },
    noticeReceivedOn: '2026-04-01',
    refund: { currency, amount: 123450, dueOn: '2026-04-15' },
    issuedOn: '2026-04-02',
    ...(over.market === 'BE' || over.market === 'LU' ? { trader: TRADER } : {}),
    ...over
  }
}

/** Intl writes no-break and narrow no-break spaces inside amounts and dates; compare words. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

function errorOf(fn: () => unknown): unknown {
  try {
    fn()
  } catch (e) {
    return e
  }
  return undefined
}

// Expected sentences written by hand, one per language (never produced by the code under test).
const LANGUAGES = [
  {
    market: 'DK',
    language: 'da',
    right: 'fortrydelsesret',
    received: 'Vi bekræfter, at vi den 1. april 2026 har modtaget din meddelelse om, at du gør din fortrydelsesret gældende for din MINI Connected-kontrakt.',
    refund: 'Vi tilbagebetaler 1.234,50 kr. senest den 15. april 2026 med samme betalingsmiddel, som du brugte ved købet.',
    subject: 'Bekræftelse: vi har modtaget din fortrydelse (sag WD-2026-0301)',
    facts: ['Sagsnummer: WD-2026-0301', 'Kontraktnummer: MC-000123', 'Meddelelsen modtaget: 1. april 2026', 'Tilbagebetaling: 1.234,50 kr.', 'Tilbagebetales senest: 15. april 2026'],
    sender: 'BMW Northern Europe AB',
    closing: 'Med venlig hilsen'
  },
  {
    market: 'SE',
    language: 'sv',
    right: 'ångerrätt',
    received: 'Vi bekräftar att vi den 1 april 2026 tog emot ditt meddelande om att du utnyttjar din ångerrätt för ditt MINI Connected-avtal.',
    refund: 'Vi betalar tillbaka 1 234,50 kr senast den 15 april 2026, med samma betalningssätt som du använde vid köpet.',
    subject: 'Bekräftelse: vi har tagit emot ditt meddelande om ånger (ärende WD-2026-0301)',
    facts: ['Ärendenummer: WD-2026-0301', 'Avtalsnummer: MC-000123', 'Meddelandet mottaget: 1 april 2026', 'Återbetalning: 1 234,50 kr', 'Återbetalas senast: 15 april 2026'],
    sender: 'BMW Northern Europe AB',
    closing: 'Med vänliga hälsningar'
  },
  {
    market: 'PT',
    language: 'pt',
    right: 'direito de livre resolução',
    received:
      'Confirmamos que recebemos, em 1 de abril de 2026, a sua declaração de que exerce o direito de livre resolução relativamente ao seu contrato MINI Connected.',
    refund: 'Reembolsaremos 1234,50 € até 15 de abril de 2026, através do mesmo meio de pagamento que utilizou na compra, sem quaisquer encargos.',
    subject: 'Confirmação da receção da sua declaração de livre resolução (processo n.º WD-2026-0301)',
    facts: ['Processo n.º: WD-2026-0301', 'Contrato n.º: MC-000123', 'Declaração recebida em: 1 de abril de 2026', 'Reembolso: 1234,50 €', 'Reembolso até: 15 de abril de 2026'],
    sender: 'BMW Portugal, Lda.',
    closing: 'Com os melhores cumprimentos,'
  },
  {
    market: 'BE',
    language: 'fr',
    right: 'droit de rétractation',
    received: 'Nous vous confirmons avoir reçu, le 1er avril 2026, votre déclaration par laquelle vous exercez votre droit de rétractation pour votre contrat MINI Connected.',
    refund: 'Nous vous rembourserons 1 234,50 € au plus tard le 15 avril 2026, par le même moyen de paiement que celui utilisé lors de l’achat ; ce remboursement ne vous occasionnera aucun frais.',
    subject: 'Accusé de réception de votre rétractation (dossier n° WD-2026-0301)',
    facts: ['Dossier n° : WD-2026-0301', 'Contrat n° : MC-000123', 'Rétractation reçue le : 1er avril 2026', 'Remboursement : 1 234,50 €', 'Remboursement au plus tard le : 15 avril 2026'],
    sender: 'Exemple S.A.',
    closing: 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.'
  },
  {
    market: 'BE',
    language: 'nl',
    right: 'herroepingsrecht',
    received: 'Hierbij bevestigen wij dat wij op 1 april 2026 uw verklaring hebben ontvangen waarmee u uw herroepingsrecht uitoefent voor uw MINI Connected-overeenkomst.',
    refund: 'Wij betalen u € 1.234,50 uiterlijk op 15 april 2026 terug, met hetzelfde betaalmiddel dat u voor de aankoop hebt gebruikt.',
    subject: 'Ontvangstbevestiging van uw herroeping (dossier WD-2026-0301)',
    facts: ['Dossiernummer: WD-2026-0301', 'Overeenkomstnummer: MC-000123', 'Verklaring ontvangen op: 1 april 2026', 'Terugbetaling: € 1.234,50', 'Terugbetaling uiterlijk op: 15 april 2026'],
    sender: 'Exemple S.A.',
    closing: 'Met vriendelijke groeten,'
  },
  {
    market: 'LU',
    language: 'de',
    right: 'Widerrufsrecht',
    received: 'hiermit bestätigen wir, dass Ihre Erklärung, mit der Sie Ihr Widerrufsrecht für Ihren MINI Connected-Vertrag ausüben, am 1. April 2026 bei uns eingegangen ist.',
    refund: 'Wir erstatten Ihnen 1.234,50 € spätestens am 15. April 2026, und zwar über dasselbe Zahlungsmittel, das Sie beim Kauf verwendet haben.',
    subject: 'Eingangsbestätigung Ihres Widerrufs (Vorgang WD-2026-0301)',
    facts: ['Vorgangsnummer: WD-2026-0301', 'Vertragsnummer: MC-000123', 'Erklärung eingegangen am: 1. April 2026', 'Erstattung: 1.234,50 €', 'Erstattung spätestens am: 15. April 2026'],
    sender: 'Exemple S.A.',
    closing: 'Mit freundlichen Grüßen'
  }
] as const

describe('the letter in each language (Intl amounts and dates, the market’s term for the right)', () => {
  it.each(LANGUAGES)('$market $language', (t) => {
    const doc = buildAcknowledgement(request({ market: t.market, language: t.language }))
    const body = plain(doc.email.body)
    expect(plain(doc.email.subject)).toBe(t.subject)
    expect(plain(doc.subject)).toBe(t.subject)
    expect(body).toContain(t.received)
    expect(body).toContain(t.refund)
    expect(body).toContain(t.right)
    for (const f of t.facts) expect(body).toContain(f)
    expect(body).toContain(`${t.closing}\n${t.sender}`)
    expect(body.startsWith(plain(doc.salutation))).toBe(true)
    expect(doc.sender.name).toBe(t.sender)
    expect(doc.language).toBe(t.language)
    expect(doc.metadata.language).toBe(t.language)
    expect(doc.metadata.createdOn).toBe('2026-04-02')
    expect(doc.addressee).toEqual(['Søren Ærø Østergård', 'Æblehavevej 7', '8000 Aarhus C'])
    // The PDF model says the same as the e-mail.
    for (const p of doc.paragraphs) expect(doc.email.body).toContain(p)
  })
})

describe('refunds', () => {
  it('a charge deducted is said, with both amounts', () => {
    const doc = buildAcknowledgement(request({ market: 'DK', language: 'da', refund: { currency: 'DKK', amount: 100000, charge: 2550, dueOn: '2026-04-15' } }))
    expect(plain(doc.email.body)).toContain('Beløbet er det, du har betalt, med fradrag af 25,50 kr. for de tjenester, der blev leveret, indtil du fortrød.')
  })

  it.each([
    ['da', 'DK', 'De tjenester, der blev leveret, indtil du fortrød, svarer til hele det beløb, du har betalt (999,00 kr.). Der er derfor ikke noget at tilbagebetale.'],
    ['sv', 'SE', 'De tjänster som tillhandahölls fram till att du ångrade dig motsvarar hela det belopp du har betalat (999,00 kr). Det finns därför inget att betala tillbaka.'],
    ['pt', 'PT', 'Os serviços prestados até ao exercício do direito de livre resolução correspondem à totalidade do montante pago (999,00 €), pelo que não há lugar a reembolso.'],
    ['fr', 'BE', 'Les services fournis jusqu’à votre rétractation correspondent à la totalité du montant payé (999,00 €) ; aucun remboursement n’est donc dû.'],
    ['nl', 'BE', 'De diensten die tot uw herroeping werden geleverd, komen overeen met het volledige bedrag dat u hebt betaald (€ 999,00). Er valt dus niets terug te betalen.'],
    ['de', 'BE', 'Die bis zu Ihrem Widerruf erbrachten Dienstleistungen entsprechen dem vollen Betrag, den Sie gezahlt haben (999,00 €). Eine Erstattung ergibt sich daher nicht.']
  ] as const)('%s: zero refund because everything was charged', (language, market, sentence) => {
    const currency = market === 'DK' ? 'DKK' : market === 'SE' ? 'SEK' : 'EUR'
    const doc = buildAcknowledgement(request({ market, language, refund: { currency, amount: 0, charge: 99900 } }))
    const body = plain(doc.email.body)
    expect(body).toContain(sentence)
    // No promise of a payment, no due date.
    expect(doc.facts).toHaveLength(5)
    expect(body).not.toMatch(/senest den|senast den|Reembolsaremos|rembourserons|betalen u|erstatten Ihnen/)
  })

  it.each([
    ['da', 'DK', 'Du har ikke betalt noget, så der er ikke noget at tilbagebetale.'],
    ['sv', 'SE', 'Du har inte betalat något, så det finns inget att betala tillbaka.'],
    ['pt', 'PT', 'Como não efetuou qualquer pagamento, não há lugar a reembolso.'],
    ['fr', 'LU', 'Vous n’avez effectué aucun paiement ; aucun remboursement n’est donc dû.'],
    ['nl', 'BE', 'U hebt niets betaald; er valt dus niets terug te betalen.'],
    ['de', 'LU', 'Sie haben nichts bezahlt; eine Erstattung entfällt daher.']
  ] as const)('%s: nothing paid, nothing to refund', (language, market, sentence) => {
    const currency = market === 'DK' ? 'DKK' : market === 'SE' ? 'SEK' : 'EUR'
    const doc = buildAcknowledgement(request({ market, language, refund: { currency, amount: 0 } }))
    expect(plain(doc.email.body)).toContain(sentence)
  })
})

describe('consumers, purchases, traders', () => {
  it('several consumers: the plural where the language has one, names joined its way', () => {
    const two = ['Åsa Öberg', 'Иван Петров']
    const da = buildAcknowledgement(request({ market: 'DK', language: 'da', consumers: two }))
    expect(da.salutation).toBe('Kære Åsa Öberg og Иван Петров')
    expect(da.email.body).toContain('jeres meddelelse om, at I gør jeres fortrydelsesret gældende for jeres MINI Connected-kontrakt')
    const sv = buildAcknowledgement(request({ market: 'SE', language: 'sv', consumers: two }))
    expect(sv.email.body).toContain('ert meddelande om att ni utnyttjar er ångerrätt för ert MINI Connected-avtal')
    const pt = buildAcknowledgement(request({ market: 'PT', language: 'pt', consumers: [...two, 'José Conceição'] }))
    expect(pt.salutation).toBe('Caros Åsa Öberg, Иван Петров e José Conceição,')
    expect(pt.email.body).toContain('a vossa declaração de que exercem o direito de livre resolução relativamente ao vosso contrato MINI Connected')
  })

  it('a named purchase is named, with its reference', () => {
    const doc = buildAcknowledgement(
      request({ market: 'LU', language: 'de', withdrawn: { kind: 'purchase', name: 'MINI Connected Package', reference: 'B-77' } })
    )
    expect(doc.email.body).toContain('für Ihren Kauf „MINI Connected Package“ ausüben')
    expect(doc.email.body).toContain('Bestellnummer: B-77')
    expect(doc.email.body).toContain('Widerruf betrifft: MINI Connected Package')
  })

  it('the trader: the catalogue’s for DK (Service Inclusive has its own), SE and PT; the supervisor’s for BE and LU', () => {
    const si = buildAcknowledgement(
      request({ market: 'DK', language: 'da', withdrawn: { kind: 'purchase', name: 'Service Inclusive 3 år', reference: 'SI-1', contract: 'service-inclusive' } })
    )
    expect(si.sender).toMatchObject({ name: 'BMW Danmark A/S', email: 'miniconnected.dk@mini.dk' })
    expect(buildAcknowledgement(request({ market: 'SE', language: 'sv' })).sender).toMatchObject({ name: 'BMW Northern Europe AB', email: 'miniconnected.se@mini.se' })
    const be = buildAcknowledgement(request({ market: 'BE', language: 'nl' }))
    expect(be.sender).toMatchObject({ name: 'Exemple S.A.', address: 'Avenue de l’Exemple 1, 1000 Bruxelles', email: 'retractation@example.com' })
    expect(be.email.body).toContain('schrijf ons dan via retractation@example.com')
    const dk = buildAcknowledgement(request({ market: 'DK', language: 'da', trader: TRADER }))
    expect(dk.sender.name).toBe('BMW Northern Europe AB')
    expect(dk.warnings.join(' ')).toMatch(/trader given was ignored/)
  })

  it('file names name the language where the market has several', () => {
    expect(buildAcknowledgement(request({ market: 'DK', language: 'da', caseNumber: 'WD 2026/9' })).fileName).toBe('withdrawal-acknowledgement-dk-WD-2026-9.pdf')
    expect(buildAcknowledgement(request({ market: 'BE', language: 'nl' })).fileName).toBe('withdrawal-acknowledgement-be-nl-WD-2026-0301.pdf')
  })
})

describe('bad input: a clear error, nothing built', () => {
  it.each([
    [{ market: 'DK', language: 'de' }, /no German letter for this customer: the letters for Denmark exist in Danish only/],
    [{ market: 'LU', language: 'nl' }, /no Dutch letter for this customer: the letters for Luxembourg exist in French and German only/],
    [{ market: 'PT', language: 'pt', refund: { currency: 'EUR', amount: 100 } }, /a refund needs the date by which it is paid/],
    [{ market: 'PT', language: 'pt', refund: { currency: 'EUR', amount: -1, dueOn: '2026-04-15' } }, /whole number of cents/],
    [{ market: 'PT', language: 'pt', refund: { currency: 'EUR', amount: 1.5, dueOn: '2026-04-15' } }, /whole number of cents/],
    [{ market: 'PT', language: 'pt', consumers: [] }, /at least one consumer/],
    [{ market: 'PT', language: 'pt', noticeReceivedOn: '2026-02-30' }, /calendar date/],
    [{ market: 'PT', language: 'pt', issuedOn: '2026-03-01' }, /cannot be dated before the notice was received/]
  ] as const)('%o', (over, message) => {
    const error = errorOf(() => buildAcknowledgement({ ...request({ market: over.market, language: over.language }), ...over }))
    expect(error).toBeInstanceOf(FormRequestError)
    expect(error).toMatchObject({ code: 'bad-request' })
    expect((error as Error).message).toMatch(message)
  })

  it.each(['BE', 'LU'] as const)('%s without the supervisor’s trader: refused, in words', (market) => {
    const error = errorOf(() => buildAcknowledgement({ ...request({ market, language: 'fr' }), trader: null }))
    expect(error).toMatchObject({ code: 'refused' })
    expect((error as Error).message).toMatch(/a supervisor must enter the withdrawal recipient for (Belgium|Luxembourg) in Settings/)
    expect((error as Error).message).not.toMatch(/recipientBE|recipientLU|RULES\.md/)
  })
})
