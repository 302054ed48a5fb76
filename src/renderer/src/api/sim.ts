import type { Request, Response } from '@shared/ipc/contract'
import { call } from './client'

/** SIM commands (RULES.md §2–§4): main assesses again, decides, and sends to the vehicle after its commit. */
export const deactivateSim = (request: Request<'simDeactivate'>): Promise<Response<'simDeactivate'>> => call('simDeactivate', request)
export const reactivateSim = (request: Request<'simReactivate'>): Promise<Response<'simReactivate'>> => call('simReactivate', request)
/** A failed or timed-out command sent again; a command waiting for its automatic retry is sent now. */
export const retrySimCommand = (request: Request<'simRetry'>): Promise<Response<'simRetry'>> => call('simRetry', request)
/** SIM commands that need attention: the latest of each vehicle that failed, timed out or waits to retry. */
export const simAttention = (request: Request<'simAttention'>): Promise<Response<'simAttention'>> => call('simAttention', request)
