/**
 * The write ceiling of `npm run bench -- signing`: bare Fastify (logger off, nothing of Netra's HTTP stack) with
 * one route, POST /, that inserts one row per request — its own id, the JSON body it was sent and the time — into
 * the same database as the app, opened by the app's own createDatabase (SQLite: WAL, SQLITE_SYNCHRONOUS from the
 * environment, FULL by default; PostgreSQL: the same pool size and the server's synchronous_commit), through the
 * raw driver (one prepared statement / one pool query). Each insert is its own transaction, committed before the
 * answer, as a signature is. The table `bench_inserts` is created here; the database is thrown away afterwards.
 */
import Fastify from 'fastify'
import { loadConfig } from '../../src/config.js'
import { createDatabase } from '../../src/db/database.js'
import { newId } from '../../src/platform/ids.js'
import { announceReady, exitWithParent } from '../lib/child-protocol.js'

const config = loadConfig(process.env)
const database = createDatabase(config.database)
const ddl =
  'create table if not exists bench_inserts (id text primary key, body text not null, created_at text not null)'

let insert: (id: string, body: string, at: string) => Promise<void>
const { sqlite, pool } = database
if (sqlite) {
  sqlite.exec(ddl)
  const statement = sqlite.prepare('insert into bench_inserts (id, body, created_at) values (?, ?, ?)')
  insert = (id, body, at) => {
    statement.run(id, body, at)
    return Promise.resolve()
  }
} else if (pool) {
  await pool.query(ddl)
  insert = async (id, body, at) => {
    await pool.query('insert into bench_inserts (id, body, created_at) values ($1, $2, $3)', [id, body, at])
  }
} else {
  throw new Error('no database connection')
}

const app = Fastify({ logger: false })
app.post('/', async (request) => {
  const id = newId()
  await insert(id, JSON.stringify(request.body), new Date().toISOString())
  return { id }
})

exitWithParent(async () => {
  await app.close()
  await database.close()
})
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (!address || typeof address === 'string') throw new Error('server has no TCP address')
announceReady(address.port)
