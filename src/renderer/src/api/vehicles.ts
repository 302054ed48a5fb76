import type { Request, Response } from '@shared/ipc/contract'
import { call } from './client'

/** A vehicle's whole story from main's audit log: commands, checks, cases, refunds, forms and notes. */
export const vehicleStory = (vin: string): Promise<Response<'vehicleStory'>> => call('vehicleStory', { vin })
/** An agent's note on the vehicle (append-only; the key makes a resent note count once). */
export const addVehicleNote = (request: Request<'vehicleNoteAdd'>): Promise<Response<'vehicleNoteAdd'>> => call('vehicleNoteAdd', request)
/** The customer's vehicles, as main lists them in the agent's scope (while the offline copy is incomplete). */
export const customerVehicles = (vin: string): Promise<Response<'customerVehicles'>> => call('customerVehicles', { vin })
