/**
 * The intake ceiling: receipt hashes per second — argon2id with the cost new agencies get and the app's own code
 * (src/features/reports/report-receipts.ts `hashReceipt`, the one slow step of filing a report), `--concurrency`
 * hashes in flight (as many as the libuv threadpool runs), for `--seconds`. Prints one NETRA_BENCH_RESULT line.
 */
import { randomBytes } from 'node:crypto'
import { hashReceipt, newReceipt, receiptHashCost } from '../../src/features/reports/report-receipts.js'
import { parseArgs } from '../lib/args.js'
import { announceResult } from '../lib/child-protocol.js'
import { measureTimedLoop } from '../lib/timed-loop.js'

const { flags } = parseArgs(process.argv.slice(2))
const concurrency = Number(flags.get('concurrency') ?? '4')
const hashing = { salt: randomBytes(16).toString('base64url'), ...receiptHashCost }

const result = await measureTimedLoop({
  concurrency,
  seconds: Number(flags.get('seconds') ?? '10'),
  warmupSeconds: Number(flags.get('warmup') ?? '1'),
  step: async () => {
    if ((await hashReceipt(newReceipt(), hashing)).length !== 64) throw new Error('unexpected hash')
  },
})
announceResult({
  concurrency,
  hashes: result.count,
  seconds: result.seconds,
  perSecond: result.perSecond,
  latencyMs: result.latencyMs,
  cpuMsPerHash: result.cpuMsPerStep,
})
