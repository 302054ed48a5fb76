import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { WithdrawalFormRequest } from '@shared/forms'
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
} from '@shared/forms/test-fixtures'
import { ServiceError } from '../errors'
import { createFormService, MissingGlyphError } from './index'
import { glyphsCrossedBy, inspectPdf, squash, type InspectedPage, type PlacedGlyph } from './testing/pdf-inspect'

const FONTS_DIR = resolve(import.meta.dirname, '../../../../resources/fonts')
const service = createFormService({ fontsDir: FONTS_DIR })

const A4 = { width: 595.28, height: 841.89 }

const RECIPIENT = { name: 'Exemple S.A.', address: 'Avenue de l’Exemple 1\n1000 Bruxelles', email: 'retractation@example.com' }

const VARIANTS = [
  { variant: 'dk-connected', market: 'DK', contract: 'connected', lines: DK_CONNECTED_LINES, language: 'da-DK', title: 'Standardfortrydelsesformular' },
  { variant: 'dk-service-inclusive', market: 'DK', contract: 'service-inclusive', lines: DK_SERVICE_INCLUSIVE_LINES, language: 'da-DK', title: 'Fortrydelsesformular' },
  { variant: 'se-connected', market: 'SE', contract: 'connected', lines: SE_LINES, language: 'sv-SE', title: 'Formulär för utövande av ångerrätt' },
  { variant: 'pt-connected', market: 'PT', contract: 'connected', lines: PT_LINES, language: 'pt-PT', title: 'Modelo de formulário de livre resolução' },
  { variant: 'fr-connected', market: 'BE', contract: 'connected', lines: FR_LINES, language: 'fr-BE', title: 'Modèle de formulaire de rétractation' },
  { variant: 'fr-connected', market: 'LU', contract: 'connected', lines: FR_LINES, language: 'fr-LU', title: 'Modèle de formulaire de rétractation' },
  { variant: 'nl-connected', market: 'BE', contract: 'connected', lines: NL_LINES, language: 'nl-BE', title: 'Modelformulier voor herroeping', lang: 'nl' },
  { variant: 'de-connected', market: 'BE', contract: 'connected', lines: DE_LINES, language: 'de-BE', title: 'Muster-Widerrufsformular', lang: 'de' },
  { variant: 'de-connected', market: 'LU', contract: 'connected', lines: DE_LINES, language: 'de-LU', title: 'Muster-Widerrufsformular', lang: 'de' }
] as const

type Variant = (typeof VARIANTS)[number]

/** The language part of a file name: markets with several languages name it (default French). */
const langPart = (v: Variant) => (v.market === 'BE' || v.market === 'LU' ? `-${'lang' in v ? v.lang : 'fr'}` : '')

function request(v: Variant, over: Partial<WithdrawalFormRequest> = {}): WithdrawalFormRequest {
  return {
    market: v.market,
    contract: v.contract,
    ...('lang' in v ? { language: v.lang } : {}),
    mode: 'prefilled',
    consumers: ['Αλέξανδρος Παπαδόπουλος'],
    address: 'Æblehavevej 7, 2. th.\n8000 Aarhus C',
    orderedOn: '2026-03-20',
    services: 'MINI Connected',
    signedOn: '2026-03-27',
    caseNumber: 'WD-2026-0101',
    generatedOn: '2026-03-28',
    ...(v.market === 'BE' || v.market === 'LU' ? { recipient: RECIPIENT } : {}),
    ...over
  }
}

async function render(req: WithdrawalFormRequest) {
  const out = await service.render(req)
  return { ...out, pdf: await inspectPdf(out.bytes) }
}

function page1(pdf: { pages: InspectedPage[] }): InspectedPage {
  const p = pdf.pages[0]
  if (!p) throw new Error('no page')
  return p
}

function fontOf(page: InspectedPage, id: string): string {
  return page.fontNames.get(id) ?? ''
}

/** Strike-throughs found in the file: drawn lines that run through glyphs, with the glyphs they cross. */
function strikes(page: InspectedPage): { glyphs: PlacedGlyph[]; x1: number; x2: number }[] {
  return page.drawnLines
    .map((l) => ({ glyphs: glyphsCrossedBy(l, page.glyphs), x1: Math.min(l.x1, l.x2), x2: Math.max(l.x1, l.x2) }))
    .filter((s) => s.glyphs.length > 0)
}

const words = (phrases: readonly string[]) => phrases.flatMap((p) => p.split(/\s+/)).sort()

describe('every variant, prefilled', () => {
  it.each(VARIANTS)('$market $contract: A4, verbatim lines, recipient, values, metadata, footer', async (v) => {
    const consumers = ['Łukasz Żółć', 'Иван Петров']
    const { pdf, pages, fileName } = await render(request(v, { consumers }))
    const page = page1(pdf)
    expect(pages).toBe(1)
    expect(pdf.pages).toHaveLength(1)
    expect(page.width).toBeCloseTo(A4.width, 1)
    expect(page.height).toBeCloseTo(A4.height, 1)
    expect(fileName).toBe(`withdrawal-form-${v.market.toLowerCase()}-${v.contract}${langPart(v)}-WD-2026-0101.pdf`)

    const text = squash(pdf.text)
    // Two consumers: the DK SI form takes the plural (README), and its order date is in its blank.
    const lines =
      v.variant === 'dk-service-inclusive'
        ? DK_SERVICE_INCLUSIVE_SEVERAL_LINES.map((l) => l.replace('Bestilt den ___', 'Bestilt den 20.03.2026').replace(/^_{49}$/, 'MINI Connected'))
        : v.lines
    for (const line of lines) expect(text).toContain(squash(line))
    const to = { fr: '— À l’attention de', nl: '— Aan', de: '— An' }[v.market === 'BE' || v.market === 'LU' ? ('lang' in v ? v.lang : 'fr') : 'fr']
    if (v.market === 'BE' || v.market === 'LU') {
      expect(text).toContain(`${to} Exemple S.A., Avenue de l’Exemple 1, 1000 Bruxelles, retractation@example.com${v.variant === 'fr-connected' ? ' :' : ':'}`)
    }

    // The names survive exactly, each as its own bold item (the distinct style of filled values).
    const items = page.lines.flatMap((l) => l.items)
    for (const name of consumers) {
      const found = items.filter((i) => i.str === name)
      expect(found.length).toBeGreaterThanOrEqual(2) // after the label and under a signature line
      for (const f of found) expect(fontOf(page, f.font)).toMatch(/\+DejaVuSans-Bold$/)
    }
    expect(items.find((i) => i.str === 'MINI Connected')).toBeDefined()
    const label = items.find((i) => i.str.includes('(*)') || i.str.includes('Til:'))
    expect(fontOf(page, label?.font ?? '')).toMatch(/\+DejaVuSans$/)

    expect(pdf.info.Title).toContain(v.title)
    expect(pdf.info.Language).toBe(v.language)
    expect(pdf.info.Author).toBe('MINI Back Office')
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20260328/)
    expect(pdf.info.Subject).toMatch(/withdrawal form/)

    const footer = page.lines.filter((l) => l.y < 60).map((l) => l.text).join(' ')
    expect(footer).toContain('WD-2026-0101')
    expect(footer).toMatch(/28[./]03[./]2026|2026-03-28/)
  })

  it('Greek, Cyrillic and Polish names and local addresses come out exactly', async () => {
    const consumers = ['Αλέξανδρος Παπαδόπουλος', 'Иван Петров', 'Łukasz Żółć', 'Søren Ærø Østergård', 'José Conceição']
    const { pdf } = await render(request(VARIANTS[2], { consumers, address: 'Storgatan 12 B\n114 55 Stockholm' }))
    const strs = page1(pdf).lines.flatMap((l) => l.items.map((i) => i.str))
    for (const name of consumers) expect(strs).toContain(name)
    expect(strs).toContain('Storgatan 12 B')
    expect(strs).toContain('114 55 Stockholm')
  })

  it('a value is printed after its label, on its line', async () => {
    const { pdf } = await render(request(VARIANTS[0]))
    const page = page1(pdf)
    const dato = page.lines.find((l) => /^- Dato/.test(l.text))
    const label = dato?.items.find((i) => i.str.includes('Dato'))
    const value = dato?.items.find((i) => i.str === '27.03.2026')
    expect(label && value).toBeTruthy()
    if (label && value) expect(value.x).toBeGreaterThan(label.x + label.width)
  })
})

describe('strike-through lines, read from the operator list', () => {
  const cases = VARIANTS.flatMap((v) => [
    { ...v, consumers: ['Søren Ærø Østergård'], expected: STRUCK_ONE_CONSUMER[v.variant], label: 'one consumer' },
    { ...v, consumers: ['Søren Ærø Østergård', 'José Conceição'], expected: STRUCK_SEVERAL_CONSUMERS[v.variant], label: 'two consumers' }
  ])

  it.each(cases)('$market $contract, $label: lines cross exactly the struck words', async (c) => {
    const { pdf } = await render(request(c, { consumers: c.consumers }))
    const page = page1(pdf)
    const found = strikes(page)
    expect(found.length).toBeGreaterThan(0)
    for (const s of found) {
      const first = s.glyphs[0]
      const last = s.glyphs[s.glyphs.length - 1]
      // Exactly the text: from the left edge of its first glyph to the right edge of its last one.
      expect(Math.abs(s.x1 - (first?.x0 ?? NaN))).toBeLessThan(0.05)
      expect(Math.abs(s.x2 - (last?.x1 ?? NaN))).toBeLessThan(0.05)
      const struck = s.glyphs.map((g) => g.char).join('')
      expect(struck).toBe(struck.trim())
      // The glyphs touching the line's ends are not letters: the line ends where its word ends.
      const sameLine = page.glyphs.filter((g) => Math.abs(g.y - (first?.y ?? NaN)) < 0.01)
      const before = sameLine.find((g) => Math.abs(g.x1 - s.x1) < 0.05)
      const after = sameLine.find((g) => Math.abs(g.x0 - s.x2) < 0.05)
      if (before) expect(before.char).not.toMatch(/\p{L}/u)
      if (after) expect(after.char).not.toMatch(/\p{L}/u)
    }
    const struckWords = words(found.map((s) => s.glyphs.map((g) => g.char).join('')))
    expect(struckWords).toEqual(words(c.expected))
  })

  it('a blank form: no strike lines, no filled values, no footer', async () => {
    for (const v of VARIANTS) {
      const req = request(v, { mode: 'blank', consumers: ['Łukasz Żółć'], services: 'Connected Paket', caseNumber: 'WD-X-77' })
      const { pdf, fileName } = await render(req)
      const page = page1(pdf)
      expect(strikes(page)).toEqual([])
      expect(fileName).toBe(`withdrawal-form-${v.market.toLowerCase()}-${v.contract}${langPart(v)}-blank.pdf`)
      const text = pdf.text
      for (const value of ['Łukasz Żółć', 'Connected Paket', 'WD-X-77', 'Aarhus', '20.03.2026', '2026-03-20', '20/03/2026']) {
        expect(text).not.toContain(value)
      }
      // Bold is the title and section headings only: no value style anywhere.
      const bold = page.lines.flatMap((l) => l.items).filter((i) => /Bold$/.test(fontOf(page, i.font)) && i.str.trim() !== '')
      for (const b of bold) expect([v.title, 'Information om konsument', '1. Fortrydelsesformular'].some((t) => b.str.startsWith(t))).toBe(true)
      expect(page.drawnLines.length).toBeGreaterThan(0) // writing lines to fill in by hand
      expect(page.lines.filter((l) => l.y < 60)).toEqual([])
      for (const line of v.lines) expect(squash(text)).toContain(squash(line))
    }
  })
})

describe('errors', () => {
  it('a CJK character in a name: MissingGlyphError naming it, its code point and the field', async () => {
    const error = await service.render(request(VARIANTS[0], { consumers: ['Anna Berg', 'Li 中文'] })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MissingGlyphError)
    const e = error as MissingGlyphError
    expect(e.character).toBe('中')
    expect(e.codePoint).toBe(0x4e2d)
    expect(e.codePointLabel).toBe('U+4E2D')
    expect(e.field).toBe('consumers[1]')
    expect(e).toMatchObject({ code: 'bad-request', key: 'form.missingGlyph', params: { character: '中', codePoint: 'U+4E2D' }, issues: [{ path: 'consumers[1]', key: 'form.missingGlyph' }] })
  })

  it('an emoji in the address, the case number or the recipient: named with its field', async () => {
    const car = '\u{1F697}'
    const inAddress = await service.render(request(VARIANTS[1], { address: `Vej 1 ${car}\n2000 By` })).catch((e: unknown) => e)
    expect(inAddress).toMatchObject({ name: 'MissingGlyphError', character: car, codePointLabel: 'U+1F697', field: 'address' })
    const inCase = await service.render(request(VARIANTS[3], { caseNumber: `WD-${car}` })).catch((e: unknown) => e)
    expect(inCase).toMatchObject({ name: 'MissingGlyphError', codePointLabel: 'U+1F697', field: 'caseNumber' })
    const inRecipient = await service
      .render(request(VARIANTS[4], { recipient: { ...RECIPIENT, name: `Exemple ${car}` } }))
      .catch((e: unknown) => e)
    expect(inRecipient).toMatchObject({ name: 'MissingGlyphError', field: 'recipient.name' })
  })

  it.each(['BE', 'LU'] as const)('%s without recipient: refused (the agent is told in words, form-requests.ts names the market)', async (market) => {
    const v = VARIANTS.find((x) => x.market === market)
    if (!v) throw new Error('variant')
    const req: Partial<WithdrawalFormRequest> = { ...request(v) }
    delete req.recipient
    const error = await service.render(req).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error).toMatchObject({ code: 'refused', key: 'form.noRecipient' })
  })

  it('invalid requests are bad requests with field issues', async () => {
    const error = await service.render({ market: 'SE', contract: 'service-inclusive', mode: 'blank', generatedOn: '2026-03-28' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'bad-request', issues: [{ path: 'contract' }] })
  })
})

describe('the PDF file', () => {
  it('embeds DejaVu Sans as subsets (6-letter tag), much smaller than the font', async () => {
    const { bytes, pdf } = await render(request(VARIANTS[0]))
    const names = [...page1(pdf).fontNames.values()].sort()
    expect(names).toHaveLength(2)
    expect(names[0]).toMatch(/^[A-Z]{6}\+DejaVuSans$/)
    expect(names[1]).toMatch(/^[A-Z]{6}\+DejaVuSans-Bold$/)

    const doc = await PDFDocument.load(bytes)
    const programs: Uint8Array[] = []
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue
      const file = doc.context.lookup(obj.get(PDFName.of('FontFile2')))
      expect(file).toBeInstanceOf(PDFRawStream)
      programs.push(decodePDFRawStream(file as PDFRawStream).decode())
    }
    expect(programs).toHaveLength(2)
    const original = fontkit.create(new Uint8Array(await readFile(resolve(FONTS_DIR, 'DejaVuSans.ttf'))))
    for (const program of programs) {
      const embedded = fontkit.create(program)
      expect(embedded.numGlyphs).toBeLessThan(original.numGlyphs / 10)
      expect(program.length).toBeLessThan(100_000)
    }
  })

  it('long addresses wrap and nothing leaves the page', async () => {
    const long = 'Lange Straße mit einem außergewöhnlich langen Namen für eine Adresse 1234, Hinterhaus, Aufgang C, dritte Etage links bei Familie Østergård-Žółć'
    const { pdf } = await render(request(VARIANTS[0], { address: `${long}\n8000 Aarhus C`, services: `${long} ${long}` }))
    for (const page of pdf.pages) {
      for (const g of page.glyphs) {
        expect(g.x0).toBeGreaterThanOrEqual(40)
        expect(g.x1).toBeLessThanOrEqual(page.width - 40)
        expect(g.y).toBeGreaterThan(20)
        expect(g.y).toBeLessThan(page.height - 40)
      }
    }
    expect(squash(pdf.text)).toContain(squash(long))
  })

  it('eight consumers: signature lines for all, footer on every page', async () => {
    const consumers = Array.from({ length: 8 }, (_, i) => `Forbruger Nummer ${i + 1} Ærøsen`)
    const { pdf, pages } = await render(request(VARIANTS[1], { consumers }))
    expect(pages).toBe(pdf.pages.length)
    const strs = pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => i.str)))
    for (const name of consumers) expect(strs.filter((s) => s === name).length).toBeGreaterThanOrEqual(2)
    for (const page of pdf.pages) expect(page.lines.some((l) => l.y < 60 && l.text.includes('WD-2026-0101'))).toBe(true)
  })

  it('is deterministic: the same request gives the same bytes', async () => {
    const a = await service.render(request(VARIANTS[2]))
    const b = await service.render(request(VARIANTS[2]))
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
    const c = await service.render(request(VARIANTS[2], { caseNumber: 'WD-2026-0102' }))
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false)
  })

  it('render times (logged, not asserted)', async () => {
    const fresh = createFormService({ fontsDir: FONTS_DIR })
    const t0 = performance.now()
    await fresh.render(request(VARIANTS[0]))
    const cold = performance.now() - t0
    const warm: number[] = []
    for (let i = 0; i < 30; i++) {
      const v = VARIANTS[i % VARIANTS.length] ?? VARIANTS[0]
      const t = performance.now()
      await fresh.render(request(v, { caseNumber: `WD-${i}` }))
      warm.push(performance.now() - t)
    }
    warm.sort((a, b) => a - b)
    const p = (q: number) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))] ?? NaN
    console.log(`forms render: cold ${cold.toFixed(1)} ms; warm p50 ${p(0.5).toFixed(1)} ms, p90 ${p(0.9).toFixed(1)} ms (n=${warm.length})`)
    expect(warm).toHaveLength(30)
  })
})

describe('DK Service Inclusive, read back (issue 13, defect 6)', () => {
  const si = VARIANTS[1]

  it('the order date sits in the blank of «Bestilt den ___», on a writing line, before the struck «modtaget den ___»', async () => {
    const { pdf } = await render(request(si, { consumers: ['Søren Ærø Østergård'], orderedOn: '2026-02-02' }))
    const page = page1(pdf)
    const line = page.lines.find((l) => l.text.startsWith('- Bestilt den'))
    expect(squash(line?.text ?? '')).toBe('- Bestilt den 02.02.2026 /modtaget den ___')
    const date = line?.items.find((i) => i.str === '02.02.2026')
    const label = line?.items.find((i) => i.str.includes('Bestilt den'))
    const received = page.glyphs.filter((g) => Math.abs(g.y - (line?.y ?? NaN)) < 0.5 && g.char === 'm')
    expect(date && label).toBeTruthy()
    if (!date || !label) return
    expect(fontOf(page, date.font)).toMatch(/\+DejaVuSans-Bold$/)
    expect(date.x).toBeGreaterThan(label.x + label.width - 0.5)
    // «modtaget» comes after the date, and is the struck part.
    expect(received.some((g) => g.x0 > date.x + date.width)).toBe(true)
    const struck = strikes(page).map((s) => s.glyphs.map((g) => g.char).join(''))
    expect(struck).toContain('modtaget den ___')
    expect(struck.join(' ')).not.toContain('02')
    // A writing line under the date: a hairline just below its baseline, spanning it.
    const under = page.drawnLines.filter((l) => l.y1 < line!.y && l.y1 > line!.y - 5 && l.x1 <= date.x + 0.5 && l.x2 >= date.x + date.width - 0.5)
    expect(under).toHaveLength(1)
    // Nothing is printed after the struck blank.
    const last = line?.items[line.items.length - 1]
    expect(last?.str.endsWith('___')).toBe(true)
  })

  it('two consumers: plural wording kept, singular struck, both named', async () => {
    const consumers = ['Søren Ærø Østergård', 'Łukasz Żółć']
    const { pdf } = await render(request(si, { consumers }))
    const page = page1(pdf)
    const text = squash(pdf.text)
    expect(text).toContain('- Jeg (Vi) meddeler herved, at jeg (vi) ønsker at gøre fortrydelsesretten gældende i forbindelse med min (vores) købsaftale')
    expect(text).toContain('- Forbrugerens navn (Forbrugernes navne)')
    const struck = strikes(page).map((s) => s.glyphs.map((g) => g.char).join(''))
    for (const w of ['Jeg', 'jeg', 'min', 'Forbrugerens navn', 'Forbrugerens adresse', 'Forbrugerens underskrift']) expect(struck).toContain(w)
    for (const w of ['(Vi)', '(vi)', '(vores)', '(Forbrugernes navne)']) expect(struck).not.toContain(w)
    const items = page.lines.flatMap((l) => l.items.map((i) => i.str))
    for (const name of consumers) expect(items.filter((s) => s === name)).toHaveLength(2)
  })
})
