/**
 * Signing in as the E2E journeys do it: the first sign-in of an account (TOTP enrolment, then the forced
 * password change when the password was temporary), and later sign-ins with the next authenticator code.
 */
import type { Page } from 'playwright-core'
import { totpCodeAt, totpPeriodSeconds } from '../../src/features/auth/totp.js'

export interface FirstSignIn {
  /** Base32 secret of the authenticator enrolled during the sign-in. */
  readonly totpSecret: string
  /** The password the account has afterwards. */
  readonly password: string
}

/** `baseUrl` null: fill the sign-in page already open (where a route guard sent the browser). */
async function submitPassword(
  page: Page,
  baseUrl: string | null,
  username: string,
  password: string,
): Promise<void> {
  if (baseUrl !== null) await page.goto(`${baseUrl}/masuk`)
  await page.getByLabel(/^Nama pengguna/).fill(username)
  await page.getByLabel(/^Kata sandi/).fill(password)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
}

/**
 * Signs in for the first time and lands on the home page: enrols an authenticator and, when the account holds a
 * temporary password, replaces it with `newPassword`. The page is expected in Indonesian (the default).
 */
export async function completeFirstSignIn(
  page: Page,
  baseUrl: string,
  login: { readonly username: string; readonly password: string; readonly newPassword: string },
): Promise<FirstSignIn> {
  await submitPassword(page, baseUrl, login.username, login.password)
  await page.waitForURL('**/daftar-autentikator')
  await page.getByTestId('totp-secret').waitFor()
  const totpSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')
  await page.getByLabel(/^Kode dari aplikasi/).fill(await totpCodeAt(totpSecret, new Date()))
  await page.getByRole('button', { name: 'Aktifkan' }).click()
  // The app passes through its return path before a guard may redirect to the password change: wait for where
  // it settles (the password form or the staff menu), not for the first URL.
  const currentPassword = page.getByLabel(/^Kata sandi sekarang/)
  await currentPassword
    .or(page.getByRole('navigation', { name: 'Menu utama' }))
    .first()
    .waitFor()
  let password = login.password
  if (await currentPassword.isVisible()) {
    await page.getByLabel(/^Kata sandi sekarang/).fill(login.password)
    await page.getByLabel(/^Kata sandi baru/).fill(login.newPassword)
    await page.getByLabel(/^Ulangi kata sandi baru/).fill(login.newPassword)
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    password = login.newPassword
  }
  // The address changes before the staff frame has rendered: return once its menu is there (attached, as on a phone
  // it stays in the page behind the burger).
  await page.getByRole('navigation', { name: 'Menu utama' }).waitFor({ state: 'attached' })
  return { totpSecret, password }
}

/**
 * Signs in an enrolled account with password and authenticator code. Uses the code of the next time step: the
 * current one may already have been used (the server refuses a replayed code).
 */
export async function signInWithTotp(
  page: Page,
  baseUrl: string | null,
  login: { readonly username: string; readonly password: string; readonly totpSecret: string },
): Promise<void> {
  await submitPassword(page, baseUrl, login.username, login.password)
  const code = await totpCodeAt(login.totpSecret, new Date(Date.now() + totpPeriodSeconds * 1000))
  await page.getByLabel(/^Kode autentikator/).fill(code)
  await page.getByRole('button', { name: 'Masuk', exact: true }).click()
}
