/**
 * The demo roster of "Pemerintah Kota Contoh": a realistic unit tree (31 OPD — sekretariat, inspektorat, dinas,
 * badan, RSUD — with their bidang/bagian, SD/SMP under Dinas Pendidikan, puskesmas as UPT of Dinas Kesehatan, five
 * kecamatan with their kelurahan) and ~2,600 employees (PNS majority, PPPK, Non-ASN) with valid NIPs, titles, grades
 * matching their kind and position, and direct superiors: every head reports to the head of the parent unit, OPD
 * heads and camat to the Sekretaris Daerah, staff to the head of their unit.
 *
 * Deterministic: a seeded PRNG drives every choice, so two runs produce the same people (ids aside). Idempotent:
 * nothing happens when the agency already has the Sekretariat Daerah (unit code `SETDA`). One transaction, batched
 * inserts and a single audit event for the whole seed. The kecamatan and kelurahan carry real Kemendagri codes
 * (Kota Malang, 35.73, from idn-area-data) because the fictional city needs a real-looking region.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import type { EmployeeKind, Gender, UnitKind } from '../../domain/employee-fields.js'
import { validateEmployee, type EmployeeInput } from '../../domain/employee-record.js'
import { childPath, depthOf, rootPath } from '../../domain/unit-tree.js'
import type { Database, EmployeeRow, UnitRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { recordAuditEvent, systemActor, type AuditActor } from '../audit/audit.service.js'
import { insertEmployees } from '../employees/employees.repository.js'
import { nipRulesAt, recordColumns } from '../employees/employees.service.js'
import { childRegions } from '../units/region-codes.js'
import { findUnitByCode, insertUnits } from '../units/units.repository.js'
import { demoCityRegion, health, office, opds, p, type Profession } from './demo-city.js'
import { createNipIssuer, createRandom, pad, personName, randomDate, type Random } from './demo-people.js'
import { birthYears, leaderPost, staffPost, titlesFor, type Post } from './demo-posts.js'

/* ------------------------------------------------------------------------------------------------------------
 * Building the roster
 * ---------------------------------------------------------------------------------------------------------- */

interface PlannedUnit {
  readonly row: UnitRow
  readonly head: Post
  readonly staff: readonly Post[]
}

export interface DemoRoster {
  readonly units: readonly UnitRow[]
  readonly employees: readonly EmployeeRow[]
}

/**
 * Builds the whole roster in memory (no I/O besides the cached region table). `today` fixes which NIPs are plausible;
 * appointments end in 2024 so the roster stays valid on any later day.
 */
export async function buildDemoRoster(options: {
  agencyId: string
  now: Date
  seed?: number
}): Promise<DemoRoster> {
  const random = createRandom(options.seed ?? 20241127)
  const at = options.now.toISOString()
  const planned: PlannedUnit[] = []

  const addUnit = (
    parent: UnitRow | null,
    spec: { name: string; kind: UnitKind; code: string; regionCode?: string | null },
    head: Post,
    staff: readonly Post[],
  ): UnitRow => {
    const id = newId()
    const path = childPath(parent?.path ?? rootPath, id)
    const row: UnitRow = {
      id,
      agencyId: options.agencyId,
      parentId: parent?.id ?? null,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      regionCode: spec.regionCode ?? null,
      headEmployeeId: null,
      path,
      depth: depthOf(path),
      deactivatedAt: null,
      createdAt: at,
      updatedAt: at,
    }
    planned.push({ row, head, staff })
    return row
  }
  const staffOf = (
    count: number,
    professions: readonly Profession[],
    mix: { pppk: number; nonAsn: number },
    extra?: readonly string[],
  ) => Array.from({ length: count }, () => staffPost(random, professions, mix, extra))
  const officeMix = { pppk: 0.1, nonAsn: 0.15 }

  const kecamatan = await childRegions(demoCityRegion)
  const kelurahanByKecamatan = await Promise.all(kecamatan.map((k) => childRegions(k.code)))
  const kelurahan = kelurahanByKecamatan.flat()

  for (const opd of opds) {
    const driverAndAide = staffOf(2, [], { pppk: 0, nonAsn: 0.6 })
    const top = addUnit(
      null,
      { name: opd.name, kind: 'opd', code: opd.code },
      leaderPost(opd.headTitle, 'jpt_pratama', opd.code === 'SETDA' ? 0.2 : 0.3),
      driverAndAide,
    )
    opd.parts.forEach((part, index) => {
      const isSecretariat = part === 'Sekretariat'
      const headTitle = isSecretariat
        ? `Sekretaris ${opd.name.split(' ')[0] === 'Inspektorat' ? 'Inspektorat' : opd.name.startsWith('Badan') ? 'Badan' : 'Dinas'}`
        : part.startsWith('Inspektur')
          ? part
          : `Kepala ${part}`
      const unitName = part.startsWith('Inspektur') ? part.replace('Inspektur', 'Inspektorat') : part
      const professions = isSecretariat ? office : opd.professions
      addUnit(
        top,
        { name: unitName, kind: 'bidang', code: `${opd.code}-${String(index + 1).padStart(2, '0')}` },
        leaderPost(headTitle, 'administrator', 0.4),
        staffOf(
          random.int(opd.staff[0], opd.staff[1]),
          professions,
          opd.code === 'RSUD' ? { pppk: 0.25, nonAsn: 0.15 } : officeMix,
        ),
      )
    })
    if (opd.code === 'DISDIK') {
      const teachers = [p('Guru'), p('Guru'), p('Guru'), p('Guru'), p('Guru'), p('Pustakawan', 'terampil')]
      const schoolStaff = (count: number) =>
        staffOf(count, teachers, { pppk: 0.35, nonAsn: 0.1 }, [
          'Operator Sekolah',
          'Penjaga Sekolah',
          'Tenaga Perpustakaan',
        ]).map((post): Post =>
          post.positionTitle.startsWith('Guru') ? { ...post, titles: 'teacher', female: 0.65 } : post,
        )
      const kepalaSekolah = (name: string): Post => ({
        kind: 'PNS',
        positionType: 'fungsional',
        positionTitle: `Kepala ${name}`,
        seniority: 'senior',
        female: 0.55,
        grades: ['IV/a', 'IV/b'],
        titles: 'teacher',
      })
      kelurahan.slice(0, 30).forEach((area, index) => {
        const name = `SD Negeri ${area.name} ${(index % 3) + 1}`
        addUnit(
          top,
          { name, kind: 'sekolah', code: `SDN-${String(index + 1).padStart(3, '0')}`, regionCode: area.code },
          kepalaSekolah(name),
          schoolStaff(random.int(11, 17)),
        )
      })
      for (let n = 1; n <= 10; n++) {
        const area = random.pick(kelurahan)
        const name = `SMP Negeri ${n} Kota Contoh`
        addUnit(
          top,
          { name, kind: 'sekolah', code: `SMPN-${String(n).padStart(3, '0')}`, regionCode: area.code },
          kepalaSekolah(name),
          schoolStaff(random.int(24, 34)),
        )
      }
    }
    if (opd.code === 'DINKES') {
      kelurahanByKecamatan.forEach((areas) => {
        for (const area of areas.slice(0, 2)) {
          const name = `Puskesmas ${area.name}`
          addUnit(
            top,
            { name, kind: 'upt', code: `PKM-${area.code.replace(/\./g, '')}`, regionCode: area.code },
            {
              kind: 'PNS',
              positionType: 'fungsional',
              positionTitle: `Kepala ${name}`,
              seniority: 'senior',
              female: 0.5,
              grades: ['III/d', 'IV/a', 'IV/b'],
              titles: 'doctor',
            },
            staffOf(random.int(16, 24), health, { pppk: 0.25, nonAsn: 0.15 }, [
              'Tenaga Kebersihan',
              'Pengemudi Ambulans',
            ]),
          )
        }
      })
      addUnit(
        top,
        { name: 'UPT Laboratorium Kesehatan Daerah', kind: 'upt', code: 'UPT-LABKESDA' },
        leaderPost('Kepala UPT Laboratorium Kesehatan Daerah', 'pengawas', 0.5),
        staffOf(
          8,
          [p('Pranata Laboratorium Kesehatan', 'both'), p('Pranata Laboratorium Kesehatan', 'both')],
          { pppk: 0.2, nonAsn: 0.1 },
        ),
      )
    }
  }

  kecamatan.forEach((district, k) => {
    const kecamatanUnit = addUnit(
      null,
      {
        name: `Kecamatan ${district.name}`,
        kind: 'kecamatan',
        code: `KEC-${district.code.replace(/\./g, '')}`,
        regionCode: district.code,
      },
      leaderPost(`Camat ${district.name}`, 'administrator', 0.3),
      [
        leaderPost(`Sekretaris Kecamatan ${district.name}`, 'administrator', 0.4),
        leaderPost('Kepala Seksi Pemerintahan', 'pengawas', 0.4),
        leaderPost('Kepala Seksi Ketenteraman dan Ketertiban Umum', 'pengawas', 0.3),
        leaderPost('Kepala Seksi Pemberdayaan Masyarakat', 'pengawas', 0.5),
        ...staffOf(random.int(6, 9), [p('Analis Kebijakan')], officeMix),
      ],
    )
    for (const area of kelurahanByKecamatan[k] ?? []) {
      addUnit(
        kecamatanUnit,
        {
          name: `Kelurahan ${area.name}`,
          kind: 'kelurahan',
          code: `KEL-${area.code.replace(/\./g, '')}`,
          regionCode: area.code,
        },
        leaderPost(`Lurah ${area.name}`, 'pengawas', 0.4),
        [
          leaderPost(`Sekretaris Kelurahan ${area.name}`, 'pengawas', 0.5),
          ...staffOf(random.int(3, 6), [], { pppk: 0.05, nonAsn: 0.3 }),
        ],
      )
    }
  })

  // People, in tree order so every superior is inserted before the people who report to them.
  const rules = nipRulesAt(options.now)
  const issueNip = createNipIssuer()
  const headOf = new Map<string, string>()
  const employees: EmployeeRow[] = []
  let sekda: string | null = null

  const person = (post: Post, unit: UnitRow, superiorId: string | null): EmployeeRow => {
    const gender: Gender = random.chance(post.female) ? 'female' : 'male'
    const [fromYear, toYear] = birthYears[post.seniority]
    const birthDate = randomDate(random, fromYear, toYear)
    const born = Number(birthDate.slice(0, 4))
    let nip: string | null = null
    if (post.kind === 'PNS') {
      const year = Math.min(born + random.int(22, 30), 2024)
      nip = issueNip('PNS', birthDate, { year, month: random.int(1, 12) }, gender)
    } else if (post.kind === 'PPPK') {
      nip = issueNip(
        'PPPK',
        birthDate,
        { year: Math.max(random.int(2019, 2024), born + 19), month: 1 },
        gender,
      )
    }
    const name = personName(random, gender)
    const titles = titlesFor(random, post, born, gender)
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '.')
    const input: EmployeeInput = {
      kind: post.kind,
      nip,
      nik: random.chance(0.7) ? nikFor(random, birthDate, gender) : null,
      name,
      frontTitle: titles.front,
      backTitle: titles.back,
      gender,
      birthDate,
      grade: post.grades && post.grades.length > 0 ? random.pick(post.grades) : null,
      positionType: post.positionType,
      positionTitle: post.positionTitle,
      status: random.chance(0.01) ? 'retired' : 'active',
      email:
        post.kind !== 'NON_ASN' && random.chance(0.6)
          ? `${handle}${random.int(1, 99)}@kotacontoh.go.id`
          : null,
      phone: random.chance(0.8)
        ? `08${random.pick(['11', '12', '13', '21', '22', '52', '53', '56', '57', '77', '78', '95', '96'])}${random.int(10_000_000, 99_999_999)}`
        : null,
    }
    input.whatsapp = input.phone && random.chance(0.85) ? input.phone : null
    const validation = validateEmployee(input, rules)
    if (!validation.ok)
      throw new Error(`demo roster: invalid employee ${JSON.stringify(validation.problems)}`)
    return {
      id: newId(),
      agencyId: options.agencyId,
      unitId: unit.id,
      superiorId,
      ...recordColumns(validation.record),
      createdAt: at,
      updatedAt: at,
    }
  }

  for (const { row, head, staff } of planned) {
    const parentHead = row.parentId ? (headOf.get(row.parentId) ?? null) : sekda
    const chief = person(head, row, parentHead)
    employees.push(chief)
    headOf.set(row.id, chief.id)
    if (row.code === 'SETDA') sekda = chief.id
    for (const post of staff) employees.push(person(post, row, chief.id))
  }
  const units = planned.map(({ row }) => ({ ...row, headEmployeeId: headOf.get(row.id) ?? null }))
  return { units, employees }
}

/** A valid-looking NIK registered in Kota Malang (35.73.xx), day + 40 for women (DOMAIN.md §9.3). */
function nikFor(random: Random, birthDate: string, gender: Gender): string {
  const [year = '', month = '', day = ''] = birthDate.split('-')
  const dd = Number(day) + (gender === 'female' ? 40 : 0)
  return `3573${pad(random.int(1, 5))}${pad(dd)}${month}${year.slice(2)}${pad(random.int(1, 60), 4)}`
}

export interface DemoRosterCounts {
  /** False when the roster was already there (nothing was written). */
  readonly created: boolean
  readonly units: number
  /** Top-level units of kind `opd`. */
  readonly opd: number
  readonly employees: number
  readonly byKind: Readonly<Record<EmployeeKind, number>>
}

async function countRoster(
  db: Kysely<Database>,
  agencyId: string,
  created: boolean,
): Promise<DemoRosterCounts> {
  const units = await db
    .selectFrom('units')
    .select(['kind', 'depth'])
    .where('agencyId', '=', agencyId)
    .execute()
  const kinds = await db
    .selectFrom('employees')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('count')])
    .where('agencyId', '=', agencyId)
    .groupBy('kind')
    .execute()
  const byKind: Record<EmployeeKind, number> = { PNS: 0, PPPK: 0, NON_ASN: 0 }
  for (const row of kinds) byKind[row.kind as EmployeeKind] = Number(row.count)
  return {
    created,
    units: units.length,
    opd: units.filter((unit) => unit.kind === 'opd' && Number(unit.depth) === 0).length,
    employees: byKind.PNS + byKind.PPPK + byKind.NON_ASN,
    byKind,
  }
}

/**
 * Fills the agency with the demo roster unless it already has one (unit code `SETDA`). One transaction, batched
 * inserts (name-search tokens included) and one audit event summarising the seed.
 */
export async function seedDemoRoster(
  db: Kysely<Database>,
  clock: Clock,
  agencyId: string,
  actor: AuditActor = systemActor,
): Promise<DemoRosterCounts> {
  if (await findUnitByCode(db, agencyId, 'SETDA')) return countRoster(db, agencyId, false)
  const roster = await buildDemoRoster({ agencyId, now: clock.now() })
  const written = await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: two seeds started together write the roster once.
    if (await findUnitByCode(trx, agencyId, 'SETDA')) return false
    await insertUnits(trx, roster.units)
    await insertEmployees(trx, roster.employees)
    await recordAuditEvent(trx, clock, actor, {
      action: 'demo.roster_seeded',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      summary: { units: roster.units.length, employees: roster.employees.length },
    })
    return true
  })
  return countRoster(db, agencyId, written)
}
