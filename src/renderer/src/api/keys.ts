/** A fresh idempotency key: one per dialog opening, so a double click or a retry of the same request applies once. */
export function newRequestKey(): string {
  return crypto.randomUUID()
}
