import { PGlite } from '@electric-sql/pglite'
let t = Date.now()
const pg = await PGlite.create()
console.log('create', Date.now() - t); t = Date.now()
await pg.query('select pg_advisory_xact_lock(1)')
await pg.query('select pg_advisory_xact_lock_shared(2)')
console.log('adv ok')
await pg.exec('create table x(a int); insert into x select generate_series(1,1000)')
t = Date.now()
const dump = await pg.dumpDataDir('none')
console.log('dump', Date.now() - t, dump.size)
for (let i = 0; i < 3; i++) {
t = Date.now()
const pg2 = await PGlite.create({ loadDataDir: dump })
console.log('load', Date.now() - t, (await pg2.query('select count(*) from x')).rows)
}
