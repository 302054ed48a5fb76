// The acknowledgement of receipt as a PDF, read back as a viewer would (pdfjs): its words, its fonts, its
// metadata, in every language.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AcknowledgementRequest } from '@shared/forms'
import { createFormService, MissingGlyphError } from './index'
import { inspectPdf, squash } from './testing/pdf-inspect'

const FONTS_DIR = resolve(import.meta.dirname, '../../../../resources/fonts')
const service = createFormService({ fontsDir: FONTS_DIR })
const TRADER = { name: 'Exemple S.A.', address: 'Avenue de l’Exemple 1\n1000 Bruxelles', email: 'retractation@example.com' }

function request(market: AcknowledgementRequest['market'], language: AcknowledgementRequest['language'], over: Partial<AcknowledgementRequest> = {}): AcknowledgementRequest {
  return {
    caseNumber: 'WD-2026-0401',
    market,
    language,
    consumers: ['Nguyễn Thị Ánh', 'Jürgen Weiß'],
    address: 'Storgatan 12 B\n114 55 Stockholm',
    withdrawn: { kind: 'connected-contract', reference: 'MC-000777' },
    noticeReceivedOn: '2026-05-04',
    refund: { currency: market === 'DK' ? 'DKK' : market === 'SE' ? 'SEK' : 'EUR', amount: 24900, charge: 1100, dueOn: '2026-05-18' },
    issuedOn: '2026-05-05',
    ...(market === 'BE' || market === 'LU' ? { trader: TRADER } : {}),
    ...over
  }
}

/** The text layer spells no-break spaces as spaces; compare words. */
const words = (s: string) => squash(s.replace(/[\u00a0\u202f]/g, ' '))

const CASES = [
  ['DK', 'da', 'fortrydelsesret', 'da-DK', '249,00 kr.', '18. maj 2026'],
  ['SE', 'sv', 'ångerrätt', 'sv-SE', '249,00 kr', '18 maj 2026'],
  ['PT', 'pt', 'direito de livre resolução', 'pt-PT', '249,00 €', '18 de maio de 2026'],
  ['BE', 'fr', 'droit de rétractation', 'fr-BE', '249,00 €', '18 mai 2026'],
  ['BE', 'nl', 'herroepingsrecht', 'nl-BE', '€ 249,00', '18 mei 2026'],
  ['BE', 'de', 'Widerrufsrecht', 'de-BE', '249,00 €', '18. Mai 2026'],
  ['LU', 'fr', 'droit de rétractation', 'fr-LU', '249,00 €', '18 mai 2026'],
  ['LU', 'de', 'Widerrufsrecht', 'de-LU', '249,00 €', '18. Mai 2026']
] as const

describe('acknowledgement PDF, read back', () => {
  it.each(CASES)('%s %s: the letter’s words, the facts, the names exactly, metadata', async (market, language, right, bcp47, amount, due) => {
    const out = await service.renderAcknowledgement(request(market, language))
    const pdf = await inspectPdf(out.bytes)
    const text = words(pdf.text)
    const doc = service.buildAcknowledgement(request(market, language))

    expect(out.pages).toBe(1)
    expect(out.language).toBe(language)
    expect(out.email).toEqual(doc.email)
    expect(text).toContain(words(doc.subject))
    for (const p of doc.paragraphs) expect(text).toContain(words(p))
    expect(text).toContain(right)
    expect(text).toContain(amount)
    expect(text).toContain(due)
    for (const f of doc.facts) expect(text).toContain(words(`${f.label} ${f.value}`))
    expect(text).toContain(words(doc.closing))

    const items = pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => i.str)))
    expect(items).toContain('Nguyễn Thị Ánh')
    expect(items).toContain('Jürgen Weiß')
    expect(items).toContain('114 55 Stockholm')
    // The facts' values in the forms' value style: bold.
    const page = pdf.pages[0]
    const ref = page?.lines.flatMap((l) => l.items).find((i) => i.str === 'MC-000777')
    expect(page?.fontNames.get(ref?.font ?? '')).toMatch(/^[A-Z]{6}\+DejaVuSans-Bold$/)

    expect(pdf.info.Language).toBe(bcp47)
    expect(pdf.info.Title).toBe(doc.subject)
    expect(pdf.info.Author).toBe('MINI Back Office')
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20260505/)
    expect(out.fileName).toBe(doc.fileName)
    for (const p of pdf.pages) {
      for (const g of p.glyphs) {
        expect(g.x0).toBeGreaterThanOrEqual(40)
        expect(g.x1).toBeLessThanOrEqual(p.width - 40)
      }
    }
  })

  it('a zero refund reads as such in the PDF (Swedish, everything charged)', async () => {
    const out = await service.renderAcknowledgement(request('SE', 'sv', { consumers: ['Åsa Öberg'], refund: { currency: 'SEK', amount: 0, charge: 99900 } }))
    const text = words((await inspectPdf(out.bytes)).text)
    expect(text).toContain('motsvarar hela det belopp du har betalat (999,00 kr). Det finns därför inget att betala tillbaka.')
    expect(text).toContain('Återbetalning 0,00 kr')
    expect(text).not.toContain('Återbetalas senast')
  })

  it('a character the font lacks: MissingGlyphError naming the field', async () => {
    const error = await service.renderAcknowledgement(request('DK', 'da', { consumers: ['Anna Berg', 'Li 中文'] })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingGlyphError)
    expect(error).toMatchObject({ codePointLabel: 'U+4E2D', field: 'consumers[1]' })
    const inPurchase = await service
      .renderAcknowledgement(request('PT', 'pt', { withdrawn: { kind: 'purchase', name: 'Pacote \u{1F697}', reference: 'E-1' } }))
      .catch((e: unknown) => e)
    expect(inPurchase).toMatchObject({ name: 'MissingGlyphError', field: 'withdrawn.name' })
  })

  it('BE without the trader: refused, nothing drawn', async () => {
    const error = await service.renderAcknowledgement({ ...request('BE', 'nl'), trader: null }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'refused' })
  })

  it('forms and letters one after the other keep their text layers whole', async () => {
    const fresh = createFormService({ fontsDir: FONTS_DIR })
    await fresh.render({ market: 'DK', contract: 'connected', mode: 'prefilled', consumers: ['Nguyễn Thị Ánh'], generatedOn: '2026-05-05' })
    const out = await fresh.renderAcknowledgement(request('LU', 'de', { consumers: ['Jürgen Weiß STRAẞE'] }))
    const items = (await inspectPdf(out.bytes)).pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => i.str)))
    expect(items).toContain('Jürgen Weiß STRAẞE')
  })
})
