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
  'auth.totp_enrolled',
  'auth.password_changed',
  'auth.locked_out',
  'notification.sent',
  'notification.failed',
] as const

export const knownEntityTypes = ['user', 'agency', 'notification'] as const
