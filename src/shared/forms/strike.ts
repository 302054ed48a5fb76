// RULES.md §9: the generator strikes the `(*)` alternatives itself instead of leaving it to the customer.
import type { AlternativeKind, FormMode } from './types'

/**
 * One consumer: strike the plural (vi, os, comunicamos, Nous…); several: strike the singular (Jeg, mig,
 * comunico, Je…). Always strike the goods alternative (a MINI Connected contract and a Service Inclusive
 * package are services) and "received on" (a service is ordered, not received; the period runs from
 * conclusion, RULES.md §5). A blank form strikes nothing: the customer decides.
 */
export function isStruck(kind: AlternativeKind, mode: FormMode, consumerCount: number): boolean {
  if (mode === 'blank') return false
  switch (kind) {
    case 'singular':
      return consumerCount > 1
    case 'plural':
      return consumerCount <= 1
    case 'goods':
    case 'received':
      return true
    case 'services':
    case 'ordered':
      return false
  }
}
