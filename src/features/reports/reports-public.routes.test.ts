/**
 * The public reporting API (issue #5): filing, the receipt, the status page and messages, evidence files, bad
 * input, and what is never stored (client address, user agent, plain text of the report) — on SQLite and PostgreSQL.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { insertAgency } from '../../../test/support/factories.js'
import { verifyAuditChains } from '../audit/audit.service.js'
import { createTestApp, logCapture } from '../../../test/support/test-context.js'
import { photoWithGps, refusedFiles } from './evidence/evidence.testing.js'
import { hashReceipt, receiptHashCost } from './report-receipts.js'
import { ensureIntakeSettings } from './reports.repository.js'
import { multipart, validReport } from './reports.testing.js'

async function arrange(options: { logStream?: ReturnType<typeof logCapture>['stream'] } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'netra-reports-'))
  const t = await createTestApp({
    env: { DATA_DIR: dataDir },
    ...(options.logStream ? { logStream: options.logStream } : {}),
  })
  const agency = await insertAgency(t.context, { slug: 'kota-contoh', name: 'Pemerintah Kota Contoh' })
  const evidenceDir = path.join(dataDir, 'evidence')
  const storedFiles = () => {
    try {
      return readdirSync(evidenceDir)
    } catch {
      return []
    }
  }
  const submit = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: body as object, headers })
  return { ...t, db: t.context.database.db, agency, dataDir, evidenceDir, storedFiles, submit }
}

describe('public reports', () => {
  it('lists the violation catalogue with plain descriptions, groups and examples', async () => {
    const { app } = await arrange()
    const response = await app.inject({ method: 'GET', url: '/api/v1/public/violation-categories' })
    expect(response.statusCode).toBe(200)
    const categories = response.json<
      {
        code: string
        group: string
        groupName: string
        examples: string[]
      }[]
    >()
    expect(categories.map((c) => c.code)).toEqual(expect.arrayContaining(['KE-04', 'DS-06', 'PP94-N4']))
    const ke04 = categories.find((c) => c.code === 'KE-04')
    expect(ke04?.group).toBe('kode_etik')
    expect(ke04?.groupName).toContain('kode etik')
    expect(ke04?.examples.length).toBeGreaterThan(0)
  })

  it('hashes receipts with the cost stored beside each agency salt, so changing the cost loses no receipt', async () => {
    const { app, context, db, submit } = await arrange()
    // An agency whose settings were made before the cost changed keeps t = 2 (the migration's default for old rows).
    const older = await insertAgency(context, { slug: 'kab-lama', name: 'Pemerintah Kabupaten Lama' })
    await ensureIntakeSettings(db, older.id, {
      receiptSalt: 'c2FsdC1vZi10aGUtb2xkZXI',
      receiptHashMemoryKib: 19_456,
      receiptHashPasses: 2,
      year: 2026,
      createdAt: new Date().toISOString(),
    })
    const fresh = await submit(validReport())
    const old = await submit({ ...validReport(), agencySlug: 'kab-lama' })
    expect([fresh.statusCode, old.statusCode]).toEqual([201, 201])

    const settings = await db
      .selectFrom('reportIntakeSettings')
      .select(['agencyId', 'receiptSalt', 'receiptHashMemoryKib', 'receiptHashPasses'])
      .execute()
    const newer = settings.find((row) => row.agencyId !== older.id)
    expect(newer).toMatchObject({ receiptHashMemoryKib: receiptHashCost.memoryKib, receiptHashPasses: 1 })
    for (const [response, row] of [
      [fresh, newer],
      [old, settings.find((r) => r.agencyId === older.id)],
    ] as const) {
      const { receipt, reportNumber } = response.json<{ receipt: string; reportNumber: string }>()
      const stored = await db
        .selectFrom('reports')
        .select('receiptHash')
        .where('agencyId', '=', row!.agencyId)
        .where('reportNumber', '=', reportNumber)
        .executeTakeFirstOrThrow()
      const hashing = {
        salt: row!.receiptSalt,
        memoryKib: row!.receiptHashMemoryKib,
        passes: row!.receiptHashPasses,
      }
      expect(stored.receiptHash).toBe(await hashReceipt(receipt, hashing))
      const status = await app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}` })
      expect(status.json().reportNumber).toBe(reportNumber)
    }
  })

  it('files a report, answers a 16-digit receipt once, and shows status and messages behind it', async () => {
    const { app, db, submit } = await arrange()
    const first = await submit(validReport())
    expect(first.statusCode).toBe(201)
    const { receipt, reportNumber } = first.json<{ receipt: string; reportNumber: string }>()
    expect(receipt).toMatch(/^\d{16}$/)
    expect(reportNumber).toMatch(/^ADU-\d{4}-000001$/)
    expect((await submit(validReport())).json().reportNumber).toMatch(/-000002$/)

    // The receipt as typed, with spaces and dashes.
    const typed = `${receipt.slice(0, 4)} ${receipt.slice(4, 8)}-${receipt.slice(8, 12)} ${receipt.slice(12)}`
    const status = await app.inject({
      method: 'GET',
      url: `/api/v1/public/reports/${encodeURIComponent(typed)}`,
    })
    expect(status.statusCode).toBe(200)
    expect(status.json()).toMatchObject({
      reportNumber,
      status: 'received',
      statusLabel: 'Diterima, menunggu diperiksa petugas',
      messages: [],
      files: 0,
    })

    const message = await app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${receipt}/messages`,
      payload: { body: 'Saya punya tangkapan layar tambahan.' },
    })
    expect(message.statusCode).toBe(201)
    const after = await app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}` })
    expect(after.json().messages).toEqual([
      { from: 'reporter', body: 'Saya punya tangkapan layar tambahan.', at: message.json().at },
    ])

    // Only a slow hash of the receipt is kept; the texts are sealed.
    const row = await db
      .selectFrom('reports')
      .selectAll()
      .where('reportNumber', '=', reportNumber)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(receipt)
    expect(row.receiptHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.descriptionSealed).not.toContain('grup WhatsApp')
    expect(row.reportedName).toBe('Budi Santoso')
    const sealedMessage = await db.selectFrom('reportMessages').select('bodySealed').executeTakeFirstOrThrow()
    expect(sealedMessage.bodySealed).not.toContain('tangkapan')
    const audit = await db
      .selectFrom('auditEvents')
      .select(['action', 'summary'])
      .where('entityId', '=', row.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['report.submitted', 'report.reporter_message'])
    expect(JSON.stringify(audit)).not.toContain('WhatsApp')
  })

  it('numbers a crowd of reports filed at once without gaps or repeats, each with its own receipt and audit entry', async () => {
    const { db, submit } = await arrange()
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        submit(validReport({ description: `Laporan bersamaan nomor ${i} tentang kampanye.` })),
      ),
    )
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 201))
    const numbers = responses.map((r) => r.json<{ reportNumber: string }>().reportNumber).sort()
    expect(numbers).toEqual(
      Array.from({ length: 24 }, (_, i) =>
        expect.stringMatching(new RegExp(`-${String(i + 1).padStart(6, '0')}$`)),
      ),
    )
    expect(new Set(responses.map((r) => r.json<{ receipt: string }>().receipt)).size).toBe(24)
    const audit = await db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('action', '=', 'report.submitted')
      .execute()
    expect(audit).toHaveLength(24)
    expect((await verifyAuditChains(db)).ok).toBe(true)
  })

  it('answers 404 for a receipt that does not exist or cannot be one', async () => {
    const { app, submit } = await arrange()
    await submit(validReport())
    for (const receipt of ['1234567890123456', '12345', 'bukan-angka'])
      expect((await app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}` })).json()).toEqual({
        error: { code: 'report.not_found', details: {} },
      })
    const message = await app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/1234567890123456/messages',
      payload: { body: 'halo' },
    })
    expect(message.statusCode).toBe(404)
  })

  it('keeps confidential reporters sealed and requires a reporter unless anonymous', async () => {
    const { db, submit } = await arrange()
    const confidential = await submit(
      validReport({
        identityLevel: 'confidential',
        reporter: { name: 'Rina Wulandari', phone: '+62 812-3456-7890' },
      }),
    )
    expect(confidential.statusCode).toBe(201)
    const row = await db
      .selectFrom('reports')
      .select(['reporterSealed', 'identityLevel'])
      .executeTakeFirstOrThrow()
    expect(row.identityLevel).toBe('confidential')
    expect(row.reporterSealed).not.toBeNull()
    expect(row.reporterSealed).not.toContain('Rina')

    const named = await submit(validReport({ identityLevel: 'named' }))
    expect(named.statusCode).toBe(400)
    expect(named.json().error.details.issues[0].path).toEqual(['reporter'])
    const anonymousWithName = await submit(validReport({ reporter: { name: 'Rina Wulandari' } }))
    expect(anonymousWithName.statusCode).toBe(400)
  })

  it('refuses bad input with the field, and writes nothing', async () => {
    const { db, submit } = await arrange()
    const cases: [unknown, (string | number)[]][] = [
      [validReport({ description: 'pendek' }), ['description']],
      [validReport({ categoryCode: 'XX-99' }), ['categoryCode']],
      [validReport({ occurredAt: 'kemarin' }), ['occurredAt']],
      [validReport({ links: ['javascript:alert(1)'] }), ['links', '0']],
      [validReport({ reportedPerson: { name: 'Budi', nip: '1234' } }), ['reportedPerson', 'nip']],
      [validReport({ identityLevel: 'rahasia' }), ['identityLevel']],
      [validReport({ extra: 1 }), []],
    ]
    for (const [body, pathOfIssue] of cases) {
      const response = await submit(body)
      expect(response.statusCode).toBe(400)
      const issues = response.json().error.details.issues as { path: unknown[] }[]
      expect(issues.map((issue) => issue.path)).toContainEqual(pathOfIssue)
    }
    const huge = await submit(JSON.stringify(validReport({ description: 'a'.repeat(10_000_000) })), {
      'content-type': 'application/json',
    })
    expect(huge.statusCode).toBe(413)
    expect(await db.selectFrom('reports').select('id').execute()).toEqual([])
  })

  it('stores evidence encrypted, with an EXIF-free copy of a photo, and refuses files by their bytes', async () => {
    const { app, db, storedFiles, evidenceDir } = await arrange()
    const photo = await photoWithGps('jpeg')
    const body = multipart([
      { name: 'report', value: JSON.stringify(validReport()), contentType: 'application/json' },
      { name: 'files', filename: 'bukti.jpg', contentType: 'image/jpeg', data: photo },
    ])
    const response = await app.inject({ method: 'POST', url: '/api/v1/public/reports', ...body })
    expect(response.statusCode).toBe(201)
    const files = await db.selectFrom('reportFiles').selectAll().execute()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({
      kind: 'jpg',
      mime: 'image/jpeg',
      byteSize: photo.length,
      addedBy: 'reporter',
    })
    expect(files[0]?.viewStorageKey).toBeTruthy()
    // On disk: neither the JPEG nor its GPS tag in the clear; names are random keys, not the file name.
    const onDisk = storedFiles()
    expect(onDisk.sort()).toEqual([files[0]?.storageKey, files[0]?.viewStorageKey].sort())
    for (const name of onDisk) {
      const bytes = readFileSync(path.join(evidenceDir, name))
      expect(bytes.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false)
      expect(bytes.includes(Buffer.from('GPS'))).toBe(false)
    }
    const { receipt } = response.json<{ receipt: string }>()
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}` })).json().files).toBe(
      1,
    )
    expect((await sharp(photo).metadata()).exif).toBeDefined()
  })

  it('refuses an executable named .jpg (415), a sixth file (422) and an oversized file (413), leaving no report and no file', async () => {
    const { app, db, storedFiles } = await arrange()
    const photo = await photoWithGps('png')
    const report = { name: 'report', value: JSON.stringify(validReport()), contentType: 'application/json' }
    const attempts: [ReturnType<typeof multipart>, number, string][] = [
      [
        multipart([
          report,
          {
            name: 'files',
            filename: 'foto.jpg',
            contentType: 'image/jpeg',
            data: refusedFiles['ELF executable'],
          },
        ]),
        415,
        'report.file_type_unsupported',
      ],
      [
        multipart([
          report,
          ...Array.from({ length: 6 }, (_, i) => ({
            name: 'files',
            filename: `f${i}.png`,
            contentType: 'image/png',
            data: photo,
          })),
        ]),
        422,
        'report.too_many_files',
      ],
      [
        multipart([
          report,
          { name: 'files', filename: 'ok.png', contentType: 'image/png', data: photo },
          {
            name: 'files',
            filename: 'besar.png',
            contentType: 'image/png',
            data: Buffer.concat([photo, Buffer.alloc(21 * 1024 * 1024)]),
          },
        ]),
        413,
        'report.file_too_large',
      ],
    ]
    for (const [body, status, code] of attempts) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/public/reports', ...body })
      expect([response.statusCode, response.json().error.code]).toEqual([status, code])
    }
    // A valid file with an invalid report: the file stored on the way is removed too.
    const invalid = multipart([
      { name: 'files', filename: 'ok.png', contentType: 'image/png', data: photo },
      {
        name: 'report',
        value: JSON.stringify(validReport({ description: 'pendek' })),
        contentType: 'application/json',
      },
    ])
    expect((await app.inject({ method: 'POST', url: '/api/v1/public/reports', ...invalid })).statusCode).toBe(
      400,
    )
    expect(storedFiles()).toEqual([])
    expect(await db.selectFrom('reports').select('id').execute()).toEqual([])
  })

  it('takes more evidence from the reporter behind the receipt, up to five files per report', async () => {
    const { app, submit, storedFiles } = await arrange()
    const { receipt } = (await submit(validReport())).json<{ receipt: string }>()
    const photo = await photoWithGps('webp')
    const add = (count: number) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/public/reports/${receipt}/files`,
        ...multipart(
          Array.from({ length: count }, (_, i) => ({
            name: 'files',
            filename: `tambahan-${i}.webp`,
            contentType: 'image/webp',
            data: photo,
          })),
        ),
      })
    const first = await add(3)
    expect([first.statusCode, first.json()]).toEqual([201, { files: 3 }])
    const tooMany = await add(3)
    expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([422, 'report.too_many_files'])
    expect(storedFiles()).toHaveLength(6) // three originals and their copies; the refused ones are gone
    const rest = await add(2)
    expect(rest.json()).toEqual({ files: 5 })
    const full = await add(1)
    expect(full.json().error.code).toBe('report.too_many_files')
    const status = await app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}` })
    expect(status.json().files).toBe(5)
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/public/reports/1234567890123456/files',
      ...multipart([{ name: 'files', filename: 'a.webp', contentType: 'image/webp', data: photo }]),
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('stores no client address and no user agent, in the database or the logs', async () => {
    const logs = logCapture()
    const { app, db, submit } = await arrange({ logStream: logs.stream })
    const headers = { 'user-agent': 'PenandaUA-7731', 'x-forwarded-for': '203.0.113.77' }
    const { receipt } = (await submit(validReport(), headers)).json<{ receipt: string }>()
    await app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}`, headers })
    await app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${receipt}/messages`,
      payload: { body: 'tambahan' },
      headers,
    })
    await app.inject({ method: 'GET', url: '/api/v1/public/reports/0000000000000000', headers })
    const everything = JSON.stringify([
      await db.selectFrom('reports').selectAll().execute(),
      await db.selectFrom('reportMessages').selectAll().execute(),
      await db.selectFrom('auditEvents').selectAll().execute(),
    ])
    for (const secret of ['PenandaUA-7731', '203.0.113.77', '127.0.0.1', receipt]) {
      expect(everything).not.toContain(secret)
      expect(logs.text()).not.toContain(secret)
    }
    expect(logs.lines.length).toBeGreaterThan(0)
  })

  it('offers the report form its agencies, units by name and regions', async () => {
    const { app, context, agency } = await arrange()
    const form = await app.inject({ method: 'GET', url: '/api/v1/public/report-form' })
    expect(form.json().agencies[0]).toEqual({ slug: agency.slug, name: agency.name })
    const units = await app.inject({
      method: 'GET',
      url: `/api/v1/public/agencies/${agency.slug}/units?q=pendidikan`,
    })
    expect(units.statusCode).toBe(200)
    expect(Array.isArray(units.json().items)).toBe(true)
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/public/agencies/tidak-ada/units' })
    expect(unknown.statusCode).toBe(404)
    const regions = await app.inject({ method: 'GET', url: '/api/v1/public/regions?q=klojen' })
    expect(regions.json().items[0]).toMatchObject({ code: '35.73.02', name: 'Klojen' })
    void context
  })
})
