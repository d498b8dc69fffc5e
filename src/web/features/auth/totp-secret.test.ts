import { describe, expect, it } from 'vitest'
import { groupsOfFour } from './totp-secret'

describe('groupsOfFour', () => {
  it('splits a key into groups of four, the last one shorter when needed', () => {
    expect(groupsOfFour('JBSWY3DPEHPK3PXPAB')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'AB'])
  })

  it('keeps every character, so the groups join back to the key', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    expect(groupsOfFour(secret).join('')).toBe(secret)
  })
})
