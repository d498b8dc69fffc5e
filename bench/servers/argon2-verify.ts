/**
 * The login ceiling: argon2id verifications per second with the app's own parameters and code
 * (src/platform/passwords.ts), `--concurrency` verifications in flight (the server can have as many running as
 * the libuv threadpool has threads), for `--seconds`. Runs in its own process with the same environment
 * (UV_THREADPOOL_SIZE) as the server. Prints one NETRA_BENCH_RESULT line.
 */
import { argon2Options, hashPassword, verifyPassword } from '../../src/platform/passwords.js'
import { parseArgs } from '../lib/args.js'
import { announceResult } from '../lib/child-protocol.js'
import { measureTimedLoop } from '../lib/timed-loop.js'

const { flags } = parseArgs(process.argv.slice(2))
const concurrency = Number(flags.get('concurrency') ?? '4')
const password = 'correct horse battery 0'
const passwordHash = await hashPassword(password)

const result = await measureTimedLoop({
  concurrency,
  seconds: Number(flags.get('seconds') ?? '10'),
  warmupSeconds: Number(flags.get('warmup') ?? '1'),
  step: async () => {
    if (!(await verifyPassword(passwordHash, password))) throw new Error('verification failed')
  },
})
announceResult({
  concurrency,
  verifications: result.count,
  seconds: result.seconds,
  perSecond: result.perSecond,
  latencyMs: result.latencyMs,
  /** CPU time of this process (all threads) per verification. */
  cpuMsPerVerification: result.cpuMsPerStep,
  options: argon2Options,
})
