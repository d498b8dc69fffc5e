/**
 * Arrange helpers for pledge tests: a small agency with two OPDs, a controllable clock, and API shortcuts.
 *
 *   Dinas Kesehatan (head: Wahyu Hidayat) ── Puskesmas Kauman (head: Siti Rahmawati)
 *   Dinas Pendidikan ── SD Negeri 1
 */
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import {
  insertAgency,
  insertAgencyAdmin,
  insertRosterEmployee,
  insertUnit,
  signIn,
  type SignedIn,
} from '../../../test/support/factories.js'
import { createTestApp, type TestContext } from '../../../test/support/test-context.js'
import type { Writable } from 'node:stream'
import type { CampaignView, IssuedCode, OpenCampaignResult, TemplateList } from './pledges.schema.js'

export const start = Date.parse('2026-11-24T01:00:00.000Z')

/** A clock tests move by hand. */
export function manualClock(at = start) {
  let now = at
  return {
    now: () => new Date(now),
    set: (instant: number) => {
      now = instant
    },
    advance: (ms: number) => {
      now += ms
    },
  }
}

export const hour = 3600 * 1000

export async function arrangePledges(options: { logStream?: Writable; env?: Record<string, string> } = {}) {
  const clock = manualClock()
  const { app, context } = await createTestApp({
    clock,
    env: { PUBLIC_URL: 'https://netra.contoh.go.id', ...options.env },
    ...(options.logStream ? { logStream: options.logStream } : {}),
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

  const kadis = await insertRosterEmployee(context, dinkes, {
    name: 'Wahyu Hidayat',
    nip: '197001011995031001',
    birthDate: '1970-01-01',
    positionType: 'jpt_pratama',
    email: 'wahyu@contoh.go.id',
  })
  const kapus = await insertRosterEmployee(context, puskesmas, {
    name: 'Siti Rahmawati',
    nip: '198609262015052001',
    birthDate: '1986-09-26',
    gender: 'female',
    positionType: 'pengawas',
    email: 'siti.r@contoh.go.id',
  })
  const perawat = await insertRosterEmployee(context, puskesmas, {
    name: 'Budi Santoso',
    birthDate: '1990-05-17',
    positionType: 'fungsional',
    email: 'budi@contoh.go.id',
  })
  const honorer = await insertRosterEmployee(context, puskesmas, {
    name: 'Rina Marlina',
    kind: 'NON_ASN',
    nip: null,
    birthDate: '1995-02-03',
    grade: null,
    positionType: null,
  })
  const guru = await insertRosterEmployee(context, sd, {
    name: 'Agus Salim',
    birthDate: '1980-08-17',
    positionType: 'fungsional',
  })
  const pensiun = await insertRosterEmployee(context, sd, { name: 'Tua Sekali', status: 'retired' })
  await db.updateTable('units').set({ headEmployeeId: kadis.id }).where('id', '=', dinkes.id).execute()
  await db.updateTable('units').set({ headEmployeeId: kapus.id }).where('id', '=', puskesmas.id).execute()

  const api = apiOf(app, session)
  const templates = await api.ok<TemplateList>('POST', '/api/v1/pledge-templates/defaults', {})
  const ikrar = templates.items.find((t) => t.kind === 'ikrar')
  if (!ikrar) throw new Error('default ikrar missing')

  return {
    app,
    context,
    db,
    clock,
    agency,
    admin,
    session,
    api,
    units: { dinkes, puskesmas, disdik, sd },
    people: { kadis, kapus, perawat, honorer, guru, pensiun },
    ikrar,
    /** The admin signed in again (after the clock moved past the session's idle timeout). */
    async freshApi() {
      return apiOf(app, await signIn(app, context, admin))
    },
    /** A draft campaign over `target`, open from one hour ago for a week. */
    async createCampaign(
      target: Record<string, unknown> = { scope: 'agency' },
      extra: Record<string, unknown> = {},
    ) {
      const now = clock.now().getTime()
      return api.ok<CampaignView>(
        'POST',
        '/api/v1/pledge-campaigns',
        {
          templateVersionId: ikrar.currentVersion.id,
          name: 'Ikrar Netralitas Pilkada 2026',
          target,
          opensAt: new Date(now - hour).toISOString(),
          closesAt: new Date(now + 7 * 24 * hour).toISOString(),
          witnesses: [{ name: 'Drs. Hasan', institution: 'Bawaslu Kota Contoh', role: 'Ketua' }],
          ...extra,
        },
        201,
      )
    },
    async openCampaign(target?: Record<string, unknown>) {
      const campaign = await this.createCampaign(target)
      const opened = await api.ok<OpenCampaignResult>('POST', `/api/v1/pledge-campaigns/${campaign.id}/open`)
      const codeOf = (employeeId: string): IssuedCode => {
        const issued = opened.codes.find((c) => c.employeeId === employeeId)
        if (!issued) throw new Error(`no code for ${employeeId}`)
        return issued
      }
      return { campaign, opened, codeOf }
    },
  }
}

export type PledgeFixture = Awaited<ReturnType<typeof arrangePledges>>

export function apiOf(app: FastifyInstance, session: SignedIn) {
  const call = (method: string, url: string, payload?: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  return {
    call,
    async ok<T>(method: string, url: string, payload?: unknown, status = 200): Promise<T> {
      const response = await call(method, url, payload)
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status)
      return response.json<T>()
    },
  }
}

/** Signs through the public route (no session). */
export const sign = (
  app: FastifyInstance,
  code: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) => app.inject({ method: 'POST', url: `/api/v1/public/pledges/${code}/sign`, payload: body, headers })

export const countRows = async (
  context: TestContext,
  table: 'pledgeSignatures' | 'pledgeTargets' | 'pledgeReceipts',
) =>
  Number(
    (
      await context.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
