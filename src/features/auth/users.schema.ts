import { z } from 'zod'
import { roles } from '../../domain/access.js'
import { RoleAssignmentView } from './auth.schema.js'

export const usernamePattern = /^[a-z0-9](?:[a-z0-9._-]{1,62}[a-z0-9])$/

export const Username = z.string().trim().toLowerCase().regex(usernamePattern, 'username_format')

export const RoleGrant = z.strictObject({
  role: z.enum(roles),
  unitId: z.uuid().nullish(),
})

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agencyId: z.string().nullable(),
  roles: z.array(RoleAssignmentView),
  totpEnabled: z.boolean(),
  /** The account holds a temporary password not yet replaced. */
  passwordMustChange: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
})
export type UserView = z.infer<typeof UserView>

export const ListUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  agencyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type ListUsersQuery = z.infer<typeof ListUsersQuery>

export const UserList = z.object({
  items: z.array(UserView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})

export const CreateUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(2).max(200),
  email: z.email().max(254).nullish(),
  /** Defaults to the agency the actor administers (when there is exactly one). */
  agencyId: z.uuid().optional(),
  roles: z.array(RoleGrant).min(1).max(20),
  /** When absent, a temporary password is generated and returned once. */
  password: z.string().min(1).max(1024).optional(),
})
export type CreateUserBody = z.infer<typeof CreateUserBody>

export const CreatedUserView = z.object({ user: UserView, temporaryPassword: z.string().nullable() })

export const UpdateUserBody = z.strictObject({
  displayName: z.string().trim().min(2).max(200).optional(),
  email: z.email().max(254).nullish(),
})
export type UpdateUserBody = z.infer<typeof UpdateUserBody>

export const SetRolesBody = z.strictObject({ roles: z.array(RoleGrant).min(1).max(20) })
export type SetRolesBody = z.infer<typeof SetRolesBody>

export const UserParams = z.strictObject({ userId: z.uuid() })

export const TemporaryPasswordView = z.object({ temporaryPassword: z.string() })
