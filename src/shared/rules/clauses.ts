// The clauses an outcome cites, as identifiers (issue 12, point 4). Every `clauses` list of the rules
// module holds only keys of CLAUSES and DECISIONS: the renderer turns a clause into words in the agent's
// language ("MINI Connected terms §8.7") from its document and section, supervisors see the source and
// the decision in a details view, and nothing dynamic (dates, amounts) hides inside a citation: those
// are the outcome's own fields. Identifiers read like the references lawyers use, so RULES-API's
// example `['DK GTC 1.6 a)', 'D12']` holds as written.

/** The documents clauses come from. Translators name each one in the seven UI languages. */
export const CLAUSE_DOCUMENTS = [
  'dk-connected-terms',
  'dk-service-inclusive-terms',
  'dk-service-descriptions',
  'se-connected-terms',
  'se-service-descriptions',
  'pt-terms',
  'be-lu-service-list',
  'eu-directive-2011-83',
  'eu-regulation-1182-71',
  'se-distance-contracts-act',
  'pt-decree-law',
  'iso-3779',
  'vin-faq'
] as const
export type ClauseDocument = (typeof CLAUSE_DOCUMENTS)[number]

export interface Clause {
  document: ClauseDocument
  /** As printed in that document: '1.6 a)', '8.7', 'II.5.1', 'art. 11(3)', 'Comment désactiver'. */
  section: string
  /** Developer reference: where the text is ('seed 001 L60–L63'); never shown to agents. */
  source: string
}

const DIRECTIVE = 'Directive 2011/83/EU (no seed text)'

// `satisfies` keeps the literal keys (ClauseId below) while checking every entry's shape.
const catalogue = {
  // ---- DK MINI Connected terms (seed 001 part A, «Vilkår og betingelser»; sources/seed-001-dk.md)
  'DK GTC 1.1': { document: 'dk-connected-terms', section: '1.1', source: 'seed 001 L5' },
  'DK GTC 1.6': { document: 'dk-connected-terms', section: '1.6', source: 'seed 001 L60–L63' },
  'DK GTC 1.6 a)': { document: 'dk-connected-terms', section: '1.6 a)', source: 'seed 001 L64–L65' },
  'DK GTC 1.6 b)': { document: 'dk-connected-terms', section: '1.6 b)', source: 'seed 001 L66–L71' },
  'DK GTC 1.6 c)': { document: 'dk-connected-terms', section: '1.6 c)', source: 'seed 001 L72–L75' },
  'DK GTC 8.1': { document: 'dk-connected-terms', section: '8.1', source: 'seed 001 L499–L510' },
  'DK GTC 8.2': { document: 'dk-connected-terms', section: '8.2', source: 'seed 001 L511–L515' },
  'DK GTC 8.4': { document: 'dk-connected-terms', section: '8.4', source: 'seed 001 L523–L527' },
  'DK GTC 8.5 a)': { document: 'dk-connected-terms', section: '8.5 a)', source: 'seed 001 L528–L530' },
  'DK GTC 8.6': { document: 'dk-connected-terms', section: '8.6', source: 'seed 001 L539–L541' },
  'DK GTC 8.7': { document: 'dk-connected-terms', section: '8.7', source: 'seed 001 L550–L555' },
  'DK GTC 14': { document: 'dk-connected-terms', section: '14', source: 'seed 001 L743–L800' },
  // ---- DK Service Inclusive shop terms (seed 001 part B)
  'DK SI 2.7': { document: 'dk-service-inclusive-terms', section: '2.7', source: 'seed 001 L886–L890' },
  'DK SI 8': { document: 'dk-service-inclusive-terms', section: '8', source: 'seed 001 L1096–L1154' },
  'DK SI Bilag': { document: 'dk-service-inclusive-terms', section: 'Bilag', source: 'seed 001 L1262–L1290' },
  // ---- DK service descriptions (seed 001 part D)
  'DK SD Emergency Call Service': {
    document: 'dk-service-descriptions',
    section: 'Emergency Call Service',
    source: 'seed 001 L2591–L2780 («Legal eCall kan ikke deaktiveres», L2651)'
  },
  // ---- SE MINI Connected terms (seed 003 §1–15; sources/seed-003-se.md)
  'SE GTC 1.1': { document: 'se-connected-terms', section: '1.1', source: 'seed 003 L3' },
  'SE GTC 1.6': { document: 'se-connected-terms', section: '1.6', source: 'seed 003 L46–L48' },
  'SE GTC 1.6 a)': { document: 'se-connected-terms', section: '1.6 a)', source: 'seed 003 L50–L56' },
  'SE GTC 1.6 b)': { document: 'se-connected-terms', section: '1.6 b)', source: 'seed 003 L57–L62' },
  'SE GTC 1.6 c)': { document: 'se-connected-terms', section: '1.6 c)', source: 'seed 003 L63–L66' },
  'SE GTC 8.1': { document: 'se-connected-terms', section: '8.1', source: 'seed 003 L467–L472' },
  'SE GTC 8.2': { document: 'se-connected-terms', section: '8.2', source: 'seed 003 L473–L478' },
  'SE GTC 8.3': { document: 'se-connected-terms', section: '8.3', source: 'seed 003 L479–L483' },
  'SE GTC 8.5': { document: 'se-connected-terms', section: '8.5', source: 'seed 003 L491–L496' },
  'SE GTC 8.6 a)': { document: 'se-connected-terms', section: '8.6 a)', source: 'seed 003 L497–L499' },
  'SE GTC 8.7': { document: 'se-connected-terms', section: '8.7', source: 'seed 003 L509–L513' },
  'SE GTC 8.8': { document: 'se-connected-terms', section: '8.8', source: 'seed 003 L514–L519' },
  'SE GTC 15': { document: 'se-connected-terms', section: '15', source: 'seed 003 L680–L749' },
  // ---- SE service descriptions (seed 003, after the terms)
  'SE SD Emergency Call': {
    document: 'se-service-descriptions',
    section: 'Emergency Call',
    source: 'seed 003 L1370–L1421 («Legal eCall (Lagstadgat nödsamtal) kan inte inaktiveras», L1393)'
  },
  // ---- SE law cited by the SE terms
  'SE Lag 2005:59 1 kap. 2 §': {
    document: 'se-distance-contracts-act',
    section: '1 kap. 2 §',
    source: 'cited by seed 003 §15 (L680–L686) for the definition of a consumer'
  },
  // ---- PT MINI terms (seed 004; part I service information, part II general terms; sources/seed-004-pt.md)
  'PT I.1': { document: 'pt-terms', section: 'I.1', source: 'seed 004 L16–L90' },
  'PT I.2': { document: 'pt-terms', section: 'I.2', source: 'seed 004 L91–L204' },
  'PT II.1': { document: 'pt-terms', section: 'II.1', source: 'seed 004 L261–L267' },
  'PT II.2.2': { document: 'pt-terms', section: 'II.2.2', source: 'seed 004 L279' },
  'PT II.5.1': { document: 'pt-terms', section: 'II.5.1', source: 'seed 004 L375' },
  'PT II.5.2': { document: 'pt-terms', section: 'II.5.2', source: 'seed 004 L381' },
  'PT II.5.3': { document: 'pt-terms', section: 'II.5.3', source: 'seed 004 L387' },
  'PT II.6': { document: 'pt-terms', section: 'II.6', source: 'seed 004 L399–L443' },
  'PT II.7': { document: 'pt-terms', section: 'II.7', source: 'seed 004 L451–L460' },
  // ---- BE/LU MINI Connected service list (seed 000): headings, no numbered sections
  'BE/LU durations': { document: 'be-lu-service-list', section: 'Durée des services', source: 'seed 000 L35–L131' },
  'BE/LU deactivation': { document: 'be-lu-service-list', section: 'Comment désactiver', source: 'seed 000 L141–L147' },
  // ---- EU law where the seeds are silent
  'EU 2011/83 art. 2(1)': { document: 'eu-directive-2011-83', section: 'art. 2(1)', source: DIRECTIVE },
  'EU 2011/83 art. 9': { document: 'eu-directive-2011-83', section: 'art. 9', source: DIRECTIVE },
  'EU 2011/83 art. 9(2)(a)': { document: 'eu-directive-2011-83', section: 'art. 9(2)(a)', source: DIRECTIVE },
  'EU 2011/83 art. 10(1)': { document: 'eu-directive-2011-83', section: 'art. 10(1)', source: DIRECTIVE },
  'EU 2011/83 art. 10(2)': { document: 'eu-directive-2011-83', section: 'art. 10(2)', source: DIRECTIVE },
  'EU 2011/83 art. 11(2)': { document: 'eu-directive-2011-83', section: 'art. 11(2)', source: DIRECTIVE },
  'EU 2011/83 art. 13': { document: 'eu-directive-2011-83', section: 'art. 13', source: DIRECTIVE },
  'EU 2011/83 art. 14(3)': { document: 'eu-directive-2011-83', section: 'art. 14(3)', source: DIRECTIVE },
  'EU 2011/83 art. 16(a)': { document: 'eu-directive-2011-83', section: 'art. 16(a)', source: DIRECTIVE },
  'EU 1182/71 art. 3': {
    document: 'eu-regulation-1182-71',
    section: 'art. 3',
    source: 'Regulation (EEC, Euratom) No 1182/71, applied to withdrawal by recital 41 of Directive 2011/83/EU (RULES.md D6)'
  },
  // ---- Caller verification pattern (seed 002, Canadian FAQ; not a market of this tool)
  'CA FAQ Associez votre compte': {
    document: 'vin-faq',
    section: 'Associez votre compte',
    source: 'seed 002 L96–L135 (name spelled exactly as on record: L112–L113)'
  }
} as const satisfies Record<string, Clause>

export type ClauseId = keyof typeof catalogue

export const CLAUSES: Readonly<Record<ClauseId, Clause>> = catalogue

export type DecisionId =
  | 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9'
  | 'D10' | 'D11' | 'D12' | 'D13' | 'D14' | 'D15' | 'D16' | 'D17' | 'D18'

/** RULES.md's decisions where a source is unclear; English, for supervisors' details view. */
export const DECISIONS: Readonly<Record<DecisionId, { summary: string }>> = {
  D1: { summary: 'A vehicle has legal eCall when its record says so or its equipment holds 6AF, 6FP or 6UM; evidence of legal eCall wins over a record saying none, and the conflict is reported.' },
  D2: { summary: 'Both dealer staff and hotline agents may execute a SIM deactivation in every market; who did it, for whom and on which verification is recorded.' },
  D3: { summary: 'Intelligent eCall is treated as lost in every deactivation, even when the SIM stays on for legal eCall.' },
  D4: { summary: 'Every market follows the Belgian reactivation rule: the SIM returns to ACTIVE with exactly the services still valid; a pending termination is cancelled; a withdrawn or ended contract needs a new contract.' },
  D5: { summary: 'The Belgian and Luxembourg seed names no trader: the recipient of withdrawals is a supervisor setting, and forms are refused until it is set.' },
  D6: { summary: 'Periods are counted under Regulation 1182/71 art. 3: the day of the event is not counted, and a period ending on a Saturday, Sunday or national public holiday ends on the next working day.' },
  D7: { summary: 'Instructions on withdrawal not given at conclusion: the period ends 12 months after its normal end; given later within those 12 months: 14 days after they were received.' },
  D8: { summary: 'The Portuguese lapse sentence («não seja cumprido») is read as "fully performed", as in the Directive.' },
  D9: { summary: '«5 Ans» is not defined by the Belgian seed: taken as 5 years from first registration, and shown as an assumption.' },
  D10: { summary: 'Every Portuguese service duration runs from first registration.' },
  D11: { summary: 'A hotline caller is verified by exact name, full VIN, and the customer number or postcode on record; three failures lock verification for that vehicle for 15 minutes.' },
  D12: { summary: 'A SIM deactivation requested before handover withdraws the MINI Connected contract at any time: in Denmark for any customer, in Sweden for a consumer with a distance or off-premises contract; all payments are refunded.' },
  D13: { summary: '"One month after" a date is the same day number in the next month, or that month\'s last day when it has no such day.' },
  D14: { summary: 'In Portugal a vehicle with legal eCall keeps its SIM for it: the terms\' "the emergency call will stop working" is read as applying to Intelligent eCall and to vehicles without legal eCall.' },
  D15: { summary: 'The Danish Service Inclusive terms give two e-mail addresses of the same trader; a notice sent to either is valid, and the form prints the form\'s own address.' },
  D16: { summary: 'In Sweden a consumer\'s deactivation before handover of a contract concluded on the premises is a termination under §8, not a withdrawal.' },
  D17: { summary: 'A Danish withdrawal before handover refunds as any withdrawal; no service has been provided before handover, so in practice everything paid is refunded.' },
  D18: { summary: 'Whether every emergency call is lost is decided by what survives: a SIM kept on for legal map data alone leaves no emergency call, so the warning and the acknowledgement apply.' }
}

/** A clause or a decision: what every `clauses` list of the rules module holds. */
export type Citation = ClauseId | DecisionId

export function isClauseId(value: string): value is ClauseId {
  return Object.hasOwn(CLAUSES, value)
}

export function isDecisionId(value: string): value is DecisionId {
  return Object.hasOwn(DECISIONS, value)
}

export function isCitation(value: string): value is Citation {
  return isClauseId(value) || isDecisionId(value)
}

/** Each citation once, in the order first cited: a list read out to an agent repeats nothing. */
export function uniqueCitations(list: readonly Citation[]): Citation[] {
  return [...new Set(list)]
}
