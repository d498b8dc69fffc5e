/**
 * Channel API keys in a real browser (issue #5 point 5): the BKPSDM admin of the demo agency opens "Kanal pengaduan"
 * from the menu, creates a key for SP4N-LAPOR!, sees its token once (copy button, warning), the key works against
 * POST /api/v1/intake/reports, and after revocation (with a confirmation) it is refused. axe-core runs on the page
 * and both dialogs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

let server: RunningServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  expect(await server?.stop()).toBe(0)
})

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([])
}

const handOver = (token: string, idempotencyKey: string) =>
  fetch(`${server.baseUrl}/api/v1/intake/reports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      externalRef: 'LAPOR-E2E-0001',
      description: 'Pegawai dinas membagikan materi kampanye calon di grup kantor pada jam kerja.',
      identityLevel: 'anonymous',
    }),
  })

describe('channel API keys', () => {
  it('creates a key, shows its token once, and revokes it', async () => {
    const page = await context.newPage()
    const problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'kanal pengaduan lapor bawaslu kunci api',
    })
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Kanal pengaduan' })
      .click()
    await page.waitForURL('**/kanal-pengaduan')
    await expectVisible(page.getByText('Belum ada kunci API.', { exact: false }))
    await expectAccessible(page, '/kanal-pengaduan (empty)')

    // Without a name: told next to the field.
    await page.getByRole('button', { name: 'Buat kunci' }).click()
    await expectVisible(page.getByText('Beri nama kunci ini.'))

    await page.getByRole('textbox', { name: /^Nama kunci/ }).fill('Integrasi LAPOR! produksi')
    await page.getByRole('button', { name: 'Buat kunci' }).click()
    const tokenDialog = page.getByRole('dialog', { name: 'Token API baru' })
    await tokenDialog.waitFor()
    await expectVisible(tokenDialog.getByText('Hanya ditampilkan sekali'))
    await expectVisible(tokenDialog.getByRole('button', { name: 'Salin token' }))
    const token = (await tokenDialog.getByTestId('channel-token').textContent())?.trim() ?? ''
    expect(token).toMatch(/^ntk_[A-Za-z0-9_-]{43}$/)
    await expectAccessible(page, '/kanal-pengaduan (token dialog)')
    await tokenDialog.getByRole('button', { name: 'Sudah saya simpan' }).click()
    await tokenDialog.waitFor({ state: 'hidden' })

    // The token is not on the page any more; the list shows its start only.
    const keys = page.getByRole('table', { name: 'Kunci API' })
    await keys.waitFor()
    await expectVisible(keys.getByText('Integrasi LAPOR! produksi'))
    await expectVisible(keys.getByText('SP4N-LAPOR!'))
    expect(await page.content()).not.toContain(token)

    expect((await handOver(token, 'e2e-1')).status).toBe(201)
    await page.reload()
    await expect.poll(() => keys.getByText('Belum pernah').count()).toBe(0)

    await keys.getByRole('button', { name: 'Cabut kunci Integrasi LAPOR! produksi' }).click()
    const revokeDialog = page.getByRole('dialog', { name: 'Cabut kunci API?' })
    await revokeDialog.waitFor()
    await expectAccessible(page, '/kanal-pengaduan (revoke dialog)')
    await revokeDialog.getByRole('button', { name: 'Cabut kunci' }).click()
    await expectVisible(keys.getByText(/^Dicabut /))
    await expectAccessible(page, '/kanal-pengaduan (revoked)')

    expect((await handOver(token, 'e2e-2')).status).toBe(401)
    expect(problems).toEqual([])
  })
})
