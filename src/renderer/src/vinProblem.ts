import { VIN_LENGTH } from '@shared/rules'

type Translate = (key: string, params: Record<string, string | number>) => string

const VIN_CHAR = /^[A-HJ-NPR-Z0-9]$/

/**
 * Why what was typed is not a VIN, in the agent's language. The rules module says which rule failed
 * (`reason`); the character and its position are found again here, on the same normalised input
 * (RULES.md §1: spaces and dashes typed inside are removed), so the sentence can name them.
 */
export function vinProblemText(query: string, reason: string, t: Translate): string {
  const chars = Array.from(query.trim().replace(/[\s-]+/g, ''))
  if (reason === 'empty' || !chars.length) return t('vin.empty', {})
  if (reason === 'forbidden-letter' || reason === 'invalid-character') {
    // A character counts as it is, before any case mapping: 'ß' upper-cases to two letters and is not a VIN character.
    const i = chars.findIndex((c) => !VIN_CHAR.test(c.toUpperCase()))
    const ch = chars[i]
    if (ch !== undefined) {
      const upper = ch.toUpperCase()
      const position = i + 1
      if (upper === 'I') return t('vin.letterI', { char: upper, position })
      if (upper === 'O' || upper === 'Q') return t('vin.letterOQ', { char: upper, position })
      if (ch.trim() === '') return t('vin.blank', { position })
      return t('vin.character', { char: ch, position })
    }
  }
  const n = chars.length
  return n < VIN_LENGTH ? t('vin.tooShort', { n, missing: VIN_LENGTH - n }) : t('vin.tooLong', { n, extra: n - VIN_LENGTH })
}
