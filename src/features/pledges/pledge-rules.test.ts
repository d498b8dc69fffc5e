import { describe, expect, it } from 'vitest'
import {
  canonicalTemplateText,
  campaignDatesProblem,
  localIsoWithOffset,
  maskName,
  mayRemind,
  namesResemble,
  signingWindowState,
} from './pledge-rules.js'

describe('canonicalTemplateText', () => {
  it('ignores line endings, trailing spaces and surrounding blank lines, keeps everything visible', () => {
    const a = canonicalTemplateText({ title: 'Ikrar  ', body: '\r\n1. Satu  \r\n2. Dua\r\n\r\n' })
    const b = canonicalTemplateText({ title: 'Ikrar', body: '1. Satu\n2. Dua' })
    expect(a).toBe(b)
    expect(b).toBe('netra.pledge-template.v1\nIkrar\n\n1. Satu\n2. Dua')
    expect(canonicalTemplateText({ title: 'Ikrar', body: '1. Satu\n2. Dua.' })).not.toBe(b)
  })

  it('treats composed and decomposed accents as the same text (NFC)', () => {
    expect(canonicalTemplateText({ title: 'Caf\u00e9', body: 'x' })).toBe(
      canonicalTemplateText({ title: 'Cafe\u0301', body: 'x' }),
    )
  })
})

describe('signingWindowState', () => {
  const campaign = { opensAt: '2026-11-24T00:00:00.000Z', closesAt: '2026-11-30T00:00:00.000Z' }
  it.each([
    ['draft', '2026-11-25T00:00:00.000Z', 'draft'],
    ['closed', '2026-11-25T00:00:00.000Z', 'closed'],
    ['open', '2026-11-23T23:59:59.999Z', 'not_yet_open'],
    ['open', '2026-11-24T00:00:00.000Z', 'open'],
    ['open', '2026-11-30T00:00:00.000Z', 'ended'],
  ] as const)('a %s campaign at %s is %s', (status, at, state) => {
    expect(signingWindowState({ ...campaign, status }, new Date(at))).toBe(state)
  })
})

describe('campaignDatesProblem', () => {
  it('refuses a close before the open and a campaign longer than a year', () => {
    expect(campaignDatesProblem('2026-11-24T00:00:00Z', '2026-11-24T00:00:00Z')).toBe('closes_before_opens')
    expect(campaignDatesProblem('2026-01-01T00:00:00Z', '2027-06-01T00:00:00Z')).toBe('longer_than_a_year')
    expect(campaignDatesProblem('2026-11-24T00:00:00Z', '2026-12-24T00:00:00Z')).toBeNull()
  })
})

describe('namesResemble', () => {
  it.each([
    ['Budi Santoso', 'Budi Santoso'],
    ['budi santoso', 'Budi Santoso'],
    ['Dr. Budi Santoso, M.M.', 'Budi Santoso'],
    ['Budi', 'Budi Santoso'],
    ['M. Rizki Pratama', 'Muhammad Rizki Pratama'],
    ['Muh. Rizki Pratama', 'Muhammad Rizki Pratama'],
    ['Rizky Pratama', 'Muhammad Rizki Pratama'],
    ['Siti Aminah', 'Siti Aminah, S.Sos'],
    ['Wahyu', 'Wahyu'],
    ['Ni Made Ayu', 'Ni Made Ayu Lestari'],
    // Any back title after the comma, listed or not; front titles from the list.
    ['Drs. Teguh Putra Rahman, M.AP.', 'Teguh Putra Rahman'],
    ['Teguh Putra Rahman, S.T., M.Eng.', 'Teguh Putra Rahman'],
    ['dr. Rina Marlina, Sp.A.', 'Rina Marlina'],
  ])('accepts %s for %s', (typed, roster) => {
    expect(namesResemble(typed, roster)).toBe(true)
  })

  it.each([
    ['Joko Widodo', 'Budi Santoso'],
    ['B. S.', 'Budi Santoso'],
    ['Budi Santoso Wijaya', 'Budi Santoso'],
    ['', 'Budi Santoso'],
    ['Dr.', 'Budi Santoso'],
    ['Made', 'Ni Made Ayu Lestari'],
    ['Budi Budi', 'Budi Santoso'],
  ])('refuses %s for %s', (typed, roster) => {
    expect(namesResemble(typed, roster)).toBe(false)
  })
})

describe('mayRemind', () => {
  it('allows one reminder per 24 hours', () => {
    const now = new Date('2026-11-25T10:00:00.000Z')
    expect(mayRemind(null, now)).toBe(true)
    expect(mayRemind('2026-11-24T10:00:00.001Z', now)).toBe(false)
    expect(mayRemind('2026-11-24T10:00:00.000Z', now)).toBe(true)
  })
})

describe('maskName and localIsoWithOffset', () => {
  it('masks every word but its first letter', () => {
    expect(maskName('Budi Santoso')).toBe('B*** S******')
    expect(maskName('A')).toBe('A*')
  })

  it('writes an instant in WIB, WITA and WIT with the offset', () => {
    expect(localIsoWithOffset('2026-11-24T02:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-24T09:00:00+07:00')
    expect(localIsoWithOffset('2026-11-24T20:30:00.000Z', 'Asia/Makassar')).toBe('2026-11-25T04:30:00+08:00')
    expect(localIsoWithOffset('2026-11-24T02:00:00.000Z', 'Asia/Jayapura')).toBe('2026-11-24T11:00:00+09:00')
  })
})
