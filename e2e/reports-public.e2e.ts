/**
 * Issue #5's citizen journey (JOURNEYS.md, journey 1) in a real browser on a 360 × 740 phone, against the real
 * server: an anonymous citizen follows the link on the sign-in page to `/lapor`, picks the social-media violation,
 * writes what happened (with HTML in it), names the person and the unit, sets date, time and place, attaches a photo
 * that carries GPS in its EXIF, keeps "Anonim", checks the summary and sends; the receipt screen shows the 16 digits
 * once and copies them. On `/lapor/status` a wrong receipt is not found, the copied receipt (typed with spaces) shows
 * "Diterima, menunggu diperiksa petugas"; a message with HTML in it is sent, appears in the thread as text and is
 * still there when the report is opened again; one more photo is added. Nothing typed runs as script.
 *
 * Then the server is stopped and its data directory read byte by byte: the evidence files hold no image in the clear
 * (no JPEG/PNG signature, no "GPS", no camera make), and no file there, nor anything the server wrote to its output
 * (its log), holds the browser's user agent, the description, the message, the receipt or the photo's file name.
 * Log lines of the public routes carry no address, user agent or concrete URL.
 * axe-core runs on every form step, the receipt screen and the status page; console errors fail the test except the
 * 404 of the wrong receipt (and the staff app's 401 on the sign-in page); no page scrolls sideways.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { budgetBytes, measurePublicBundle } from '../scripts/public-bundle-size.js'
import { photoWithGps } from '../src/features/reports/evidence/evidence.testing.js'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { filesContaining, filesUnder, groupedReceipt, jpegMagic, pngMagic } from './support/reports.js'
import { startServer, type RunningServer } from './support/server.js'

/** Distinctive, per run: found anywhere on disk or in the log, they can only have come from this journey. */
const run = randomBytes(4).toString('hex')
const userAgentToken = `NetraUjiPonsel/${run}`
const userAgent = `Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 ${userAgentToken}`
const descriptionMarker = `PENANDA-CERITA-${run}`
const messageMarker = `PENANDA-PESAN-${run}`
const injected = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
const description =
  `Pak Budi membagikan video kampanye calon nomor urut 2 di grup WhatsApp kantor pada jam kerja. ` +
  `${descriptionMarker} ${injected}`
const message = `Unggahan dibuat tanggal 20 November, tangkapan layar terlampir. ${messageMarker} ${injected}`
const photoName = `bukti-${run}.jpg`
const morePhotoName = `tambahan-${run}.png`

/** The catalogue's DS-06 in its Indonesian name, as the form lists it. */
const socialMediaCategory =
  /^Membuat posting, comment, share, like, bergabung\/follow grup atau akun pemenangan calon/

let server: RunningServer
let browser: Browser
let phone: BrowserContext
/** The line of the server's output where the citizen left the sign-in page for the report form. */
let reporterLogFrom = 0

beforeAll(async () => {
  // Request logging is at `info`: the check of the log below must see the public routes' lines.
  server = await startServer({ LOG_LEVEL: 'info' })
  browser = await launchBrowser()
  phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    userAgent,
    acceptDownloads: true,
  })
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl })
})

afterAll(async () => {
  await phone?.close()
  await browser?.close()
  expect(await server?.stop()).toBe(0)
})

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([])
}

async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
  expect(overflow, `sideways scrolling on ${name}`).toBeLessThanOrEqual(0)
}

/** Nothing typed ran: no flag set by an injected handler or script, no injected element in the page. */
async function expectNoInjection(page: Page, name: string): Promise<void> {
  expect(await page.evaluate<unknown>('window.__pwned'), `script ran on ${name}`).toBeUndefined()
  expect(await page.locator('img[src="x"], script:not([src])').count(), `injected element on ${name}`).toBe(0)
}

async function next(page: Page, expectedStep: string): Promise<void> {
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await page.getByText(expectedStep, { exact: true }).waitFor()
}

/** `YYYY-MM-DDTHH:mm` two days ago on a clock in Jakarta (UTC+7), for the datetime-local field. */
const twoDaysAgoInJakarta = (): string =>
  new Date(Date.now() - 2 * 24 * 3600_000 + 7 * 3600_000).toISOString().slice(0, 16)

/** A request's line in the server's log (src/server/plugins/request-logging.ts). */
interface LogEntry {
  readonly request?: {
    readonly method?: string
    readonly url?: string
    readonly route?: string
    readonly ip?: string
    readonly userAgent?: string
  }
}

/** The wrong receipt's 404 is provoked on purpose; anything else in the console fails the test. */
const unexpected = (problems: readonly string[]) =>
  problems.filter(
    (problem) => !/Failed to load resource: the server responded with a status of 404/.test(problem),
  )

describe('public report: an anonymous citizen reports on a phone and follows the report with the receipt', () => {
  let page: Page
  let problems: string[]
  let receipt = ''
  let reportNumber = ''
  let statusPage: Page
  let statusProblems: string[]

  it('opens the report form from the sign-in page and picks the social-media violation', async () => {
    page = await phone.newPage()
    problems = watchPageErrors(page)
    await page.goto(`${server.baseUrl}/masuk`)
    // The sign-in page is the staff app's and logged as such; from the link on, the browser is the reporter's.
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
    reporterLogFrom = server.output().split('\n').length - 1
    await page.getByRole('link', { name: 'Laporkan pelanggaran netralitas' }).click()
    await page.waitForURL((url) => url.pathname === '/lapor')
    await page.getByText('Langkah 1 dari 5').waitFor()
    await expectVisible(page.getByRole('button', { name: 'Keluar cepat' }))
    await page.getByRole('radio', { name: socialMediaCategory }).first().waitFor()
    await expectAccessible(page, '/lapor step 1')
    await expectNoSidewaysScroll(page, '/lapor step 1')

    // Moving on with nothing chosen names both problems next to their fields.
    await page.getByRole('button', { name: 'Lanjut' }).click()
    await page.getByText('Pilih salah satu jenis, atau pilih "Tidak yakin".').waitFor()
    // (each message follows a hidden warning sign)
    await expectVisible(page.getByText(/Ceritakan apa yang terjadi\.$/))
    await expectAccessible(page, '/lapor step 1 (errors)')

    await page.getByLabel(/^Cari jenis pelanggaran/).fill('share')
    await page.getByText('2 jenis ditampilkan.').waitFor()
    const category = page.getByRole('radio', { name: socialMediaCategory })
    await expect.poll(() => category.count()).toBe(1)
    await category.check()
    expect(await page.locator('#lp-category-DS-06').isChecked()).toBe(true)
    await page.getByLabel(/^Ceritakan apa yang terjadi/).fill(description)
    await expectNoInjection(page, '/lapor step 1')
    await next(page, 'Langkah 2 dari 5')
  })

  it('names the person and picks the unit from the suggestions', async () => {
    await page.getByLabel(/^Nama orang yang dilaporkan/).fill('Budi Santoso')
    const unit = page.getByRole('combobox', { name: /^Unit kerja atau kantor/ })
    await unit.fill('Dinas Pendidikan')
    const option = page.getByRole('option', { name: /Dinas Pendidikan/ }).first()
    await option.waitFor()
    await expectAccessible(page, '/lapor step 2 (unit suggestions)')
    await expectNoSidewaysScroll(page, '/lapor step 2')
    await option.click()
    expect(await unit.inputValue()).toBe('Dinas Pendidikan')
    await next(page, 'Langkah 3 dari 5')
  })

  it('sets date, time, region and place', async () => {
    await page.getByLabel(/^Tanggal dan jam kejadian/).fill(twoDaysAgoInJakarta())
    await page.getByRole('combobox', { name: /^Daerah/ }).fill('Kota Bandung')
    const region = page.getByRole('option', { name: /Kota Bandung/ }).first()
    await region.waitFor()
    await expectAccessible(page, '/lapor step 3 (region suggestions)')
    await region.click()
    await page.getByText(/^Terpilih: Kota Bandung/).waitFor()
    await page.getByLabel(/^Tempat/).fill('Ruang rapat lantai 2')
    await expectAccessible(page, '/lapor step 3')
    await next(page, 'Langkah 4 dari 5')
  })

  it('attaches a photo with GPS in its EXIF', async () => {
    const photo = await photoWithGps('jpeg')
    // The fixture carries EXIF (camera make and GPS position), as a phone's photo does.
    expect(photo.includes(Buffer.from('Exif')) && photo.includes(Buffer.from('NetraCam'))).toBe(true)
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByText('Pilih berkas', { exact: true }).click(),
    ])
    await chooser.setFiles({ name: photoName, mimeType: 'image/jpeg', buffer: photo })
    expect(await page.locator('.lp-file-name').allTextContents()).toEqual([photoName])
    await expectAccessible(page, '/lapor step 4 (one file)')
    await expectNoSidewaysScroll(page, '/lapor step 4')
    await next(page, 'Langkah 5 dari 5')
  })

  it('keeps "Anonim", checks the summary (the HTML shown as text) and sends', async () => {
    const anonymous = page.getByRole('radio', { name: /^Anonim \(tanpa nama\)/ })
    expect(await anonymous.isChecked()).toBe(true)
    expect(await page.getByLabel(/^Nama Anda/).count()).toBe(0)
    await expectAccessible(page, '/lapor step 5')
    await next(page, 'Langkah terakhir: periksa dan kirim')

    await expectVisible(page.getByText(description, { exact: true }))
    await expectVisible(page.getByText('Budi Santoso', { exact: true }))
    await expectVisible(page.getByText(socialMediaCategory).first())
    await expectNoInjection(page, '/lapor summary')
    await expectAccessible(page, '/lapor summary')
    await expectNoSidewaysScroll(page, '/lapor summary')

    await page.getByRole('button', { name: 'Kirim laporan' }).click()
    await page.getByRole('heading', { name: 'Laporan Anda sudah terkirim' }).waitFor()
  })

  it('shows the 16-digit receipt once, with the warning, and copies it', async () => {
    await expectVisible(page.getByText('Kode ini hanya ditampilkan sekali.'))
    const shown = (await page.locator('.lp-receipt-code').innerText()).trim()
    expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/)
    const number = await page.getByText(/^Nomor laporan:/).innerText()
    reportNumber = number.replace(/^Nomor laporan:\s*/, '').trim()
    expect(reportNumber).not.toBe('')

    await page.getByRole('button', { name: 'Salin', exact: true }).click()
    await page.getByText('Kode tanda terima disalin.').waitFor()
    receipt = await page.evaluate<string>('navigator.clipboard.readText()')
    expect(receipt).toMatch(/^\d{16}$/)
    expect(groupedReceipt(receipt)).toBe(shown)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).not.toContain(receipt)
    await page.getByText('Berkas tanda terima diunduh.').waitFor()
    await expectNoInjection(page, 'receipt screen')
    await expectAccessible(page, 'receipt screen')
    await expectNoSidewaysScroll(page, 'receipt screen')

    // The receipt is kept nowhere in the browser: not in the address, not in storage, not in a cookie.
    expect(page.url()).not.toContain(receipt)
    const stored = JSON.stringify(await phone.storageState())
    const sessionStored = await page.evaluate<string>('JSON.stringify(sessionStorage)')
    expect(stored).not.toContain(receipt)
    expect(sessionStored).not.toContain(receipt)
    expect(unexpected(problems)).toEqual([])
  })

  it('refuses a malformed and a wrong receipt on the status page', async () => {
    statusPage = await phone.newPage()
    statusProblems = watchPageErrors(statusPage)
    await statusPage.goto(`${server.baseUrl}/lapor/status`)
    await statusPage.getByRole('heading', { name: 'Masukkan kode tanda terima' }).waitFor()
    await expectAccessible(statusPage, '/lapor/status')
    await expectNoSidewaysScroll(statusPage, '/lapor/status')

    const field = statusPage.getByLabel(/^Kode tanda terima/)
    await field.fill('1234 5678 9012 345')
    await statusPage.getByRole('button', { name: 'Lihat status' }).click()
    await statusPage.getByText('Kode tanda terima terdiri dari 16 angka. Periksa lagi.').waitFor()

    // Another report's receipt is as unlikely as this: the same 16 digits with the last one changed.
    const wrong = receipt.slice(0, 15) + String((Number(receipt[15]) + 1) % 10)
    await field.fill(groupedReceipt(wrong))
    await statusPage.getByRole('button', { name: 'Lihat status' }).click()
    await statusPage.getByText('Kode tanda terima tidak ditemukan. Periksa lagi angka-angkanya.').waitFor()
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(statusPage, '/lapor/status (not found)')
  })

  it('opens the report with the receipt typed with spaces: "Diterima, menunggu diperiksa petugas"', async () => {
    await statusPage.getByLabel(/^Kode tanda terima/).fill(groupedReceipt(receipt))
    await statusPage.getByRole('button', { name: 'Lihat status' }).click()
    await statusPage.getByRole('heading', { name: `Laporan ${reportNumber}` }).waitFor()
    await expectVisible(statusPage.getByText('Diterima, menunggu diperiksa petugas', { exact: true }))
    await expectVisible(statusPage.getByText('Belum ada pesan dari petugas.'))
    expect(statusPage.url()).toBe(`${server.baseUrl}/lapor/status`)
    await expectAccessible(statusPage, '/lapor/status (report)')
    await expectNoSidewaysScroll(statusPage, '/lapor/status (report)')
  })

  it('sends a message with HTML in it: shown as text in the thread, and still there when opened again', async () => {
    await statusPage.getByLabel(/^Tulis pesan atau jawaban untuk petugas/).fill(message)
    await statusPage.getByRole('button', { name: 'Kirim pesan' }).click()
    await statusPage.getByText('Pesan terkirim.').waitFor()
    const bubble = statusPage.locator('.lp-bubble-body')
    expect(await bubble.allTextContents()).toEqual([message])
    await expectVisible(bubble.first())
    await expectNoInjection(statusPage, '/lapor/status (message sent)')
    await expectAccessible(statusPage, '/lapor/status (message sent)')

    // Closed and opened again: the thread comes from the server this time.
    await statusPage.getByRole('button', { name: 'Tutup laporan ini' }).click()
    await statusPage.getByRole('heading', { name: 'Masukkan kode tanda terima' }).waitFor()
    expect(await statusPage.locator('.lp-bubble-body').count()).toBe(0)
    await statusPage.getByLabel(/^Kode tanda terima/).fill(`${receipt.slice(0, 8)}-${receipt.slice(8)}`)
    await statusPage.getByRole('button', { name: 'Lihat status' }).click()
    await statusPage.getByRole('heading', { name: `Laporan ${reportNumber}` }).waitFor()
    expect(await statusPage.locator('.lp-bubble-body').allTextContents()).toEqual([message])
    await expectVisible(statusPage.getByText(message, { exact: true }))
    await expectNoInjection(statusPage, '/lapor/status (thread from the server)')
  })

  it('adds one more photo (PNG with GPS) from the status page', async () => {
    const photo = await photoWithGps('png')
    const [chooser] = await Promise.all([
      statusPage.waitForEvent('filechooser'),
      statusPage.getByText('Pilih berkas', { exact: true }).click(),
    ])
    await chooser.setFiles({ name: morePhotoName, mimeType: 'image/png', buffer: photo })
    expect(await statusPage.locator('.lp-file-name').allTextContents()).toEqual([morePhotoName])
    await statusPage.getByRole('button', { name: 'Kirim bukti' }).click()
    // The notice counts the report's files (the API answers the total), not the ones just sent: see the report.
    await statusPage.getByText('1 berkas bukti terkirim.', { exact: true }).waitFor()
    expect(await statusPage.locator('.lp-file-name').count(), 'the chosen file list is emptied').toBe(0)
    await expectAccessible(statusPage, '/lapor/status (evidence added)')
    expect(await statusPage.evaluate<unknown>('window.__pwned')).toBeUndefined()
    expect(unexpected(statusProblems)).toEqual([])
    expect(
      statusProblems.filter((problem) => /status of 404/.test(problem)).length,
      'the wrong receipt answered 404',
    ).toBeGreaterThan(0)
    expect(unexpected(problems)).toEqual([])
  })

  it("sends the form's script brotli-compressed (written by the build) to a browser that accepts it", async () => {
    const html = await (await fetch(`${server.baseUrl}/lapor`)).text()
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script, 'the page names its script').toBeDefined()
    const compressed = await fetch(`${server.baseUrl}${script}`, { headers: { 'accept-encoding': 'br' } })
    expect(compressed.status).toBe(200)
    expect(compressed.headers.get('content-encoding')).toBe('br')
    const plain = await fetch(`${server.baseUrl}${script}`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    // fetch undoes the brotli: the same script either way.
    expect(await compressed.text()).toBe(await plain.text())
  })

  it('keeps the JavaScript of the public pages within 150 KB gzip, in the build this server serves', () => {
    const size = measurePublicBundle(path.resolve('dist/web'))
    expect(size.initial.map((file) => file.file)).toContainEqual(expect.stringMatching(/^assets\/lapor-/))
    expect(size.totalBytes).toBeLessThanOrEqual(budgetBytes)
  })

  it('leaves no image, GPS, user agent, text or receipt in the clear in DATA_DIR or the log', async () => {
    await statusPage.close()
    await page.close()
    // Stopped first: SQLite folds its write-ahead log into the database file and the log is complete.
    expect(await server.stop()).toBe(0)

    const evidenceDir = path.join(server.dataDir, 'evidence')
    const evidenceFiles = filesUnder(evidenceDir)
    // Two photos: each kept as the encrypted original and an encrypted copy without metadata.
    expect(evidenceFiles.length, 'stored evidence files').toBe(4)
    for (const needle of [jpegMagic, pngMagic, 'GPS', 'NetraCam', 'Exif'])
      expect(
        filesContaining(evidenceDir, evidenceFiles, needle),
        `evidence holding ${String(needle)}`,
      ).toEqual([])

    const allFiles = filesUnder(server.dataDir)
    const databaseFiles = allFiles.filter((file) => path.basename(file).startsWith('netra.db'))
    expect(databaseFiles.length, 'the SQLite database file').toBeGreaterThanOrEqual(1)
    const secrets = {
      'user agent': userAgentToken,
      description: descriptionMarker,
      message: messageMarker,
      receipt,
      'grouped receipt': groupedReceipt(receipt),
      "photo's file name": `bukti-${run}`,
      "added photo's file name": `tambahan-${run}`,
    }
    for (const [what, secret] of Object.entries(secrets)) {
      expect(
        filesContaining(server.dataDir, allFiles, secret),
        `files in DATA_DIR holding the ${what}`,
      ).toEqual([])
      // The user agent is in the sign-in page's lines (a staff page): checked line by line below.
      if (secret !== userAgentToken)
        expect(server.output().includes(secret), `the log holding the ${what}`).toBe(false)
    }

    // From the report form on, no log line carries the browser's user agent (or address): not the public API's,
    // not the pages', not the static files' (a page's own script bundle tells which page was opened, and when).
    const logLines = (from: number) =>
      server
        .output()
        .split('\n')
        .slice(from)
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogEntry)
    const reporterLines = logLines(reporterLogFrom)
    const named = (entry: LogEntry) =>
      `${entry.request?.method ?? ''} ${entry.request?.url ?? entry.request?.route ?? ''}`
    expect(
      reporterLines.filter((entry) => JSON.stringify(entry).includes(userAgentToken)).map(named),
      'log lines with the user agent after the sign-in page',
    ).toEqual([])
    expect(
      reporterLines.filter((entry) => entry.request !== undefined && 'ip' in entry.request).map(named),
      'log lines with the client address after the sign-in page',
    ).toEqual([])

    // The public routes were logged (so the checks above saw them), with method and route pattern only.
    const publicLines = logLines(0).filter((entry) =>
      /^\/(api\/v1\/public\/|lapor)/.test(entry.request?.route ?? ''),
    )
    expect(publicLines.length, 'log lines of the public routes').toBeGreaterThan(0)
    for (const entry of publicLines)
      expect(Object.keys(entry.request ?? {}).sort()).toEqual(['method', 'route'])
  })
})
