// Issue 13, defect 7: one render must not change what a later render's text layer says. Every test uses a
// service of its own, so the renders before it are exactly the ones it makes.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WithdrawalFormRequest } from '@shared/forms'
import { createFormService } from './index'
import { inspectPdf } from './testing/pdf-inspect'

const FONTS_DIR = resolve(import.meta.dirname, '../../../../resources/fonts')

function dk(consumer: string, over: Partial<WithdrawalFormRequest> = {}): WithdrawalFormRequest {
  return {
    market: 'DK',
    contract: 'connected',
    mode: 'prefilled',
    consumers: [consumer],
    address: consumer,
    orderedOn: '2026-03-20',
    services: 'MINI Connected',
    signedOn: '2026-03-27',
    caseNumber: 'WD-2026-0201',
    generatedOn: '2026-03-28',
    ...over
  }
}

/** Every text item of every page, as the text layer gives it. */
async function itemsOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await inspectPdf(bytes)
  return pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => i.str)))
}

describe('consecutive renders in one process', () => {
  it('a Vietnamese name, then a German one: the second reads back exactly', async () => {
    const service = createFormService({ fontsDir: FONTS_DIR })
    const first = await service.render(dk('Nguyễn Thị Ánh'))
    expect(await itemsOf(first.bytes)).toContain('Nguyễn Thị Ánh')
    // Á, ị and ễ are composite glyphs built from A, i and e: the subsetter of the first render met those
    // components without their characters.
    const second = await service.render(dk('Jürgen Weiß STRAẞE'))
    const items = await itemsOf(second.bytes)
    expect(items.filter((s) => s === 'Jürgen Weiß STRAẞE')).toHaveLength(3) // name, address, signature
    expect(items).toContain('MINI Connected')
  })

  it('the same document reads the same whatever was rendered before it', async () => {
    const names = ['Ångström Ærø', 'Nguyễn Thị Ánh', 'Šťastný Łódź', 'Jürgen Weiß STRAẞE', 'Αλέξανδρος Ώρα', 'Ёжиков Йодль']
    const alone = await Promise.all(names.map(async (n) => (await createFormService({ fontsDir: FONTS_DIR }).render(dk(n))).bytes))
    const service = createFormService({ fontsDir: FONTS_DIR })
    for (let round = 0; round < 2; round++) {
      for (const [i, name] of names.entries()) {
        const out = await service.render(dk(name))
        const items = await itemsOf(out.bytes)
        expect(items.filter((s) => s === name), `${name}, round ${round + 1}`).toHaveLength(3)
        // Not only the text: the bytes are those of a first render.
        expect(Buffer.from(out.bytes).equals(Buffer.from(alone[i] ?? new Uint8Array())), name).toBe(true)
      }
    }
  })
})
