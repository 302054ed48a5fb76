import type { VehicleDoc } from '@shared/ipc/schemas'
import { nameTokens, plateKey } from '@shared/search/fold'
import { emailKey, phoneTailKey } from '@shared/search/query'
import type { CachedVehicle } from './db'

/** A vehicle document from main as the offline copy stores it: with the keys its indexes read. */

/**
 * Folded words per name part. Names repeat a lot across a fleet (first names, family names, company
 * suffixes), and folding (NFD, accent stripping, the non-decomposing table) is the costly part of
 * preparing a record, so each distinct part is folded once. Bounded: cleared when it grows large.
 */
const foldedParts = new Map<string, readonly string[]>()
const FOLDED_PARTS_MAX = 50_000

function wordsOf(part: string): readonly string[] {
  let words = foldedParts.get(part)
  if (!words) {
    if (foldedParts.size >= FOLDED_PARTS_MAX) foldedParts.clear()
    words = nameTokens(part)
    foldedParts.set(part, words)
  }
  return words
}

/** Same result as `nameTokens(first, last, company)`: every folded word once, in order of appearance. */
function nameKeysOf(customer: VehicleDoc['customer']): string[] {
  const keys: string[] = []
  for (const part of [customer.firstName, customer.lastName, customer.companyName]) {
    if (!part) continue
    for (const word of wordsOf(part)) if (!keys.includes(word)) keys.push(word)
  }
  return keys
}

export function toCached(doc: VehicleDoc): CachedVehicle {
  const cached: CachedVehicle = {
    ...doc,
    plateKey: doc.plate ? plateKey(doc.plate) : '',
    nameKeys: nameKeysOf(doc.customer)
  }
  if (doc.cases?.length) {
    cached.withCases = 1
    cached.caseIds = doc.cases.map((c) => c.id)
  }
  if (doc.customer.phone) cached.phoneTail = phoneTailKey(doc.customer.phone)
  if (doc.customer.email) cached.emailKey = emailKey(doc.customer.email)
  return cached
}
