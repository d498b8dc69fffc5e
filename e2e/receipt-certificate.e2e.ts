/**
 * The agency's receipt signing certificate in a real browser: the BKPSDM admin of the demo agency opens
 * "Sertifikat tanda terima" from the menu, is told the password is wrong, uploads a P12, sees its owner, validity and
 * fingerprint (never the key), and deletes it after a confirmation. axe-core runs on the page and the dialog.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestP12, testP12Passphrase } from '../src/features/receipts/receipts.testing.js'
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

describe('receipt signing certificate', () => {
  it('uploads, shows and deletes the agency certificate', async () => {
    const p12File = path.join(server.dataDir, 'bkpsdm-uji.p12')
    writeFileSync(p12File, makeTestP12({ commonName: 'BKPSDM Kota Contoh', serialNumber: '2a' }).p12)
    const page = await context.newPage()
    const problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'sertifikat tanda tangan tanda terima ikrar',
    })
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Sertifikat tanda terima' })
      .click()
    await page.waitForURL('**/sertifikat-tanda-terima')
    await expectVisible(page.getByRole('heading', { name: 'Belum ada sertifikat' }))
    await expectAccessible(page, '/sertifikat-tanda-terima (none)')

    // Without a file: told next to the field, nothing sent.
    await page.getByRole('button', { name: 'Unggah sertifikat' }).click()
    await expectVisible(page.getByText('Pilih berkas sertifikat.'))

    await page.locator('input[type="file"]').setInputFiles(p12File)
    await page.getByLabel(/^Kata sandi berkas/).fill('salah')
    await page.getByRole('button', { name: 'Unggah sertifikat' }).click()
    await expectVisible(page.getByText('Kata sandi berkas sertifikat salah.'))
    await expectAccessible(page, '/sertifikat-tanda-terima (wrong password)')

    await page.getByLabel(/^Kata sandi berkas/).fill(testP12Passphrase)
    await page.getByRole('button', { name: 'Unggah sertifikat' }).click()
    await expectVisible(page.getByRole('heading', { name: 'Sertifikat yang dipakai' }))
    const facts = page.getByRole('region', { name: 'Sertifikat yang dipakai' })
    await expect.poll(() => facts.getByText('BKPSDM Kota Contoh', { exact: true }).count()).toBe(2) // owner and issuer
    await expectVisible(facts.getByText('1 Januari 2028'))
    await expectVisible(facts.getByText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/))
    await expectVisible(page.getByRole('heading', { name: 'Ganti sertifikat' }))
    expect(await page.content()).not.toContain(testP12Passphrase)
    await expectAccessible(page, '/sertifikat-tanda-terima (certificate)')

    await page.getByRole('button', { name: 'Hapus sertifikat' }).click()
    const dialog = page.getByRole('dialog', { name: 'Hapus sertifikat tanda tangan?' })
    await dialog.waitFor()
    await expectAccessible(page, '/sertifikat-tanda-terima (delete dialog)')
    await dialog.getByRole('button', { name: 'Ya, hapus' }).click()
    await expectVisible(page.getByRole('heading', { name: 'Belum ada sertifikat' }))

    // The refused upload answered 422 on purpose; nothing else may have gone wrong in the page.
    expect(problems.filter((problem) => !/status of 422/.test(problem))).toEqual([])
  })
})
