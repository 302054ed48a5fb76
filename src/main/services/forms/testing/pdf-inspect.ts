// Test support: reads a PDF back the way a viewer does (pdfjs), independently of the code that drew it.
// Text comes from pdfjs' text layer; glyph positions and drawn lines from the page's operator list, with
// the widths the PDF itself declares, so the strike-through geometry is checked against the file.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface TextLine {
  y: number
  text: string
  items: { str: string; x: number; width: number; font: string }[]
}

export interface PlacedGlyph {
  char: string
  x0: number
  x1: number
  /** Baseline. */
  y: number
  size: number
  /** pdfjs' font id (e.g. 'g_d0_f1'). */
  font: string
}

export interface DrawnLine {
  x1: number
  y1: number
  x2: number
  y2: number
  width: number
}

export interface InspectedPage {
  width: number
  height: number
  lines: TextLine[]
  glyphs: PlacedGlyph[]
  /** Stroked straight segments (from constructPath + stroke). */
  drawnLines: DrawnLine[]
  /** pdfjs font id → the font's PostScript name as embedded (e.g. 'ABCDEF+DejaVuSans'). */
  fontNames: Map<string, string>
}

export interface InspectedPdf {
  info: Record<string, unknown>
  pages: InspectedPage[]
  /** All text, lines joined with '\n'. */
  text: string
}

type Matrix = [number, number, number, number, number, number]
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** m × n in PDF's row-vector convention: a point maps by p × M, so `m` applies first. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5]
  ]
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]]
}

interface PdfjsGlyph {
  unicode?: string
  width?: number
  isSpace?: boolean
}

function groupLines(items: { str: string; transform: number[]; width: number; fontName: string }[]): TextLine[] {
  const lines: TextLine[] = []
  for (const item of items) {
    if (item.str === '') continue
    const x = item.transform[4] ?? 0
    const y = item.transform[5] ?? 0
    let line = lines.find((l) => Math.abs(l.y - y) < 1)
    if (!line) {
      line = { y, text: '', items: [] }
      lines.push(line)
    }
    line.items.push({ str: item.str, x, width: item.width, font: item.fontName })
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x)
    let text = ''
    let end = -Infinity
    for (const it of line.items) {
      // A gap without a blank on either side is a word boundary the text layer did not spell out.
      if (text !== '' && it.x - end > 1 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' '
      text += it.str
      end = it.x + it.width
    }
    line.text = text
  }
  return lines.sort((a, b) => b.y - a.y)
}

export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise
  const meta = await doc.getMetadata()
  const pages: InspectedPage[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view
    const content = await page.getTextContent()
    const lines = groupLines(content.items.filter((i): i is (typeof content.items)[number] & { str: string; transform: number[]; width: number; fontName: string } => 'str' in i))
    const ops = await page.getOperatorList()

    const glyphs: PlacedGlyph[] = []
    const drawnLines: DrawnLine[] = []
    const fontNames = new Map<string, string>()
    const stack: { ctm: Matrix; lineWidth: number }[] = []
    let ctm: Matrix = [...IDENTITY]
    let lineWidth = 1
    let font = ''
    let size = 0
    let leading = 0
    let textMatrix: Matrix = [...IDENTITY]
    let lineMatrix: Matrix = [...IDENTITY]

    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[]
      switch (fn) {
        case OPS.save:
          stack.push({ ctm: [...ctm], lineWidth })
          break
        case OPS.restore: {
          const s = stack.pop()
          if (s) ({ ctm, lineWidth } = s)
          break
        }
        case OPS.transform:
          ctm = multiply(args as Matrix, ctm)
          break
        case OPS.setLineWidth:
          lineWidth = args[0] as number
          break
        case OPS.beginText:
          textMatrix = [...IDENTITY]
          lineMatrix = [...IDENTITY]
          break
        case OPS.setFont: {
          font = args[0] as string
          size = args[1] as number
          try {
            const obj = page.commonObjs.get(font) as { name?: string }
            if (obj.name) fontNames.set(font, obj.name)
          } catch {
            // not resolved yet: names are read again below
          }
          break
        }
        case OPS.setLeading:
          leading = args[0] as number
          break
        case OPS.setTextMatrix: {
          const m = (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? Array.from(args[0] as ArrayLike<number>) : args) as Matrix
          textMatrix = [...m]
          lineMatrix = [...m]
          break
        }
        case OPS.nextLine:
          lineMatrix = multiply([1, 0, 0, 1, 0, -leading], lineMatrix)
          textMatrix = [...lineMatrix]
          break
        case OPS.showText: {
          const list = args[0] as PdfjsGlyph[]
          for (const g of list) {
            const advance = ((g.width ?? 0) * size) / 1000
            const m = multiply(textMatrix, ctm)
            const [gx0, gy] = apply(m, 0, 0)
            const [gx1] = apply(m, advance, 0)
            glyphs.push({ char: g.unicode ?? '', x0: gx0, x1: gx1, y: gy, size: size * Math.hypot(m[0], m[1]), font })
            textMatrix = multiply([1, 0, 0, 1, advance, 0], textMatrix)
          }
          break
        }
        case OPS.constructPath: {
          // pdfjs 5: [paint op, [path data], min/max]; path data: 0 x y = moveTo, 1 x y = lineTo, …
          const [paint, paths] = args as [number, ArrayLike<number>[]]
          if (paint !== OPS.stroke) break
          for (const path of paths) {
            const data = Array.from(path)
            let cur: [number, number] | undefined
            for (let k = 0; k < data.length; ) {
              const op = data[k]
              if (op === 0 || op === 1) {
                const p = apply(ctm, data[k + 1] ?? 0, data[k + 2] ?? 0)
                if (op === 1 && cur) drawnLines.push({ x1: cur[0], y1: cur[1], x2: p[0], y2: p[1], width: lineWidth * Math.hypot(ctm[0], ctm[1]) })
                cur = p
                k += 3
              } else if (op === 2) {
                cur = apply(ctm, data[k + 5] ?? 0, data[k + 6] ?? 0)
                k += 7
              } else {
                k += 1
              }
            }
          }
          break
        }
      }
    })
    for (const g of glyphs) {
      if (!fontNames.has(g.font)) {
        const obj = page.commonObjs.get(g.font) as { name?: string }
        if (obj.name) fontNames.set(g.font, obj.name)
      }
    }
    pages.push({ width: x1 - x0, height: y1 - y0, lines, glyphs, drawnLines, fontNames })
  }
  await doc.destroy()
  return {
    info: meta.info as Record<string, unknown>,
    pages,
    text: pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n')
  }
}

/** Whitespace collapsed: the text layer spells runs of blanks as one. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** A stroke is a strike-through when it runs across the middle band of glyphs on its baseline. */
export function glyphsCrossedBy(line: DrawnLine, glyphs: readonly PlacedGlyph[]): PlacedGlyph[] {
  if (Math.abs(line.y1 - line.y2) > 0.01) return []
  const left = Math.min(line.x1, line.x2)
  const right = Math.max(line.x1, line.x2)
  return glyphs.filter((g) => {
    const mid = (g.x0 + g.x1) / 2
    const above = line.y1 - g.y
    return mid > left && mid < right && above > 0.12 * g.size && above < 0.6 * g.size
  })
}
