/**
 * The audit hash chain: each event's hash covers its own fields and the previous event's hash, so changing,
 * removing or reordering any row breaks every later link. SHA-256 over a fixed-order JSON array.
 */
import { createHash } from 'node:crypto'

export const genesisHash = '0'.repeat(64)

export interface ChainedEvent {
  readonly chain: string
  readonly seq: number
  readonly occurredAt: string
  readonly actorId: string | null
  readonly actorLabel: string
  readonly agencyId: string | null
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly summary: string
  readonly prevHash: string
}

/**
 * JSON with object keys sorted at every level. The summary is hashed in this form because PostgreSQL's jsonb
 * re-formats stored JSON (key order, spacing); the canonical form is the same on both databases.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function hashEvent(event: ChainedEvent): string {
  const canonical = JSON.stringify([
    event.chain,
    event.seq,
    event.occurredAt,
    event.actorId,
    event.actorLabel,
    event.agencyId,
    event.action,
    event.entityType,
    event.entityId,
    canonicalJson(JSON.parse(event.summary)),
    event.prevHash,
  ])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

export type ChainBreak =
  | { readonly reason: 'seq_gap'; readonly expectedSeq: number }
  | { readonly reason: 'prev_hash_mismatch' }
  | { readonly reason: 'hash_mismatch' }

/** Checks one event against its predecessor in the chain (null for the first event). */
export function checkLink(
  event: ChainedEvent & { readonly hash: string },
  previous: { readonly seq: number; readonly hash: string } | null,
): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1
  if (event.seq !== expectedSeq) return { reason: 'seq_gap', expectedSeq }
  if (event.prevHash !== (previous ? previous.hash : genesisHash)) return { reason: 'prev_hash_mismatch' }
  if (hashEvent(event) !== event.hash) return { reason: 'hash_mismatch' }
  return null
}

export const chainForAgency = (agencyId: string | null): string =>
  agencyId ? `agency:${agencyId}` : 'platform'
