/**
 * Issue #5's citizen journey (JOURNEYS.md, journey 1) to its end, with the staff inbox in between: an anonymous
 * citizen files a report with a photo on `/lapor` (phone, 360 × 740) and keeps the receipt; the agency's BKPSDM admin
 * (desktop, 1366 × 768) opens "Laporan masuk" under Pengaduan, finds the report by its number (the search goes into
 * the address), opens it (the description with HTML in it is shown as text, the reporter as "Pelapor anonim"), looks
 * at the photo (the copy without EXIF/GPS), sets "Sedang diperiksa" (after a confirmation that says what the reporter
 * will see) and asks "Minta informasi tambahan". The citizen reads the question on `/lapor/status` and answers (which
 * puts the report back to "Sedang diperiksa" by itself); the inbox shows the new message, the admin reads the answer
 * and sets "Selesai ditangani" (confirmed the same way), and the citizen's status page says "Selesai ditangani".
 * The reveal-request page is reachable from the menu (nothing pending). axe-core (0 serious/critical) on the inbox,
 * the detail page, the dialogs and the reveal-request page.
 */
import { randomBytes } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { photoWithGps } from '../src/features/reports/evidence/evidence.testing.js'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { groupedReceipt } from './support/reports.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

const run = randomBytes(4).toString('hex')
const injected = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
const description =
  `Pak Budi membagikan video kampanye calon nomor urut 2 di grup WhatsApp kantor pada jam kerja (${run}). ` +
  injected
const question = 'Kapan tepatnya video itu dibagikan, dan di grup WhatsApp yang mana?'
const answer = `Tanggal 20 November sekitar pukul 10.00, di grup "Dinas Pendidikan Kota" (${run}).`

let server: RunningServer
let browser: Browser
let phone: BrowserContext
let desktop: BrowserContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  })
  desktop = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    acceptDownloads: true,
  })
})

afterAll(async () => {
  await phone?.close()
  await desktop?.close()
  await browser?.close()
  expect(await server?.stop()).toBe(0)
})

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([])
}

/** Nothing typed ran: no flag set by an injected handler or script, no injected element in the page. */
async function expectNoInjection(page: Page, name: string): Promise<void> {
  expect(await page.evaluate<unknown>('window.__pwned'), `script ran on ${name}`).toBeUndefined()
  expect(await page.locator('img[src="x"], script:not([src])').count(), `injected element on ${name}`).toBe(0)
}

/** Opens the report on the status page with the receipt (typed with spaces, as copied). */
async function openStatus(page: Page, receipt: string, reportNumber: string): Promise<void> {
  await page.goto(`${server.baseUrl}/lapor/status`)
  await page.getByLabel(/^Kode tanda terima/).fill(groupedReceipt(receipt))
  await page.getByRole('button', { name: 'Lihat status' }).click()
  await page.getByRole('heading', { name: `Laporan ${reportNumber}` }).waitFor()
}

describe('staff inbox: a citizen reports anonymously, staff ask, the citizen answers, staff close the report', () => {
  let citizen: Page
  let citizenProblems: string[]
  let staff: Page
  let staffProblems: string[]
  let receipt = ''
  let reportNumber = ''

  it('the citizen files an anonymous report with a photo and keeps the receipt', async () => {
    citizen = await phone.newPage()
    citizenProblems = watchPageErrors(citizen)
    await citizen.goto(`${server.baseUrl}/lapor`)
    await citizen.getByText('Langkah 1 dari 5').waitFor()
    await citizen.getByLabel(/^Cari jenis pelanggaran/).fill('share')
    await citizen.locator('#lp-category-DS-06').check()
    await citizen.getByLabel(/^Ceritakan apa yang terjadi/).fill(description)
    const next = async (step: string) => {
      await citizen.getByRole('button', { name: 'Lanjut' }).click()
      await citizen.getByText(step, { exact: true }).waitFor()
    }
    await next('Langkah 2 dari 5')
    await citizen.getByLabel(/^Nama orang yang dilaporkan/).fill('Budi Santoso')
    await next('Langkah 3 dari 5')
    await next('Langkah 4 dari 5')
    const [chooser] = await Promise.all([
      citizen.waitForEvent('filechooser'),
      citizen.getByText('Pilih berkas', { exact: true }).click(),
    ])
    await chooser.setFiles({
      name: 'bukti.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoWithGps('jpeg'),
    })
    await next('Langkah 5 dari 5')
    expect(await citizen.getByRole('radio', { name: /^Anonim \(tanpa nama\)/ }).isChecked()).toBe(true)
    await next('Langkah terakhir: periksa dan kirim')
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click()
    await citizen.getByRole('heading', { name: 'Laporan Anda sudah terkirim' }).waitFor()

    receipt = (await citizen.locator('.lp-receipt-code').innerText()).replace(/\s/g, '')
    expect(receipt).toMatch(/^\d{16}$/)
    reportNumber = (await citizen.getByText(/^Nomor laporan:/).innerText())
      .replace(/^Nomor laporan:\s*/, '')
      .trim()
    expect(reportNumber).not.toBe('')
  })

  it('the admin finds the report in Pengaduan; the search is kept in the address', async () => {
    staff = await desktop.newPage()
    staffProblems = watchPageErrors(staff)
    await completeFirstSignIn(staff, server.baseUrl, {
      ...server.admin,
      newPassword: 'kotak masuk pengaduan warga netral',
    })
    const menu = staff.getByRole('navigation', { name: 'Menu utama' })
    // The menu group of the inbox (after sign-in the menu may still be rendering: wait for it).
    await menu.getByText('Pengaduan', { exact: true }).waitFor()
    await menu.getByRole('link', { name: 'Laporan masuk' }).click()
    await staff.waitForURL((url) => url.pathname === '/pengaduan')
    await staff.getByRole('heading', { name: 'Pengaduan', level: 1 }).waitFor()
    const table = staff.getByRole('table', { name: 'Daftar laporan masuk' })
    await table.waitFor()
    const row = table.getByRole('row').filter({ hasText: reportNumber })
    await expectVisible(row.getByText('Baru diterima'))
    await expectVisible(row.getByText('Budi Santoso'))
    await expectVisible(row.getByText('Formulir publik'))
    await expectVisible(row.getByText('1 berkas'))
    await expectAccessible(staff, '/pengaduan')

    await staff.getByRole('searchbox', { name: /^Cari/ }).fill(reportNumber)
    await staff.waitForURL((url) => url.searchParams.get('q') === reportNumber)
    await expect.poll(() => table.getByRole('row').count()).toBe(2)
    // The filtered inbox survives a reload (the filters live in the address).
    await staff.reload()
    await table.getByRole('link', { name: reportNumber }).waitFor()
    expect(await staff.getByRole('searchbox', { name: /^Cari/ }).inputValue()).toBe(reportNumber)
  })

  it('opens the report: the description as text, the anonymous reporter, the photo without its metadata', async () => {
    await staff
      .getByRole('table', { name: 'Daftar laporan masuk' })
      .getByRole('link', { name: reportNumber })
      .click()
    await staff.getByRole('heading', { name: `Laporan ${reportNumber}`, level: 1 }).waitFor()
    expect(await staff.getByTestId('report-description').innerText()).toBe(description)
    await expectNoInjection(staff, 'report detail')
    await expectVisible(staff.getByText('Pelapor anonim', { exact: true }))
    await expectVisible(staff.getByText('Anonim', { exact: true }))

    const image = staff.getByTestId('evidence-image')
    await image.scrollIntoViewIfNeeded()
    await expect
      .poll(() =>
        staff.evaluate<number>(`document.querySelector('[data-testid="evidence-image"]')?.naturalWidth ?? 0`),
      )
      .toBeGreaterThan(0)
    const source = (await image.getAttribute('src')) ?? ''
    expect(source).toMatch(/\/files\/[0-9a-f-]+\/view$/)
    const viewed = await staff.request.get(`${server.baseUrl}${source}`)
    expect(viewed.status()).toBe(200)
    expect(viewed.headers()['content-type']).toBe('image/jpeg')
    const bytes = await viewed.body()
    for (const needle of ['GPS', 'NetraCam', 'Exif'])
      expect(bytes.includes(Buffer.from(needle)), `the view copy holding ${needle}`).toBe(false)
    await expectAccessible(staff, '/pengaduan/:id')

    // "Unduh asli" asks first and says the download is recorded.
    await staff.getByRole('button', { name: 'Unduh berkas asli Bukti 1' }).click()
    const dialog = staff.getByRole('dialog', { name: 'Unduh berkas asli?' })
    await dialog.waitFor()
    await expectVisible(dialog.getByText(/dicatat dalam jejak audit/))
    await expectAccessible(staff, '/pengaduan/:id (download dialog)')
    await dialog.getByRole('button', { name: 'Batal' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('sets "Sedang diperiksa" after a confirmation that says what the reporter will see', async () => {
    await staff.getByRole('button', { name: 'Mulai periksa' }).click()
    const review = staff.getByRole('dialog', { name: `Mulai memeriksa laporan ${reportNumber}?` })
    await review.waitFor()
    await expectVisible(review.getByText('Pelapor akan melihat status: "Sedang diperiksa petugas".'))
    await expectAccessible(staff, '/pengaduan/:id (status dialog)')
    await review.getByRole('button', { name: 'Mulai periksa' }).click()
    await review.waitFor({ state: 'hidden' })
    await staff.getByRole('button', { name: 'Mulai periksa' }).waitFor({ state: 'detached' })
    await staff.getByText('Sedang diperiksa', { exact: true }).first().waitFor()
  })

  it('asks the reporter for more information', async () => {
    await staff.getByLabel(/^Pesan untuk pelapor/).fill(question)
    await staff.getByRole('button', { name: 'Minta informasi tambahan' }).click()
    await staff.locator('.netra-report-message-body').filter({ hasText: question }).waitFor()
    await staff.getByText('Menunggu jawaban pelapor').first().waitFor()
    expect(await staff.getByLabel(/^Pesan untuk pelapor/).inputValue()).toBe('')
  })

  it('the citizen reads the question on the status page and answers', async () => {
    await openStatus(citizen, receipt, reportNumber)
    await expectVisible(citizen.getByText('Petugas meminta informasi tambahan dari Anda', { exact: true }))
    expect(await citizen.locator('.lp-bubble-body').allTextContents()).toEqual([question])
    await citizen.getByLabel(/^Tulis pesan atau jawaban untuk petugas/).fill(answer)
    await citizen.getByRole('button', { name: 'Kirim pesan' }).click()
    await citizen.getByText('Pesan terkirim.').waitFor()
  })

  it('the admin sees the new message in the inbox and reads the answer', async () => {
    await staff.goto(`${server.baseUrl}/pengaduan`)
    const row = staff
      .getByRole('table', { name: 'Daftar laporan masuk' })
      .getByRole('row')
      .filter({ hasText: reportNumber })
    await row.getByText('1 pesan baru').waitFor()
    await row.getByRole('link', { name: reportNumber }).click()
    await staff.getByRole('heading', { name: `Laporan ${reportNumber}`, level: 1 }).waitFor()
    const bodies = staff.locator('.netra-report-message-body')
    await expect.poll(() => bodies.allTextContents()).toEqual([question, answer])
  })

  it('the answer put the report back to "Sedang diperiksa"; the admin sets "Selesai ditangani"', async () => {
    // The answer put the report back in review by itself (the server's rule): only closing is left to do.
    await staff.getByText('Sedang diperiksa', { exact: true }).first().waitFor()
    await staff.getByRole('button', { name: 'Selesai ditangani' }).click()
    const close = staff.getByRole('dialog', { name: `Tandai laporan ${reportNumber} selesai ditangani?` })
    await close.waitFor()
    await expectVisible(close.getByText('Pelapor akan melihat status: "Selesai ditangani".'))
    await close.getByRole('button', { name: 'Selesai ditangani' }).click()
    await close.waitFor({ state: 'hidden' })
    // Closed: the only way on is to reopen it.
    await staff.getByRole('button', { name: 'Buka kembali' }).waitFor()
    await expectVisible(staff.getByText('Selesai ditangani', { exact: true }).first())
    await expectAccessible(staff, '/pengaduan/:id (closed)')
    expect(staffProblems).toEqual([])
  })

  it('the reveal-request page opens from the menu, with nothing pending', async () => {
    await staff
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Permintaan buka identitas' })
      .click()
    await staff.waitForURL((url) => url.pathname === '/pengaduan/permintaan-identitas')
    await staff.getByText('Tidak ada permintaan yang menunggu').waitFor()
    await expectAccessible(staff, '/pengaduan/permintaan-identitas')
    expect(staffProblems).toEqual([])
  })

  it('the citizen\'s status page says "Selesai ditangani"', async () => {
    await citizen.getByRole('button', { name: 'Tutup laporan ini' }).click()
    await openStatus(citizen, receipt, reportNumber)
    await expectVisible(citizen.getByText('Selesai ditangani', { exact: true }))
    expect(await citizen.locator('.lp-bubble-body').allTextContents()).toEqual([question, answer])
    expect(citizenProblems).toEqual([])
  })
})
