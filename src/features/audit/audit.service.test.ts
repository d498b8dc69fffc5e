import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { insertAgency } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import { testDialect } from '../../../test/support/test-db.js'
import { genesisHash } from './audit-chain.js'
import { recordAuditEvent, recordAuditEvents, systemActor, verifyAuditChains } from './audit.service.js'

const actor = { id: null, label: 'test' }

async function appendEvents(
  context: Awaited<ReturnType<typeof createTestContext>>,
  agencyId: string | null,
  count: number,
) {
  for (let i = 0; i < count; i += 1) {
    await context.database.db.transaction().execute((trx) =>
      recordAuditEvent(trx, context.clock, actor, {
        action: 'test.happened',
        entityType: 'thing',
        entityId: `thing-${i}`,
        agencyId,
        summary: { after: { n: i } },
      }),
    )
  }
}

/** Tampering needs the append-only triggers out of the way, as an attacker with database access would do. */
async function dropAppendOnlyTriggers(context: Awaited<ReturnType<typeof createTestContext>>) {
  if (testDialect === 'postgres') {
    await sql`drop trigger audit_events_no_change on audit_events`.execute(context.database.db)
  } else {
    await sql`drop trigger audit_events_no_update`.execute(context.database.db)
    await sql`drop trigger audit_events_no_delete`.execute(context.database.db)
  }
}

describe('recordAuditEvent', () => {
  it('chains events per agency: seq counts up and each row carries the previous hash', async () => {
    const context = await createTestContext()
    await appendEvents(context, null, 3)
    const rows = await context.database.db.selectFrom('auditEvents').selectAll().orderBy('seq').execute()
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3])
    expect(rows[0]?.prevHash).toBe(genesisHash)
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash)
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash) && r.chain === 'platform')).toBe(true)
  })

  it('keeps seq contiguous when many transactions append at once', async () => {
    const context = await createTestContext()
    const agency = await insertAgency(context)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        context.database.db.transaction().execute((trx) =>
          recordAuditEvent(trx, context.clock, actor, {
            action: 'test.concurrent',
            entityType: 'thing',
            entityId: String(i),
            agencyId: agency.id,
          }),
        ),
      ),
    )
    const verification = await verifyAuditChains(context.database.db)
    expect(verification.ok).toBe(true)
    const chain = verification.chains.find((c) => c.chain === `agency:${agency.id}`)
    expect(chain?.checked).toBe(21) // agency.created + 20
  })

  it('appends many events at once in order, per chain, continuing each chain', async () => {
    const context = await createTestContext()
    const agency = await insertAgency(context) // agency.created is seq 1 of its chain
    await appendEvents(context, null, 1)
    const entries = [agency.id, null, agency.id, agency.id, null].map((agencyId, i) => ({
      action: 'test.bulk',
      entityType: 'thing',
      entityId: `bulk-${i}`,
      agencyId,
    }))
    const rows = await context.database.db
      .transaction()
      .execute((trx) => recordAuditEvents(trx, context.clock, actor, entries))
    expect(rows.map((r) => [r.entityId, r.chain, Number(r.seq)])).toEqual([
      ['bulk-0', `agency:${agency.id}`, 2],
      ['bulk-1', 'platform', 2],
      ['bulk-2', `agency:${agency.id}`, 3],
      ['bulk-3', `agency:${agency.id}`, 4],
      ['bulk-4', 'platform', 3],
    ])
    expect(rows[2]?.prevHash).toBe(rows[0]?.hash)
    expect((await verifyAuditChains(context.database.db)).ok).toBe(true)
  })

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const context = await createTestContext()
    await expect(
      context.database.db.transaction().execute(async (trx) => {
        await recordAuditEvent(trx, context.clock, systemActor, {
          action: 'test.rolled_back',
          entityType: 'thing',
        })
        throw new Error('business rule failed')
      }),
    ).rejects.toThrow('business rule failed')
    expect(await context.database.db.selectFrom('auditEvents').selectAll().execute()).toEqual([])
  })
})

describe('the audit table', () => {
  it('refuses UPDATE and DELETE', async () => {
    const context = await createTestContext()
    await appendEvents(context, null, 1)
    await expect(
      context.database.db.updateTable('auditEvents').set({ actorLabel: 'mallory' }).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(context.database.db.deleteFrom('auditEvents').execute()).rejects.toThrow(/append-only/)
  })
})

describe('verifyAuditChains', () => {
  it('reports an intact trail', async () => {
    const context = await createTestContext()
    await appendEvents(context, null, 5)
    const result = await verifyAuditChains(context.database.db, 2)
    expect(result).toEqual({
      ok: true,
      checked: 5,
      chains: [{ chain: 'platform', checked: 5, firstBreak: null }],
    })
  })

  it('names the first tampered row', async () => {
    const context = await createTestContext()
    await appendEvents(context, null, 5)
    await dropAppendOnlyTriggers(context)
    const third = await context.database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow()
    await context.database.db
      .updateTable('auditEvents')
      .set({ summary: '{"after":{"n":999}}' })
      .where('id', '=', third.id)
      .execute()

    const result = await verifyAuditChains(context.database.db)
    expect(result.ok).toBe(false)
    expect(result.chains[0]?.firstBreak).toEqual({ reason: 'hash_mismatch', id: third.id, seq: 3 })
  })

  it('notices a deleted row', async () => {
    const context = await createTestContext()
    await appendEvents(context, null, 4)
    await dropAppendOnlyTriggers(context)
    await context.database.db.deleteFrom('auditEvents').where('seq', '=', 2).execute()
    const gap = await verifyAuditChains(context.database.db)
    expect(gap.chains[0]?.firstBreak).toMatchObject({ reason: 'seq_gap', seq: 3, expectedSeq: 2 })
  })
})
