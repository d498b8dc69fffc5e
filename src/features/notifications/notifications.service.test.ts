/**
 * The outbox against a real migrated database and a real SMTP server on 127.0.0.1 (test/support/smtp-sink.ts);
 * only the clock is moved by hand.
 */
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createSmtpSink } from '../../../test/support/smtp-sink.js'
import {
  createTestDb,
  testDialect,
  testPostgresUrl,
  type TestDatabase,
} from '../../../test/support/test-db.js'
import { DomainError } from '../../domain/errors.js'
import { fixedClock, systemClock } from '../../platform/clock.js'
import { createJobQueue } from '../../platform/jobs/index.js'
import { createLogger } from '../../platform/logger.js'
import { createMailer, type Mailer } from '../../platform/mail/mailer.js'
import { createAgency } from '../agencies/agencies.service.js'
import { systemActor } from '../audit/audit.service.js'
import {
  createNotificationsService,
  describeDeliveryError,
  maxDeliveryAttempts,
  queueEmail,
  registerNotificationJobs,
  requestNotificationDispatch,
  retryDelayAfter,
} from './notifications.service.js'

const logger = createLogger('silent')

function mailerFor(smtpUrl: string | undefined): Mailer {
  const mailer = createMailer({ smtpUrl, from: 'Netra <no-reply@netra.test>', timeoutMs: 2000 })
  onTestFinished(() => mailer.close())
  return mailer
}

/** A TCP port on 127.0.0.1 that nothing listens on (connections are refused). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const findRow = (testDb: TestDatabase, id: string) =>
  testDb.db.selectFrom('notificationOutbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

const email = {
  agencyId: null,
  to: 'kepala.bkd@example.go.id',
  subject: 'Laporan baru',
  text: 'Ada laporan baru.',
}

describe('queueEmail', () => {
  it('leaves nothing behind when the surrounding transaction rolls back', async () => {
    const testDb = await createTestDb()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')

    await expect(
      testDb.db.transaction().execute(async (trx) => {
        await queueEmail(trx, clock, email)
        throw new Error('business rule failed after queueing')
      }),
    ).rejects.toThrow('business rule failed')

    expect(await testDb.db.selectFrom('notificationOutbox').selectAll().execute()).toEqual([])
  })

  it('stores a pending e-mail, due now, when the transaction commits', async () => {
    const testDb = await createTestDb()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const agency = await createAgency(testDb.db, clock, systemActor, {
      slug: 'kab-uji',
      name: 'Pemerintah Kabupaten Uji',
      kind: 'pemkab',
      timeZone: 'Asia/Jakarta',
    })

    const { id } = await testDb.db
      .transaction()
      .execute((trx) =>
        queueEmail(trx, clock, { ...email, agencyId: agency.id, html: '<p>Ada laporan baru.</p>' }),
      )

    expect(await findRow(testDb, id)).toMatchObject({
      agencyId: agency.id,
      channel: 'email',
      recipient: 'kepala.bkd@example.go.id',
      subject: 'Laporan baru',
      bodyText: 'Ada laporan baru.',
      bodyHtml: '<p>Ada laporan baru.</p>',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-01-05T08:00:00.000Z',
      createdAt: '2026-01-05T08:00:00.000Z',
      sentAt: null,
    })
  })

  it.each([
    ['an invalid address', { to: 'not-an-address' }, 'to'],
    ['a blank subject', { subject: '   ' }, 'subject'],
    ['a multi-line subject', { subject: 'Laporan\r\nBcc: someone@example.com' }, 'subject'],
    ['a blank body', { text: '' }, 'text'],
  ])('refuses %s with request.invalid and writes nothing', async (_case, override, field) => {
    const testDb = await createTestDb()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')

    const attempt = testDb.db
      .transaction()
      .execute((trx) => queueEmail(trx, clock, { ...email, ...override }))

    const error = await attempt.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({ code: 'request.invalid', details: { issues: [{ path: [field] }] } })
    expect(await testDb.db.selectFrom('notificationOutbox').selectAll().execute()).toEqual([])
  })
})

describe('dispatchDue', () => {
  it('delivers due mail to the SMTP server and marks it sent, with an audit event', async () => {
    const testDb = await createTestDb()
    const sink = await createSmtpSink()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const notifications = createNotificationsService({
      db: testDb.db,
      clock,
      mailer: mailerFor(sink.url),
      logger,
    })
    const { id } = await testDb.db.transaction().execute((trx) =>
      queueEmail(trx, clock, {
        ...email,
        subject: 'Pemberitahuan: kasus №12 diverifikasi',
        text: 'Kasus telah diverifikasi.\nSilakan tinjau.',
        html: '<p>Kasus telah diverifikasi.</p>',
      }),
    )
    clock.advance(1000)

    const result = await notifications.dispatchDue()

    expect(result).toEqual({ sent: 1, failed: 0, retried: 0 })
    const [message] = await sink.waitFor(1)
    expect(message).toMatchObject({
      envelopeFrom: 'no-reply@netra.test',
      envelopeTo: ['kepala.bkd@example.go.id'],
      subject: 'Pemberitahuan: kasus №12 diverifikasi',
      text: 'Kasus telah diverifikasi.\nSilakan tinjau.',
    })
    expect(message?.headers['auto-submitted']).toBe('auto-generated')
    expect(await findRow(testDb, id)).toMatchObject({
      status: 'sent',
      sentAt: '2026-01-05T08:00:01.000Z',
      lastError: null,
    })
    const audit = await testDb.db.selectFrom('auditEvents').selectAll().where('entityId', '=', id).execute()
    expect(audit.map((event) => event.action)).toEqual(['notification.sent'])

    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
    expect(sink.messages).toHaveLength(1)
  })

  it('does not send mail whose next attempt is not yet due', async () => {
    const testDb = await createTestDb()
    const sink = await createSmtpSink()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const notifications = createNotificationsService({
      db: testDb.db,
      clock,
      mailer: mailerFor(sink.url),
      logger,
    })
    const { id } = await testDb.db.transaction().execute((trx) => queueEmail(trx, clock, email))
    await testDb.db
      .updateTable('notificationOutbox')
      .set({ nextAttemptAt: '2026-01-05T08:05:00.000Z' })
      .where('id', '=', id)
      .execute()

    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
    clock.set('2026-01-05T08:05:00.000Z')
    expect(await notifications.dispatchDue()).toEqual({ sent: 1, failed: 0, retried: 0 })
    expect(sink.messages).toHaveLength(1)
  })

  it('retries with exponential backoff while the SMTP server is unreachable and marks the mail failed after 8 attempts', async () => {
    const testDb = await createTestDb()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const smtpUrl = `smtp://netra:s3cret-pass@127.0.0.1:${await closedPort()}`
    const notifications = createNotificationsService({
      db: testDb.db,
      clock,
      mailer: mailerFor(smtpUrl),
      logger,
    })
    const { id } = await testDb.db.transaction().execute((trx) => queueEmail(trx, clock, email))

    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 1 })
    const afterFirst = await findRow(testDb, id)
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-01-05T08:01:00.000Z',
    })
    expect(afterFirst.lastError).toMatch(/ECONNREFUSED/)
    expect(afterFirst.lastError).not.toContain('s3cret-pass')

    // Not due yet: nothing is attempted.
    clock.advance(59_999)
    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })

    const waits: number[] = []
    for (let attempt = 2; attempt <= maxDeliveryAttempts; attempt++) {
      const row = await findRow(testDb, id)
      waits.push(new Date(row.nextAttemptAt).getTime() - clock.now().getTime())
      clock.set(row.nextAttemptAt)
      const expected = attempt < maxDeliveryAttempts ? { retried: 1, failed: 0 } : { retried: 0, failed: 1 }
      expect(await notifications.dispatchDue()).toEqual({ sent: 0, ...expected })
    }

    // 1 ms left of the first wait, then 2, 4, … 64 minutes between attempts.
    expect(waits).toEqual(
      [1, 2, 4, 8, 16, 32, 64].map((minutes, index) => (index === 0 ? 1 : minutes * 60_000)),
    )
    const failed = await findRow(testDb, id)
    expect(failed).toMatchObject({ status: 'failed', attempts: maxDeliveryAttempts, sentAt: null })
    expect(failed.lastError).toMatch(/ECONNREFUSED/)
    const audit = await testDb.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', id)
      .execute()
    expect(audit).toEqual([{ action: 'notification.failed' }])

    clock.advance(24 * 60 * 60 * 1000)
    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
  })

  it('keeps mail pending, and claims nothing, when no SMTP server is configured', async () => {
    const testDb = await createTestDb()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const mailer = mailerFor(undefined)
    const notifications = createNotificationsService({ db: testDb.db, clock, mailer, logger })
    const { id } = await testDb.db.transaction().execute((trx) => queueEmail(trx, clock, email))

    expect(mailer.isConfigured).toBe(false)
    await expect(mailer.send({ to: email.to, subject: 's', text: 't' })).rejects.toThrow(
      'mail is not configured',
    )
    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
    clock.advance(60 * 60 * 1000)
    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
    expect(await findRow(testDb, id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null })
  })

  it('takes over mail left sending for more than 10 minutes, counting the interrupted attempt', async () => {
    const testDb = await createTestDb()
    const sink = await createSmtpSink()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const notifications = createNotificationsService({
      db: testDb.db,
      clock,
      mailer: mailerFor(sink.url),
      logger,
    })
    const { id } = await testDb.db.transaction().execute((trx) => queueEmail(trx, clock, email))
    // As a dispatcher that claimed the row at 08:00 and died: sending, claim held until 08:10.
    await testDb.db
      .updateTable('notificationOutbox')
      .set({ status: 'sending', nextAttemptAt: '2026-01-05T08:10:00.000Z' })
      .where('id', '=', id)
      .execute()

    clock.set('2026-01-05T08:09:59.999Z')
    expect(await notifications.dispatchDue()).toEqual({ sent: 0, failed: 0, retried: 0 })
    expect((await findRow(testDb, id)).status).toBe('sending')

    clock.set('2026-01-05T08:10:00.000Z')
    expect(await notifications.dispatchDue()).toEqual({ sent: 1, failed: 0, retried: 0 })
    await sink.waitFor(1)
    expect(await findRow(testDb, id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: '2026-01-05T08:10:00.000Z',
    })
  })

  it('sends each message once when two dispatchers run at the same time', async () => {
    const testDb = await createTestDb()
    const sink = await createSmtpSink()
    const clock = fixedClock('2026-01-05T08:00:00.000Z')
    const first = createNotificationsService({ db: testDb.db, clock, mailer: mailerFor(sink.url), logger })
    const second = createNotificationsService({ db: testDb.db, clock, mailer: mailerFor(sink.url), logger })
    await testDb.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 6; i++) await queueEmail(trx, clock, { ...email, subject: `Pesan ${i}` })
    })

    const results = await Promise.all([first.dispatchDue(), second.dispatchDue()])

    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(6)
    await sink.waitFor(6)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sink.messages.map((message) => message.subject).sort()).toEqual([
      'Pesan 0',
      'Pesan 1',
      'Pesan 2',
      'Pesan 3',
      'Pesan 4',
      'Pesan 5',
    ])
  })
})

describe('registerNotificationJobs', () => {
  it('delivers queued mail through the job queue when a dispatch is requested after commit', async () => {
    const testDb = await createTestDb({ autoCleanup: false })
    const sink = await createSmtpSink()
    const pgBossSchema = testDialect === 'postgres' ? `pgboss_${randomBytes(6).toString('hex')}` : undefined
    const jobs = createJobQueue(testDb, {
      logger,
      clock: systemClock,
      pollIntervalMs: testDialect === 'postgres' ? 500 : 25,
      stopTimeoutMs: 3000,
      ...(pgBossSchema ? { pgBossSchema } : {}),
    })
    onTestFinished(async () => {
      await jobs.stop()
      if (pgBossSchema) {
        const client = new pg.Client({ connectionString: testPostgresUrl() })
        await client.connect()
        await client.query(`drop schema if exists ${pgBossSchema} cascade`)
        await client.end()
      }
      await testDb.close()
    })
    const notifications = createNotificationsService({
      db: testDb.db,
      clock: systemClock,
      mailer: mailerFor(sink.url),
      logger,
    })
    await registerNotificationJobs(jobs, notifications)

    const { id } = await testDb.db.transaction().execute((trx) => queueEmail(trx, systemClock, email))
    const jobIds = [await requestNotificationDispatch(jobs), await requestNotificationDispatch(jobs)]
    await jobs.start()

    expect(jobIds[0]).not.toBeNull()
    expect(jobIds[1]).toBeNull() // a burst coalesces into one queued job
    const [message] = await sink.waitFor(1, 10_000)
    expect(message).toMatchObject({ envelopeTo: [email.to], subject: email.subject, text: email.text })
    await expect.poll(async () => (await findRow(testDb, id)).status, { timeout: 5000 }).toBe('sent')
  })
})

describe('retryDelayAfter', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [7, 64 * 60_000],
    [9, 256 * 60_000],
    [10, 6 * 60 * 60_000],
    [40, 6 * 60 * 60_000],
  ])('after %i failed attempts waits %i ms', (failedAttempts, expected) => {
    expect(retryDelayAfter(failedAttempts)).toBe(expected)
  })
})

describe('describeDeliveryError', () => {
  it('keeps the error code and message on one short line and masks credentials in URLs', () => {
    const error = Object.assign(new Error('connect failed\nsmtp://user:hunter2@mail.example.go.id:587'), {
      code: 'ESOCKET',
    })
    const text = describeDeliveryError(error)
    expect(text).toBe('ESOCKET: connect failed smtp://[redacted]@mail.example.go.id:587')
    expect(describeDeliveryError(new Error('x'.repeat(1000)))).toHaveLength(300)
  })
})
