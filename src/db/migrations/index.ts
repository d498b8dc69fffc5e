/** The ordered list of migrations (explicit imports, so bundling or renaming never reorders them). */
import type { Migration } from 'kysely'
import * as m20261122_1000 from './2026_11_22_1000_create_agencies.js'
import * as m20261122_1010 from './2026_11_22_1010_create_users_and_role_assignments.js'
import * as m20261122_1020 from './2026_11_22_1020_create_sessions_and_login_throttles.js'
import * as m20261122_1030 from './2026_11_22_1030_create_audit_events.js'
import * as m20261122_1040 from './2026_11_22_1040_create_local_jobs.js'
import * as m20261122_1050 from './2026_11_22_1050_create_notification_outbox.js'
import * as m20261122_1100 from './2026_11_22_1100_add_users_password_must_change.js'
import * as m20261123_1000 from './2026_11_23_1000_create_units.js'
import * as m20261123_1010 from './2026_11_23_1010_create_employees.js'
import * as m20261123_1020 from './2026_11_23_1020_reference_units_from_role_assignments.js'
// roster: employee search (units/employees helper)
import * as m20261123_1030 from './2026_11_23_1030_create_employee_name_tokens.js'
// elections and working-day calendar (elections/calendar helper)
import * as m20261123_1100 from './2026_11_23_1100_create_elections.js'
import * as m20261123_1110 from './2026_11_23_1110_create_agency_calendar_entries.js'
// employee import (import/export helper)
import * as m20261123_1500 from './2026_11_23_1500_create_employee_imports.js'
// employee import performance (import helper)
import * as m20261123_1600 from './2026_11_23_1600_drop_employees_agency_search_index.js'
import * as m20261123_1610 from './2026_11_23_1610_drop_employee_name_tokens_employee_fk.js'
// pledges: templates, campaigns, targets, signatures (pledges helper, issue #4)
import * as m20261124_1000 from './2026_11_24_1000_create_pledges.js'
// events: sosialisasi/apel/bimtek, files, attendance (events helper, issue #4)
import * as m20261124_1100 from './2026_11_24_1100_create_events.js'
import * as m20261124_1200 from './2026_11_24_1200_create_pledge_receipts.js'
// events: quizzes and scores (events helper, issue #4)
import * as m20261125_1100 from './2026_11_25_1100_create_event_quizzes.js'
// receipt signing certificates (receipt-signing helper, issue #4)
import * as m20261125_1300 from './2026_11_25_1300_create_agency_signing_certificates.js'
import * as m20261125_1310 from './2026_11_25_1310_add_pledge_receipts_signer.js'
import * as m20261125_1400 from './2026_11_25_1400_add_pledge_target_failed_attempts.js'
import * as m20261126_1000 from './2026_11_26_1000_create_reports.js'
// intake: API for other channels (channels helper, issue #5)
import * as m20261126_1100 from './2026_11_26_1100_create_intake_channels.js'
// intake: staff inbox, link hashes, reveal requests (inbox helper, issue #5)
import * as m20261126_1200 from './2026_11_26_1200_create_report_inbox.js'
// intake: receipt hash cost kept per agency (lead, issue #5)
import * as m20261126_1300 from './2026_11_26_1300_add_receipt_hash_cost.js'

export const migrations: Record<string, Migration> = {
  '2026_11_22_1000_create_agencies': m20261122_1000,
  '2026_11_22_1010_create_users_and_role_assignments': m20261122_1010,
  '2026_11_22_1020_create_sessions_and_login_throttles': m20261122_1020,
  '2026_11_22_1030_create_audit_events': m20261122_1030,
  '2026_11_22_1040_create_local_jobs': m20261122_1040,
  '2026_11_22_1050_create_notification_outbox': m20261122_1050,
  '2026_11_22_1100_add_users_password_must_change': m20261122_1100,
  '2026_11_23_1000_create_units': m20261123_1000,
  '2026_11_23_1010_create_employees': m20261123_1010,
  '2026_11_23_1020_reference_units_from_role_assignments': m20261123_1020,
  // roster: employee search (units/employees helper)
  '2026_11_23_1030_create_employee_name_tokens': m20261123_1030,
  // elections and working-day calendar (elections/calendar helper)
  '2026_11_23_1100_create_elections': m20261123_1100,
  '2026_11_23_1110_create_agency_calendar_entries': m20261123_1110,
  // employee import (import/export helper)
  '2026_11_23_1500_create_employee_imports': m20261123_1500,
  // employee import performance (import helper)
  '2026_11_23_1600_drop_employees_agency_search_index': m20261123_1600,
  '2026_11_23_1610_drop_employee_name_tokens_employee_fk': m20261123_1610,
  // pledges (pledges helper, issue #4)
  '2026_11_24_1000_create_pledges': m20261124_1000,
  // events (events helper, issue #4)
  '2026_11_24_1100_create_events': m20261124_1100,
  '2026_11_24_1200_create_pledge_receipts': m20261124_1200,
  // events: quizzes and scores (events helper, issue #4)
  '2026_11_25_1100_create_event_quizzes': m20261125_1100,
  // receipt signing certificates (receipt-signing helper, issue #4)
  '2026_11_25_1300_create_agency_signing_certificates': m20261125_1300,
  '2026_11_25_1310_add_pledge_receipts_signer': m20261125_1310,
  // pledge codes lock after repeated wrong dates of birth (lead, issue #4)
  '2026_11_25_1400_add_pledge_target_failed_attempts': m20261125_1400,
  // intake: public reports (lead, issue #5)
  '2026_11_26_1000_create_reports': m20261126_1000,
  // intake: API for other channels (channels helper, issue #5)
  '2026_11_26_1100_create_intake_channels': m20261126_1100,
  // intake: staff inbox, link hashes, reveal requests (inbox helper, issue #5)
  '2026_11_26_1200_create_report_inbox': m20261126_1200,
  // intake: receipt hash cost kept per agency (lead, issue #5)
  '2026_11_26_1300_add_receipt_hash_cost': m20261126_1300,
}
