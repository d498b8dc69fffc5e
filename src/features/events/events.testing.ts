/**
 * Arrange helpers for event tests: a small agency with two OPDs, a controllable clock, a throw-away data directory
 * and API shortcuts.
 *
 *   Dinas Kesehatan ── Puskesmas Kauman
 *   Dinas Pendidikan ── SD Negeri 1
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertRosterEmployee,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
  type SignedIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import type { CardTokenView, CheckInTokenView, EventView } from './events.schema.js'

/** 2026-11-24 08:00 WIB, on a 30-second slot boundary. */
export const start = Date.parse('2026-11-24T01:00:00.000Z')

/** A clock tests move by hand. */
export function manualClock(at = start) {
  let now = at
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms
    },
  }
}

export async function arrangeEvents() {
  const clock = manualClock()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-events-'))
  const { app, context } = await createTestApp({
    clock,
    env: { PUBLIC_URL: 'https://netra.contoh.go.id', DATA_DIR: dataDir },
  })
  const db = context.database.db
  const agency = await insertAgency(context)
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)
  const dinkes = await insertUnit(context, agency.id, { name: 'Dinas Kesehatan' })
  const puskesmas = await insertUnit(context, agency.id, {
    parent: dinkes,
    name: 'Puskesmas Kauman',
    kind: 'upt',
  })
  const disdik = await insertUnit(context, agency.id, { name: 'Dinas Pendidikan' })
  const sd = await insertUnit(context, agency.id, { parent: disdik, name: 'SD Negeri 1', kind: 'sekolah' })
  const kadinkes = await insertRosterEmployee(context, dinkes, {
    name: 'Wahyu Hidayat',
    positionTitle: 'Kepala Dinas',
  })
  const perawat = await insertRosterEmployee(context, puskesmas, { name: 'Siti Rahmawati' })
  const bidan = await insertRosterEmployee(context, puskesmas, { name: 'Dewi Lestari' })
  const kadisdik = await insertRosterEmployee(context, disdik, { name: 'Budi Santoso' })
  const guru = await insertRosterEmployee(context, sd, { name: 'Agus Salim' })
  const unitAdmin = await insertUnitScopedAccount(context, agency.id, dinkes.id)
  const unitSession = await signIn(app, context, unitAdmin)

  return {
    app,
    context,
    db,
    clock,
    dataDir,
    agency,
    session,
    unitSession,
    dinkes,
    puskesmas,
    disdik,
    sd,
    kadinkes,
    perawat,
    bidan,
    kadisdik,
    guru,
  }
}

export type EventsFixture = Awaited<ReturnType<typeof arrangeEvents>>

export async function api(
  app: FastifyInstance,
  session: SignedIn | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(session ? session.headers : {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as Buffer }),
  })
}

/** Creates an event as the agency admin (targets Dinas Kesehatan unless told otherwise). */
export async function createEvent(
  f: EventsFixture,
  overrides: Record<string, unknown> = {},
): Promise<EventView> {
  const response = await api(f.app, f.session, 'POST', '/events', {
    kind: 'sosialisasi',
    title: 'Sosialisasi Netralitas ASN',
    startsAt: '2026-11-24T08:00:00+07:00',
    endsAt: '2026-11-24T11:00:00+07:00',
    venue: 'Aula Balai Kota',
    speakers: [{ name: 'Ahmad Fauzi', role: 'Narasumber', institution: 'Bawaslu Kota' }],
    targetUnitIds: [f.dinkes.id],
    ...overrides,
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<EventView>()
}

/** The employee's attendance code as staff see it on the card (`ABCD-EFGH`). */
export async function attendanceCodeOf(f: EventsFixture, employeeId: string): Promise<string> {
  const response = await api(f.app, f.session, 'GET', `/employees/${employeeId}/qr-card-token`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<CardTokenView>().attendanceCode
}

/** The check-in token the event screen shows now. */
export async function checkInTokenOf(f: EventsFixture, eventId: string): Promise<CheckInTokenView> {
  const response = await api(f.app, f.session, 'GET', `/events/${eventId}/check-in-token`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<CheckInTokenView>()
}

/** A self check-in from the phone, with the employee's own code unless another is given. */
export async function selfCheckIn(
  f: EventsFixture,
  token: string,
  employee: { id: string; nip: string | null },
  attendanceCode?: string,
) {
  return api(f.app, null, 'POST', '/public/events/check-in', {
    token,
    nip: employee.nip,
    attendanceCode: attendanceCode ?? (await attendanceCodeOf(f, employee.id)),
  })
}

/* Minimal files by their magic bytes. */
export const pdfBytes = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(2000, 0x20),
  Buffer.from('\n%%EOF\n'),
])
export const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 1),
])
export const jpegBytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 2)])
/** A ZIP whose entries name an Office presentation. */
export const pptxBytes = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26, 0),
  Buffer.from('[Content_Types].xml'),
  Buffer.alloc(100, 0),
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26, 0),
  Buffer.from('ppt/presentation.xml'),
  Buffer.alloc(100, 0),
])
/** An executable pretending to be anything. */
export const exeBytes = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000, 0x90)])
