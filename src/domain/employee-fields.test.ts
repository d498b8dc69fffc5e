import { describe, expect, it } from 'vitest'
import { displayName, normaliseGrade, normalisePositionType, rankOfGrade } from './employee-fields.js'

describe('normaliseGrade', () => {
  it.each([
    ['III/a', 'PNS', 'III/a'],
    ['IIIa', 'PNS', 'III/a'],
    ['III-A', 'PNS', 'III/a'],
    [' iv / e ', 'PNS', 'IV/e'],
    ['3b', 'PNS', 'III/b'],
    ['Gol. II/c', 'PNS', 'II/c'],
    ['IV/f', 'PNS', null],
    ['I/e', 'PNS', null],
    ['IX', 'PPPK', 'IX'],
    ['9', 'PPPK', 'IX'],
    ['xvii', 'PPPK', 'XVII'],
    ['XVIII', 'PPPK', null],
    ['III/a', 'PPPK', null],
    ['III/a', 'NON_ASN', null],
    ['', 'PNS', null],
  ] as const)('%s (%s) → %s', (raw, kind, expected) => {
    expect(normaliseGrade(raw, kind)).toBe(expected)
  })

  it('knows the pangkat of a PNS grade', () => {
    expect(rankOfGrade('III/d')).toBe('Penata Tingkat I')
  })
})

describe('normalisePositionType', () => {
  it.each([
    ['JPT Pratama', 'jpt_pratama'],
    ['Fungsional Tertentu', 'fungsional'],
    ['Fungsional Umum', 'pelaksana'],
    ['Eselon III.a', 'administrator'],
    ['eselon IV', 'pengawas'],
    ['Eselon II.b', 'jpt_pratama'],
    ['Eselon I.a', null],
    ['pelaksana', 'pelaksana'],
    ['bupati', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePositionType(raw)).toBe(expected)
  })
})

describe('displayName', () => {
  it('writes titles the way letters do', () => {
    expect(displayName({ name: 'Wahyu Hidayat', frontTitle: 'Dr. Ir.', backTitle: 'M.M.' })).toBe(
      'Dr. Ir. Wahyu Hidayat, M.M.',
    )
    expect(displayName({ name: 'Sutiaji' })).toBe('Sutiaji')
  })
})
