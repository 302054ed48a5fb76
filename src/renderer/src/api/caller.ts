import type { Request, Response } from '@shared/ipc/contract'
import { call } from './client'

/** Who the agent acts for (RULES.md §8, D11): main compares with the record; the renderer never does. */
export const callerStatus = (vin: string): Promise<Response<'callerStatus'>> => call('callerStatus', { vin })
export const verifyCaller = (request: Request<'callerVerify'>): Promise<Response<'callerVerify'>> => call('callerVerify', request)
export const recordIdentityDocument = (request: Request<'callerIdentityDocument'>): Promise<Response<'callerIdentityDocument'>> => call('callerIdentityDocument', request)
