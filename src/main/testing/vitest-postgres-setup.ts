/**
 * Vitest global setup of the PostgreSQL project: TEST_DATABASE_URL when set (a database whose role may
 * create databases), otherwise a throwaway cluster started here and stopped after the run.
 */
import type { TestProject } from 'vitest/node'
import { startCluster, type Cluster } from './postgres-cluster'

let cluster: Cluster | null = null

// The ProvidedContext declaration lives with the code that injects it.
import type {} from './databases'

export async function setup(project: TestProject): Promise<void> {
  const given = process.env['TEST_DATABASE_URL']
  if (given) {
    project.provide('databaseUrl', given)
    return
  }
  cluster = await startCluster({ log: (line) => console.log(line) })
  project.provide('databaseUrl', cluster.url)
}

export function teardown(): void {
  cluster?.stop()
}
