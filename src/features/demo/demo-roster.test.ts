import { describe, expect, it } from 'vitest'
import { insertAgency } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import { validateEmployee } from '../../domain/employee-record.js'
import { parseNip } from '../../domain/nip.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import { fixedClock } from '../../platform/clock.js'
import { nipRulesAt } from '../employees/employees.service.js'
import { buildDemoRoster, seedDemoRoster } from './demo-roster.js'

describe('seedDemoRoster', () => {
  it('fills Kota Contoh once: ≥ 30 OPD, ≥ 2,000 employees, one audit event; a second run changes nothing', async () => {
    const context = await createTestContext()
    const db = context.database.db
    const agency = await insertAgency(context, { slug: 'kota-contoh', name: 'Pemerintah Kota Contoh' })
    const started = performance.now()
    const first = await seedDemoRoster(db, context.clock, agency.id)
    const seconds = (performance.now() - started) / 1000

    expect(first.created).toBe(true)
    expect(first.opd).toBeGreaterThanOrEqual(30)
    expect(first.employees).toBeGreaterThanOrEqual(2000)
    expect(first.byKind.PNS).toBeGreaterThan(first.byKind.PPPK + first.byKind.NON_ASN)
    expect(first.byKind.PPPK).toBeGreaterThan(0)
    expect(first.byKind.NON_ASN).toBeGreaterThan(0)
    expect(seconds).toBeLessThan(10)

    const kinds = await db
      .selectFrom('units')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('count')])
      .where('agencyId', '=', agency.id)
      .groupBy('kind')
      .execute()
    const byKind = Object.fromEntries(kinds.map((row) => [row.kind, Number(row.count)]))
    expect(byKind).toMatchObject({ kecamatan: 5, kelurahan: 57 })
    expect(byKind.sekolah).toBeGreaterThanOrEqual(40)
    expect(byKind.upt).toBeGreaterThanOrEqual(10)
    expect(byKind.bidang).toBeGreaterThanOrEqual(90)

    const audits = await db
      .selectFrom('auditEvents')
      .select('action')
      .where('agencyId', '=', agency.id)
      .execute()
    expect(audits.filter((a) => a.action === 'demo.roster_seeded')).toHaveLength(1)
    const tokens = await db
      .selectFrom('employeeNameTokens')
      .select((eb) => eb.fn.count<number>('employeeId').distinct().as('count'))
      .executeTakeFirstOrThrow()
    expect(Number(tokens.count)).toBe(first.employees)

    const before = await db.selectFrom('employees').select('id').execute()
    const second = await seedDemoRoster(db, context.clock, agency.id)
    expect(second).toEqual({ ...first, created: false })
    expect(await db.selectFrom('employees').select('id').execute()).toHaveLength(before.length)
    const auditsAfter = await db
      .selectFrom('auditEvents')
      .select('id')
      .where('agencyId', '=', agency.id)
      .execute()
    expect(auditsAfter).toHaveLength(audits.length)
  })

  it('builds a proper hierarchy: Sekda on top, unit heads under the parent head, staff under their head', async () => {
    const context = await createTestContext()
    const db = context.database.db
    const agency = await insertAgency(context)
    await seedDemoRoster(db, context.clock, agency.id)
    const units = await db.selectFrom('units').selectAll().where('agencyId', '=', agency.id).execute()
    const employees = await db.selectFrom('employees').selectAll().where('agencyId', '=', agency.id).execute()
    const byId = new Map(employees.map((e) => [e.id, e]))
    const unitById = new Map(units.map((u) => [u.id, u]))

    const tops = employees.filter((e) => e.superiorId === null)
    expect(tops).toHaveLength(1)
    expect(tops[0]).toMatchObject({
      positionTitle: 'Sekretaris Daerah',
      positionType: 'jpt_pratama',
      kind: 'PNS',
    })
    const sekda = tops[0]?.id

    for (const unit of units) {
      const head = unit.headEmployeeId ? byId.get(unit.headEmployeeId) : undefined
      expect(head?.unitId).toBe(unit.id)
      const parentHead = unit.parentId ? unitById.get(unit.parentId)?.headEmployeeId : sekda
      if (head?.id !== sekda) expect(head?.superiorId).toBe(parentHead)
    }
    const headIds = new Set(units.map((u) => u.headEmployeeId))
    for (const employee of employees.filter((e) => !headIds.has(e.id)))
      expect(employee.superiorId).toBe(unitById.get(employee.unitId)?.headEmployeeId)
    // Every chain ends at the Sekda without a cycle (the tree is at most 4 levels deep).
    for (const employee of employees) {
      let cursor: string | null = employee.id
      let hops = 0
      while (cursor && cursor !== sekda && hops < 10) {
        cursor = byId.get(cursor)?.superiorId ?? null
        hops += 1
      }
      expect(cursor).toBe(sekda)
    }
    for (const unit of units) expect(ancestryOf(unit.path).at(-1)).toBe(unit.id)
  })
})

describe('buildDemoRoster', () => {
  it('is deterministic and every record passes the roster validation with a NIP that matches its kind', async () => {
    const clock = fixedClock('2026-11-23T03:00:00.000Z')
    const a = await buildDemoRoster({ agencyId: 'a', now: clock.now() })
    const b = await buildDemoRoster({ agencyId: 'a', now: clock.now() })
    const shape = (roster: typeof a) => roster.employees.map((e) => [e.nip, e.name, e.positionTitle, e.grade])
    expect(shape(a)).toEqual(shape(b))
    expect(a.units.map((u) => u.name)).toEqual(b.units.map((u) => u.name))

    const rules = nipRulesAt(clock.now())
    const nips = new Set<string>()
    for (const employee of a.employees) {
      const result = validateEmployee({ ...employee }, rules)
      expect(result.ok, `${employee.name}: ${JSON.stringify(result)}`).toBe(true)
      if (employee.kind === 'NON_ASN') {
        expect(employee.nip).toBeNull()
        expect(employee.grade).toBeNull()
      } else {
        expect(parseNip(employee.nip ?? '', employee.kind as 'PNS' | 'PPPK', rules).ok).toBe(true)
        expect(employee.grade).not.toBeNull()
        nips.add(employee.nip ?? '')
      }
      if (employee.kind === 'PNS') expect(employee.grade).toMatch(/^(I|II|III|IV)\/[a-e]$/)
      if (employee.kind === 'PPPK') expect(employee.grade).toMatch(/^[IVX]+$/)
    }
    expect(nips.size).toBe(a.employees.filter((e) => e.kind !== 'NON_ASN').length)
    const titled = a.employees.filter((e) => e.frontTitle || e.backTitle)
    expect(titled.length / a.employees.length).toBeGreaterThan(0.5)
  })
})
