/**
 * `npm run postgres:throwaway`: a throwaway PostgreSQL cluster on loopback (Debian's `postgresql`
 * binaries) with an ordinary owner role, for running the server or tests by hand. Prints the
 * DATABASE_URL, runs until Ctrl+C, then deletes everything.
 */
import { startCluster } from '../src/main/testing/postgres-cluster'

const cluster = await startCluster()
console.log(`DATABASE_URL=${cluster.url}`)
console.log('Ctrl+C stops the cluster and deletes its data.')
const stop = () => {
  cluster.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
setInterval(() => undefined, 1 << 30)
