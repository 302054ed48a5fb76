import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFontFaces, type FontFaces } from './fonts'
import { TEXT } from './style'
import { wrap, type Fragment } from './typeset'

let faces: FontFaces
beforeAll(async () => {
  faces = await loadFontFaces(resolve(import.meta.dirname, '../../../../resources/fonts'))
})

const frag = (text: string, struck = false): Fragment => ({ text, style: TEXT.body, struck, field: 'test' })
const lineTexts = (fragments: Fragment[], width: number) => wrap(faces, fragments, width).map((l) => l.runs.map((r) => r.text).join(''))

describe('line breaking', () => {
  it('keeps every word and every blank inside a line; drops the blank at a break', () => {
    const text = 'Jeg meddeler herved, at jeg ønsker at gøre fortrydelsesretten gældende'
    const lines = lineTexts([frag(text)], 120)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.join(' ')).toBe(text)
    for (const l of lines) expect(l).toBe(l.trim())
  })

  it('never breaks inside «Jeg/vi» or before a lone «:»', () => {
    const fragments = [frag('xxxxxxxxxx '), frag('Jeg', true), frag('/'), frag('vi'), frag(' ci-dessous :')]
    for (let width = 70; width < 200; width += 3) {
      const lines = lineTexts(fragments, width)
      expect(lines.some((l) => l.includes('Jeg/vi'))).toBe(true)
      expect(lines.some((l) => l.trim() === ':')).toBe(false)
    }
  })

  it('struck runs carry their own width, measured from the font', () => {
    const [line] = wrap(faces, [frag('om '), frag('køb af følgende varer', true), frag(' (*)')], 1000)
    const run = line?.runs.find((r) => r.struck)
    expect(run?.text).toBe('køb af følgende varer')
    expect(run?.width).toBeCloseTo(faces.regular.widthOf('køb af følgende varer', TEXT.body.size), 6)
    expect(run?.x).toBeCloseTo(faces.regular.widthOf('om ', TEXT.body.size), 6)
  })

  it('cuts a word wider than the line between characters', () => {
    const lines = lineTexts([frag('_'.repeat(120))], 100)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join('')).toBe('_'.repeat(120))
  })
})
