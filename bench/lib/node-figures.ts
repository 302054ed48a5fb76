/**
 * Figures measured in Node: the withdrawal-form PDF (main process) and the rules module's throughput.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Fleet } from '../../src/shared/fleet/generate'
import { Random } from '../../src/shared/fleet/random'
import { addDays, assessSimDeactivation, assessWithdrawal, type VehicleFacts, type WithdrawalAssessmentInput } from '../../src/shared/rules'
import { median } from './stats'

export interface PdfFigures {
  coldMs: number | null
  warmP50Ms: number | null
  note?: string
}

interface FormService {
  render(request: unknown): unknown
}
interface FormsModule {
  createFormService?: (options: { fontsDir: string }) => FormService | Promise<FormService>
}

/** A DK prefilled withdrawal form for the MINI Connected contract: a typical agent request. */
export const PDF_REQUEST = {
  market: 'DK',
  contract: 'connected',
  mode: 'prefilled',
  consumers: ['Søren Ærø Østergård'],
  address: 'Vestergade 12, 2. th.\n8000 Aarhus C',
  orderedOn: '2026-11-16',
  services: 'MINI Connected',
  caseNumber: 'WD-2026-000123',
  generatedOn: '2026-11-21'
}

const RENDERS = 50

/**
 * The forms service is another engineer's work in progress (src/main/services/forms). When it is not
 * there yet, say so instead of measuring something else.
 */
export async function measurePdf(root: string): Promise<PdfFigures> {
  const candidates = ['src/main/services/forms/index.ts', 'src/main/services/forms.ts'].map((p) => join(root, p))
  const file = candidates.find((p) => existsSync(p))
  if (!file) return { coldMs: null, warmP50Ms: null, note: 'n/a (forms service not present)' }
  const mod = (await import(pathToFileURL(file).href)) as FormsModule
  if (typeof mod.createFormService !== 'function') {
    return { coldMs: null, warmP50Ms: null, note: `n/a (${file.slice(root.length + 1)} has no createFormService)` }
  }
  const service = await mod.createFormService({ fontsDir: join(root, 'resources/fonts') })
  let started = performance.now()
  const first = (await service.render(PDF_REQUEST)) as { bytes?: Uint8Array }
  const coldMs = performance.now() - started
  // A PDF, not an error path that happened to be quick.
  if (!first.bytes || Buffer.from(first.bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new Error('the forms service did not return a PDF for a DK prefilled request')
  }
  const times: number[] = []
  for (let i = 0; i < RENDERS; i++) {
    started = performance.now()
    await service.render(PDF_REQUEST)
    times.push(performance.now() - started)
  }
  return { coldMs, warmP50Ms: median(times) }
}

/**
 * Assessments per second over varied inputs from the fleet: a SIM deactivation for every vehicle with a
 * contract, and a withdrawal of its contract on a notice some days after conclusion. The inputs are built
 * first; the timed loop only calls the rules.
 */
export async function measureRules(fleet: Fleet, today: string, seconds = 2): Promise<number> {
  const rng = new Random(5)
  const facts: VehicleFacts[] = []
  const withdrawals: WithdrawalAssessmentInput[] = []
  for (const { vehicle: v, contract: c } of fleet.records.slice(0, 20_000)) {
    if (!c) continue
    facts.push({
      vin: v.vin,
      market: v.market,
      firstRegistration: v.firstRegistration,
      handedOverAt: v.handedOverAt,
      equipment: v.equipment,
      ...(v.euEcall === null ? {} : { euEcall: v.euEcall }),
      ...(v.legalMapData === null ? {} : { legalMapData: v.legalMapData }),
      sim: v.sim,
      contract: {
        concludedAt: c.concludedAt,
        customer: c.customer,
        channel: c.channel,
        status: c.status,
        ...(c.terminationEffectiveOn ? { terminationEffectiveOn: c.terminationEffectiveOn } : {})
      }
    })
    const sent = addDays(c.concludedAt, rng.int(1, 40))
    const started = rng.chance(0.5)
    withdrawals.push({
      market: v.market,
      contract: 'connected',
      customer: c.customer,
      channel: c.channel,
      concludedAt: c.concludedAt,
      ...(c.instructionsGiven ? (c.instructionsReceivedAt ? { instructionsReceivedAt: c.instructionsReceivedAt } : {}) : { instructionsReceivedAt: null }),
      noticeSentAt: sent,
      noticeReceivedAt: addDays(sent, rng.int(0, 3)),
      currency: c.currency,
      price: c.price,
      paid: c.paid,
      startRequested: started,
      ...(started ? { serviceStartedAt: addDays(c.concludedAt, rng.int(0, 3)), termDays: 365 * rng.int(1, 3) } : {}),
      simDeactivationBeforeHandover: v.handedOverAt === null && rng.chance(0.5)
    })
  }
  if (!facts.length) throw new Error('no vehicle with a contract in the fleet')
  // Warm-up, then the timed loop.
  for (let i = 0; i < Math.min(2_000, facts.length); i++) {
    assessSimDeactivation(facts[i]!, today)
    assessWithdrawal(withdrawals[i]!)
  }
  let n = 0
  let sink = 0
  const started = performance.now()
  const until = started + seconds * 1000
  while (performance.now() < until) {
    for (let i = 0; i < 200; i++, n++) {
      const k = n % facts.length
      sink += assessSimDeactivation(facts[k]!, today).allowed ? 1 : 0
      sink += assessWithdrawal(withdrawals[k]!).refund >= 0 ? 1 : 0
    }
  }
  const ms = performance.now() - started
  if (sink < 0) throw new Error('unreachable')
  // Two assessments per step.
  return ((2 * n) / ms) * 1000
}
