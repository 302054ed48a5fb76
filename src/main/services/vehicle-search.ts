import type { VehicleDoc } from '@shared/ipc/schemas'
import { planSearch, plansLookup, type SearchPlan } from '@shared/search/query'
import { rankResults, type Rankable } from '@shared/search/rank'
import type { SessionAgent } from '../auth/sessions'
import type { Database } from '../db/database'
import type { SearchWords } from '../db/search-words'
import { scopeOf } from './scope'
import type { VehicleService } from './vehicles'

/**
 * The search box, answered by main: for a desktop whose offline copy is incomplete (first start,
 * rebuild) or that lacks a vehicle. The same plan as the copy's (@shared/search/query: full VIN, last 7,
 * plate, name words, customer number, phone, e-mail, case number), as index reads in the database, in
 * the agent's scope like every read (dealer staff: their market), ranked the same way
 * (@shared/search/rank), at most `RESULTS` vehicles.
 */
export const RESULTS = 50
/** Vehicles of one customer listed at most (a fleet customer may own many). */
export const CUSTOMER_VEHICLES = 200

/** LIKE 'prefix%' with the prefix's own % and _ taken literally. */
function startsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`
}

interface RankRow {
  vin: string
  shortVin: string
  plate: string | null
  firstName: string | null
  lastName: string | null
  companyName: string | null
  customerNumber: string
  email: string | null
  phone: string | null
  caseIds: string[] | null
}

export function createVehicleSearch(db: Database, words: SearchWords, vehicles: VehicleService) {
  /** The VINs each applicable lookup finds (at most `more` each), in one round trip. */
  async function candidates(plan: SearchPlan, scope: string | null, more: number): Promise<string[]> {
    const params: unknown[] = [scope]
    const p = (value: unknown) => {
      params.push(value)
      return `$${params.length}`
    }
    const inScope = '($1::text IS NULL OR v.market = $1)'
    const fromVehicles = `FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE ${inScope}`
    const parts: string[] = []
    if (plan.vin) parts.push(`SELECT v.vin ${fromVehicles} AND v.vin = ${p(plan.vin)}`)
    if (plan.caseId) parts.push(`SELECT v.vin ${fromVehicles} AND v.vin IN (SELECT vin FROM withdrawal_cases WHERE id = ${p(plan.caseId)})`)
    if (plan.customerNumber) parts.push(`SELECT v.vin ${fromVehicles} AND c.customer_number = ${p(plan.customerNumber)} LIMIT ${more}`)
    if (plan.emailPrefix) parts.push(`SELECT v.vin ${fromVehicles} AND lower(c.email) LIKE ${p(startsWith(plan.emailPrefix))} LIMIT ${more}`)
    if (plan.shortVin) parts.push(`SELECT v.vin ${fromVehicles} AND v.short_vin = ${p(plan.shortVin)} LIMIT ${more}`)
    if (plan.platePrefix) {
      parts.push(`SELECT v.vin ${fromVehicles} AND upper(regexp_replace(v.plate, '[^A-Za-z0-9]', '', 'g')) LIKE ${p(startsWith(plan.platePrefix))} LIMIT ${more}`)
    }
    if (plan.phoneDigits) {
      const tail = [...plan.phoneDigits].reverse().join('')
      parts.push(`SELECT v.vin ${fromVehicles} AND reverse(regexp_replace(c.phone, '\\D', '', 'g')) LIKE ${p(startsWith(tail))} LIMIT ${more}`)
    }
    if (plan.nameWords.length) {
      // Customers with, for every typed word, a word beginning with it; those with more words typed in
      // full, and then with fewer words in all, first: the full name typed in full is never cut off.
      const q = p(plan.nameWords)
      const n = p(plan.nameWords.length)
      parts.push(`SELECT v.vin FROM (
          SELECT customer_id, count(*) FILTER (WHERE exact) AS exact FROM (
            SELECT s.customer_id, q.i, bool_or(s.word = q.w) AS exact
            FROM unnest(${q}::text[]) WITH ORDINALITY AS q(w, i)
            JOIN customer_search_words s ON s.word >= q.w AND s.word < q.w || chr(1114111)
            GROUP BY s.customer_id, q.i) per_word
          GROUP BY customer_id HAVING count(*) = ${n}::int) m
        JOIN vehicles v ON v.customer_id = m.customer_id
        WHERE ${inScope}
        ORDER BY m.exact DESC, (SELECT count(*) FROM customer_search_words x WHERE x.customer_id = m.customer_id), v.vin
        LIMIT ${more}`)
    }
    const { rows } = await db.query<{ vin: string }>(parts.map((sql) => `(${sql})`).join(' UNION ALL '), params)
    return [...new Set(rows.map((r) => r.vin))]
  }

  async function rankable(vins: string[]): Promise<(Rankable & { vin: string })[]> {
    const { rows } = await db.query<RankRow>(
      `SELECT v.vin, v.short_vin AS "shortVin", v.plate, c.first_name AS "firstName", c.last_name AS "lastName",
              c.company_name AS "companyName", c.customer_number AS "customerNumber", c.email, c.phone,
              (SELECT array_agg(w.id) FROM withdrawal_cases w WHERE w.vin = v.vin) AS "caseIds"
       FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.vin = ANY($1::text[])`,
      [vins]
    )
    const byVin = new Map(rows.map((r) => [r.vin, r]))
    return vins.flatMap((vin) => {
      const r = byVin.get(vin)
      if (!r) return []
      const { firstName, lastName, companyName, customerNumber, email, phone } = r
      return [{ vin, shortVin: r.shortVin, plate: r.plate, customer: { firstName, lastName, companyName, customerNumber, email, phone }, cases: (r.caseIds ?? []).map((id) => ({ id })) }]
    })
  }

  async function docs(vins: string[]): Promise<VehicleDoc[]> {
    if (!vins.length) return []
    const { rows } = await db.query<{ vin: string; doc: VehicleDoc }>('SELECT vin, doc FROM vehicle_docs WHERE vin = ANY($1::text[])', [vins])
    const byVin = new Map(rows.map((r) => [r.vin, r.doc]))
    return vins.flatMap((vin) => byVin.get(vin) ?? [])
  }

  return {
    async search(agent: SessionAgent, raw: string): Promise<{ vehicles: VehicleDoc[]; truncated: boolean }> {
      const plan = planSearch(raw)
      if (plan.vinProblem || !plansLookup(plan)) return { vehicles: [], truncated: false }
      if (plan.nameWords.length) await words.ready()
      const found = await candidates(plan, scopeOf(agent), RESULTS + 1)
      const ranked = rankResults(plan, await rankable(found))
      return { vehicles: await docs(ranked.slice(0, RESULTS).map((v) => v.vin)), truncated: ranked.length > RESULTS }
    },

    /** Every vehicle of the customer of `vin` that this agent may see (the vehicle itself included). */
    async ofSameCustomer(agent: SessionAgent, vin: string): Promise<{ vehicles: VehicleDoc[]; truncated: boolean }> {
      const vehicle = await vehicles.getFor(agent, vin)
      const { rows } = await db.query<{ vin: string }>(
        `SELECT vin FROM vehicles WHERE customer_id = $1 AND ($2::text IS NULL OR market = $2) ORDER BY vin LIMIT ${CUSTOMER_VEHICLES + 1}`,
        [vehicle.customer.id, scopeOf(agent)]
      )
      const vins = rows.map((r) => r.vin)
      return { vehicles: await docs(vins.slice(0, CUSTOMER_VEHICLES)), truncated: vins.length > CUSTOMER_VEHICLES }
    }
  }
}

export type VehicleSearch = ReturnType<typeof createVehicleSearch>
