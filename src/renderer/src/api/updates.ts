import type { Response } from '@shared/ipc/contract'
import { call } from './client'

/** Restart into a downloaded update; main refuses while a SIM command is pending or a call is running. */
export const installUpdate = (): Promise<Response<'updateInstall'>> => call('updateInstall', {})
