/**
 * The foundation journey in a real browser: a BKPSDM admin starts Netra for the first time, signs in with the
 * printed login, enrols an authenticator, replaces the temporary password, walks every page of the shell in both
 * languages, signs out and back in with a TOTP code. axe-core runs on every page; console errors (CSP violations
 * among them) fail the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCodeAt } from '../src/features/auth/totp.js'
import { launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { signInWithTotp } from './support/sign-in.js'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  // Graceful shutdown: SIGTERM lets in-flight work finish and exits 0.
  const exitCode = await server?.stop()
  expect(exitCode).toBe(0)
})

const newPassword = 'teh manis di pendopo kota 2026'

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  const violations = await seriousAxeViolations(page)
  expect(violations, `axe on ${name}`).toEqual([])
}

async function freshPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage()
  return { page, problems: watchPageErrors(page) }
}

describe('staff shell journey', () => {
  let totpSecret = ''

  it('first sign-in: login page in Indonesian, TOTP enrolment, temporary password replaced', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' })
    const { page, problems } = await freshPage(context)

    await page.goto(server.baseUrl)
    await page.waitForURL('**/masuk')
    expect(await page.getAttribute('html', 'lang')).toBe('id')
    await expect.poll(() => page.getByRole('heading', { name: 'Masuk ke Netra' }).isVisible()).toBe(true)
    await expectAccessible(page, 'masuk')

    // A wrong password is refused with a message, and nothing else happens.
    await page.getByLabel(/^Nama pengguna/).fill(server.admin.username)
    await page.getByLabel(/^Kata sandi/).fill('bukan-kata-sandinya')
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await expect.poll(() => page.getByText('Belum bisa masuk').isVisible()).toBe(true)
    expect(page.url()).toContain('/masuk')

    await page.getByLabel(/^Kata sandi/).fill(server.admin.password)
    await page.getByRole('button', { name: 'Masuk', exact: true }).click()
    await page.waitForURL('**/daftar-autentikator')
    await expect.poll(() => page.getByTestId('totp-secret').isVisible()).toBe(true)
    await expectAccessible(page, 'daftar-autentikator')

    totpSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/)
    await page.getByLabel(/^Kode dari aplikasi/).fill(await totpCodeAt(totpSecret, new Date()))
    await page.getByRole('button', { name: 'Aktifkan' }).click()

    await page.waitForURL('**/ganti-kata-sandi')
    await expectAccessible(page, 'ganti-kata-sandi')
    await page.getByLabel(/^Kata sandi sekarang/).fill(server.admin.password)
    await page.getByLabel(/^Kata sandi baru/).fill(newPassword)
    await page.getByLabel(/^Ulangi kata sandi baru/).fill(newPassword)
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click()

    await page.waitForURL((url) => url.pathname === '/')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Selamat datang, Administrator Netra' }).isVisible())
      .toBe(true)
    await expectAccessible(page, 'beranda')
    expect(problems).toEqual([])
    await context.close()
  })

  it('walks every page, switches language (remembered), signs out and back in with a TOTP code', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const { page, problems } = await freshPage(context)

    await page.goto(`${server.baseUrl}/jejak-audit`)
    await page.waitForURL('**/masuk')
    // Signs in on the page the guard sent us to, so the app returns to /jejak-audit afterwards.
    await signInWithTotp(page, null, { username: server.admin.username, password: newPassword, totpSecret })

    // Back where the user was headed.
    await page.waitForURL('**/jejak-audit')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Jejak audit', level: 1 }).isVisible())
      .toBe(true)
    await expect.poll(() => page.getByText('Autentikator dipasang').first().isVisible()).toBe(true)
    await expectAccessible(page, 'jejak-audit')

    const pages = [
      { path: '/pengguna', heading: 'Pengguna' },
      { path: '/instansi', heading: 'Instansi' },
      { path: '/akun', heading: 'Akun saya' },
      { path: '/', heading: 'Selamat datang, Administrator Netra' },
    ]
    for (const target of pages) {
      await page.goto(`${server.baseUrl}${target.path}`)
      await expect
        .poll(() => page.getByRole('heading', { name: target.heading, level: 1 }).isVisible())
        .toBe(true)
      await expectAccessible(page, target.path)
    }

    await page.goto(`${server.baseUrl}/halaman-yang-tidak-ada`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).isVisible())
      .toBe(true)
    await expectAccessible(page, '404')

    // Language: English, remembered across a reload, <html lang> follows.
    await page.goto(server.baseUrl)
    await page.getByRole('button', { name: /Ganti bahasa/ }).click()
    await page.getByRole('menuitem', { name: 'English' }).click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome, Administrator Netra' }).isVisible())
      .toBe(true)
    await page.reload()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome, Administrator Netra' }).isVisible())
      .toBe(true)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    await expectAccessible(page, 'home (en)')
    await page.getByRole('button', { name: /Change language/ }).click()
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click()
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('id')

    // Sign out from the user menu.
    await page.getByRole('button', { name: 'Menu pengguna Administrator Netra' }).click()
    await page.getByRole('menuitem', { name: 'Keluar' }).click()
    await page.waitForURL('**/masuk')
    await expect.poll(() => page.getByText('Anda telah keluar').isVisible()).toBe(true)
    await page.goto(`${server.baseUrl}/pengguna`)
    await page.waitForURL('**/masuk')

    expect(problems).toEqual([])
    await context.close()
  })

  it('fits a 360 px phone: sign-in page and menu are usable and accessible', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const { page, problems } = await freshPage(context)
    await page.goto(`${server.baseUrl}/masuk`)
    await expect.poll(() => page.getByRole('heading', { name: 'Masuk ke Netra' }).isVisible()).toBe(true)
    await expectAccessible(page, 'masuk (phone)')
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow).toBeLessThanOrEqual(0)
    expect(problems).toEqual([])
    await context.close()
  })
})
