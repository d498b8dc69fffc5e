import { sql, type Kysely } from 'kysely'
import { columnTypes } from './column-types.js'

/**
 * Pledges (issue #4): versioned templates (ikrar, pakta integritas, deklarasi), campaigns, the targets snapshotted
 * when a campaign opens (with the HMAC of each personal one-time code), and signatures.
 *
 * - Template versions are never changed: editing a template inserts the next version.
 * - `pledge_targets.unit_id`/`unit_path` are the employee's unit AT SNAPSHOT TIME (coverage counts there).
 * - `pledge_targets.code_hash` is the HMAC of the one-time code; the code itself is never stored.
 * - At most one non-revoked signature per (campaign, employee): a partial unique index (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('pledge_templates')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('archived_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('pledge_templates_agency_idx')
    .on('pledge_templates')
    .columns(['agency_id', 'kind'])
    .execute()

  await db.schema
    .createTable('pledge_template_versions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('template_id', t.id, (c) => c.notNull().references('pledge_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .execute()
  await db.schema
    .createIndex('pledge_template_versions_template_version_unique')
    .on('pledge_template_versions')
    .columns(['template_id', 'version'])
    .unique()
    .execute()

  await db.schema
    .createTable('pledge_campaigns')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('agency_id', t.id, (c) => c.notNull().references('agencies.id'))
    .addColumn('template_version_id', t.id, (c) => c.notNull().references('pledge_template_versions.id'))
    .addColumn('election_id', t.id, (c) => c.references('elections.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target', t.json, (c) => c.notNull())
    .addColumn('opens_at', t.instant, (c) => c.notNull())
    .addColumn('closes_at', t.instant, (c) => c.notNull())
    .addColumn('witnesses', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('pledge_campaigns_agency_idx')
    .on('pledge_campaigns')
    .columns(['agency_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('pledge_targets')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('pledge_campaigns.id'))
    .addColumn('employee_id', t.id, (c) => c.notNull().references('employees.id'))
    .addColumn('unit_id', t.id, (c) => c.notNull().references('units.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('code_issued_at', t.instant, (c) => c.notNull())
    .addColumn('code_used_at', t.instant)
    .addColumn('last_reminded_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('pledge_targets_campaign_employee_unique')
    .on('pledge_targets')
    .columns(['campaign_id', 'employee_id'])
    .unique()
    .execute()
  await db.schema
    .createIndex('pledge_targets_code_hash_unique')
    .on('pledge_targets')
    .column('code_hash')
    .unique()
    .execute()
  await db.schema
    .createIndex('pledge_targets_campaign_path_idx')
    .on('pledge_targets')
    .columns(['campaign_id', 'unit_path'])
    .execute()

  await db.schema
    .createTable('pledge_signatures')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('campaign_id', t.id, (c) => c.notNull().references('pledge_campaigns.id'))
    .addColumn('target_id', t.id, (c) => c.notNull().references('pledge_targets.id'))
    .addColumn('employee_id', t.id, (c) => c.notNull().references('employees.id'))
    .addColumn('template_version_id', t.id, (c) => c.notNull().references('pledge_template_versions.id'))
    .addColumn('template_sha256', 'text', (c) => c.notNull())
    .addColumn('typed_name', 'text', (c) => c.notNull())
    .addColumn('drawn_signature', 'text')
    .addColumn('signed_at', t.instant, (c) => c.notNull())
    .addColumn('verify_code', 'text', (c) => c.notNull())
    .addColumn('receipt_status', 'text', (c) => c.notNull())
    .addColumn('receipt_sha256', 'text')
    .addColumn('revoked_at', t.instant)
    .addColumn('revoked_by', t.id)
    .addColumn('revoke_reason', 'text')
    .execute()
  await db.schema
    .createIndex('pledge_signatures_verify_code_unique')
    .on('pledge_signatures')
    .column('verify_code')
    .unique()
    .execute()
  await db.schema
    .createIndex('pledge_signatures_target_idx')
    .on('pledge_signatures')
    .column('target_id')
    .execute()
  // Exactly one signature in force per employee and campaign; revoked ones stay as history.
  await db.schema
    .createIndex('pledge_signatures_active_unique')
    .on('pledge_signatures')
    .columns(['campaign_id', 'employee_id'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pledge_signatures').execute()
  await db.schema.dropTable('pledge_targets').execute()
  await db.schema.dropTable('pledge_campaigns').execute()
  await db.schema.dropTable('pledge_template_versions').execute()
  await db.schema.dropTable('pledge_templates').execute()
}
