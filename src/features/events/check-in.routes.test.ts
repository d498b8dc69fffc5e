import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { insertRosterEmployee, nextNip } from '../../../test/support/factories.js'
import type {
  AttendanceList,
  AttendanceRateView,
  AttendanceReport,
  AttendanceView,
  CardTokenView,
  EmployeeAttendanceList,
  IkrarCoverageView,
} from './events.schema.js'
import {
  api,
  arrangeEvents,
  attendanceCodeOf,
  checkInTokenOf,
  createEvent,
  selfCheckIn,
  type EventsFixture,
} from './events.testing.js'

const attendances = (f: EventsFixture, eventId: string) =>
  f.db
    .selectFrom('eventAttendances')
    .select(['employeeId', 'unitId', 'method', 'isTargeted', 'recordedBy'])
    .where('eventId', '=', eventId)
    .orderBy('checkedInAt')
    .execute()

const tokenOf = checkInTokenOf

/** Changes one character of the MAC. */
const forge = (token: string) => {
  const last = token.at(-1) === 'A' ? 'B' : 'A'
  return `${token.slice(0, -1)}${last}`
}

describe('rotating check-in token', () => {
  it('gives the screen a token and link that change every 30 s; current and previous slot work, older ones expire', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const first = await tokenOf(f, event.id)
    expect(first).toMatchObject({ periodSeconds: 30, rotatesInSeconds: 30 })
    expect(first.url).toBe(`https://netra.contoh.go.id/hadir/${first.token}`)
    const view = await api(f.app, null, 'GET', `/public/events/check-in/${first.token}`)
    expect(view.statusCode).toBe(200)
    expect(view.json()).toMatchObject({ title: 'Sosialisasi Netralitas ASN', venue: 'Aula Balai Kota' })

    f.clock.advance(10_000)
    expect((await tokenOf(f, event.id)).rotatesInSeconds).toBe(20)
    f.clock.advance(25_000)
    const second = await tokenOf(f, event.id)
    expect(second.token).not.toBe(first.token)
    // The previous slot is still accepted.
    expect((await api(f.app, null, 'GET', `/public/events/check-in/${first.token}`)).statusCode).toBe(200)

    f.clock.advance(30_000)
    const expired = await selfCheckIn(f, first.token, f.perawat)
    expect(expired.statusCode).toBe(409)
    expect(expired.json()).toMatchObject({ error: { code: 'event.check_in_token_expired' } })
    expect(await attendances(f, event.id)).toEqual([])
    expect((await selfCheckIn(f, second.token, f.perawat)).statusCode).toBe(200)
  })

  it('refuses a forged token with 404 event.check_in_token_invalid and records nothing', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const { token } = await tokenOf(f, event.id)
    const forged = await selfCheckIn(f, forge(token), f.perawat)
    expect(forged.statusCode).toBe(404)
    expect(forged.json()).toMatchObject({ error: { code: 'event.check_in_token_invalid' } })
    // Another event's id under this event's MAC.
    const other = await createEvent(f, { title: 'Lain' })
    const swapped = `${other.id.replace(/-/g, '')}${token.slice(32)}`
    expect((await selfCheckIn(f, swapped, f.perawat)).statusCode).toBe(404)
    // A token for a slot the server has not reached yet.
    const [id, slot, mac] = token.split('.')
    const future = `${id}.${(Number.parseInt(slot ?? '0', 36) + 5).toString(36)}.${mac}`
    expect((await selfCheckIn(f, future, f.perawat)).statusCode).toBe(404)
    expect(await attendances(f, event.id)).toEqual([])
  })
})

describe('POST /api/v1/public/events/check-in', () => {
  it('refuses a wrong attendance code and an unknown NIP alike (422), and no longer takes a date of birth', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const { token } = await tokenOf(f, event.id)
    const own = await attendanceCodeOf(f, f.perawat.id)
    const other = await attendanceCodeOf(f, f.bidan.id)
    expect(own).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(other).not.toBe(own)
    // Another employee's code, a code of the wrong shape, and a NIP nobody has: the same answer.
    for (const [nip, code] of [
      [f.perawat.nip, other],
      [f.perawat.nip, 'salah'],
      [f.perawat.nip, own.slice(0, 8)],
      [nextNip(), own],
    ] as const) {
      const wrong = await api(f.app, null, 'POST', '/public/events/check-in', {
        token,
        nip,
        attendanceCode: code,
      })
      expect(wrong.statusCode, `${nip} ${code}`).toBe(422)
      expect(wrong.json()).toEqual({ error: { code: 'event.identity_mismatch', details: {} } })
    }
    // The birth date (the first 8 digits of a NIP) proves nothing and is no longer part of the API.
    const byBirthDate = await api(f.app, null, 'POST', '/public/events/check-in', {
      token,
      nip: f.perawat.nip,
      dateOfBirth: f.perawat.birthDate,
    })
    expect(byBirthDate.statusCode).toBe(400)
    expect(await attendances(f, event.id)).toEqual([])
    // Typed as people type it: lower case, no dash, spaces, O for 0 and I/L for 1.
    const typed = ` ${own.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `
    const ok = await selfCheckIn(f, token, f.perawat, typed)
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await attendances(f, event.id)).map((row) => row.employeeId)).toEqual([f.perawat.id])
  })

  it('shows the phone the event in the agency’s time zone, and whether a quiz follows', async () => {
    const f = await arrangeEvents()
    await f.db
      .updateTable('agencies')
      .set({ timeZone: 'Asia/Makassar' })
      .where('id', '=', f.agency.id)
      .execute()
    const event = await createEvent(f)
    const { token } = await tokenOf(f, event.id)
    const view = await api(f.app, null, 'GET', `/public/events/check-in/${token}`)
    expect(view.json()).toEqual({
      title: 'Sosialisasi Netralitas ASN',
      kind: 'sosialisasi',
      venue: 'Aula Balai Kota',
      startsAt: '2026-11-24T01:00:00.000Z',
      endsAt: '2026-11-24T04:00:00.000Z',
      timeZone: 'Asia/Makassar',
      hasQuiz: false,
    })
  })

  it('records a targeted employee once (409 event.already_checked_in the second time) and flags an untargeted one', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const { token } = await tokenOf(f, event.id)
    const first = await selfCheckIn(f, token, f.perawat)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toEqual({
      eventTitle: 'Sosialisasi Netralitas ASN',
      checkedInAt: '2026-11-24T01:00:00.000Z',
      isTargeted: true,
      quiz: null,
      quizTicket: null,
    })
    const second = await selfCheckIn(f, token, f.perawat)
    expect(second.statusCode).toBe(409)
    expect(second.json()).toMatchObject({
      error: { code: 'event.already_checked_in', details: { checkedInAt: '2026-11-24T01:00:00.000Z' } },
    })
    const guru = await selfCheckIn(f, token, f.guru)
    expect(guru.json()).toMatchObject({ isTargeted: false })
    expect(await attendances(f, event.id)).toEqual([
      { employeeId: f.perawat.id, unitId: f.puskesmas.id, method: 'qr', isTargeted: 1, recordedBy: null },
      { employeeId: f.guru.id, unitId: f.sd.id, method: 'qr', isTargeted: 0, recordedBy: null },
    ])
    const audit = await f.db
      .selectFrom('auditEvents')
      .select(['action', 'actorLabel'])
      .where('entityId', '=', event.id)
      .where('action', '=', 'event.checked_in')
      .execute()
    expect(audit).toEqual([
      { action: 'event.checked_in', actorLabel: 'self-check-in' },
      { action: 'event.checked_in', actorLabel: 'self-check-in' },
    ])
  })
})

describe('operator check-in', () => {
  it('ticks employees row-wise: the unit admin records their own staff, others are unknown, repeats already present', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f, { targetUnitIds: [f.dinkes.id, f.disdik.id] })
    const ids = [f.perawat.id, f.bidan.id, f.guru.id, '0190a000-0000-7000-8000-000000000000']
    const first = await api(f.app, f.unitSession, 'POST', `/events/${event.id}/attendance`, {
      employeeIds: ids,
    })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json<AttendanceReport>()).toEqual({
      recorded: 2,
      recordedUntargeted: 0,
      alreadyPresent: [],
      unknown: [
        { row: null, ref: f.guru.id },
        { row: null, ref: '0190a000-0000-7000-8000-000000000000' },
      ],
      invalid: [],
    })
    const again = await api(f.app, f.session, 'POST', `/events/${event.id}/attendance`, {
      employeeIds: [f.perawat.id, f.guru.id],
    })
    expect(again.json<AttendanceReport>()).toMatchObject({
      recorded: 1,
      alreadyPresent: [{ row: null, ref: f.perawat.id }],
      unknown: [],
    })
    const rows = await attendances(f, event.id)
    expect(rows.map((row) => [row.employeeId, row.method])).toEqual([
      [f.perawat.id, 'operator'],
      [f.bidan.id, 'operator'],
      [f.guru.id, 'operator'],
    ])
    // The unit admin's list shows only their subtree.
    const list = await api(f.app, f.unitSession, 'GET', `/events/${event.id}/attendance`)
    expect(list.json<AttendanceList>().items.map((item) => item.employeeName)).toEqual([
      'Siti Rahmawati',
      'Dewi Lestari',
    ])
    expect(list.body).not.toContain(f.guru.id)
    expect(list.json<AttendanceList>()).toMatchObject({ total: 2, page: 1, pageSize: 25 })
    // Pages in check-in order; the total counts every page.
    const second = await api(f.app, f.session, 'GET', `/events/${event.id}/attendance?page=2&pageSize=2`)
    expect(second.statusCode, second.body).toBe(200)
    expect(second.json<AttendanceList>()).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(second.json<AttendanceList>().items.map((item) => item.employeeId)).toEqual([f.guru.id])
    const beyond = await api(f.app, f.session, 'GET', `/events/${event.id}/attendance?page=9&pageSize=2`)
    expect(beyond.json<AttendanceList>()).toMatchObject({ items: [], total: 3 })
    for (const query of ['pageSize=101', 'page=0', 'sort=name'])
      expect((await api(f.app, f.session, 'GET', `/events/${event.id}/attendance?${query}`)).statusCode).toBe(
        400,
      )
  })

  it('reads a CSV sheet with a NIP column: recorded, invalid, unknown and already present rows', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    await api(f.app, f.session, 'POST', `/events/${event.id}/attendance`, { employeeIds: [f.bidan.id] })
    const spaced = (nip: string) =>
      `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
    const csv = [
      'No;NIP;Nama',
      `1;${spaced(f.perawat.nip!)};Siti Rahmawati`,
      '2;12345;Salah Ketik',
      `3;${nextNip()};Orang Lain`,
      `4;${f.bidan.nip};Dewi Lestari`,
      `5;;Tanpa NIP`,
    ].join('\r\n')
    const response = await api(f.app, f.session, 'POST', `/events/${event.id}/attendance/sheet`, csv, {
      'content-type': 'text/csv',
    })
    expect(response.statusCode, response.body).toBe(200)
    const report = response.json<AttendanceReport>()
    expect(report).toMatchObject({
      recorded: 1,
      invalid: [{ row: 3, ref: '12345' }],
      alreadyPresent: [{ row: 5, ref: f.bidan.nip }],
    })
    expect(report.unknown).toHaveLength(1)
    expect(report.unknown[0]?.row).toBe(4)
    const rows = await attendances(f, event.id)
    expect(rows.map((row) => [row.employeeId, row.method])).toEqual([
      [f.bidan.id, 'operator'],
      [f.perawat.id, 'sheet'],
    ])
  })

  it('reads a sheet longer than a database IN list (40,000 rows) without an error', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i + 2};${nextNip()};Orang ${i}`)
    const csv = ['No;NIP;Nama', `1;${f.perawat.nip!};Siti Rahmawati`, ...rows].join('\r\n')
    const response = await api(f.app, f.session, 'POST', `/events/${event.id}/attendance/sheet`, csv, {
      'content-type': 'text/csv',
    })
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200)
    const report = response.json<AttendanceReport>()
    // Every row is accounted for (some generated NIPs may belong to the arranged employees), the known one recorded.
    expect(
      report.recorded + report.unknown.length + report.invalid.length + report.alreadyPresent.length,
    ).toBe(40_001)
    expect(report.unknown.length).toBeGreaterThan(39_000)
    expect((await attendances(f, event.id)).map((row) => row.employeeId)).toContain(f.perawat.id)
  })

  it('reads an XLSX sheet, and refuses a sheet without a NIP column with 422', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Daftar Hadir')
    sheet.addRow(['DAFTAR HADIR SOSIALISASI'])
    sheet.addRow(['Nama', 'NIP Baru', 'Tanda Tangan'])
    sheet.addRow(['Wahyu Hidayat', f.kadinkes.nip, ''])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const response = await api(f.app, f.session, 'POST', `/events/${event.id}/attendance/sheet`, xlsx, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<AttendanceReport>()).toMatchObject({ recorded: 1, unknown: [], invalid: [] })

    const noNip = await api(
      f.app,
      f.session,
      'POST',
      `/events/${event.id}/attendance/sheet`,
      'Nama;Unit\r\nA;B',
      {
        'content-type': 'text/csv',
      },
    )
    expect(noNip.statusCode).toBe(422)
    expect(noNip.json()).toMatchObject({ error: { code: 'event.sheet_no_nip_column' } })
  })

  it('removes a wrongly recorded attendance, audited', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    await api(f.app, f.session, 'POST', `/events/${event.id}/attendance`, { employeeIds: [f.perawat.id] })
    const removed = await api(f.app, f.session, 'DELETE', `/events/${event.id}/attendance/${f.perawat.id}`)
    expect(removed.statusCode).toBe(204)
    expect(await attendances(f, event.id)).toEqual([])
    const again = await api(f.app, f.session, 'DELETE', `/events/${event.id}/attendance/${f.perawat.id}`)
    expect(again.statusCode).toBe(404)
  })
})

describe('employee QR cards', () => {
  it('records an employee from their card once; a forged card is 422; out of scope is 404', async () => {
    const f = await arrangeEvents()
    const apel = await createEvent(f, {
      kind: 'apel',
      title: 'Apel Pagi',
      ikrarRead: true,
      targetUnitIds: [],
    })
    const card = await api(f.app, f.session, 'GET', `/employees/${f.perawat.id}/qr-card-token`)
    expect(card.statusCode).toBe(200)
    const { token, attendanceCode } = card.json<CardTokenView>()
    // The card also carries the code for self check-in: stable, and the employee's own.
    expect(attendanceCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(await attendanceCodeOf(f, f.perawat.id)).toBe(attendanceCode)
    const scanned = await api(f.app, f.unitSession, 'POST', `/events/${apel.id}/attendance/card`, {
      cardToken: token,
    })
    expect(scanned.statusCode, scanned.body).toBe(201)
    expect(scanned.json<AttendanceView>()).toMatchObject({
      employeeId: f.perawat.id,
      employeeName: 'Siti Rahmawati',
      unitName: 'Puskesmas Kauman',
      method: 'card',
      isTargeted: true,
    })
    const twice = await api(f.app, f.unitSession, 'POST', `/events/${apel.id}/attendance/card`, {
      cardToken: token,
    })
    expect(twice.statusCode).toBe(409)
    const forged = await api(f.app, f.unitSession, 'POST', `/events/${apel.id}/attendance/card`, {
      cardToken: forge(token),
    })
    expect(forged.statusCode).toBe(422)
    expect(forged.json()).toMatchObject({ error: { code: 'event.card_token_invalid' } })

    const guruCard = (
      await api(f.app, f.session, 'GET', `/employees/${f.guru.id}/qr-card-token`)
    ).json<CardTokenView>()
    const outside = await api(f.app, f.unitSession, 'POST', `/events/${apel.id}/attendance/card`, {
      cardToken: guruCard.token,
    })
    expect(outside.statusCode).toBe(404)
    expect((await api(f.app, f.unitSession, 'GET', `/employees/${f.guru.id}/qr-card-token`)).statusCode).toBe(
      404,
    )
    expect((await attendances(f, apel.id)).map((row) => row.employeeId)).toEqual([f.perawat.id])
  })
})

describe('GET /api/v1/events/:id/attendance-rate', () => {
  it('counts targets by current unit and attendance where the employee checked in, with drill-down', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    await insertRosterEmployee(f.context, f.puskesmas, { name: 'Pensiunan', status: 'retired' })
    await api(f.app, f.session, 'POST', `/events/${event.id}/attendance`, {
      employeeIds: [f.perawat.id, f.kadinkes.id, f.guru.id],
    })
    // The nurse moves from the Puskesmas to the Dinas itself after checking in.
    await f.db.updateTable('employees').set({ unitId: f.dinkes.id }).where('id', '=', f.perawat.id).execute()

    const top = (
      await api(f.app, f.session, 'GET', `/events/${event.id}/attendance-rate`)
    ).json<AttendanceRateView>()
    expect(top.total).toEqual({ targeted: 3, attended: 2, percent: 66.7, untargeted: 1 })
    expect(top.children).toEqual([
      {
        unitId: f.dinkes.id,
        unitName: 'Dinas Kesehatan',
        targeted: 3,
        attended: 2,
        percent: 66.7,
        untargeted: 0,
      },
      {
        unitId: f.disdik.id,
        unitName: 'Dinas Pendidikan',
        targeted: 0,
        attended: 0,
        percent: 0,
        untargeted: 1,
      },
    ])

    const drill = await api(
      f.app,
      f.session,
      'GET',
      `/events/${event.id}/attendance-rate?unitId=${f.dinkes.id}`,
    )
    expect(drill.json<AttendanceRateView>()).toEqual({
      eventId: event.id,
      unitId: f.dinkes.id,
      total: { targeted: 3, attended: 2, percent: 66.7, untargeted: 0 },
      // Wahyu and (now) Siti are in the Dinas itself; only Wahyu checked in there.
      direct: { targeted: 2, attended: 1, percent: 50, untargeted: 0 },
      // Dewi is the only one left in the Puskesmas; Siti's check-in still counts there.
      children: [
        {
          unitId: f.puskesmas.id,
          unitName: 'Puskesmas Kauman',
          targeted: 1,
          attended: 1,
          percent: 100,
          untargeted: 0,
        },
      ],
    })

    const unitAdmin = (
      await api(f.app, f.unitSession, 'GET', `/events/${event.id}/attendance-rate`)
    ).json<AttendanceRateView>()
    expect(unitAdmin.total).toEqual({ targeted: 3, attended: 2, percent: 66.7, untargeted: 0 })
    expect(unitAdmin.children.map((row) => row.unitId)).toEqual([f.dinkes.id])
    const outside = await api(
      f.app,
      f.unitSession,
      'GET',
      `/events/${event.id}/attendance-rate?unitId=${f.disdik.id}`,
    )
    expect(outside.statusCode).toBe(404)
  })
})

describe('ikrar read at apel', () => {
  it('lists an employee’s attendances and counts per unit subtree who had the ikrar read, apart from signatures', async () => {
    const f = await arrangeEvents()
    const ikrar = await createEvent(f, {
      kind: 'apel',
      title: 'Apel Ikrar',
      ikrarRead: true,
      targetUnitIds: [],
    })
    const plain = await createEvent(f, { kind: 'apel', title: 'Apel Biasa', targetUnitIds: [] })
    const cancelled = await createEvent(f, {
      kind: 'apel',
      title: 'Apel Batal',
      ikrarRead: true,
      targetUnitIds: [],
    })
    const tick = (eventId: string, employeeIds: string[]) =>
      api(f.app, f.session, 'POST', `/events/${eventId}/attendance`, { employeeIds })
    await tick(ikrar.id, [f.kadinkes.id, f.perawat.id])
    await tick(plain.id, [f.bidan.id, f.perawat.id])
    await tick(cancelled.id, [f.guru.id])
    await api(f.app, f.session, 'POST', `/events/${cancelled.id}/cancel`, { reason: 'Ditunda' })

    const mine = await api(f.app, f.session, 'GET', `/employees/${f.perawat.id}/event-attendances`)
    expect(
      mine
        .json<EmployeeAttendanceList>()
        .items.map((item) => [item.title, item.ikrarRead])
        .sort(),
    ).toEqual([
      ['Apel Biasa', false],
      ['Apel Ikrar', true],
    ])

    const coverage = (await api(f.app, f.session, 'GET', '/events/ikrar-coverage')).json<IkrarCoverageView>()
    expect(coverage.total).toEqual({ employees: 5, ikrarRead: 2, percent: 40 })
    expect(coverage.children).toEqual([
      { unitId: f.dinkes.id, unitName: 'Dinas Kesehatan', employees: 3, ikrarRead: 2, percent: 66.7 },
      { unitId: f.disdik.id, unitName: 'Dinas Pendidikan', employees: 2, ikrarRead: 0, percent: 0 },
    ])
    const drill = await api(f.app, f.unitSession, 'GET', `/events/ikrar-coverage?unitId=${f.dinkes.id}`)
    expect(drill.json<IkrarCoverageView>()).toMatchObject({
      direct: { employees: 1, ikrarRead: 1, percent: 100 },
      children: [{ unitId: f.puskesmas.id, employees: 2, ikrarRead: 1, percent: 50 }],
    })
    const outside = await api(f.app, f.unitSession, 'GET', `/events/ikrar-coverage?unitId=${f.sd.id}`)
    expect(outside.statusCode).toBe(404)
    expect(
      (await api(f.app, f.unitSession, 'GET', `/employees/${f.guru.id}/event-attendances`)).statusCode,
    ).toBe(404)
  })
})
