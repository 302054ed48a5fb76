import type { Request, Response } from '@shared/ipc/contract'
import { call } from './client'

/** Withdrawals (RULES.md §5) and their cases until the refund is paid. */
export const recordWithdrawal = (request: Request<'withdrawalRecord'>): Promise<Response<'withdrawalRecord'>> => call('withdrawalRecord', request)
export const recordRefund = (request: Request<'refundRecord'>): Promise<Response<'refundRecord'>> => call('refundRecord', request)
/** A case's events from main's audit log. */
export const caseTimeline = (caseId: string): Promise<Response<'caseTimeline'>> => call('caseTimeline', { caseId })
/** The acknowledgement of receipt of a withdrawal (PDF and e-mail text), in the customer's language. */
export const renderAcknowledgement = (caseId: string): Promise<Response<'acknowledgementRender'>> => call('acknowledgementRender', { caseId })
/** Records that (and how) the acknowledgement was sent. */
export const recordAcknowledgement = (request: Request<'acknowledgementRecord'>): Promise<Response<'acknowledgementRecord'>> => call('acknowledgementRecord', request)
