import { describe, expect, it } from 'vitest'
import { insertRosterEmployee } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import { csvText, fixtureFile, nipOf } from './import.fixtures.js'
import { arrange, employeesOf, head, run, staff, type Row } from './import.testing.js'
import { writeBatch } from './import.writer.js'

const unitName = 'Dinas Komunikasi dan Informatika'

/** A distinct valid NIP per number (birth date moves every 999). */
const fillerNip = (i: number) =>
  nipOf('19850101', '201001', 1 + (i % 2), i % 999 || 999).replace(/^(\d{8})/, (born) =>
    String(Number(born) + Math.floor(i / 999)),
  )

describe('runEmployeeImport — writing in batches', () => {
  it('links a superior named more than a write batch further down the file, and one already in the roster', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const rosterHead = await insertRosterEmployee(context, unit, { nip: nipOf('19650505', '199003', 1, 7) })
    const rows: Row[] = [['NIP', 'NAMA', 'UNOR', 'NIP ATASAN']]
    rows.push([staff, 'Rudi Hartono', unitName, head])
    for (let i = 1; i <= writeBatch + 50; i++)
      rows.push([fillerNip(i), `Pegawai ${i}`, unitName, i === 7 ? (rosterHead.nip ?? '') : null])
    rows.push([head, 'Wahyu Hidayat', unitName, null])

    const report = await run(context, agency.id, fixtureFile('panjang.csv', csvText(rows)))

    expect(report).toMatchObject({ committed: true, errorCount: 0 })
    expect(report.changes).toMatchObject({ created: writeBatch + 52, updated: 0 })
    const stored = await employeesOf(context, agency.id)
    const byNip = new Map(stored.map((row) => [row.nip, row]))
    expect(byNip.get(staff)?.superiorId).toBe(byNip.get(head)?.id)
    expect(byNip.get(fillerNip(7))?.superiorId).toBe(rosterHead.id)
    expect(byNip.get(fillerNip(8))?.superiorId).toBeNull()
  })

  it('rebuilds the name tokens of an employee whose name the file changes', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const existing = await insertRosterEmployee(context, unit, { nip: head, name: 'Wahyu Lama' })
    const file = fixtureFile(
      'nama.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR'],
        [head, 'Wahyu Hidayat', unitName],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(report.changes).toMatchObject({ updated: 1 })
    const tokens = await context.database.db
      .selectFrom('employeeNameTokens')
      .select(['token', 'sortName'])
      .where('employeeId', '=', existing.id)
      .orderBy('token')
      .execute()
    expect(tokens).toEqual([
      { token: 'hidayat', sortName: 'wahyu hidayat' },
      { token: 'wahyu', sortName: 'wahyu hidayat' },
    ])
  })

  it('stores quotes, backslashes and empty cells exactly (an empty cell is NULL)', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    // Quotes and backslashes (and `\\N`, COPY's NULL) must arrive as they are on both databases.
    const title = 'Analis "Data" C:\\Arsip\\Pegawai \\N'
    const file = fixtureFile(
      'teks.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'JABATAN', 'EMAIL'],
        [head, "Ni Made O'Neil", unitName, title, null],
        [staff, 'Rudi Hartono', unitName, null, 'rudi@contoh.go.id'],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(report).toMatchObject({ committed: true, errorCount: 0 })
    const stored = await employeesOf(context, agency.id)
    expect(stored.map((row) => [row.name, row.positionTitle, row.email])).toEqual([
      ["Ni Made O'Neil", title, null],
      ['Rudi Hartono', null, 'rudi@contoh.go.id'],
    ])
  })
})
