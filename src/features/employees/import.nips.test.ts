import { describe, expect, it } from 'vitest'
import { NipTable } from './import.nips.js'

/** Distinct 18-digit strings (the table does not judge NIPs: import.rows.ts does). */
const nipAt = (i: number) => `1${String(i * 7919).padStart(17, '0')}`

describe('NipTable', () => {
  it('finds the first row of a NIP and tells a repeated NIP at once', () => {
    const table = new NipTable()
    const first = table.add('198501012010011001', 2, null)
    const second = table.add('199001012015012002', 3, '198501012010011001')
    const again = table.add('198501012010011001', 9, null)

    expect(first).toEqual({ entry: 0, first: -1 })
    expect(second.first).toBe(-1)
    expect(again).toEqual({ entry: 2, first: 0 })
    expect(table.findNip('198501012010011001')).toBe(0)
    expect(table.findNip('197001012000011001')).toBe(-1)
    expect(table.superiorEntry(second.entry)).toBe(0)
    expect(table.superiorNip(second.entry)).toBe('198501012010011001')
    expect(table.superiorNip(first.entry)).toBeNull()
  })

  it('keeps every NIP findable as it grows past its first capacity', () => {
    const table = new NipTable()
    const count = 5000
    for (let i = 0; i < count; i++) table.add(nipAt(i), i + 2, i > 0 ? nipAt(i - 1) : null)

    expect(table.count).toBe(count)
    for (let i = 0; i < count; i += 97) {
      expect(table.findNip(nipAt(i))).toBe(i)
      expect(table.nip(i)).toBe(nipAt(i))
      expect(table.row[i]).toBe(i + 2)
    }
    expect(table.superiorEntry(count - 1)).toBe(count - 2)
  })

  it('gives back the id a planned row is written under, UUID or not, and marks deferred superiors', () => {
    const table = new NipTable()
    const { entry } = table.add('198501012010011001', 2, '199001012015012002')
    const other = table.add('199001012015012002', 3, null).entry
    const legacy = table.add('199202022016021003', 4, null).entry

    expect(table.plannedId(entry)).toBeNull()
    table.setPlanned(entry, '019a8f2e-7c4b-7d21-9f3a-00ff12ab34cd')
    table.setPlanned(legacy, 'employee-42')
    table.deferSuperior(entry)

    expect(table.plannedId(entry)).toBe('019a8f2e-7c4b-7d21-9f3a-00ff12ab34cd')
    expect(table.plannedId(legacy)).toBe('employee-42')
    expect(table.plannedId(other)).toBeNull()
    expect(table.isSuperiorDeferred(entry)).toBe(true)
    expect(table.isSuperiorDeferred(other)).toBe(false)
  })
})
