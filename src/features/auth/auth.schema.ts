import { z } from 'zod'
import { navigationKeys, roles, sessionStages } from '../../domain/access.js'

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six_digits')
    .optional(),
})
export type LoginBody = z.infer<typeof LoginBody>

export const RoleAssignmentView = z.object({
  role: z.enum(roles),
  agencyId: z.string().nullable(),
  unitId: z.string().nullable(),
})
export type RoleAssignmentView = z.infer<typeof RoleAssignmentView>

export const SessionView = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    totpEnabled: z.boolean(),
    /** True while the account holds a temporary password (the session stage is then `password_change`). */
    passwordMustChange: z.boolean(),
  }),
  agency: z.object({ id: z.string(), slug: z.string(), name: z.string(), timeZone: z.string() }).nullable(),
  roles: z.array(RoleAssignmentView),
  stage: z.enum(sessionStages),
  csrfToken: z.string(),
  navigation: z.array(z.enum(navigationKeys)),
  expiresAt: z.string(),
  idleMinutes: z.number(),
})
export type SessionView = z.infer<typeof SessionView>

export const TotpRequired = z.object({ totpRequired: z.literal(true) })
export const TotpEnrolmentRequired = z.object({
  totpEnrolmentRequired: z.literal(true),
  session: SessionView,
})
export const LoginResponse = z.union([SessionView, TotpRequired, TotpEnrolmentRequired])

export const TotpSetupView = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() })
export const TotpConfirmBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six_digits'),
})

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
})
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>
