import { rmSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertUnit,
  insertUnitScopedAccount,
  signIn,
  type SignedIn,
} from '../../../test/support/factories.js'
import { createTestApp, type TestContext } from '../../../test/support/test-context.js'
import { csvText, nipOf, siasnHeaders, xlsxBuffer } from './import.fixtures.js'
import type { EmployeeImportView } from './import.schema.js'

const head = nipOf('19700101', '199503', 1, 1)
const staff = nipOf('19900303', '201503', 1, 1)
const unitName = 'Dinas Komunikasi dan Informatika'

const cleanCsv = csvText(
  [
    [...siasnHeaders],
    [
      head,
      'Wahyu Hidayat',
      null,
      'M.M.',
      '01-01-1970',
      'L',
      'IV/c',
      'Kepala Dinas',
      'JPT Pratama',
      unitName,
      null,
      null,
      null,
    ],
    [
      staff,
      'Rudi Hartono',
      null,
      null,
      null,
      'L',
      'III/a',
      'Pranata Komputer',
      'Fungsional',
      unitName,
      head,
      null,
      '081234567890',
    ],
  ],
  ';',
)

async function arrange() {
  const { app, context } = await createTestApp()
  const agency = await insertAgency(context)
  const unit = await insertUnit(context, agency.id, { name: unitName })
  const admin = await signIn(app, context, await insertAgencyAdmin(context, agency.id))
  return { app, context, agency, unit, admin }
}

const upload = (
  app: FastifyInstance,
  signed: SignedIn,
  payload: string | Buffer | Readable,
  contentType = 'text/csv',
  query = 'fileName=pegawai.csv',
) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/employee-imports?${query}`,
    headers: { ...signed.headers, 'content-type': contentType },
    payload,
  })

const start = (app: FastifyInstance, signed: SignedIn, id: string, mode: 'dry-run' | 'commit', body = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/employee-imports/${id}/${mode}`,
    headers: signed.headers,
    payload: body,
  })

/** Polls the import until its run has finished, as the web's progress bar does. */
async function settled(app: FastifyInstance, signed: SignedIn, id: string): Promise<EmployeeImportView> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/employee-imports/${id}`,
      headers: signed.headers,
    })
    expect(response.statusCode).toBe(200)
    const view = response.json<EmployeeImportView>()
    if (view.progress.phase === 'done' || view.progress.phase === 'failed') return view
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('the import did not finish')
}

const countEmployees = async (context: TestContext, agencyId: string) =>
  (await context.database.db.selectFrom('employees').select('id').where('agencyId', '=', agencyId).execute())
    .length

describe('POST /api/v1/employee-imports', () => {
  it('stores an uploaded CSV and answers its headers and the suggested mapping, importing nothing', async () => {
    const { app, context, agency, admin } = await arrange()

    const response = await upload(app, admin, cleanCsv)

    expect(response.statusCode).toBe(201)
    const view = response.json<EmployeeImportView>()
    expect(view).toMatchObject({
      agencyId: agency.id,
      fileName: 'pegawai.csv',
      fileType: 'csv',
      fileSize: Buffer.byteLength(cleanCsv),
      mode: null,
      progress: { phase: 'uploaded' },
      report: null,
    })
    expect(view.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(view.headers).toEqual([...siasnHeaders])
    expect(view.suggestedMapping).toMatchObject({
      nip: 'NIP',
      unit: 'UNOR',
      superiorNip: 'NIP ATASAN',
      nik: null,
    })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('decides the kind of file from its content, not its name or content type', async () => {
    const { app, admin } = await arrange()
    const xlsx = await xlsxBuffer({ rows: [[...siasnHeaders], [head, 'Wahyu Hidayat']] })

    const response = await upload(app, admin, xlsx, 'application/octet-stream', 'fileName=data.csv')

    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ fileType: 'xlsx', fileName: 'data.csv' })
  })

  it('refuses a file that is not a spreadsheet with one clear error and keeps no record of it', async () => {
    const { app, context, admin } = await arrange()

    const response = await upload(app, admin, Buffer.from('%PDF-1.7\n1 0 obj\n'), 'application/octet-stream')

    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({
      error: { code: 'import.file_unreadable', details: { reason: 'not_a_spreadsheet' } },
    })
    expect(await context.database.db.selectFrom('employeeImports').select('id').execute()).toEqual([])
  })

  it('refuses an upload larger than 60 MB while it streams (413)', async () => {
    const { app, admin } = await arrange()
    const chunk = Buffer.alloc(1024 * 1024, 0x41)
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 61; i++) yield chunk
      })(),
    )

    const response = await upload(app, admin, body, 'application/octet-stream')

    expect(response.statusCode).toBe(413)
    expect(response.json()).toMatchObject({ error: { code: 'request.too_large' } })
  })

  it.each(['text/csv; charset=utf-8', 'application/vnd.ms-excel', 'application/octet-stream'])(
    'accepts an upload sent as %s',
    async (contentType) => {
      const { app, admin } = await arrange()
      expect((await upload(app, admin, cleanCsv, contentType)).statusCode).toBe(201)
    },
  )

  it('answers 415 for a content type that is no file upload, and 400 for an unknown query field', async () => {
    const { app, admin } = await arrange()
    expect((await upload(app, admin, cleanCsv, 'multipart/form-data; boundary=x')).statusCode).toBe(415)
    const unknown = await upload(app, admin, cleanCsv, 'text/csv', 'fileName=a.csv&sheet=2')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ error: { code: 'request.invalid' } })
  })

  it('is for agency admins only: a unit admin is refused, and a missing CSRF token too', async () => {
    const { app, context, agency, unit } = await arrange()
    const unitAdmin = await signIn(app, context, await insertUnitScopedAccount(context, agency.id, unit.id))

    expect((await upload(app, unitAdmin, cleanCsv)).statusCode).toBe(403)
    const admin = await signIn(app, context, await insertAgencyAdmin(context, agency.id))
    const withoutCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/employee-imports',
      headers: { cookie: admin.cookie, 'content-type': 'text/csv' },
      payload: cleanCsv,
    })
    expect(withoutCsrf.statusCode).toBe(403)
    expect(withoutCsrf.json()).toMatchObject({ error: { code: 'auth.csrf_invalid' } })
  })
})

describe('dry run and commit of an upload', () => {
  it('dry-runs in the background with progress, then commits the same upload: the CLI report both times', async () => {
    const { app, context, agency, admin } = await arrange()
    const id = (await upload(app, admin, cleanCsv)).json<EmployeeImportView>().id

    const dryRun = await start(app, admin, id, 'dry-run')
    expect(dryRun.statusCode).toBe(202)
    expect(dryRun.json()).toMatchObject({ mode: 'dry_run', progress: { phase: 'reading' }, report: null })
    const checked = await settled(app, admin, id)
    expect(checked).toMatchObject({
      progress: { phase: 'done', rowsTotal: 2 },
      report: {
        rows: 2,
        valid: 2,
        errors: [],
        dryRun: true,
        committed: false,
        changes: { created: 2, updated: 0, unchanged: 0 },
      },
    })
    expect(await countEmployees(context, agency.id)).toBe(0)

    expect((await start(app, admin, id, 'commit')).statusCode).toBe(202)
    const committed = await settled(app, admin, id)
    expect(committed).toMatchObject({ mode: 'commit', report: { committed: true, changes: { created: 2 } } })
    expect(await countEmployees(context, agency.id)).toBe(2)
    const audit = await context.database.db
      .selectFrom('auditEvents')
      .select(['entityId', 'actorLabel'])
      .where('action', '=', 'employee.imported')
      .execute()
    expect(audit).toEqual([{ entityId: id, actorLabel: expect.stringMatching(/^pengguna/) as unknown }])
  })

  it('reports row errors (and writes nothing) when committing a file with problems', async () => {
    const { app, context, agency, admin } = await arrange()
    const bad = csvText([
      ['NIP', 'NAMA', 'UNOR'],
      [nipOf('19860926', '201505', 3, 1), 'Digit Kelamin', unitName],
      [head, 'Wahyu Hidayat', unitName],
    ])
    const id = (await upload(app, admin, bad)).json<EmployeeImportView>().id

    await start(app, admin, id, 'commit')
    const view = await settled(app, admin, id)

    expect(view.report).toMatchObject({
      rows: 2,
      valid: 1,
      invalidRows: 1,
      committed: false,
      changes: null,
      errors: [
        {
          row: 2,
          column: 'NIP',
          code: 'employee.nip_invalid',
          reason: 'gender_digit',
          message: 'Digit jenis kelamin pada NIP (angka ke-15) harus 1 atau 2',
        },
      ],
    })
    expect(await countEmployees(context, agency.id)).toBe(0)
  })

  it('takes a column mapping with the run, and refuses unknown fields in it (400)', async () => {
    const { app, context, agency, admin } = await arrange()
    const file = csvText([
      ['Nomor Induk', 'Nama Pegawai', 'Unit Kerja'],
      [head, 'Wahyu Hidayat', unitName],
    ])
    const id = (await upload(app, admin, file)).json<EmployeeImportView>().id

    const unknown = await start(app, admin, id, 'commit', { mapping: { nomor: 'Nomor Induk' } })
    expect(unknown.statusCode).toBe(400)
    const extra = await start(app, admin, id, 'commit', { createMissingUnits: false, force: true })
    expect(extra.statusCode).toBe(400)

    await start(app, admin, id, 'commit', { mapping: { nip: 'Nomor Induk' } })
    const view = await settled(app, admin, id)
    expect(view.report).toMatchObject({
      committed: true,
      columns: { nip: 'Nomor Induk', name: 'Nama Pegawai' },
    })
    expect(await countEmployees(context, agency.id)).toBe(1)
  })

  it('runs one import per agency at a time (409 import.in_progress)', async () => {
    const { app, admin } = await arrange()
    // Long enough (20,000 rows) to be still running when the second request arrives.
    const rows: (string | null)[][] = [['NIP', 'NAMA', 'UNOR']]
    for (let i = 0; i < 20_000; i++) {
      const born = new Date(Date.UTC(1970, 0, 1 + Math.floor(i / 999)))
      rows.push([
        nipOf(born.toISOString().slice(0, 10).replace(/-/g, ''), '200001', 1, (i % 999) + 1),
        `Pegawai ${i}`,
        unitName,
      ])
    }
    const id = (await upload(app, admin, csvText(rows))).json<EmployeeImportView>().id

    expect((await start(app, admin, id, 'dry-run')).statusCode).toBe(202)
    const second = await start(app, admin, id, 'commit')

    expect(second.statusCode).toBe(409)
    expect(second.json()).toMatchObject({ error: { code: 'import.in_progress' } })
    const view = await settled(app, admin, id)
    expect(view.report).toMatchObject({ rows: 20_000, valid: 20_000, dryRun: true })
  })

  it('answers 409 import.file_expired once the uploaded file is gone', async () => {
    const { app, context, admin } = await arrange()
    const id = (await upload(app, admin, cleanCsv)).json<EmployeeImportView>().id
    rmSync(path.join(context.config.dataDir, 'imports', `${id}.upload`))

    const response = await start(app, admin, id, 'dry-run')

    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ error: { code: 'import.file_expired' } })
  })

  it('hides imports of other agencies (404) and refuses a malformed id (400)', async () => {
    const { app, context, admin } = await arrange()
    const id = (await upload(app, admin, cleanCsv)).json<EmployeeImportView>().id
    const otherAgency = await insertAgency(context)
    const stranger = await signIn(app, context, await insertAgencyAdmin(context, otherAgency.id))

    const hidden = await app.inject({
      method: 'GET',
      url: `/api/v1/employee-imports/${id}`,
      headers: stranger.headers,
    })
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json()).toMatchObject({ error: { code: 'import.not_found' } })
    expect((await start(app, stranger, id, 'commit')).statusCode).toBe(404)
    const malformed = await app.inject({
      method: 'GET',
      url: '/api/v1/employee-imports/123',
      headers: admin.headers,
    })
    expect(malformed.statusCode).toBe(400)
  })
})
