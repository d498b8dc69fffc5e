/** Audit actions the web has words for; any other action is shown as recorded. */
export const knownAuditActions = [
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'user.totp_reset',
  'agency.created',
  'auth.signed_in',
  'auth.signed_in_for_enrolment',
  'auth.signed_out',
  'auth.totp_enrolment_started',
  'auth.totp_enrolled',
  'auth.password_changed',
  'auth.locked_out',
  'auth.sessions_purged',
  'notification.sent',
  'notification.failed',
] as const

export const knownEntityTypes = ['user', 'agency', 'notification', 'session'] as const
