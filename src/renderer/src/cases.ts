import type { WithdrawalCaseDoc } from '@shared/ipc/schemas'
import { compareDates, daysBetween } from '@shared/rules'

/** Refunds due within this many days stand out (the supervisor's setting `refundWarningDays`; this is its default). */
export const DUE_SOON_DAYS = 3

export type RefundUrgency = 'overdue' | 'due-soon' | 'due' | 'none'

/** How urgent a case's refund is on a given day (RULES.md §5: refund due date, D6). */
export function refundUrgency(c: Pick<WithdrawalCaseDoc, 'status' | 'refundDueBy'>, today: string, soonDays = DUE_SOON_DAYS): RefundUrgency {
  if (c.status !== 'refund-due' || !c.refundDueBy) return 'none'
  if (compareDates(c.refundDueBy, today) < 0) return 'overdue'
  return daysBetween(today, c.refundDueBy) <= soonDays ? 'due-soon' : 'due'
}

export interface CaseRow {
  case: WithdrawalCaseDoc
  vin: string
  market: string
  model: string
  urgency: RefundUrgency
  remaining: number
}

export function caseRows(vehicles: { vin: string; market: string; model: string; cases: WithdrawalCaseDoc[] }[], today: string, soonDays = DUE_SOON_DAYS): CaseRow[] {
  return vehicles.flatMap((v) =>
    v.cases.map((c) => ({ case: c, vin: v.vin, market: v.market, model: v.model, urgency: refundUrgency(c, today, soonDays), remaining: c.refund - c.refundPaid }))
  )
}
