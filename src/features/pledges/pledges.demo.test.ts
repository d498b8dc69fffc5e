import { describe, expect, it } from 'vitest'
import { insertAgency } from '../../../test/support/factories.js'
import { createTestContext } from '../../../test/support/test-context.js'
import { demoCampaignName, seedDemoPledges } from './pledges.demo.js'
import { templateSha256 } from './pledge-templates.service.js'

describe('seedDemoPledges', () => {
  it('creates the default templates and a draft campaign for unit heads once', async () => {
    const context = await createTestContext()
    const db = context.database.db
    const agency = await insertAgency(context)
    const first = await seedDemoPledges(db, context.clock, agency.id)
    expect(first).toEqual({ templates: { created: 2, existing: 0 }, campaigns: { created: 1 } })
    const second = await seedDemoPledges(db, context.clock, agency.id)
    expect(second).toEqual({ templates: { created: 0, existing: 2 }, campaigns: { created: 0 } })

    const versions = await db.selectFrom('pledgeTemplateVersions').selectAll().orderBy('title').execute()
    expect(versions.map((v) => v.title)).toEqual(['Ikrar Netralitas ASN', 'Pakta Integritas Netralitas'])
    for (const version of versions) expect(version.sha256).toBe(templateSha256(version))
    const ikrar = versions[0]?.body ?? ''
    expect(ikrar.split('\n').filter((line) => /^\d\. /.test(line))).toHaveLength(4)
    const campaign = await db.selectFrom('pledgeCampaigns').selectAll().executeTakeFirstOrThrow()
    expect(campaign).toMatchObject({ name: demoCampaignName, status: 'draft' })
    expect(JSON.parse(campaign.target)).toMatchObject({ scope: 'agency', onlyUnitHeads: true })
  })
})
