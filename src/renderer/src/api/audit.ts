import type { Request, Response } from '@shared/ipc/contract'
import { call } from './client'

/** The audit trail (supervisors): a page of it, or all of it as CSV, downloaded. */
export const listAudit = (request: Request<'auditList'>): Promise<Response<'auditList'>> => call('auditList', request)

export async function downloadAuditCsv(filter: Request<'auditExport'>): Promise<void> {
  const { csv, fileName } = await call('auditExport', filter)
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
