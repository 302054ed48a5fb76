import type { Currency, CustomerLanguage, WithdrawalCaseDoc } from '@shared/ipc/schemas'
import type { Clock } from '../clock'
import type { Queryable } from '../db/database'

/**
 * Withdrawal cases are created here only, whoever records them (an agent's withdrawal, or a SIM
 * deactivation that the terms treat as one, D12): the case row and the withdrawal's effect on the contract
 * or purchase (RULES.md §5: it ends as if never concluded; its services stop) are written together, in the
 * caller's transaction. The number reads well on the phone: WD-2026-000042.
 */
export interface NewWithdrawalCase {
  vin: string
  subject: WithdrawalCaseDoc['subject']
  purchaseId: string | null
  contractKind: WithdrawalCaseDoc['contractKind']
  source: WithdrawalCaseDoc['source']
  decision: WithdrawalCaseDoc['decision']
  noticeChannel: WithdrawalCaseDoc['noticeChannel']
  noticeSentAt: string
  noticeReceivedAt: string
  consumers: string[]
  address: string
  startRequested: boolean
  agentShare: number | null
  agentShareReason: string | null
  currency: Currency
  price: number
  paid: number
  charge: number
  refund: number
  refundDueBy: string | null
  deadline: string
  refusal: WithdrawalCaseDoc['refusal']
  note: string | null
  consumerLanguage: CustomerLanguage | null
  assessment: unknown
  agent: { id: string; displayName: string }
}

export async function recordWithdrawalCase(tx: Queryable, clock: Clock, c: NewWithdrawalCase): Promise<string> {
  const { rows } = await tx.query<{ n: number }>("SELECT nextval('withdrawal_case_seq')::int AS n")
  const id = `WD-${clock.today().slice(0, 4)}-${String(rows[0]!.n).padStart(6, '0')}`
  const status = c.decision === 'refused' ? 'refused' : c.refund > 0 ? 'refund-due' : 'closed'
  const now = clock.now().toString()
  await tx.query(
    `INSERT INTO withdrawal_cases (id, vin, subject, purchase_id, contract_kind, source, decision, status, notice_channel,
       notice_sent_at, notice_received_at, consumers, address, start_requested, agent_share, agent_share_reason, currency,
       price, paid, charge, refund, refund_due_by, deadline, refusal, assessment, created_at, created_by, created_by_name, closed_at,
       note, consumer_language)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)`,
    [
      id, c.vin, c.subject, c.purchaseId, c.contractKind, c.source, c.decision, status, c.noticeChannel,
      c.noticeSentAt, c.noticeReceivedAt, JSON.stringify(c.consumers), c.address, c.startRequested, c.agentShare, c.agentShareReason, c.currency,
      c.price, c.paid, c.charge, c.refund, c.refundDueBy, c.deadline, c.refusal, JSON.stringify(c.assessment), now, c.agent.id, c.agent.displayName,
      status === 'refund-due' ? null : now,
      c.note, c.consumerLanguage
    ]
  )
  if (c.decision === 'accepted') {
    if (c.subject === 'connected') {
      await tx.query(`UPDATE contracts SET status = 'withdrawn', termination_effective_on = NULL WHERE vin = $1`, [c.vin])
    } else {
      await tx.query(`UPDATE purchases SET status = 'withdrawn' WHERE id = $1 AND vin = $2`, [c.purchaseId, c.vin])
    }
  }
  return id
}
