import type { z } from 'zod'
import type {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  SessionView,
  TotpSetupView,
} from '../../../features/auth/auth.schema'
import { apiPost } from '../../api/client'

export type LoginResult = z.infer<typeof LoginResponse>
export type TotpSetup = z.infer<typeof TotpSetupView>

export const signIn = (body: LoginBody) =>
  apiPost<LoginResult>('/api/v1/auth/login', body, { announceAuthFailure: false })

export const startTotpSetup = () => apiPost<TotpSetup>('/api/v1/auth/totp/setup')

export const confirmTotp = (code: string) => apiPost<SessionView>('/api/v1/auth/totp/confirm', { code })

/** Returns the session afterwards (a temporary password no longer limits it). */
export const changePassword = (body: ChangePasswordBody) =>
  apiPost<SessionView>('/api/v1/auth/password', body)
