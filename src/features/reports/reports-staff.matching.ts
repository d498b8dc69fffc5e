/**
 * Matching in the staff inbox (issue #5 points 4 and 6): related reports (same employee or person within the
 * window, or a shared link) and the employees a reported person may be (NIP, then name and unit).
 */
import type { Kysely } from 'kysely'
import { searchNameOf } from '../../domain/employee-record.js'
import type { Database } from '../../db/tables.js'
import { normalizePersonName } from './reports-public.service.js'
import * as staffRepo from './reports-staff.repository.js'
import {
  relatedReportWindowDays,
  type EmployeeSuggestionList,
  type RelatedReportView,
  type SuggestionReason,
} from './reports-staff.schema.js'
import type { ReportStatus } from './reports.schema.js'

const dayMs = 86_400_000

/** What the suggestions look at: the reported person as the reporter described them. */
export interface SuggestionSubject {
  readonly agencyId: string
  readonly reportedName: string | null
  readonly reportedNip: string | null
  readonly reportedUnitId: string | null
  readonly reportedUnitName: string | null
}

/** Related reports of each report: same employee or person within the window, or a shared link. */
export async function relatedReports(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<Map<string, RelatedReportView[]>> {
  const candidates = await staffRepo.listRelatedCandidates(db, reportIds)
  const byBase = new Map<string, Map<string, RelatedReportView>>()
  for (const c of candidates) {
    const apart = Math.abs(Date.parse(c.createdAt) - Date.parse(c.baseCreatedAt))
    if (c.reason !== 'link' && apart > relatedReportWindowDays * dayMs) continue
    const related = byBase.get(c.baseId) ?? new Map<string, RelatedReportView>()
    byBase.set(c.baseId, related)
    const seen = related.get(c.id)
    if (seen) {
      if (!seen.reasons.includes(c.reason)) seen.reasons.push(c.reason)
    } else
      related.set(c.id, {
        id: c.id,
        reportNumber: c.reportNumber,
        createdAt: c.createdAt,
        status: c.status as ReportStatus,
        reportedName: c.reportedName,
        reasons: [c.reason],
      })
  }
  return new Map(
    [...byBase].map(([id, related]) => [
      id,
      [...related.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
    ]),
  )
}

/** Employees the reported person may be: NIP first, then name (with the unit), best 5 with the reason. */
export async function suggestEmployees(
  db: Kysely<Database>,
  report: SuggestionSubject,
): Promise<EmployeeSuggestionList> {
  type Suggestion = EmployeeSuggestionList['items'][number]
  const found = new Map<string, Suggestion>()
  const add = (e: staffRepo.EmployeeCandidateRow, reason: SuggestionReason, score: number) => {
    const seen = found.get(e.id)
    if (seen && seen.score >= score) return
    found.set(e.id, {
      employeeId: e.id,
      name: e.name,
      nip: e.nip,
      unitId: e.unitId,
      unitName: e.unitName,
      positionTitle: e.positionTitle,
      reason,
      score,
    })
  }
  if (report.reportedNip)
    for (const e of await staffRepo.listEmployeesByNip(db, report.agencyId, report.reportedNip))
      add(e, 'nip', 100)
  const wanted = report.reportedName
    ? searchNameOf({ name: report.reportedName, frontTitle: null, backTitle: null })
    : ''
  const tokens = [...new Set(wanted.split(' ').filter(Boolean))]
  const unitWords = report.reportedUnitName ? normalizePersonName(report.reportedUnitName) : ''
  const inUnit = (e: staffRepo.EmployeeCandidateRow) =>
    (report.reportedUnitId !== null && e.unitPath.includes(`/${report.reportedUnitId}/`)) ||
    (unitWords !== '' &&
      (normalizePersonName(e.unitName).includes(unitWords) ||
        unitWords.includes(normalizePersonName(e.unitName))))
  for (const e of await staffRepo.listEmployeesByNameTokens(db, report.agencyId, tokens, 50)) {
    const name = searchNameOf({ name: e.name, frontTitle: null, backTitle: null })
    const own = new Set(name.split(' ').filter(Boolean))
    const shared = tokens.filter((t) => own.has(t)).length / Math.max(tokens.length, own.size, 1)
    const unit = inUnit(e)
    if (name === wanted) add(e, unit ? 'name_unit' : 'name', unit ? 90 : 70)
    else if (shared > 0)
      add(
        e,
        unit ? 'partial_name_unit' : 'partial_name',
        Math.round((unit ? 40 + 20 * shared : 30 * shared) * 10) / 10,
      )
  }
  const items = [...found.values()]
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, 5)
  return { items }
}
