/** The ceiling: bare Fastify answering `{"ok":true}` on GET /, logger off. Nothing of Netra is loaded. */
import Fastify from 'fastify'
import { announceReady, exitWithParent } from '../lib/child-protocol.js'

const app = Fastify({ logger: false })
app.get('/', async () => ({ ok: true }))

exitWithParent(() => app.close())
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (!address || typeof address === 'string') throw new Error('server has no TCP address')
announceReady(address.port)
