import * as rules from '@shared/rules'

/**
 * Clauses as people cite them (issue 12, point 4). The rules module's outcomes list clause and decision
 * identifiers ('DK GTC 8.7', 'PT II.5.1', 'D12'); its catalogue says which document and section each
 * clause is, and the developer reference behind it. Agents see "<document> §<section>" in their
 * language; decisions and source lines are for supervisors.
 */
export const { CLAUSE_DOCUMENTS } = rules
export type ClauseDocument = rules.ClauseDocument

export interface Clause {
  document: ClauseDocument
  /** As printed in the document: '1.6 a)', '8.7', 'II.5.1', 'art. 11(3)'. */
  section: string
  /** Developer reference, for supervisors: 'seed 001 L60–L63'. */
  source: string
}

export interface ClauseCatalogue {
  clauses: Readonly<Record<string, Clause>>
  decisions: Readonly<Record<string, { summary: string }>>
}

/**
 * The rules module's catalogue (`CLAUSES`, `DECISIONS`), read by name so this code also runs against a
 * rules module that does not export it yet; its entries are then resolved as below.
 */
export const RULES_CATALOGUE: ClauseCatalogue = {
  clauses: (Reflect.get(rules, 'CLAUSES') as ClauseCatalogue['clauses'] | undefined) ?? {},
  decisions: (Reflect.get(rules, 'DECISIONS') as ClauseCatalogue['decisions'] | undefined) ?? {}
}

export type Reference =
  | { kind: 'clause'; id: string; clause: Clause }
  | { kind: 'decision'; id: string; summary: string | null }
  /** Not in the catalogue: an entry of an older rules module ("DK GTC 1.6 a) — prose"). */
  | { kind: 'other'; id: string; label: string | null; text: string }

const DECISION = /^D\d+$/
// Older entries: "<reference> — <English prose>", where the reference may carry a decision
// ("DK GTC 1.6 a) + D12", "BE L70 (seed note D3)") or be one ("D6", "RULES.md §2").
const DECISION_PART = /\s*(?:[+/]\s*)?\(?(?:seed note\s+)?D\d+\)?/g

export function resolveReference(entry: string, catalogue: ClauseCatalogue): Reference {
  const clause = catalogue.clauses[entry]
  if (clause) return { kind: 'clause', id: entry, clause }
  if (DECISION.test(entry)) return { kind: 'decision', id: entry, summary: catalogue.decisions[entry]?.summary ?? null }
  const id = entry.split(' — ')[0]!.trim()
  const known = catalogue.clauses[id]
  if (known) return { kind: 'clause', id, clause: known }
  if (DECISION.test(id)) return { kind: 'decision', id, summary: entry.slice(id.length).replace(/^\s*—\s*/, '') || null }
  const label = id.startsWith('RULES.md') ? '' : id.replace(DECISION_PART, '').trim()
  return { kind: 'other', id, label: label || null, text: entry }
}
