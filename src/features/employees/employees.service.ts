/**
 * Employees of an agency: list/search within the reader's part of the roster, detail, create, edit, move to another
 * unit, change the direct superior (no cycles), change status, social-media accounts. Every change is audited in
 * its own transaction; audit summaries never contain the NIK.
 */
import type { Kysely } from 'kysely'
import { holdsRoleOver, type Actor } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import {
  displayName,
  normaliseGrade,
  rankOfGrade,
  type EmployeeKind,
  type EmployeeStatus,
  type Gender,
  type PositionType,
  type SocialPlatform,
  type UnitKind,
} from '../../domain/employee-fields.js'
import {
  searchNameOf,
  validateEmployee,
  type EmployeeFieldProblem,
  type EmployeeInput,
  type EmployeeRecord,
} from '../../domain/employee-record.js'
import { DomainError } from '../../domain/errors.js'
import { maskNik } from '../../domain/nik.js'
import type { NipRules } from '../../domain/nip.js'
import { ancestryOf } from '../../domain/unit-tree.js'
import type { Database, EmployeeRow, EmployeeSocialAccountRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { mayAccessUnit, resolveRosterScope, rosterAgencyOf } from '../units/units.service.js'
import * as employeesRepository from './employees.repository.js'
import {
  CreateEmployeeBody,
  MoveEmployeeBody,
  SetStatusBody,
  SetSuperiorBody,
  SocialAccountBody,
  UpdateEmployeeBody,
  UpdateSocialAccountBody,
  type EmployeeDetail,
  type EmployeeList,
  type EmployeeListItem,
  type ListEmployeesQuery,
  type SocialAccountView,
} from './employees.schema.js'

/** Youngest plausible age at appointment (DOMAIN.md §9.1, "≥ birth + ~18 years"). */
export const minAppointmentAge = 18
/** Calendar day of the roster rules (NIP appointment not in the future, birth date not after today). */
export const rosterTimeZone = 'Asia/Jakarta'

/** `YYYY-MM-DD` of an instant in a time zone. */
export const todayIn = (timeZone: string, at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)

/** The NIP rules of today (in Asia/Jakarta) — the same for the API and the import. */
export const nipRulesAt = (at: Date): NipRules => ({ minAppointmentAge, today: todayIn(rosterTimeZone, at) })

/**
 * Turns the problems of `validateEmployee` into one error: the first problem's code (e.g. `employee.nip_invalid`
 * with its `reason`), and every problem under `problems` so a form can mark all fields at once.
 */
export function employeeProblemError(problems: readonly EmployeeFieldProblem[]): DomainError {
  const [first] = problems
  if (!first) return new DomainError('employee.field_invalid')
  return new DomainError(first.code, {
    field: first.field,
    ...('reason' in first && first.reason ? { reason: first.reason } : {}),
    problems: problems.map((problem) => ({ ...problem })),
  })
}

/** A stored employee as `validateEmployee` input, so an edit is judged by the same rules as a new record. */
export const recordInputOf = (row: EmployeeRow): EmployeeInput => ({
  kind: row.kind,
  nip: row.nip,
  nik: row.nik,
  name: row.name,
  frontTitle: row.frontTitle,
  backTitle: row.backTitle,
  gender: row.gender,
  birthDate: row.birthDate,
  grade: row.grade,
  positionType: row.positionType,
  positionTitle: row.positionTitle,
  status: row.status,
  email: row.email,
  phone: row.phone,
  whatsapp: row.whatsapp,
})

/** The columns of a validated record (plus the derived `searchName`). */
export const recordColumns = (record: EmployeeRecord) => ({
  kind: record.kind,
  nip: record.nip,
  nik: record.nik,
  name: record.name,
  frontTitle: record.frontTitle,
  backTitle: record.backTitle,
  gender: record.gender,
  birthDate: record.birthDate,
  grade: record.grade,
  positionType: record.positionType,
  positionTitle: record.positionTitle,
  status: record.status,
  email: record.email,
  phone: record.phone,
  whatsapp: record.whatsapp,
  searchName: searchNameOf(record),
})

/** What an audit summary may say about a record: everything except the NIK (only whether it is set). */
function auditFields(record: Partial<ReturnType<typeof recordColumns>>): Record<string, unknown> {
  const { nik, searchName: _searchName, ...rest } = record
  return nik === undefined ? rest : { ...rest, hasNik: nik !== null }
}

const toListItem = (row: EmployeeRow, unitName: string): EmployeeListItem => ({
  id: row.id,
  agencyId: row.agencyId,
  unitId: row.unitId,
  unitName,
  kind: row.kind as EmployeeKind,
  nip: row.nip,
  nikMasked: row.nik ? maskNik(row.nik) : null,
  name: row.name,
  frontTitle: row.frontTitle,
  backTitle: row.backTitle,
  displayName: displayName(row),
  gender: row.gender as Gender | null,
  grade: row.grade,
  rank: row.kind === 'PNS' && row.grade ? rankOfGrade(row.grade) : null,
  positionType: row.positionType as PositionType | null,
  positionTitle: row.positionTitle,
  status: row.status as EmployeeStatus,
  superiorId: row.superiorId,
})

const toSocialAccountView = (row: EmployeeSocialAccountRow): SocialAccountView => ({
  id: row.id,
  platform: row.platform as SocialPlatform,
  handle: row.handle,
  url: row.url,
  isVerified: Number(row.isVerified) === 1,
  createdAt: row.createdAt,
})

/** May the actor see the full NIK? Agency admins (and super admins) only. */
const mayReadNik = (actor: Actor, agencyId: string): boolean =>
  holdsRoleOver(actor, ['agency_admin'], { agencyId, unitAncestry: [] })

const employeeScopeOf = (row: { agencyId: string; unitPath: string }) => ({
  agencyId: row.agencyId,
  path: row.unitPath,
})

/** Loads an employee the actor may read (or manage); anything outside their scope is `employee.not_found`. */
export async function loadEmployeeFor(
  db: Kysely<Database>,
  actor: Actor,
  employeeId: string,
  access: 'read' | 'manage' = 'read',
): Promise<employeesRepository.EmployeeWithUnit> {
  const employee = await employeesRepository.findEmployeeById(db, employeeId)
  if (!employee || !mayAccessUnit(actor, employeeScopeOf(employee), 'read'))
    throw new DomainError('employee.not_found', { employeeId })
  if (access === 'manage' && !mayAccessUnit(actor, employeeScopeOf(employee), 'manage'))
    throw new DomainError('auth.forbidden')
  return employee
}

export function createEmployeesService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  function validated(input: EmployeeInput): EmployeeRecord {
    const result = validateEmployee(input, nipRulesAt(clock.now()))
    if (!result.ok) throw employeeProblemError(result.problems)
    return result.record
  }

  /** A unit of the agency the actor manages, active, to place an employee in. */
  async function placementUnit(trx: Kysely<Database>, actor: Actor, agencyId: string, unitId: string) {
    const [unit] = await employeesRepository.findUnitsByIds(trx, [unitId])
    if (!unit || unit.agencyId !== agencyId || !mayAccessUnit(actor, unit, 'manage'))
      throw new DomainError('employee.unit_invalid', { unitId })
    if (unit.deactivatedAt !== null) throw new DomainError('employee.unit_inactive', { unitId })
    return unit
  }

  async function assertNipFree(trx: Kysely<Database>, nip: string | null, employeeId?: string) {
    if (!nip) return
    const existing = await employeesRepository.findEmployeeByNip(trx, nip)
    if (existing && existing.id !== employeeId) throw new DomainError('employee.nip_taken', { nip })
  }

  /**
   * The superior must be another employee of the same agency whom the actor may read, and must not report (however
   * indirectly) to the employee.
   */
  async function checkSuperior(
    trx: Kysely<Database>,
    actor: Actor,
    employee: { id: string; agencyId: string },
    superiorId: string,
  ) {
    if (superiorId === employee.id)
      throw new DomainError('employee.superior_invalid', { superiorId, reason: 'self' })
    const superior = await employeesRepository.findEmployeeById(trx, superiorId)
    if (
      !superior ||
      superior.agencyId !== employee.agencyId ||
      !mayAccessUnit(actor, employeeScopeOf(superior))
    )
      throw new DomainError('employee.superior_invalid', { superiorId, reason: 'not_found' })
    const chain = await employeesRepository.superiorChainOf(trx, superiorId)
    if (chain.includes(employee.id))
      throw new DomainError('employee.superior_cycle', { employeeId: employee.id, superiorId })
  }

  /** A NIP taken concurrently still ends as `employee.nip_taken`, not as a database error. */
  async function writing<T>(nip: string | null | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
      const unique =
        code === '23505' ||
        code === 'SQLITE_CONSTRAINT_UNIQUE' ||
        (typeof message === 'string' && message.includes('UNIQUE constraint failed: employees.nip'))
      if (nip && unique) throw new DomainError('employee.nip_taken', { nip })
      throw error
    }
  }

  async function detailOf(actor: Actor, employeeId: string): Promise<EmployeeDetail> {
    const employee = await loadEmployeeFor(db, actor, employeeId)
    const [units, superiors, subordinatesCount, accounts] = await Promise.all([
      employeesRepository.findUnitsByIds(db, ancestryOf(employee.unitPath)),
      employee.superiorId ? employeesRepository.findEmployeesByIds(db, [employee.superiorId]) : [],
      resolveRosterScope(db, actor, employee.agencyId, 'read').then((scope) =>
        employeesRepository.countSubordinates(db, scope, employee.id),
      ),
      employeesRepository.listSocialAccounts(db, employee.id),
    ])
    const unitsById = new Map(units.map((unit) => [unit.id, unit]))
    const breadcrumb = ancestryOf(employee.unitPath).flatMap((id) => {
      const unit = unitsById.get(id)
      return unit && mayAccessUnit(actor, unit)
        ? [{ id: unit.id, name: unit.name, kind: unit.kind as UnitKind }]
        : []
    })
    const superior = superiors[0]
    const superiorVisible = superior !== undefined && mayAccessUnit(actor, employeeScopeOf(superior))
    const fullNik = mayReadNik(actor, employee.agencyId)
    const { nikMasked: _nikMasked, ...item } = toListItem(employee, employee.unitName)
    return {
      ...item,
      nik: employee.nik ? (fullNik ? employee.nik : maskNik(employee.nik)) : null,
      nikIsMasked: employee.nik !== null && !fullNik,
      birthDate: employee.birthDate,
      email: employee.email,
      phone: employee.phone,
      whatsapp: employee.whatsapp,
      unit: {
        id: employee.unitId,
        name: employee.unitName,
        kind: employee.unitKind as UnitKind,
        isActive: employee.unitDeactivatedAt === null,
      },
      breadcrumb,
      superior: superiorVisible
        ? {
            id: superior.id,
            displayName: displayName(superior),
            nip: superior.nip,
            positionTitle: superior.positionTitle,
            unitName: superior.unitName,
          }
        : null,
      superiorOutsideScope: superior !== undefined && !superiorVisible,
      subordinatesCount,
      socialAccounts: accounts.map(toSocialAccountView),
      createdAt: employee.createdAt,
      updatedAt: employee.updatedAt,
    }
  }

  /** Shared shape of the single-field changes (unit, superior, status): load, change, audit, answer the detail. */
  async function change(
    actor: Actor,
    employeeId: string,
    apply: (
      trx: Kysely<Database>,
      employee: employeesRepository.EmployeeWithUnit,
    ) => Promise<{
      patch: employeesRepository.EmployeePatch
      action: string
      before: unknown
      after: unknown
    } | null>,
  ): Promise<EmployeeDetail> {
    await db.transaction().execute(async (trx) => {
      const employee = await loadEmployeeFor(trx, actor, employeeId, 'manage')
      const outcome = await apply(trx, employee)
      if (!outcome) return
      const now = clock.now().toISOString()
      await employeesRepository.updateEmployee(trx, employee, { ...outcome.patch, updatedAt: now })
      await recordAuditEvent(trx, clock, auditActorOf(actor), {
        action: outcome.action,
        entityType: 'employee',
        entityId: employee.id,
        agencyId: employee.agencyId,
        summary: { before: outcome.before, after: outcome.after },
      })
    })
    return detailOf(actor, employeeId)
  }

  return {
    /** One page of the employees the actor may read, filtered and ordered by name (NIP searches by NIP). */
    async listEmployees(actor: Actor, query: ListEmployeesQuery): Promise<EmployeeList> {
      const agencyId = rosterAgencyOf(actor, query.agencyId)
      const scope = await resolveRosterScope(db, actor, agencyId, 'read')
      let unitPath: string | undefined
      if (query.unitId) {
        const [unit] = await employeesRepository.findUnitsByIds(db, [query.unitId])
        if (!unit || unit.agencyId !== agencyId || !mayAccessUnit(actor, unit))
          throw new DomainError('unit.not_found', { unitId: query.unitId })
        unitPath = unit.path
      }
      const grade = query.grade
        ? (normaliseGrade(query.grade, 'PNS') ?? normaliseGrade(query.grade, 'PPPK') ?? query.grade)
        : undefined
      const page = await employeesRepository.searchEmployees(
        db,
        scope,
        {
          unitPath,
          kind: query.kind,
          grade,
          status: query.status,
          positionType: query.positionType,
          superiorId: query.superiorId,
          text: employeesRepository.parseEmployeeText(query.q),
        },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort },
      )
      const units = await employeesRepository.findUnitsByIds(db, [
        ...new Set(page.rows.map((row) => row.unitId)),
      ])
      const unitNames = new Map(units.map((unit) => [unit.id, unit.name]))
      return {
        items: page.rows.map((row) => toListItem(row, unitNames.get(row.unitId) ?? '')),
        total: page.total,
        totalIsExact: page.totalIsExact,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    getEmployee: (actor: Actor, employeeId: string) => detailOf(actor, employeeId),

    async createEmployee(actor: Actor, input: CreateEmployeeBody): Promise<EmployeeDetail> {
      const body = CreateEmployeeBody.parse(input)
      const agencyId = rosterAgencyOf(actor, body.agencyId)
      await resolveRosterScope(db, actor, agencyId, 'manage')
      const record = validated(body)
      const id = newId()
      await writing(record.nip, () =>
        db.transaction().execute(async (trx) => {
          const unit = await placementUnit(trx, actor, agencyId, body.unitId)
          await assertNipFree(trx, record.nip)
          if (body.superiorId) {
            await employeesRepository.lockSuperiors(trx, agencyId)
            await checkSuperior(trx, actor, { id, agencyId }, body.superiorId)
          }
          const now = clock.now().toISOString()
          const row: EmployeeRow = {
            id,
            agencyId,
            unitId: unit.id,
            superiorId: body.superiorId ?? null,
            ...recordColumns(record),
            createdAt: now,
            updatedAt: now,
          }
          await employeesRepository.insertEmployees(trx, [row])
          const accounts = (body.socialAccounts ?? []).map((account): EmployeeSocialAccountRow => ({
            id: newId(),
            employeeId: id,
            platform: account.platform,
            handle: account.handle,
            url: account.url ?? null,
            isVerified: account.isVerified ? 1 : 0,
            createdAt: now,
          }))
          const handles = new Set(accounts.map((a) => `${a.platform}:${a.handle.toLowerCase()}`))
          if (handles.size !== accounts.length)
            throw new DomainError('employee.social_account_taken', { reason: 'duplicate_in_request' })
          await employeesRepository.insertSocialAccounts(trx, accounts)
          await recordAuditEvent(trx, clock, auditActorOf(actor), {
            action: 'employee.created',
            entityType: 'employee',
            entityId: id,
            agencyId,
            summary: {
              after: {
                ...auditFields(recordColumns(record)),
                unitId: unit.id,
                superiorId: row.superiorId,
                socialAccounts: accounts.map((a) => ({ platform: a.platform, handle: a.handle })),
              },
            },
          })
        }),
      )
      return detailOf(actor, id)
    },

    /** Edits record fields; the merged record is validated as a whole (e.g. a new birth date must fit the NIP). */
    async updateEmployee(
      actor: Actor,
      employeeId: string,
      input: UpdateEmployeeBody,
    ): Promise<EmployeeDetail> {
      const body = UpdateEmployeeBody.parse(input)
      const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))
      await db.transaction().execute(async (trx) => {
        const employee = await loadEmployeeFor(trx, actor, employeeId, 'manage')
        const record = validated({ ...recordInputOf(employee), ...sent })
        const next = recordColumns(record)
        const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
          (key) => next[key] !== employee[key],
        )
        if (changed.length === 0) return
        await writing(record.nip, async () => {
          if (changed.includes('nip')) await assertNipFree(trx, record.nip, employee.id)
          const patch = Object.fromEntries(changed.map((key) => [key, next[key]]))
          const now = clock.now().toISOString()
          await employeesRepository.updateEmployee(trx, employee, { ...patch, updatedAt: now })
          const pick = (source: Record<string, unknown>) =>
            auditFields(Object.fromEntries(changed.map((key) => [key, source[key]])))
          await recordAuditEvent(trx, clock, auditActorOf(actor), {
            action: 'employee.updated',
            entityType: 'employee',
            entityId: employee.id,
            agencyId: employee.agencyId,
            summary: { before: pick(employee), after: pick(next) },
          })
        })
      })
      return detailOf(actor, employeeId)
    },

    /** Places the employee in another (active) unit the actor manages. */
    moveEmployee: (actor: Actor, employeeId: string, input: MoveEmployeeBody) =>
      change(actor, employeeId, async (trx, employee) => {
        const { unitId } = MoveEmployeeBody.parse(input)
        if (unitId === employee.unitId) return null
        await placementUnit(trx, actor, employee.agencyId, unitId)
        return {
          patch: { unitId },
          action: 'employee.moved',
          before: { unitId: employee.unitId },
          after: { unitId },
        }
      }),

    /** Sets or clears the direct superior; refuses a superior who reports (however indirectly) to the employee. */
    setSuperior: (actor: Actor, employeeId: string, input: SetSuperiorBody) =>
      change(actor, employeeId, async (trx, employee) => {
        const { superiorId } = SetSuperiorBody.parse(input)
        if (superiorId === employee.superiorId) return null
        if (superiorId) {
          await employeesRepository.lockSuperiors(trx, employee.agencyId)
          await checkSuperior(trx, actor, employee, superiorId)
        }
        return {
          patch: { superiorId },
          action: 'employee.superior_changed',
          before: { superiorId: employee.superiorId },
          after: { superiorId },
        }
      }),

    setStatus: (actor: Actor, employeeId: string, input: SetStatusBody) =>
      change(actor, employeeId, async (_trx, employee) => {
        const { status } = SetStatusBody.parse(input)
        if (status === employee.status) return null
        return {
          patch: { status },
          action: 'employee.status_changed',
          before: { status: employee.status },
          after: { status },
        }
      }),

    async addSocialAccount(
      actor: Actor,
      employeeId: string,
      input: SocialAccountBody,
    ): Promise<SocialAccountView> {
      const body = SocialAccountBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const employee = await loadEmployeeFor(trx, actor, employeeId, 'manage')
        if (await employeesRepository.findSocialAccountByHandle(trx, employee.id, body.platform, body.handle))
          throw new DomainError('employee.social_account_taken', {
            platform: body.platform,
            handle: body.handle,
          })
        const row: EmployeeSocialAccountRow = {
          id: newId(),
          employeeId: employee.id,
          platform: body.platform,
          handle: body.handle,
          url: body.url ?? null,
          isVerified: body.isVerified ? 1 : 0,
          createdAt: clock.now().toISOString(),
        }
        await employeesRepository.insertSocialAccounts(trx, [row])
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'employee.social_account_added',
          entityType: 'employee',
          entityId: employee.id,
          agencyId: employee.agencyId,
          summary: {
            after: {
              accountId: row.id,
              platform: row.platform,
              handle: row.handle,
              isVerified: body.isVerified,
            },
          },
        })
        return toSocialAccountView(row)
      })
    },

    async updateSocialAccount(
      actor: Actor,
      employeeId: string,
      accountId: string,
      input: UpdateSocialAccountBody,
    ): Promise<SocialAccountView> {
      const body = UpdateSocialAccountBody.parse(input)
      return db.transaction().execute(async (trx) => {
        const employee = await loadEmployeeFor(trx, actor, employeeId, 'manage')
        const account = await employeesRepository.findSocialAccount(trx, employee.id, accountId)
        if (!account) throw new DomainError('employee.social_account_not_found', { accountId })
        const isVerified = body.isVerified ? 1 : 0
        if (Number(account.isVerified) === isVerified) return toSocialAccountView(account)
        await employeesRepository.updateSocialAccount(trx, account.id, { isVerified })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'employee.social_account_updated',
          entityType: 'employee',
          entityId: employee.id,
          agencyId: employee.agencyId,
          summary: {
            accountId: account.id,
            before: { isVerified: Number(account.isVerified) === 1 },
            after: { isVerified: body.isVerified },
          },
        })
        return toSocialAccountView({ ...account, isVerified })
      })
    },

    async removeSocialAccount(actor: Actor, employeeId: string, accountId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const employee = await loadEmployeeFor(trx, actor, employeeId, 'manage')
        const account = await employeesRepository.findSocialAccount(trx, employee.id, accountId)
        if (!account) throw new DomainError('employee.social_account_not_found', { accountId })
        await employeesRepository.deleteSocialAccount(trx, account.id)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'employee.social_account_removed',
          entityType: 'employee',
          entityId: employee.id,
          agencyId: employee.agencyId,
          summary: { before: { accountId: account.id, platform: account.platform, handle: account.handle } },
        })
      })
    },
  }
}
export type EmployeesService = ReturnType<typeof createEmployeesService>
