/**
 * The intake API for other channels (issue #5 point 5): channel API keys (lifecycle, agency scope, only a hash
 * stored) and reports handed over with a key (idempotent retries, conflicts, concurrent requests, bad bodies, bad
 * keys, evidence files as multipart) — on SQLite and PostgreSQL.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  insertAccount,
  insertAgency,
  insertAgencyAdmin,
  insertEmployee,
  signIn,
} from '../../../test/support/factories.js'
import { createTestApp } from '../../../test/support/test-context.js'
import { sha256Hex } from '../../platform/random.js'
import {
  ChannelReportBody,
  type ChannelKeyList,
  type ChannelKeyView,
  type NewChannelKeyResult,
} from './intake-channels.schema.js'
import { createIntakeChannelsService } from './intake-channels.service.js'
import { minimalPdf, photoWithGps, refusedFiles } from './evidence/evidence.testing.js'
import { multipart, validReport, type Part } from './reports.testing.js'

async function arrange() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-intake-'))
  const { app, context } = await createTestApp({ env: { DATA_DIR: dataDir } })
  const db = context.database.db
  // The first agency is the public form's default: channel reports must go to the key's agency, not to this one.
  const first = await insertAgency(context, { slug: 'kota-pertama', name: 'Pemerintah Kota Pertama' })
  const agency = await insertAgency(context, { slug: 'kota-contoh', name: 'Pemerintah Kota Contoh' })
  const admin = await insertAgencyAdmin(context, agency.id)
  const session = await signIn(app, context, admin)

  const createKey = async (
    channel = 'lapor',
    label = 'Integrasi LAPOR! produksi',
    headers = session.headers,
  ) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/intake/channel-keys',
      headers,
      payload: { channel, label },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<NewChannelKeyResult>()
  }
  const handOver = (token: string | null, idempotencyKey: string | null, body: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/intake/reports',
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
      },
      payload: body as object,
    })
  const channelReport = (overrides: Record<string, unknown> = {}) =>
    validReport({ externalRef: 'LAPOR-2026-0001234', ...overrides })
  const countReports = async () =>
    Number(
      (
        await db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  /** A multipart hand-over: `parts` as given (a `report` field and `files`, or anything else). */
  const handOverParts = (token: string, idempotencyKey: string, parts: readonly Part[]) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/intake/reports',
      ...(({ payload, headers }) => ({
        payload,
        headers: { ...headers, authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey },
      }))(multipart(parts)),
    })
  const reportPart = (body: unknown): Part => ({
    name: 'report',
    value: JSON.stringify(body),
    contentType: 'application/json',
  })
  const filePart = (filename: string, data: Uint8Array): Part => ({
    name: 'files',
    filename,
    contentType: 'application/octet-stream',
    data,
  })
  const storedFiles = () => {
    try {
      return readdirSync(path.join(dataDir, 'evidence')).sort()
    } catch {
      return []
    }
  }
  const storageKeysInDb = async () =>
    (await db.selectFrom('reportFiles').select(['storageKey', 'viewStorageKey']).execute())
      .flatMap((f) => [f.storageKey, ...(f.viewStorageKey ? [f.viewStorageKey] : [])])
      .sort()
  return {
    app,
    context,
    db,
    first,
    agency,
    admin,
    session,
    createKey,
    handOver,
    handOverParts,
    reportPart,
    filePart,
    storedFiles,
    storageKeysInDb,
    channelReport,
    countReports,
  }
}

describe('channel API keys', () => {
  it('creates a key whose token is answered once and stored only as its SHA-256, lists it and revokes it', async () => {
    const { app, db, agency, session, createKey } = await arrange()
    const created = await createKey('sbt_bkn', 'SBT BKN')
    expect(created.token).toMatch(/^ntk_[A-Za-z0-9_-]{43}$/)
    expect(created.key).toMatchObject({
      agencyId: agency.id,
      channel: 'sbt_bkn',
      label: 'SBT BKN',
      tokenHint: created.token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    })
    expect(created.key.createdBy).toEqual(expect.any(String))

    const stored = await db.selectFrom('intakeChannelKeys').selectAll().executeTakeFirstOrThrow()
    expect(stored.tokenHash).toBe(sha256Hex(created.token))
    expect(JSON.stringify(stored)).not.toContain(created.token)

    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/intake/channel-keys',
      headers: session.headers,
    })
    expect(list.statusCode).toBe(200)
    expect(list.json<ChannelKeyList>().items.map((k) => k.id)).toEqual([created.key.id])
    expect(list.body).not.toContain(created.token)

    const revoke = await app.inject({
      method: 'POST',
      url: `/api/v1/intake/channel-keys/${created.key.id}/revoke`,
      headers: session.headers,
    })
    expect(revoke.statusCode).toBe(200)
    expect(revoke.json<ChannelKeyView>().revokedAt).toEqual(expect.any(String))
    expect(revoke.json<ChannelKeyView>().revokedBy).toBe(created.key.createdBy)

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/intake/channel-keys/${created.key.id}/revoke`,
      headers: session.headers,
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('intake.key_already_revoked')

    const audit = await db
      .selectFrom('auditEvents')
      .select(['action', 'summary'])
      .where('entityId', '=', created.key.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((e) => e.action)).toEqual(['intake.channel_key_created', 'intake.channel_key_revoked'])
    expect(audit.map((e) => String(e.summary)).join()).not.toContain(created.token)
  })

  it("keeps every agency to its own keys: another agency's admin gets 404, staff without the role 403", async () => {
    const { app, context, agency, createKey } = await arrange()
    const key = await createKey()
    const other = await insertAgency(context)
    const otherAdmin = await signIn(app, context, await insertAgencyAdmin(context, other.id))

    const ownList = await app.inject({
      method: 'GET',
      url: '/api/v1/intake/channel-keys',
      headers: otherAdmin.headers,
    })
    expect(ownList.statusCode).toBe(200)
    expect(ownList.json<ChannelKeyList>().items).toEqual([])

    const foreignList = await app.inject({
      method: 'GET',
      url: `/api/v1/intake/channel-keys?agencyId=${agency.id}`,
      headers: otherAdmin.headers,
    })
    expect(foreignList.statusCode).toBe(404)
    expect(foreignList.json().error.code).toBe('agency.not_found')

    const foreignCreate = await app.inject({
      method: 'POST',
      url: '/api/v1/intake/channel-keys',
      headers: otherAdmin.headers,
      payload: { agencyId: agency.id, channel: 'bawaslu', label: 'Titipan' },
    })
    expect(foreignCreate.statusCode).toBe(404)

    const foreignRevoke = await app.inject({
      method: 'POST',
      url: `/api/v1/intake/channel-keys/${key.key.id}/revoke`,
      headers: otherAdmin.headers,
    })
    expect(foreignRevoke.statusCode).toBe(404)
    expect(foreignRevoke.json().error.code).toBe('intake.key_not_found')
    const still = await context.database.db
      .selectFrom('intakeChannelKeys')
      .select('revokedAt')
      .where('id', '=', key.key.id)
      .executeTakeFirstOrThrow()
    expect(still.revokedAt).toBeNull()

    const employee = await signIn(app, context, await insertEmployee(context, agency.id))
    const denied = await app.inject({
      method: 'GET',
      url: '/api/v1/intake/channel-keys',
      headers: employee.headers,
    })
    expect(denied.statusCode).toBe(403)

    // A platform administrator names the agency.
    const superAdmin = await signIn(
      app,
      context,
      await insertAccount(context, {
        agencyId: null,
        assignments: [{ role: 'super_admin', agencyId: null, unitId: null }],
        totp: true,
      }),
    )
    const unnamed = await app.inject({
      method: 'GET',
      url: '/api/v1/intake/channel-keys',
      headers: superAdmin.headers,
    })
    expect(unnamed.statusCode).toBe(400)
    expect(unnamed.json().error.details.issues[0].path).toEqual(['agencyId'])
    const named = await app.inject({
      method: 'GET',
      url: `/api/v1/intake/channel-keys?agencyId=${agency.id}`,
      headers: superAdmin.headers,
    })
    expect(named.json<ChannelKeyList>().items.map((k) => k.id)).toEqual([key.key.id])
  })

  it('refuses a bad channel and a missing label with the field', async () => {
    const { app, session } = await arrange()
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/intake/channel-keys',
      headers: session.headers,
      payload: { channel: 'public_form', label: '' },
    })
    expect(response.statusCode).toBe(400)
    const paths = response.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['channel', 'label']))
  })
})

describe('reports handed over by a channel', () => {
  it("files the report in the key's agency with its channel and external reference, without a receipt", async () => {
    const { db, agency, createKey, handOver, channelReport } = await arrange()
    const { token, key } = await createKey('lapor')
    const response = await handOver(
      token,
      'LAPOR-2026-0001234',
      channelReport({ receivedAt: '2026-11-20T08:00:00+07:00' }),
    )
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json<{ id: string; reportNumber: string; status: string }>()
    expect(body).toEqual({
      id: expect.any(String),
      reportNumber: expect.stringMatching(/^ADU-\d{4}-000001$/),
      status: 'received',
    })
    expect(response.body).not.toContain('receipt')

    const report = await db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(report).toMatchObject({
      agencyId: agency.id,
      channel: 'lapor',
      externalRef: 'LAPOR-2026-0001234',
      receiptHash: null,
      status: 'received',
    })
    expect(new Date(report.channelReceivedAt ?? '').toISOString()).toBe('2026-11-20T01:00:00.000Z')

    const audit = await db
      .selectFrom('auditEvents')
      .select(['actorId', 'actorLabel', 'summary'])
      .where('action', '=', 'report.submitted')
      .where('entityId', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(audit.actorId).toBeNull()
    expect(audit.actorLabel).toBe('channel:lapor')
    const summary = typeof audit.summary === 'string' ? JSON.parse(audit.summary) : audit.summary
    expect(summary).toMatchObject({
      channel: 'lapor',
      channelKeyId: key.id,
      externalRef: 'LAPOR-2026-0001234',
    })

    const used = await db
      .selectFrom('intakeChannelKeys')
      .select('lastUsedAt')
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    expect(used.lastUsedAt).not.toBeNull()
  })

  it('answers a retry with the same report (200), and refuses the same key with another body (409)', async () => {
    const { createKey, handOver, channelReport, countReports } = await arrange()
    const { token } = await createKey('bawaslu', 'Bawaslu Kota')
    const body = channelReport({ externalRef: 'REG-001/PL/2026' })
    const first = await handOver(token, 'reg-001', body)
    expect(first.statusCode).toBe(201)

    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const retry = await handOver(token, 'reg-001', reordered)
    expect(retry.statusCode).toBe(200)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())

    const changed = await handOver(token, 'reg-001', {
      ...body,
      description: `${body.description} Ditambah.`,
    })
    expect(changed.statusCode).toBe(409)
    expect(changed.json().error.code).toBe('intake.idempotency_conflict')
    expect(await countReports()).toBe(1)

    // Another idempotency key is another report; the key is per API key, so another channel may reuse it.
    expect((await handOver(token, 'reg-002', body)).statusCode).toBe(201)
    const { token: otherToken } = await createKey('internal', 'Temuan internal')
    expect((await handOver(otherToken, 'reg-001', body)).statusCode).toBe(201)
    expect(await countReports()).toBe(3)
  })

  it('makes one report of concurrent requests with one idempotency key', async () => {
    const { db, createKey, handOver, channelReport, countReports } = await arrange()
    const { token } = await createKey()
    const body = channelReport()
    const responses = await Promise.all(Array.from({ length: 5 }, () => handOver(token, 'sama', body)))
    const statuses = responses.map((r) => r.statusCode).sort()
    expect(statuses, responses.map((r) => r.body).join('\n')).toEqual([200, 200, 200, 200, 201])
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1)
    expect(await countReports()).toBe(1)
    const records = await db.selectFrom('intakeIdempotency').selectAll().execute()
    expect(records).toHaveLength(1)
    // The rolled-back attempts used no report number: the next report is number 2.
    const next = await handOver(token, 'lain', body)
    expect(next.json().reportNumber).toMatch(/-000002$/)
  })

  it('rolls back the loser when both requests passed the first lookup before either wrote (unique record + re-read)', async () => {
    const { context, createKey, channelReport, countReports } = await arrange()
    const { token } = await createKey()
    const real = context.services.publicReports
    // Both requests wait here, after their lookup found nothing, until both have arrived.
    let arrived = 0
    let release: () => void = () => undefined
    let gate = Promise.resolve()
    const closeGate = () => {
      arrived = 0
      gate = new Promise<void>((resolve) => (release = resolve))
    }
    const service = createIntakeChannelsService({
      db: context.database.db,
      clock: context.clock,
      reports: {
        ...real,
        submit: async (...args: Parameters<typeof real.submit>) => {
          arrived += 1
          if (arrived === 2) release()
          await gate
          return real.submit(...args)
        },
      },
      perKeyPerMinute: 100,
    })
    const principal = await service.authenticate(`Bearer ${token}`)
    const body = ChannelReportBody.parse(channelReport())
    closeGate()
    const results = await Promise.all([
      service.submit(principal, 'balapan', body),
      service.submit(principal, 'balapan', body),
    ])
    expect(results.map((r) => r.created).sort()).toEqual([false, true])
    expect(results[0]?.report.id).toBe(results[1]?.report.id)
    expect(await countReports()).toBe(1)

    // The same race with different bodies: the loser is told of the conflict.
    closeGate()
    const settled = await Promise.allSettled([
      service.submit(principal, 'balapan-2', body),
      service.submit(principal, 'balapan-2', { ...body, description: `${body.description} Berbeda.` }),
    ])
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected'])
    const rejected = settled.find((s) => s.status === 'rejected')
    expect(rejected?.reason).toMatchObject({ code: 'intake.idempotency_conflict' })
    expect(await countReports()).toBe(2)
  })

  it('answers bad bodies with 400 and the field, and stores nothing', async () => {
    const { createKey, handOver, channelReport, countReports } = await arrange()
    const { token } = await createKey()
    const cases: [unknown, string | null, string][] = [
      [channelReport({ description: 'terlalu pendek' }), 'k1', 'description'],
      [channelReport({ externalRef: undefined }), 'k2', 'externalRef'],
      [channelReport({ externalRef: 'x'.repeat(101) }), 'k3', 'externalRef'],
      [channelReport({ agencySlug: 'kota-pertama' }), 'k4', 'agencySlug'],
      [channelReport({ receivedAt: 'kemarin' }), 'k5', 'receivedAt'],
      [channelReport({ identityLevel: 'named' }), 'k6', 'reporter'],
      [channelReport({ links: ['javascript:alert(1)'] }), 'k7', 'links.0'],
      [channelReport({ lampiran: 'foto.jpg' }), 'k8', ''],
      [channelReport(), null, 'idempotency-key'],
      [channelReport(), 'x'.repeat(201), 'idempotency-key'],
    ]
    for (const [body, idempotencyKey, field] of cases) {
      const response = await handOver(token, idempotencyKey, body)
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400)
      const issues = response.json().error.details.issues as { path: (string | number)[] }[]
      expect(
        issues.map((i) => i.path.join('.')),
        field,
      ).toContain(field)
    }
    expect(await countReports()).toBe(0)
  })

  it('answers 401 intake.key_invalid alike for a missing, malformed, unknown or revoked key, and ignores sessions', async () => {
    const { app, session, createKey, handOver, channelReport, countReports } = await arrange()
    const { token, key } = await createKey()
    await app.inject({
      method: 'POST',
      url: `/api/v1/intake/channel-keys/${key.id}/revoke`,
      headers: session.headers,
    })
    const attempts = [
      await handOver(null, 'a', channelReport()),
      await handOver('', 'b', channelReport()),
      await handOver('ntk_' + 'A'.repeat(43), 'c', channelReport()),
      await handOver('sembarang', 'd', channelReport()),
      await handOver(token, 'e', channelReport()),
      await app.inject({
        method: 'POST',
        url: '/api/v1/intake/reports',
        headers: { ...session.headers, 'idempotency-key': 'f' },
        payload: channelReport(),
      }),
    ]
    for (const response of attempts) {
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'intake.key_invalid', details: {} } })
    }
    expect(await countReports()).toBe(0)
  })

  it('limits each key per minute in memory', async () => {
    const { context, createKey } = await arrange()
    const { token } = await createKey()
    const service = createIntakeChannelsService({
      db: context.database.db,
      clock: context.clock,
      reports: context.services.publicReports,
      perKeyPerMinute: 2,
    })
    await service.authenticate(`Bearer ${token}`)
    await service.authenticate(`Bearer ${token}`)
    await expect(service.authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      code: 'request.rate_limited',
      details: { retryAfterSeconds: expect.any(Number) },
    })
  })

  it("takes evidence files as multipart beside the report JSON, stored encrypted and recorded as the channel's", async () => {
    const {
      db,
      createKey,
      handOverParts,
      reportPart,
      filePart,
      storedFiles,
      storageKeysInDb,
      channelReport,
    } = await arrange()
    const { token } = await createKey('sbt_bkn', 'SBT BKN')
    const photo = await photoWithGps('jpeg')
    const pdf = minimalPdf(2000)
    const response = await handOverParts(token, 'sbt-77', [
      reportPart(channelReport({ externalRef: 'SBT-77' })),
      filePart('foto.jpg', photo),
      filePart('berita-acara.pdf', pdf),
    ])
    expect(response.statusCode, response.body).toBe(201)
    const { id } = response.json<{ id: string }>()
    const report = await db
      .selectFrom('reports')
      .select(['channel', 'externalRef'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(report).toEqual({ channel: 'sbt_bkn', externalRef: 'SBT-77' })
    const files = await db
      .selectFrom('reportFiles')
      .select(['kind', 'byteSize', 'addedBy', 'viewStorageKey'])
      .where('reportId', '=', id)
      .orderBy('kind')
      .execute()
    expect(files).toEqual([
      { kind: 'jpg', byteSize: photo.length, addedBy: 'channel', viewStorageKey: expect.any(String) },
      { kind: 'pdf', byteSize: pdf.length, addedBy: 'channel', viewStorageKey: null },
    ])
    // Three blobs (the photo, its copy without EXIF, the PDF), each named by a row, nothing else on disk.
    expect(storedFiles()).toHaveLength(3)
    expect(storedFiles()).toEqual(await storageKeysInDb())
    const audit = await db
      .selectFrom('auditEvents')
      .select('summary')
      .where('action', '=', 'report.submitted')
      .where('entityId', '=', id)
      .executeTakeFirstOrThrow()
    const summary = typeof audit.summary === 'string' ? JSON.parse(audit.summary) : audit.summary
    expect(summary).toMatchObject({ channel: 'sbt_bkn', files: 2 })
  })

  it('answers a retry with the same files with the same report and keeps none of its files; other files are 409', async () => {
    const {
      createKey,
      handOver,
      handOverParts,
      reportPart,
      filePart,
      storedFiles,
      storageKeysInDb,
      channelReport,
      countReports,
    } = await arrange()
    const { token } = await createKey('lapor')
    const body = channelReport()
    const photo = await photoWithGps('png')
    const pdf = minimalPdf(500)
    const parts = [reportPart(body), filePart('a.png', photo), filePart('b.pdf', pdf)]
    const first = await handOverParts(token, 'lapor-1', parts)
    expect(first.statusCode, first.body).toBe(201)
    const onDisk = storedFiles()
    expect(onDisk).toHaveLength(3)

    // The same JSON with its keys in another order, sent as a plain text field, and the same files.
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const retry = await handOverParts(token, 'lapor-1', [
      { name: 'report', value: JSON.stringify(reordered) },
      filePart('lain-nama.png', photo),
      filePart('lain-nama.pdf', pdf),
    ])
    expect(retry.statusCode, retry.body).toBe(200)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())
    expect(storedFiles()).toEqual(onDisk)

    const conflicts = [
      [reportPart(body), filePart('b.pdf', pdf), filePart('a.png', photo)], // the same files in another order
      [reportPart(body), filePart('a.png', photo)], // one file fewer
      [reportPart(body), filePart('a.png', photo), filePart('c.pdf', minimalPdf(500))], // another file
      [reportPart(body)], // no file at all
    ]
    for (const conflicting of conflicts) {
      const response = await handOverParts(token, 'lapor-1', conflicting)
      expect([response.statusCode, response.json().error.code]).toEqual([409, 'intake.idempotency_conflict'])
    }
    const asJson = await handOver(token, 'lapor-1', body)
    expect(asJson.statusCode).toBe(409)
    expect(await countReports()).toBe(1)
    expect(storedFiles()).toEqual(onDisk)
    expect(await storageKeysInDb()).toEqual(onDisk)

    // Without files, a multipart hand-over is the same request as the JSON one.
    const jsonFirst = await handOver(token, 'lapor-2', body)
    expect(jsonFirst.statusCode).toBe(201)
    const sameAsMultipart = await handOverParts(token, 'lapor-2', [reportPart(body)])
    expect(sameAsMultipart.statusCode).toBe(200)
    expect(sameAsMultipart.json()).toEqual(jsonFirst.json())
  })

  it('keeps the files of only one report when concurrent hand-overs with files share an idempotency key', async () => {
    const {
      createKey,
      handOverParts,
      reportPart,
      filePart,
      storedFiles,
      storageKeysInDb,
      channelReport,
      countReports,
    } = await arrange()
    const { token } = await createKey()
    const photo = await photoWithGps('webp')
    const parts = [reportPart(channelReport()), filePart('bukti.webp', photo)]
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => handOverParts(token, 'serentak', parts)),
    )
    expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([
      200, 200, 200, 201,
    ])
    expect(await countReports()).toBe(1)
    // The losers stored their files too (they arrive before the record is checked); all of them are gone again.
    expect(storedFiles()).toHaveLength(2)
    expect(storedFiles()).toEqual(await storageKeysInDb())
  })

  it('refuses bad multipart hand-overs (413, 415, 422, 400) and leaves no report and no file', async () => {
    const { createKey, handOverParts, reportPart, filePart, storedFiles, channelReport, countReports } =
      await arrange()
    const { token } = await createKey()
    const photo = await photoWithGps('png')
    const report = reportPart(channelReport())
    const attempts: [string, Part[], number, string][] = [
      [
        'a file over 20 MB',
        [
          report,
          filePart('ok.png', photo),
          filePart('besar.png', Buffer.concat([photo, Buffer.alloc(21 * 1024 * 1024)])),
        ],
        413,
        'report.file_too_large',
      ],
      [
        'an executable named .jpg',
        [report, filePart('ok.png', photo), filePart('foto.jpg', refusedFiles['Windows executable (MZ)'])],
        415,
        'report.file_type_unsupported',
      ],
      [
        'a sixth file',
        [report, ...Array.from({ length: 6 }, (_, i) => filePart(`f${i}.png`, photo))],
        422,
        'report.too_many_files',
      ],
      ['no report field', [filePart('ok.png', photo)], 400, 'request.invalid'],
      [
        'invalid JSON in the report field',
        [filePart('ok.png', photo), { name: 'report', value: '{"description": "potong' }],
        400,
        'request.malformed',
      ],
      [
        'a report that does not pass',
        [filePart('ok.png', photo), reportPart(channelReport({ externalRef: undefined }))],
        400,
        'request.invalid',
      ],
      [
        'a file under another field name',
        [report, { ...filePart('ok.png', photo), name: 'lampiran' }],
        400,
        'request.invalid',
      ],
    ]
    for (const [label, parts, status, code] of attempts) {
      const response = await handOverParts(token, `bad-${label}`, parts)
      expect([response.statusCode, response.json().error.code], `${label}: ${response.body}`).toEqual([
        status,
        code,
      ])
    }
    expect(storedFiles()).toEqual([])
    expect(await countReports()).toBe(0)
  })

  it('is in the OpenAPI document with its bearer security scheme', async () => {
    const { app } = await arrange()
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json()
    expect(doc.components.securitySchemes.channelKey).toEqual({ type: 'http', scheme: 'bearer' })
    const post = doc.paths['/api/v1/intake/reports'].post
    expect(post.security).toEqual([{ channelKey: [] }])
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '201']))
    expect(post.summary).toContain('multipart/form-data')
    expect(post.description).toContain('`files`')
    expect(doc.paths['/api/v1/intake/channel-keys'].get.tags).toEqual(['intake (channels)'])
  })
})
