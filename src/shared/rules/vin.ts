import type { VinValidation } from './types'

// RULES.md §1 (seed 002 L104–L120; ISO 3779): 17 characters from [A-HJ-NPR-Z0-9].
// The position-9 check digit is mandatory only in North America, so it is never checked here.
export const VIN_LENGTH = 17
// Each character is checked as typed, before any case mapping other than a–z: Unicode
// upper-casing turns some letters into ASCII ones ('ß' → 'SS', 'ſ' → 'S', 'ﬀ' → 'FF', 'ı' → 'I'),
// and a 16-character input would pass as a 17-character VIN (issue 13, defect 8).
const VIN_CHARS: ReadonlySet<string> = new Set('ABCDEFGHJKLMNPRSTUVWXYZ0123456789')
// Separators an agent may type while reading a VIN aloud, surrounding spaces included; removed
// before validation (RULES.md §1).
const SEPARATORS = /[\s-]/g

// I, O and Q are excluded by ISO 3779 because they look like 1 and 0. We hint, never auto-correct:
// a silently "fixed" VIN could point to somebody else's vehicle.
const FORBIDDEN_HINT: Readonly<Record<string, string>> = {
  I: 'did you mean 1 (one)?',
  O: 'did you mean 0 (zero)?',
  Q: 'did you mean 0 (zero)?'
}

/** Short VIN used on the phone: the last 7 characters (RULES.md §1). */
export const SHORT_VIN_LENGTH = 7

/** ASCII letters only: a VIN has no other letters, and no other character changes its length. */
function asciiUpperCase(s: string): string {
  return s.replace(/[a-z]/g, (c) => c.toUpperCase())
}

/** Removes surrounding spaces and the spaces or dashes typed inside, and upper-cases a–z. */
export function normaliseVin(input: string): string {
  return asciiUpperCase(input.replace(SEPARATORS, ''))
}

export function validateVin(input: string): VinValidation {
  const typed = input.replace(SEPARATORS, '')
  if (typed.length === 0) {
    return { ok: false, reason: 'empty', message: 'No VIN was given. A VIN has 17 characters.' }
  }
  // Characters are checked before length: "O" in a 17-character VIN is a more useful message than
  // "wrong length", and a wrong character usually explains the mistake better.
  const chars = Array.from(typed)
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    // Only a–z is upper-cased: 'ı' stays 'ı' (not an I), 'ß' stays one character.
    const upper = asciiUpperCase(ch)
    if (VIN_CHARS.has(upper)) continue
    const position = i + 1
    const hint = FORBIDDEN_HINT[upper]
    if (hint !== undefined) {
      return {
        ok: false,
        reason: 'forbidden-letter',
        message: `The letter ${upper} at position ${position} is never used in a VIN: ${hint}`
      }
    }
    return {
      ok: false,
      reason: 'invalid-character',
      message: `The character "${ch}" at position ${position} is not allowed in a VIN (only digits and the letters A–Z except I, O and Q).`
    }
  }
  const n = chars.length
  if (n < VIN_LENGTH) return lengthError(n, `${VIN_LENGTH - n} missing`)
  if (n > VIN_LENGTH) return lengthError(n, `${n - VIN_LENGTH} too many`)
  return { ok: true, vin: asciiUpperCase(typed) }
}

function lengthError(n: number, difference: string): VinValidation {
  return {
    ok: false,
    reason: 'length',
    message: `A VIN has exactly ${VIN_LENGTH} characters; ${n} character${n === 1 ? ' was' : 's were'} given (${difference}).`
  }
}

/** The last 7 characters of a normalised VIN, or null when the input is not a valid VIN. */
export function shortVin(input: string): string | null {
  const r = validateVin(input)
  return r.ok ? r.vin.slice(-SHORT_VIN_LENGTH) : null
}
