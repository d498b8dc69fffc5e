import { describe, expect, it } from 'vitest'
import { insertAgency, insertRosterEmployee, insertUnit } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import type { UnitRow } from '../../db/tables.js'
import { csvText, fixtureFile, nipOf } from './import.fixtures.js'
import {
  arrange,
  countEmployees,
  employeesOf,
  errorSummary,
  head,
  other,
  run,
  sectionHead,
  siasnRows,
  staff,
  type Row,
} from './import.testing.js'
import { writeBatch } from './import.writer.js'

describe('runEmployeeImport — commit semantics', () => {
  it('changes nothing when the same file is imported twice, and reports 0 changes', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile('pegawai.csv', csvText(siasnRows('Dinas Komunikasi dan Informatika')))
    await run(context, agency.id, file)
    const before = await employeesOf(context, agency.id)

    const again = await run(context, agency.id, file)

    expect(again).toMatchObject({ committed: true, changes: { created: 0, updated: 0, unchanged: 4 } })
    expect(await employeesOf(context, agency.id)).toEqual(before)
  })

  it('updates only what changed, upserting by NIP, and leaves fields of absent columns alone', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const existing = await insertRosterEmployee(context, unit, {
      nip: head,
      name: 'Wahyu Lama',
      email: 'lama@contoh.go.id',
      whatsapp: '+6281111111111',
    })
    const file = fixtureFile(
      'p.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'EMAIL'],
        [head, 'Wahyu Hidayat', 'Dinas Komunikasi dan Informatika', null],
        [staff, 'Rudi Hartono', 'Dinas Komunikasi dan Informatika', 'rudi@contoh.go.id'],
      ]),
    )

    const report = await run(context, agency.id, file)

    expect(report.changes).toEqual({ created: 1, updated: 1, unchanged: 0, unitsCreated: 0 })
    const updated = (await employeesOf(context, agency.id)).find((row) => row.id === existing.id)
    expect(updated).toMatchObject({
      name: 'Wahyu Hidayat',
      searchName: 'wahyu hidayat',
      email: null,
      whatsapp: '+6281111111111',
      grade: 'III/a',
    })
  })

  it('matches rows without NIP (Non-ASN) by name, unit and birth date, so a re-import adds no one', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const file = fixtureFile(
      'non-asn.csv',
      csvText([
        ['NIP', 'NAMA', 'TGL LAHIR', 'UNOR', 'JENIS PEGAWAI', 'JABATAN'],
        [null, 'Joko Susanto', '12-05-1995', 'Dinas Komunikasi dan Informatika', 'Non ASN', 'Pengemudi'],
        [null, 'Sri Wahyuni', null, 'Dinas Komunikasi dan Informatika', null, 'Petugas Kebersihan'],
        [null, 'Sri Wahyuni', null, 'Dinas Komunikasi dan Informatika', null, 'Petugas Kebersihan'],
      ]),
    )

    const first = await run(context, agency.id, file, { dryRun: true })
    expect(errorSummary(first)).toEqual([{ row: 4, column: 'NAMA', code: 'import.row_duplicate_in_file' }])

    const clean = fixtureFile(
      'non-asn.csv',
      csvText([
        ['NIP', 'NAMA', 'TGL LAHIR', 'UNOR', 'JABATAN'],
        [null, 'Joko Susanto', '12-05-1995', 'Dinas Komunikasi dan Informatika', 'Pengemudi'],
        [null, 'Sri Wahyuni', null, 'Dinas Komunikasi dan Informatika', 'Petugas Kebersihan'],
      ]),
    )
    expect((await run(context, agency.id, clean)).changes).toMatchObject({ created: 2 })
    const again = await run(context, agency.id, clean)
    expect(again.changes).toEqual({ created: 0, updated: 0, unchanged: 2, unitsCreated: 0 })
    const rows = await employeesOf(context, agency.id)
    expect(rows.map((row) => [row.kind, row.nip, row.birthDate])).toEqual([
      ['NON_ASN', null, '1995-05-12'],
      ['NON_ASN', null, null],
    ])
  })

  it('writes nothing when a row error appears while writing (all or nothing, rolled back mid-way)', async () => {
    const context = await createTestContext()
    const { agency } = await arrange(context)
    const other = await insertAgency(context)
    const taken = nipOf('19991231', '202101', 2, 1)
    await insertRosterEmployee(context, await insertUnit(context, other.id), { nip: taken })
    const rows: Row[] = [['NIP', 'NAMA', 'UNOR']]
    // More rows than one write batch, so the first batch is already written when the taken NIP is met.
    for (let i = 1; i <= writeBatch + 200; i++)
      rows.push([
        nipOf('19850101', '201001', 1 + (i % 2), i % 999 || 999).replace(/^(\d{8})/, (d) =>
          String(Number(d) + Math.floor(i / 999)),
        ),
        `Pegawai ${i}`,
        'Dinas Komunikasi dan Informatika',
      ])
    rows.push([taken, 'Pemilik NIP Lain', 'Dinas Komunikasi dan Informatika'])

    const report = await run(context, agency.id, fixtureFile('banyak.csv', csvText(rows)))

    expect(errorSummary(report)).toEqual([
      { row: writeBatch + 202, column: 'NIP', code: 'employee.nip_taken_by_other_agency' },
    ])
    expect(report.committed).toBe(false)
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('creates missing units only when asked, in the same transaction, with a guessed kind and parent', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const file = fixtureFile(
      'unit-baru.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'UNOR INDUK', 'NIP ATASAN'],
        [head, 'Wahyu Hidayat', 'Dinas Pendidikan', null, null],
        [
          sectionHead,
          'Siti Rahmawati',
          'Bidang Aplikasi Informatika',
          'Dinas Komunikasi dan Informatika',
          null,
        ],
        [staff, 'Rudi Hartono', 'SD Negeri 1 Kota Contoh', null, head],
        [other, 'Dewi Lestari', 'SD Negeri 1 Kota Contoh', null, head],
      ]),
    )

    const refused = await run(context, agency.id, file)
    expect(errorSummary(refused).map((error) => error.code)).toEqual([
      'import.unit_not_found',
      'import.unit_not_found',
      'import.unit_not_found',
      'import.unit_not_found',
    ])

    const report = await run(context, agency.id, file, { createMissingUnits: true })

    expect(report).toMatchObject({ committed: true, changes: { created: 4, unitsCreated: 3 } })
    const units = await context.database.db
      .selectFrom('units')
      .selectAll()
      .where('agencyId', '=', agency.id)
      .orderBy('name')
      .execute()
    const byName = new Map<string, UnitRow>(units.map((row) => [row.name, row]))
    expect(byName.get('Dinas Pendidikan')).toMatchObject({ kind: 'opd', parentId: null, depth: 0 })
    expect(byName.get('SD Negeri 1 Kota Contoh')).toMatchObject({ kind: 'sekolah', parentId: null })
    const bidang = byName.get('Bidang Aplikasi Informatika')
    expect(bidang).toMatchObject({ kind: 'bidang', parentId: unit.id, depth: 1 })
    expect(bidang?.path).toBe(`${unit.path}${bidang?.id}/`)
    const employees = await employeesOf(context, agency.id)
    expect(employees.filter((row) => row.unitId === byName.get('SD Negeri 1 Kota Contoh')?.id)).toHaveLength(
      2,
    )
  })

  it('tells apart units of the same name by UNOR INDUK, and refuses an ambiguous one', async () => {
    const context = await createTestContext()
    const { agency, unit } = await arrange(context)
    const other = await insertUnit(context, agency.id, { name: 'Dinas Kesehatan' })
    const ours = await insertUnit(context, agency.id, { name: 'Sekretariat', kind: 'bidang', parent: unit })
    await insertUnit(context, agency.id, { name: 'Sekretariat', kind: 'bidang', parent: other })
    const file = fixtureFile(
      'sekretariat.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'UNOR INDUK'],
        [head, 'Wahyu Hidayat', 'Sekretariat', 'Dinas Komunikasi dan Informatika'],
        [staff, 'Rudi Hartono', 'Sekretariat', null],
      ]),
    )

    const report = await run(context, agency.id, file, { dryRun: true })

    expect(errorSummary(report)).toEqual([{ row: 3, column: 'UNOR', code: 'import.unit_ambiguous' }])
    const fixed = fixtureFile(
      'sekretariat.csv',
      csvText([
        ['NIP', 'NAMA', 'UNOR', 'UNOR INDUK'],
        [head, 'Wahyu Hidayat', 'Sekretariat', 'Dinas Komunikasi dan Informatika'],
      ]),
    )
    await run(context, agency.id, fixed)
    expect((await employeesOf(context, agency.id))[0]?.unitId).toBe(ours.id)
  })
})
