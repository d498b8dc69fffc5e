import type { z } from 'zod'
import type {
  CreatedUserView,
  CreateUserBody,
  SetRolesBody,
  TemporaryPasswordView,
  UpdateUserBody,
  UserList,
  UserView,
} from '../../../features/auth/users.schema'
import { apiPost, apiRequest, withQuery } from '../../api/client'

export type UserListView = z.infer<typeof UserList>
export type CreatedUser = z.infer<typeof CreatedUserView>
export type TemporaryPassword = z.infer<typeof TemporaryPasswordView>

const usersPath = '/api/v1/users'
export const userPath = (userId: string) => `${usersPath}/${encodeURIComponent(userId)}`

export const userListPath = (query: { q?: string; page: number; pageSize: number }) =>
  withQuery(usersPath, query)

export const createUser = (body: CreateUserBody) => apiPost<CreatedUser>(usersPath, body)

export const updateUser = (userId: string, body: UpdateUserBody) =>
  apiRequest<UserView>('PATCH', userPath(userId), { body })

export const setUserRoles = (userId: string, body: SetRolesBody) =>
  apiRequest<UserView>('PUT', `${userPath(userId)}/roles`, { body })

export const disableUser = (userId: string) => apiPost<UserView>(`${userPath(userId)}/disable`)
export const enableUser = (userId: string) => apiPost<UserView>(`${userPath(userId)}/enable`)
export const resetUserPassword = (userId: string) =>
  apiPost<TemporaryPassword>(`${userPath(userId)}/password-reset`)
export const resetUserTotp = (userId: string) => apiPost<UserView>(`${userPath(userId)}/totp-reset`)
