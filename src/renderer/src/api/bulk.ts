import type { Request, Response } from '@shared/ipc/contract'
import { call } from './client'

/** Bulk SIM changes (issue 16): main reads the file, decides every row with the rules, and runs the job. */
export const previewBulk = (request: Request<'bulkPreview'>): Promise<Response<'bulkPreview'>> => call('bulkPreview', request)
export const startBulk = (request: Request<'bulkStart'>): Promise<Response<'bulkStart'>> => call('bulkStart', request)
export const listBulkJobs = (): Promise<Response<'bulkJobs'>> => call('bulkJobs', {})
export const bulkJob = (jobId: string): Promise<Response<'bulkJobGet'>> => call('bulkJobGet', { jobId })
export const bulkJobRows = (request: Request<'bulkJobRows'>): Promise<Response<'bulkJobRows'>> => call('bulkJobRows', request)
/** Pause, resume or cancel a running job: each answers the job as it now stands. */
export const controlBulkJob = (method: 'bulkPause' | 'bulkResume' | 'bulkCancel', jobId: string): Promise<Response<'bulkPause'>> => call(method, { jobId })
