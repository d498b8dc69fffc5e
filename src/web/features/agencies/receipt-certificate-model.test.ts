import { describe, expect, it } from 'vitest'
import { certificateExpiry, formatFingerprint } from './receipt-certificate-model'

describe('certificateExpiry', () => {
  const now = new Date('2026-11-23T05:00:00Z')
  it.each([
    ['2027-11-23T00:00:00Z', { kind: 'valid' }],
    ['2026-12-23T05:00:00Z', { kind: 'expiring', daysLeft: 30 }],
    ['2026-11-23T06:00:00Z', { kind: 'expiring', daysLeft: 1 }],
    ['2026-11-23T04:59:59Z', { kind: 'expired' }],
  ])('describes a certificate valid until %s', (validUntil, expected) => {
    expect(certificateExpiry(validUntil, now)).toEqual(expected)
  })
})

describe('formatFingerprint', () => {
  it('groups the hex in upper-case pairs', () => {
    expect(formatFingerprint('f88a9662')).toBe('F8:8A:96:62')
  })
})
