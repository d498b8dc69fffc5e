import { describe, expect, it } from 'vitest'
import { canonicalJson, checkLink, genesisHash, hashEvent, type ChainedEvent } from './audit-chain.js'

const base: ChainedEvent = {
  chain: 'platform',
  seq: 1,
  occurredAt: '2026-01-01T00:00:00.000Z',
  actorId: null,
  actorLabel: 'system',
  agencyId: null,
  action: 'agency.created',
  entityType: 'agency',
  entityId: 'a1',
  summary: '{"after":{"slug":"kota-contoh"}}',
  prevHash: genesisHash,
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined, so reformatted JSON hashes the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    )
  })
})

describe('hashEvent', () => {
  it('is stable across JSON formatting of the summary (jsonb re-formats it)', () => {
    expect(hashEvent({ ...base, summary: '{"after": {"slug": "kota-contoh"}}' })).toBe(hashEvent(base))
  })

  it('changes when any field changes', () => {
    const original = hashEvent(base)
    for (const change of [
      { seq: 2 },
      { actorLabel: 'mallory' },
      { summary: '{"after":{"slug":"lain"}}' },
      { prevHash: 'f'.repeat(64) },
    ]) {
      expect(hashEvent({ ...base, ...change })).not.toBe(original)
    }
  })
})

describe('checkLink', () => {
  const first = { ...base, hash: hashEvent(base) }
  const secondFields = { ...base, seq: 2, prevHash: first.hash, entityId: 'a2' }
  const second = { ...secondFields, hash: hashEvent(secondFields) }

  it('accepts a correct chain', () => {
    expect(checkLink(first, null)).toBeNull()
    expect(checkLink(second, first)).toBeNull()
  })

  it.each([
    ['a gap in seq', { ...second, seq: 3 }, { reason: 'seq_gap', expectedSeq: 2 }],
    ['a wrong previous hash', { ...second, prevHash: genesisHash }, { reason: 'prev_hash_mismatch' }],
    ['edited content', { ...second, actorLabel: 'mallory' }, { reason: 'hash_mismatch' }],
  ])('detects %s', (_name, row, expected) => {
    expect(checkLink(row, first)).toEqual(expected)
  })
})
