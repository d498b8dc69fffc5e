/**
 * The unit tree of an agency, and who may see which part of the roster. Role scopes bind to unit subtrees: an
 * assignment with a `unitId` covers that unit and everything below it (`holdsRoleOver` with the unit's ancestry).
 * Records outside the reader's scope are "not found", never "forbidden", so their existence is not revealed.
 */
import type { Kysely } from 'kysely'
import { holdsRoleOver, isSuperAdmin, type Actor, type Role } from '../../domain/access.js'
import type { Clock } from '../../domain/clock.js'
import { displayName, type UnitKind } from '../../domain/employee-fields.js'
import { DomainError } from '../../domain/errors.js'
import { ancestryOf, canMoveUnder, childPath, depthOf, isWithin, rootPath } from '../../domain/unit-tree.js'
import type { Database, UnitRow } from '../../db/tables.js'
import { newId } from '../../platform/ids.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { auditActorOf, recordAuditEvent } from '../audit/audit.service.js'
import { findRegion, regionNames } from './region-codes.js'
import * as unitsRepository from './units.repository.js'
import {
  CreateUnitBody,
  MoveUnitBody,
  UpdateUnitBody,
  type ListUnitsQuery,
  type UnitDetail,
  type UnitTree,
  type UnitTreeItem,
  type UnitView,
} from './units.schema.js'

/* ------------------------------------------------------------------------------------------------------------
 * Roster scope: shared by units, employees, import and export.
 * ---------------------------------------------------------------------------------------------------------- */

/** Who reads the roster (route policy `roster.read`); super admins always. */
export const rosterReaderRoles: readonly Role[] = ['agency_admin', 'unit_admin', 'examiner', 'decision_maker']
/** Who changes it (route policy `roster.manage`). */
export const rosterManagerRoles: readonly Role[] = ['agency_admin', 'unit_admin']
export type RosterAccess = 'read' | 'manage'

const rolesFor = (access: RosterAccess) => (access === 'read' ? rosterReaderRoles : rosterManagerRoles)

/**
 * The part of one agency's roster an actor reaches: the whole agency (`unitPaths: null`) or the subtrees under
 * these unit paths. Pass it to the repositories' scope conditions (units `unitPathWithin`, employees
 * `employeeInScope`), so lists, exports and counts never leave it.
 */
export interface RosterScope {
  readonly agencyId: string
  /** null = the whole agency; otherwise the unit paths (`/…/id/`) whose subtrees are covered. */
  readonly unitPaths: readonly string[] | null
}

/** Keeps only the outermost paths (a subtree inside another one adds nothing). */
function outermost(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length)
  const kept: string[] = []
  for (const path of sorted) if (!kept.some((outer) => isWithin(path, outer))) kept.push(path)
  return kept.sort()
}

/**
 * The actor's readable (or manageable) part of an agency's roster. Throws `auth.forbidden` when the actor holds no
 * roster role in that agency. Used for every list, and by the import/export of the employees feature.
 */
export async function resolveRosterScope(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: string,
  access: RosterAccess = 'read',
): Promise<RosterScope> {
  if (isSuperAdmin(actor)) {
    // Other actors reach an agency through their roles; a super admin may name any id.
    if (!(await findAgencyById(db, agencyId))) throw new DomainError('agency.not_found', { agencyId })
    return { agencyId, unitPaths: null }
  }
  const wanted = rolesFor(access)
  const assignments = actor.assignments.filter((a) => a.agencyId === agencyId && wanted.includes(a.role))
  if (assignments.some((a) => a.unitId === null)) return { agencyId, unitPaths: null }
  const unitIds = assignments.map((a) => a.unitId).filter((id): id is string => id !== null)
  const units = (await unitsRepository.findUnitsByIds(db, unitIds)).filter((u) => u.agencyId === agencyId)
  if (units.length === 0) throw new DomainError('auth.forbidden')
  return { agencyId, unitPaths: outermost(units.map((u) => u.path)) }
}

/** Does the actor read (or manage) a unit at this place of the tree? Pure: no database. */
export const mayAccessUnit = (
  actor: Actor,
  unit: Pick<UnitRow, 'agencyId' | 'path'>,
  access: RosterAccess = 'read',
): boolean =>
  holdsRoleOver(actor, rolesFor(access), { agencyId: unit.agencyId, unitAncestry: ancestryOf(unit.path) })

/** Roster roles over the whole agency (needed for top-level units and for unscoped records). */
export const mayAccessWholeAgency = (
  actor: Actor,
  agencyId: string,
  access: RosterAccess = 'read',
): boolean => holdsRoleOver(actor, rolesFor(access), { agencyId, unitAncestry: [] })

/**
 * Which agency a request is about: the one asked for, else the only agency where the actor holds a roster role,
 * else the actor's own agency. Access itself is checked by `resolveRosterScope`.
 */
export function rosterAgencyOf(actor: Actor, requested: string | undefined): string {
  if (requested) return requested
  const agencies = new Set(
    actor.assignments
      .filter((a) => rosterReaderRoles.includes(a.role) && a.agencyId !== null)
      .map((a) => a.agencyId as string),
  )
  const [only] = agencies
  if (agencies.size === 1 && only) return only
  if (actor.agencyId) return actor.agencyId
  throw new DomainError('request.invalid', {
    issues: [{ location: 'querystring', path: ['agencyId'], code: 'required' }],
  })
}

/**
 * A unit the actor may read (or manage), or `unit.not_found`. Readable but not manageable → `auth.forbidden`
 * (the unit's existence is no secret to that actor).
 */
export async function loadUnitFor(
  db: Kysely<Database>,
  actor: Actor,
  unitId: string,
  access: RosterAccess = 'read',
): Promise<UnitRow> {
  const unit = await unitsRepository.findUnitById(db, unitId)
  if (!unit || !mayAccessUnit(actor, unit, 'read')) throw new DomainError('unit.not_found', { unitId })
  if (access === 'manage' && !mayAccessUnit(actor, unit, 'manage')) throw new DomainError('auth.forbidden')
  return unit
}

/**
 * Which of these ids are units of the agency (role grants may only scope to those), each with whether it is active
 * (a new grant needs an active unit).
 */
export async function unitsOfAgency(
  db: Kysely<Database>,
  agencyId: string,
  unitIds: readonly string[],
): Promise<Map<string, { readonly isActive: boolean }>> {
  const units = await unitsRepository.findUnitsByIds(db, [...new Set(unitIds)])
  return new Map(
    units
      .filter((unit) => unit.agencyId === agencyId)
      .map((unit) => [unit.id, { isActive: unit.deactivatedAt === null }]),
  )
}

/* ------------------------------------------------------------------------------------------------------------
 * Views
 * ---------------------------------------------------------------------------------------------------------- */

const baseView = (
  row: UnitRow,
  counts: { own: number; subtree: number },
  regionName: string | null,
): UnitView => ({
  id: row.id,
  agencyId: row.agencyId,
  parentId: row.parentId,
  code: row.code,
  name: row.name,
  kind: row.kind as UnitKind,
  regionCode: row.regionCode,
  regionName,
  headEmployeeId: row.headEmployeeId,
  path: row.path,
  depth: Number(row.depth),
  isActive: row.deactivatedAt === null,
  deactivatedAt: row.deactivatedAt,
  employeeCount: counts.own,
  subtreeEmployeeCount: counts.subtree,
})

/** Lower-case, accent-free words, for matching unit names. */
const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)

/** Depth-first order: parents before children, siblings by name. Units whose parent is absent are roots. */
function depthFirst(rows: readonly UnitRow[]): UnitRow[] {
  const ids = new Set(rows.map((row) => row.id))
  const children = new Map<string | null, UnitRow[]>()
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null
    const list = children.get(parent) ?? []
    list.push(row)
    children.set(parent, list)
  }
  const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id)
  const out: UnitRow[] = []
  const visit = (parent: string | null) => {
    for (const row of (children.get(parent) ?? []).sort(byName)) {
      out.push(row)
      visit(row.id)
    }
  }
  visit(null)
  return out
}

async function regionNameOf(code: string | null): Promise<string | null> {
  if (!code) return null
  return (await findRegion(code))?.name ?? null
}

/* ------------------------------------------------------------------------------------------------------------
 * Service
 * ---------------------------------------------------------------------------------------------------------- */

export function createUnitsService({ db, clock }: { db: Kysely<Database>; clock: Clock }) {
  async function normaliseRegion(raw: string | null | undefined): Promise<string | null | undefined> {
    if (raw === undefined || raw === null) return raw
    const region = await findRegion(raw)
    if (!region) throw new DomainError('unit.region_code_unknown', { regionCode: raw })
    return region.code
  }

  /** A head must be an employee of the same agency whom the actor may read. */
  async function checkHead(
    exec: Kysely<Database>,
    actor: Actor,
    agencyId: string,
    headEmployeeId: string | null | undefined,
  ) {
    if (!headEmployeeId) return
    const [head] = await unitsRepository.findHeads(exec, [headEmployeeId])
    if (!head || head.agencyId !== agencyId || !mayAccessUnit(actor, { agencyId, path: head.unitPath }))
      throw new DomainError('unit.head_invalid', { headEmployeeId })
  }

  async function assertCodeFree(
    exec: Kysely<Database>,
    agencyId: string,
    code: string | null | undefined,
    unitId?: string,
  ) {
    if (!code) return
    const existing = await unitsRepository.findUnitByCode(exec, agencyId, code)
    if (existing && existing.id !== unitId) throw new DomainError('unit.code_taken', { code })
  }

  /** Runs a write; a unique index that still refuses it (a concurrent duplicate code) becomes `unit.code_taken`. */
  async function writing<T>(code: string | null | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (code && unitsRepository.isUniqueViolation(error)) throw new DomainError('unit.code_taken', { code })
      throw error
    }
  }

  async function detailOf(actor: Actor, unit: UnitRow): Promise<UnitDetail> {
    const ancestorIds = ancestryOf(unit.path).slice(0, -1)
    const [ancestors, counts, childCount, heads, regionName] = await Promise.all([
      unitsRepository.findUnitsByIds(db, ancestorIds),
      unitsRepository.countActiveEmployeesOfSubtree(db, unit),
      unitsRepository.countChildren(db, unit.id),
      unitsRepository.findHeads(db, unit.headEmployeeId ? [unit.headEmployeeId] : []),
      regionNameOf(unit.regionCode),
    ])
    const byId = new Map(ancestors.map((row) => [row.id, row]))
    const breadcrumb = ancestorIds
      .map((id) => byId.get(id))
      .filter((row): row is UnitRow => row !== undefined && mayAccessUnit(actor, row))
      .map((row) => ({ id: row.id, name: row.name, kind: row.kind as UnitKind }))
    const head = heads[0]
    const headVisible = head && mayAccessUnit(actor, { agencyId: unit.agencyId, path: head.unitPath })
    return {
      ...baseView(unit, counts, regionName),
      breadcrumb,
      head: headVisible
        ? { id: head.id, displayName: displayName(head), positionTitle: head.positionTitle }
        : null,
      childCount,
      createdAt: unit.createdAt,
      updatedAt: unit.updatedAt,
    }
  }

  return {
    /** The tree (flat, depth-first) with active-employee counts per unit and per subtree. */
    async listUnits(actor: Actor, query: ListUnitsQuery): Promise<UnitTree> {
      const agencyId = rosterAgencyOf(actor, query.agencyId)
      const scope = await resolveRosterScope(db, actor, agencyId, 'read')
      const [rows, counts] = await Promise.all([
        unitsRepository.listUnits(db, agencyId, scope.unitPaths, { includeInactive: query.includeInactive }),
        unitsRepository.countActiveEmployeesByUnit(db, agencyId),
      ])
      const subtree = new Map<string, number>()
      for (const row of rows) {
        const own = counts.get(row.id) ?? 0
        if (own === 0) continue
        for (const id of ancestryOf(row.path)) subtree.set(id, (subtree.get(id) ?? 0) + own)
      }
      let listed = rows
      let matching: Set<string> | null = null
      const q = query.q?.trim()
      if (q) {
        const wanted = words(q)
        const code = q.toLowerCase()
        const matches = rows.filter((row) => {
          const name = words(row.name)
          return (
            row.code?.toLowerCase().startsWith(code) ||
            (wanted.length > 0 && wanted.every((word) => name.some((w) => w.startsWith(word))))
          )
        })
        matching = new Set(matches.map((row) => row.id))
        const keep = new Set<string>()
        for (const row of matches) for (const id of ancestryOf(row.path)) keep.add(id)
        listed = rows.filter((row) => keep.has(row.id))
      }
      const names = await regionNames(listed.map((row) => row.regionCode))
      const items: UnitTreeItem[] = depthFirst(listed).map((row) => ({
        ...baseView(
          row,
          { own: counts.get(row.id) ?? 0, subtree: subtree.get(row.id) ?? 0 },
          row.regionCode ? (names.get(row.regionCode) ?? null) : null,
        ),
        matches: matching ? matching.has(row.id) : true,
      }))
      return { agencyId, items }
    },

    async getUnit(actor: Actor, unitId: string): Promise<UnitDetail> {
      return detailOf(actor, await loadUnitFor(db, actor, unitId, 'read'))
    },

    async createUnit(actor: Actor, input: CreateUnitBody): Promise<UnitDetail> {
      const body = CreateUnitBody.parse(input)
      const agencyId = rosterAgencyOf(actor, body.agencyId)
      await resolveRosterScope(db, actor, agencyId, 'manage')
      const regionCode = (await normaliseRegion(body.regionCode)) ?? null
      await checkHead(db, actor, agencyId, body.headEmployeeId)
      const created = await writing(body.code, () =>
        db.transaction().execute(async (trx) => {
          await unitsRepository.lockUnitTree(trx, agencyId)
          let parentPath = rootPath
          if (body.parentId) {
            const parent = await unitsRepository.findUnitById(trx, body.parentId)
            if (!parent || parent.agencyId !== agencyId || !mayAccessUnit(actor, parent, 'manage'))
              throw new DomainError('unit.parent_invalid', { parentId: body.parentId })
            if (parent.deactivatedAt !== null)
              throw new DomainError('unit.parent_inactive', { parentId: parent.id })
            parentPath = parent.path
          } else if (!mayAccessWholeAgency(actor, agencyId, 'manage')) {
            throw new DomainError('auth.forbidden', { reason: 'top_level_unit' })
          }
          await assertCodeFree(trx, agencyId, body.code)
          const now = clock.now().toISOString()
          const id = newId()
          const path = childPath(parentPath, id)
          const row: UnitRow = {
            id,
            agencyId,
            parentId: body.parentId ?? null,
            code: body.code ?? null,
            name: body.name,
            kind: body.kind,
            regionCode,
            headEmployeeId: body.headEmployeeId ?? null,
            path,
            depth: depthOf(path),
            deactivatedAt: null,
            createdAt: now,
            updatedAt: now,
          }
          await unitsRepository.insertUnits(trx, [row])
          await recordAuditEvent(trx, clock, auditActorOf(actor), {
            action: 'unit.created',
            entityType: 'unit',
            entityId: id,
            agencyId,
            summary: {
              after: {
                parentId: row.parentId,
                code: row.code,
                name: row.name,
                kind: row.kind,
                regionCode: row.regionCode,
                headEmployeeId: row.headEmployeeId,
              },
            },
          })
          return row
        }),
      )
      return detailOf(actor, created)
    },

    /** Rename, re-code, change kind, region or head. */
    async updateUnit(actor: Actor, unitId: string, input: UpdateUnitBody): Promise<UnitDetail> {
      const body = UpdateUnitBody.parse(input)
      const regionCode = await normaliseRegion(body.regionCode)
      const updated = await writing(body.code, () =>
        db.transaction().execute(async (trx) => {
          const unit = await loadUnitFor(trx, actor, unitId, 'manage')
          await checkHead(trx, actor, unit.agencyId, body.headEmployeeId)
          await assertCodeFree(trx, unit.agencyId, body.code, unit.id)
          const patch: unitsRepository.UnitPatch = {
            ...(body.code !== undefined ? { code: body.code } : {}),
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.kind !== undefined ? { kind: body.kind } : {}),
            ...(regionCode !== undefined ? { regionCode } : {}),
            ...(body.headEmployeeId !== undefined ? { headEmployeeId: body.headEmployeeId } : {}),
          }
          const changed = Object.keys(patch).filter(
            (key) => patch[key as keyof typeof patch] !== unit[key as keyof UnitRow],
          ) as (keyof typeof patch)[]
          if (changed.length === 0) return unit
          const now = clock.now().toISOString()
          await unitsRepository.updateUnit(trx, unit.id, { ...patch, updatedAt: now })
          await recordAuditEvent(trx, clock, auditActorOf(actor), {
            action: 'unit.updated',
            entityType: 'unit',
            entityId: unit.id,
            agencyId: unit.agencyId,
            summary: {
              before: Object.fromEntries(changed.map((key) => [key, unit[key]])),
              after: Object.fromEntries(changed.map((key) => [key, patch[key]])),
            },
          })
          return { ...unit, ...patch, updatedAt: now }
        }),
      )
      return detailOf(actor, updated)
    },

    /**
     * Moves a unit with its whole subtree under another parent (or to the top level): every path and depth below
     * it is rewritten in the same transaction. A unit cannot move under itself or its own descendants.
     */
    async moveUnit(actor: Actor, unitId: string, input: MoveUnitBody): Promise<UnitDetail> {
      const body = MoveUnitBody.parse(input)
      const moved = await db.transaction().execute(async (trx) => {
        const unit = await loadUnitFor(trx, actor, unitId, 'manage')
        await unitsRepository.lockUnitTree(trx, unit.agencyId)
        // Re-read under the lock: a concurrent move may have changed the path.
        const current = (await unitsRepository.findUnitById(trx, unit.id)) ?? unit
        if (current.parentId === body.parentId) return current
        // Taking a unit out of its place changes the parent's subtree too: the actor must manage where it leaves.
        const oldParent = current.parentId
          ? await unitsRepository.findUnitById(trx, current.parentId)
          : undefined
        const mayLeave = oldParent
          ? mayAccessUnit(actor, oldParent, 'manage')
          : mayAccessWholeAgency(actor, current.agencyId, 'manage')
        if (!mayLeave) throw new DomainError('auth.forbidden', { reason: 'outside_scope' })
        let parentPath = rootPath
        if (body.parentId) {
          const parent = await unitsRepository.findUnitById(trx, body.parentId)
          if (!parent || parent.agencyId !== current.agencyId || !mayAccessUnit(actor, parent, 'manage'))
            throw new DomainError('unit.parent_invalid', { parentId: body.parentId })
          if (!canMoveUnder(current.path, parent.path))
            throw new DomainError('unit.move_cycle', { unitId: current.id, parentId: parent.id })
          if (parent.deactivatedAt !== null)
            throw new DomainError('unit.parent_inactive', { parentId: parent.id })
          parentPath = parent.path
        } else if (!mayAccessWholeAgency(actor, current.agencyId, 'manage')) {
          throw new DomainError('auth.forbidden', { reason: 'top_level_unit' })
        }
        const newPath = childPath(parentPath, current.id)
        const now = clock.now().toISOString()
        const rewritten = await unitsRepository.rewriteSubtreePaths(
          trx,
          current.agencyId,
          current.path,
          newPath,
          now,
        )
        await unitsRepository.updateUnit(trx, current.id, { parentId: body.parentId, updatedAt: now })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'unit.moved',
          entityType: 'unit',
          entityId: current.id,
          agencyId: current.agencyId,
          summary: {
            before: { parentId: current.parentId, path: current.path },
            after: { parentId: body.parentId, path: newPath },
            unitsRewritten: rewritten,
          },
        })
        return { ...current, parentId: body.parentId, path: newPath, depth: depthOf(newPath), updatedAt: now }
      })
      return detailOf(actor, moved)
    },

    /** Deactivates the unit and every active unit below it. Employees stay where they are; nothing is deleted. */
    async deactivateUnit(actor: Actor, unitId: string): Promise<UnitDetail> {
      const unit = await db.transaction().execute(async (trx) => {
        const current = await loadUnitFor(trx, actor, unitId, 'manage')
        await unitsRepository.lockUnitTree(trx, current.agencyId)
        if (current.deactivatedAt !== null) return current
        const now = clock.now().toISOString()
        const count = await unitsRepository.deactivateSubtree(trx, current.agencyId, current.path, now)
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'unit.deactivated',
          entityType: 'unit',
          entityId: current.id,
          agencyId: current.agencyId,
          summary: { after: { deactivatedAt: now }, unitsDeactivated: count },
        })
        return { ...current, deactivatedAt: now, updatedAt: now }
      })
      return detailOf(actor, unit)
    },

    /** Reactivates this unit only (its parent must be active); units below stay as they are. */
    async reactivateUnit(actor: Actor, unitId: string): Promise<UnitDetail> {
      const unit = await db.transaction().execute(async (trx) => {
        const current = await loadUnitFor(trx, actor, unitId, 'manage')
        await unitsRepository.lockUnitTree(trx, current.agencyId)
        if (current.deactivatedAt === null) return current
        if (current.parentId) {
          const parent = await unitsRepository.findUnitById(trx, current.parentId)
          if (!parent || parent.deactivatedAt !== null)
            throw new DomainError('unit.parent_inactive', { parentId: current.parentId })
        }
        const now = clock.now().toISOString()
        await unitsRepository.updateUnit(trx, current.id, { deactivatedAt: null, updatedAt: now })
        await recordAuditEvent(trx, clock, auditActorOf(actor), {
          action: 'unit.reactivated',
          entityType: 'unit',
          entityId: current.id,
          agencyId: current.agencyId,
          summary: { before: { deactivatedAt: current.deactivatedAt }, after: { deactivatedAt: null } },
        })
        return { ...current, deactivatedAt: null, updatedAt: now }
      })
      return detailOf(actor, unit)
    },
  }
}
export type UnitsService = ReturnType<typeof createUnitsService>
