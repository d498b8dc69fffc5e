import { describe, expect, it } from 'vitest'
import { isViolationCode, violationCatalogue, violationGroups } from './violations.js'

describe('violation catalogue', () => {
  it('has unique stable codes, a known group, an Indonesian name and examples for every entry', () => {
    const entries = violationCatalogue()
    expect(entries.length).toBeGreaterThanOrEqual(38)
    expect(new Set(entries.map((v) => v.code)).size).toBe(entries.length)
    for (const v of entries) {
      expect(v.code).toMatch(/^[A-Z0-9]+-[A-Z0-9]+$/)
      expect(violationGroups).toContain(v.group)
      expect(v.name_id.length).toBeGreaterThan(5)
      expect(Array.isArray(v.examples_id)).toBe(true)
      expect(typeof v.verified).toBe('boolean')
    }
    expect(isViolationCode('DS-06')).toBe(true)
    expect(isViolationCode('XX-99')).toBe(false)
  })
})
