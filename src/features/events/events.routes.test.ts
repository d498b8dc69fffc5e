import { existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventFileView, EventList, EventView } from './events.schema.js'
import {
  api,
  arrangeEvents,
  createEvent,
  exeBytes,
  jpegBytes,
  pdfBytes,
  pngBytes,
  pptxBytes,
} from './events.testing.js'

const filesOnDisk = (dataDir: string) => {
  const dir = path.join(dataDir, 'events')
  return existsSync(dir) ? readdirSync(dir) : []
}

const auditActions = async (f: Awaited<ReturnType<typeof arrangeEvents>>, entityId: string) =>
  (
    await f.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', entityId)
      .orderBy('seq')
      .execute()
  ).map((row) => row.action)

describe('POST /api/v1/events', () => {
  it('schedules an event with speakers and target units, audited', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    expect(event).toMatchObject({
      kind: 'sosialisasi',
      status: 'scheduled',
      startsAt: '2026-11-24T01:00:00.000Z',
      endsAt: '2026-11-24T04:00:00.000Z',
      venue: 'Aula Balai Kota',
      speakers: [{ name: 'Ahmad Fauzi', role: 'Narasumber', institution: 'Bawaslu Kota' }],
      targetUnits: [{ id: f.dinkes.id, name: 'Dinas Kesehatan' }],
      ikrarRead: false,
      leader: null,
      attendanceCount: 0,
      canManage: true,
    })
    expect(await auditActions(f, event.id)).toEqual(['event.created'])
  })

  it('refuses an end before the start with 422 event.dates_invalid and writes nothing', async () => {
    const f = await arrangeEvents()
    const response = await api(f.app, f.session, 'POST', '/events', {
      kind: 'bimtek',
      title: 'Bimtek',
      startsAt: '2026-11-24T10:00:00+07:00',
      endsAt: '2026-11-24T09:00:00+07:00',
    })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ error: { code: 'event.dates_invalid' } })
    expect(await f.db.selectFrom('events').selectAll().execute()).toEqual([])
  })

  it('refuses ikrar and leader on anything but an apel with 422 event.apel_only', async () => {
    const f = await arrangeEvents()
    const response = await api(f.app, f.session, 'POST', '/events', {
      kind: 'sosialisasi',
      title: 'Sosialisasi',
      startsAt: '2026-11-24T08:00:00+07:00',
      endsAt: '2026-11-24T09:00:00+07:00',
      ikrarRead: true,
    })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ error: { code: 'event.apel_only' } })
  })

  it('answers 400 for unknown fields', async () => {
    const f = await arrangeEvents()
    const response = await api(f.app, f.session, 'POST', '/events', {
      kind: 'apel',
      title: 'Apel',
      startsAt: '2026-11-24T08:00:00+07:00',
      endsAt: '2026-11-24T09:00:00+07:00',
      photographer: 'x',
    })
    expect(response.statusCode).toBe(400)
  })
})

describe('PATCH /api/v1/events/:id and status changes', () => {
  it('edits an event and keeps the change in the audit trail', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const response = await api(f.app, f.session, 'PATCH', `/events/${event.id}`, {
      title: 'Sosialisasi Netralitas ASN Tahap II',
      targetUnitIds: [f.dinkes.id, f.disdik.id],
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<EventView>()).toMatchObject({
      title: 'Sosialisasi Netralitas ASN Tahap II',
      targetUnits: expect.arrayContaining([
        { id: f.dinkes.id, name: 'Dinas Kesehatan' },
        { id: f.disdik.id, name: 'Dinas Pendidikan' },
      ]),
    })
    expect(await auditActions(f, event.id)).toEqual(['event.created', 'event.updated'])
  })

  it('cancels with a reason; a cancelled event cannot be edited, cancelled again or checked into', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const cancelled = await api(f.app, f.session, 'POST', `/events/${event.id}/cancel`, {
      reason: 'Hujan deras',
    })
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json<EventView>()).toMatchObject({ status: 'cancelled', cancelReason: 'Hujan deras' })

    const edit = await api(f.app, f.session, 'PATCH', `/events/${event.id}`, { title: 'Lagi' })
    expect(edit.json()).toMatchObject({ error: { code: 'event.cancelled' } })
    expect(edit.statusCode).toBe(409)
    const again = await api(f.app, f.session, 'POST', `/events/${event.id}/cancel`, { reason: 'Dua kali' })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'event.status_invalid' } })
    const token = await api(f.app, f.session, 'GET', `/events/${event.id}/check-in-token`)
    expect(token.json()).toMatchObject({ error: { code: 'event.cancelled' } })
    expect(await auditActions(f, event.id)).toEqual(['event.created', 'event.cancelled'])
  })

  it('marks a scheduled event as held', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const response = await api(f.app, f.session, 'POST', `/events/${event.id}/held`)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<EventView>()).toMatchObject({
      status: 'held',
      statusChangedAt: '2026-11-24T01:00:00.000Z',
    })
  })
})

describe('materials and photos', () => {
  const upload = (f: Awaited<ReturnType<typeof arrangeEvents>>, url: string, bytes: Buffer, type: string) =>
    api(f.app, f.session, 'POST', url, bytes, { 'content-type': type })

  it('stores a PDF and a PPTX, lists them and serves them back byte for byte', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const pdf = await upload(
      f,
      `/events/${event.id}/materials?fileName=Materi%20SE%20Netralitas.pdf`,
      pdfBytes,
      'application/pdf',
    )
    expect(pdf.statusCode, pdf.body).toBe(201)
    expect(pdf.json<EventFileView>()).toMatchObject({
      purpose: 'material',
      fileName: 'Materi SE Netralitas.pdf',
      fileType: 'pdf',
      mediaType: 'application/pdf',
      fileSize: pdfBytes.length,
    })
    const pptx = await upload(f, `/events/${event.id}/materials`, pptxBytes, 'application/octet-stream')
    expect(pptx.json<EventFileView>()).toMatchObject({ fileType: 'pptx', fileName: 'materi.pptx' })

    const list = await api(f.app, f.session, 'GET', `/events/${event.id}/files`)
    expect(list.json<{ items: EventFileView[] }>().items.map((file) => file.fileType)).toEqual([
      'pdf',
      'pptx',
    ])
    const download = await api(f.app, f.session, 'GET', `/event-files/${pdf.json<EventFileView>().id}`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toContain('Materi%20SE%20Netralitas.pdf')
    expect(download.rawPayload.equals(pdfBytes)).toBe(true)
    expect(await auditActions(f, event.id)).toEqual(['event.created', 'event.file_added', 'event.file_added'])
  })

  it('answers 404 for a file whose bytes are gone from disk, not a broken download', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const pdf = await upload(
      f,
      `/events/${event.id}/materials?fileName=materi.pdf`,
      pdfBytes,
      'application/pdf',
    )
    const id = pdf.json<EventFileView>().id
    rmSync(path.join(f.dataDir, 'events', id))
    const download = await api(f.app, f.session, 'GET', `/event-files/${id}`)
    expect(download.statusCode).toBe(404)
    expect(download.json()).toMatchObject({ error: { code: 'event.file_not_found' } })
  })

  it('refuses a file whose bytes are not an accepted kind with 415, whatever its declared type, and keeps nothing', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const response = await upload(
      f,
      `/events/${event.id}/materials?fileName=materi.pdf`,
      exeBytes,
      'application/pdf',
    )
    expect(response.statusCode).toBe(415)
    expect(response.json()).toMatchObject({ error: { code: 'request.unsupported_media_type' } })
    expect(await f.db.selectFrom('eventFiles').selectAll().execute()).toEqual([])
    expect(filesOnDisk(f.dataDir)).toEqual([])
  })

  it('refuses a material over 25 MB with 413 and keeps nothing', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const big = Buffer.concat([pdfBytes, Buffer.alloc(25 * 1024 * 1024, 0x20)])
    const response = await upload(f, `/events/${event.id}/materials`, big, 'application/pdf')
    expect(response.statusCode).toBe(413)
    expect(response.json()).toMatchObject({ error: { code: 'request.too_large' } })
    expect(await f.db.selectFrom('eventFiles').selectAll().execute()).toEqual([])
    expect(filesOnDisk(f.dataDir)).toEqual([])
  })

  it('takes JPEG and PNG photos but answers 415 for a PDF sent as a photo', async () => {
    const f = await arrangeEvents()
    const apel = await createEvent(f, { kind: 'apel', title: 'Apel Pagi', ikrarRead: true })
    expect((await upload(f, `/events/${apel.id}/photos`, jpegBytes, 'image/jpeg')).statusCode).toBe(201)
    expect((await upload(f, `/events/${apel.id}/photos`, pngBytes, 'image/png')).statusCode).toBe(201)
    const pdf = await upload(f, `/events/${apel.id}/photos`, pdfBytes, 'image/jpeg')
    expect(pdf.statusCode).toBe(415)
    const json = await upload(f, `/events/${apel.id}/photos`, Buffer.from('{}'), 'application/json')
    expect(json.statusCode).toBe(415)
    const files = await f.db.selectFrom('eventFiles').select('fileType').orderBy('createdAt').execute()
    expect(files.map((file) => file.fileType).sort()).toEqual(['jpeg', 'png'])
  })

  it('removes a file and its bytes', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const file = (
      await upload(f, `/events/${event.id}/materials`, pdfBytes, 'application/pdf')
    ).json<EventFileView>()
    const removed = await api(f.app, f.session, 'DELETE', `/event-files/${file.id}`)
    expect(removed.statusCode).toBe(204)
    expect(existsSync(path.join(f.dataDir, 'events', file.id))).toBe(false)
    expect((await api(f.app, f.session, 'GET', `/event-files/${file.id}`)).statusCode).toBe(404)
  })
})

describe('apel with the collective ikrar', () => {
  it('records the leader (the mayor by name), and the leader signs the record once', async () => {
    const f = await arrangeEvents()
    const apel = await createEvent(f, {
      kind: 'apel',
      title: 'Apel Pagi dan Ikrar Netralitas ASN',
      venue: 'Halaman Balai Kota',
      ikrarRead: true,
      leader: { name: 'Drs. H. Wahyu Hidayat, M.M.', position: 'Penjabat Wali Kota' },
      targetUnitIds: [],
    })
    expect(apel).toMatchObject({
      ikrarRead: true,
      leader: { employeeId: null, name: 'Drs. H. Wahyu Hidayat, M.M.', position: 'Penjabat Wali Kota' },
      leaderSignature: null,
    })
    f.clock.advance(20 * 60 * 1000)
    const signed = await api(f.app, f.session, 'POST', `/events/${apel.id}/leader-signature`, {
      typedName: 'Wahyu Hidayat',
    })
    expect(signed.statusCode, signed.body).toBe(200)
    expect(signed.json<EventView>().leaderSignature).toMatchObject({
      typedName: 'Wahyu Hidayat',
      signedAt: '2026-11-24T01:20:00.000Z',
    })
    const again = await api(f.app, f.session, 'POST', `/events/${apel.id}/leader-signature`, {
      typedName: 'X',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'event.already_signed' } })
    const edit = await api(f.app, f.session, 'PATCH', `/events/${apel.id}`, { ikrarRead: false })
    expect(edit.json()).toMatchObject({ error: { code: 'event.record_signed' } })
    expect(await auditActions(f, apel.id)).toEqual(['event.created', 'event.leader_signed'])
  })

  it('takes an employee as leader with their name and position from the roster', async () => {
    const f = await arrangeEvents()
    const apel = await createEvent(f, { kind: 'apel', title: 'Apel', leader: { employeeId: f.kadinkes.id } })
    expect(apel.leader).toEqual({
      employeeId: f.kadinkes.id,
      name: 'Wahyu Hidayat',
      position: 'Kepala Dinas',
    })
  })

  it('refuses a leader signature on a sosialisasi (422) and on an apel without a leader (422)', async () => {
    const f = await arrangeEvents()
    const event = await createEvent(f)
    const sosialisasi = await api(f.app, f.session, 'POST', `/events/${event.id}/leader-signature`, {
      typedName: 'A',
    })
    expect(sosialisasi.json()).toMatchObject({ error: { code: 'event.apel_only' } })
    const apel = await createEvent(f, { kind: 'apel', title: 'Apel' })
    const noLeader = await api(f.app, f.session, 'POST', `/events/${apel.id}/leader-signature`, {
      typedName: 'A',
    })
    expect(noLeader.statusCode).toBe(422)
    expect(noLeader.json()).toMatchObject({ error: { code: 'event.leader_invalid' } })
  })
})

describe('unit admin scope', () => {
  it('sees events touching their subtree and agency-wide ones, never the other OPD’s; 404 for those', async () => {
    const f = await arrangeEvents()
    const own = await createEvent(f, { title: 'Di Puskesmas', targetUnitIds: [f.puskesmas.id] })
    const wide = await createEvent(f, { title: 'Seluruh ASN', targetUnitIds: [] })
    const other = await createEvent(f, { title: 'Guru Saja', targetUnitIds: [f.sd.id] })
    const both = await createEvent(f, { title: 'Dua OPD', targetUnitIds: [f.dinkes.id, f.disdik.id] })

    const list = await api(f.app, f.unitSession, 'GET', '/events')
    const items = list.json<EventList>().items
    expect(items.map((item) => item.title).sort()).toEqual(['Di Puskesmas', 'Dua OPD', 'Seluruh ASN'])
    // The other OPD's target is not shown to them.
    expect(items.find((item) => item.id === both.id)?.targetUnits).toEqual([
      { id: f.dinkes.id, name: 'Dinas Kesehatan' },
    ])
    expect(list.body).not.toContain(f.disdik.id)
    expect(items.find((item) => item.id === own.id)?.canManage).toBe(true)
    expect(items.find((item) => item.id === wide.id)?.canManage).toBe(false)

    for (const url of [
      `/events/${other.id}`,
      `/events/${other.id}/attendance`,
      `/events/${other.id}/files`,
    ]) {
      const response = await api(f.app, f.unitSession, 'GET', url)
      expect(response.statusCode, url).toBe(404)
      expect(response.json()).toMatchObject({ error: { code: 'event.not_found' } })
    }
    const cancel = await api(f.app, f.unitSession, 'POST', `/events/${other.id}/cancel`, {
      reason: 'Bukan urusan',
    })
    expect(cancel.statusCode).toBe(404)
    expect(
      (await f.db.selectFrom('events').select('status').where('id', '=', other.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('scheduled')
  })

  it('creates events only for units of their subtree (404 unit.not_found otherwise) and cannot edit agency-wide ones', async () => {
    const f = await arrangeEvents()
    const base = {
      kind: 'bimtek',
      title: 'Bimtek',
      startsAt: '2026-11-25T08:00:00+07:00',
      endsAt: '2026-11-25T10:00:00+07:00',
    }
    const mine = await api(f.app, f.unitSession, 'POST', '/events', {
      ...base,
      targetUnitIds: [f.puskesmas.id],
    })
    expect(mine.statusCode, mine.body).toBe(201)
    const theirs = await api(f.app, f.unitSession, 'POST', '/events', { ...base, targetUnitIds: [f.sd.id] })
    expect(theirs.statusCode).toBe(404)
    expect(theirs.json()).toMatchObject({ error: { code: 'unit.not_found' } })
    const wide = await createEvent(f, { targetUnitIds: [] })
    const edit = await api(f.app, f.unitSession, 'PATCH', `/events/${wide.id}`, { title: 'Diambil' })
    expect(edit.statusCode).toBe(403)
  })
})
