// The verbatim lines are written as plain strings in which each `(*)` alternative is wrapped as
// `{{kind:words}}`, so a lawyer reads the wording as it stands and the kind of each alternative in place.
import type { AlternativeKind, FormSegment } from './types'

const ALTERNATIVE = /\{\{(singular|plural|goods|services|ordered|received):([^{}]+)\}\}/g

export interface ParsedPart {
  text: string
  alternative?: AlternativeKind
}

export function parseMarkup(markup: string): ParsedPart[] {
  const parts: ParsedPart[] = []
  let last = 0
  for (const match of markup.matchAll(ALTERNATIVE)) {
    const index = match.index
    if (index > last) parts.push({ text: markup.slice(last, index) })
    parts.push({ text: match[2] ?? '', alternative: match[1] as AlternativeKind })
    last = index + match[0].length
  }
  if (last < markup.length) parts.push({ text: markup.slice(last) })
  const leftover = parts.find((p) => p.alternative === undefined && /\{\{|\}\}/.test(p.text))
  if (leftover) throw new Error(`malformed alternative markup in «${markup}»`)
  return parts
}

/** The words of a line as printed: the markup removed. */
export function plainText(markup: string): string {
  return parseMarkup(markup)
    .map((p) => p.text)
    .join('')
}

export function toSegments(markup: string, isStruck: (kind: AlternativeKind) => boolean): FormSegment[] {
  return parseMarkup(markup).map((p) =>
    p.alternative === undefined
      ? { kind: 'text', text: p.text }
      : { kind: 'alternative', text: p.text, alternative: p.alternative, struck: isStruck(p.alternative) }
  )
}
