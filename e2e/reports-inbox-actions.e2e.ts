/**
 * The staff inbox's actions on a report (issue #5 points 3, 4 and 6) in Chromium at desktop size (1366 × 768), in
 * Indonesian. Reports are filed over the public API (POST /api/v1/public/reports) to set the scene; every staff
 * step is clicked.
 * 1. Duplicates: two reports about the same event; the BKPSDM admin marks the second as a duplicate of the first
 *    from its detail page ("Tandai duplikat"), the detail pages show the link both ways, the inbox shows
 *    "Duplikat" and its status filter finds it; marking the first as a duplicate of the second (a chain) is refused
 *    with a message that names the report to choose instead. "Urutan: Terlama di atas" puts the first on top and
 *    "Unduh Excel" downloads that list in the same order.
 * 2. Employee link: a report names a person with the NIP, name and unit of a demo employee; the admin sees that
 *    employee suggested ("NIP sama"), links it (the link shows and survives a reload), and "Laporan terkait" lists
 *    the other report about the same person (name and unit).
 * 3. Confidential reporter: the admin sees "Identitas dirahasiakan", asks to reveal it with a reason, is refused
 *    when approving that request themselves, creates a PPK account (custodian) on /pengguna; the PPK approves on
 *    /pengaduan/permintaan-identitas; the admin then reads the name and phone, and the audit trail records the
 *    approval.
 * axe-core (0 serious/critical) on the pages and dialogs; console errors fail the test.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmployeeList } from '../src/features/employees/employees.schema.js'
import type { NewReportBody, NewReportResult } from '../src/features/reports/reports.schema.js'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

const run = randomBytes(4).toString('hex')

let server: RunningServer
let browser: Browser
let desktop: BrowserContext
let custodianDesktop: BrowserContext
let staff: Page
let staffProblems: string[]

const contextOptions = {
  viewport: { width: 1366, height: 768 },
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
} as const

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  desktop = await browser.newContext(contextOptions)
  custodianDesktop = await browser.newContext(contextOptions)
  staff = await desktop.newPage()
  staffProblems = watchPageErrors(staff)
  await completeFirstSignIn(staff, server.baseUrl, {
    ...server.admin,
    newPassword: 'tindakan kotak masuk pengaduan',
  })
})

afterAll(async () => {
  await custodianDesktop?.close()
  await desktop?.close()
  await browser?.close()
  expect(await server?.stop()).toBe(0)
})

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([])
}

/** Files a report as a citizen would through the public API (no browser needed for the setting). */
async function fileReport(body: NewReportBody): Promise<NewReportResult> {
  const response = await fetch(`${server.baseUrl}/api/v1/public/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as NewReportResult
}

/** Opens a report from the inbox by searching its number, as staff do. */
async function openReport(page: Page, reportNumber: string): Promise<void> {
  await page.goto(`${server.baseUrl}/pengaduan?q=${encodeURIComponent(reportNumber)}`)
  await page
    .getByRole('table', { name: 'Daftar laporan masuk' })
    .getByRole('link', { name: reportNumber })
    .click()
  await page.getByRole('heading', { name: `Laporan ${reportNumber}`, level: 1 }).waitFor()
}

/** The part of the detail page with this title (a section labelled by its heading). */
const section = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true })

describe('duplicates: the second report about the same event is merged into the first', () => {
  const person = { name: 'Agus Prasetyo', unitName: 'Kecamatan Lowokwaru' }
  let first = ''
  let second = ''

  it('two reports about the same event arrive', async () => {
    first = (
      await fileReport({
        categoryCode: 'DS-06',
        description: `Camat Agus memasang foto calon di akun Instagram kantor kecamatan (${run}-a).`,
        reportedPerson: person,
        identityLevel: 'anonymous',
      })
    ).reportNumber
    second = (
      await fileReport({
        categoryCode: 'DS-06',
        description: `Akun Instagram Kecamatan Lowokwaru mengunggah foto kampanye calon (${run}-b).`,
        reportedPerson: person,
        identityLevel: 'anonymous',
      })
    ).reportNumber
    expect(second).not.toBe(first)
  })

  it('marks the second as a duplicate of the first from its detail page', async () => {
    await openReport(staff, second)
    // The first report is already suggested as related (same name and unit).
    const related = section(staff, 'Laporan terkait')
    await related.getByRole('link', { name: first }).waitFor()

    await staff.getByRole('button', { name: 'Tandai duplikat' }).click()
    const dialog = staff.getByRole('dialog', { name: 'Tandai duplikat' })
    await dialog.waitFor()
    // Nothing chosen yet: the dialog asks for a choice instead of sending.
    await dialog.getByRole('button', { name: 'Tandai duplikat' }).click()
    await dialog.getByText('Pilih laporan yang diduplikasi.').waitFor()
    await dialog.getByLabel(/^Nomor laporan yang sama/).fill(first)
    const candidate = dialog.getByRole('radio', { name: `${first} · ${person.name}` })
    await candidate.waitFor()
    // Only the other report is offered, never this one.
    await expect.poll(() => dialog.getByRole('radio').count()).toBe(1)
    await expectAccessible(staff, '/pengaduan/:id (duplicate dialog)')
    await candidate.check()
    await dialog.getByRole('button', { name: 'Tandai duplikat' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // The detail page now says what it is a duplicate of, and offers only reopening.
    await related.getByText('Duplikat dari').waitFor()
    const duplicateOf = related.getByText('Duplikat dari').locator('..')
    expect(await duplicateOf.getByRole('link', { name: first }).getAttribute('href')).toMatch(
      /^\/pengaduan\/[0-9a-f-]+$/,
    )
    await staff.getByText('Duplikat', { exact: true }).first().waitFor()
    await staff.getByRole('button', { name: 'Buka kembali' }).waitFor()
    expect(await staff.getByRole('button', { name: 'Tandai duplikat' }).count()).toBe(0)
    await expectAccessible(staff, '/pengaduan/:id (duplicate)')
    expect(staffProblems).toEqual([])
  })

  it('the inbox shows the duplicate, and its status filter finds it', async () => {
    await staff.goto(`${server.baseUrl}/pengaduan`)
    const table = staff.getByRole('table', { name: 'Daftar laporan masuk' })
    const rowOf = (number: string) => table.getByRole('row').filter({ hasText: number })
    await rowOf(second).getByText('Duplikat', { exact: true }).waitFor()
    await expectVisible(rowOf(first).getByText('Baru diterima', { exact: true }))

    await staff.getByRole('combobox', { name: 'Status', exact: true }).click()
    await staff.getByRole('option', { name: 'Duplikat' }).click()
    await staff.waitForURL((url) => url.searchParams.get('status') === 'duplicate')
    await expect.poll(() => table.getByRole('row').count()).toBe(2)
    await expectVisible(table.getByRole('link', { name: second }))
    await expectAccessible(staff, '/pengaduan?status=duplicate')
  })

  it('sorts the oldest first and downloads that list as Excel, in the same order', async () => {
    await staff.goto(`${server.baseUrl}/pengaduan`)
    const table = staff.getByRole('table', { name: 'Daftar laporan masuk' })
    await table.getByRole('link', { name: second }).waitFor()
    const order = async () =>
      (await table.getByRole('link').allInnerTexts()).filter((text) => text === first || text === second)
    expect(await order()).toEqual([second, first])

    await staff.getByRole('combobox', { name: 'Urutan' }).click()
    await staff.getByRole('option', { name: 'Terlama di atas' }).click()
    await staff.waitForURL((url) => url.searchParams.get('urut') === 'oldest')
    await expect.poll(order).toEqual([first, second])
    await expectAccessible(staff, '/pengaduan?urut=oldest')

    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Unduh Excel' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^laporan-masuk-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const bytes = readFileSync(await download.path())
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Laporan')
    if (!sheet) throw new Error('the export has no "Laporan" sheet')
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Nomor', 'Tanggal masuk'])
    const numbers = sheet
      .getColumn(1)
      .values.map(String)
      .filter((value) => value === first || value === second)
    expect(numbers).toEqual([first, second])
    expect(workbook.getWorksheet('Keterangan')).toBeDefined()
    expect(staffProblems).toEqual([])
  })

  it('the first report lists the merged one; making a chain is refused with a clear message', async () => {
    await openReport(staff, first)
    const related = section(staff, 'Laporan terkait')
    await related.getByText('Laporan yang digabung ke laporan ini').waitFor()
    expect(await related.getByRole('link', { name: second }).count()).toBeGreaterThan(0)

    await staff.getByRole('button', { name: 'Tandai duplikat' }).click()
    const dialog = staff.getByRole('dialog', { name: 'Tandai duplikat' })
    await dialog.getByLabel(/^Nomor laporan yang sama/).fill(second)
    await dialog.getByRole('radio', { name: `${second} · ${person.name}` }).check()
    await dialog.getByRole('button', { name: 'Tandai duplikat' }).click()
    const alert = dialog.getByRole('alert', { name: 'Tidak berhasil' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain(`Laporan ${second} sudah digabung ke laporan ini`)
    // The refusal is the server's answer (422), which the browser reports on the console: that one is expected.
    expect(staffProblems).toEqual([
      expect.stringMatching(
        /^console: Failed to load resource: the server responded with a status of 422 \(Unprocessable Entity\) — \/api\/v1\/reports\/[0-9a-f-]{36}\/duplicate$/,
      ),
    ])
    staffProblems.length = 0
    await expectAccessible(staff, '/pengaduan/:id (duplicate refused)')
    await dialog.getByRole('button', { name: 'Batal' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // Nothing changed: the first report is still new.
    await staff.reload()
    await staff.getByRole('heading', { name: `Laporan ${first}`, level: 1 }).waitFor()
    await staff.getByRole('button', { name: 'Tandai duplikat' }).waitFor()
    await expectVisible(staff.getByText('Baru diterima', { exact: true }).first())
    expect(staffProblems).toEqual([])
  })
})

describe('employee link: the reported person is a demo employee', () => {
  let employee: EmployeeList['items'][number]
  let named = ''
  let other = ''

  it('a report names a person by NIP, name and unit; another names them by name and unit', async () => {
    const response = await staff.request.get(
      `${server.baseUrl}/api/v1/employees?kind=PNS&status=active&pageSize=100`,
    )
    expect(response.status()).toBe(200)
    const list = (await response.json()) as EmployeeList
    const found = list.items.find((item) => item.nip !== null && !/Lowokwaru/.test(item.unitName))
    if (!found) throw new Error('the demo roster has no PNS with a NIP')
    employee = found
    const reportedPerson = { name: employee.name, unitName: employee.unitName }
    named = (
      await fileReport({
        description: `Pegawai ini membagikan ajakan memilih calon di grup WhatsApp dinas (${run}-c).`,
        reportedPerson: { ...reportedPerson, nip: employee.nip ?? '' },
        identityLevel: 'anonymous',
      })
    ).reportNumber
    other = (
      await fileReport({
        description: `Pegawai yang sama hadir berseragam dinas di kampanye akbar hari Minggu (${run}-d).`,
        reportedPerson,
        identityLevel: 'anonymous',
      })
    ).reportNumber
  })

  it('the suggested employee is linked, and the other report about them is related', async () => {
    await openReport(staff, named)
    const person = section(staff, 'Terlapor')
    await person.getByText('Belum ditautkan ke pegawai.').waitFor()
    const suggestions = person.getByRole('list', { name: 'Pegawai yang mungkin dimaksud' })
    const best = suggestions.getByRole('listitem').first()
    await best.waitFor()
    expect(await best.innerText()).toContain(employee.name)
    expect(await best.innerText()).toContain('NIP sama · kecocokan 100/100')
    await expectAccessible(staff, '/pengaduan/:id (employee suggestions)')

    await best.getByRole('button', { name: `Tautkan ke ${employee.name}` }).click()
    const linked = person.getByRole('link', { name: employee.name })
    await linked.waitFor()
    expect(await linked.getAttribute('href')).toBe(`/pegawai/${employee.id}`)
    await person.getByRole('button', { name: 'Lepas tautan' }).waitFor()
    expect(await suggestions.count()).toBe(0)

    // The other report about the same person (name and unit) is suggested as related.
    const related = section(staff, 'Laporan terkait')
    const relatedItem = related.getByRole('listitem').filter({ hasText: other })
    await relatedItem.waitFor()
    expect(await relatedItem.innerText()).toContain('nama dan unit sama')
    await expectAccessible(staff, '/pengaduan/:id (employee linked)')

    // The link is kept.
    await staff.reload()
    await person.getByRole('link', { name: employee.name }).waitFor()
    expect(staffProblems).toEqual([])
  })

  it('the other report shows the linked one as related, in the inbox too', async () => {
    await staff.goto(`${server.baseUrl}/pengaduan?q=${encodeURIComponent(other)}`)
    const row = staff
      .getByRole('table', { name: 'Daftar laporan masuk' })
      .getByRole('row')
      .filter({ hasText: other })
    await row.getByText('1 laporan', { exact: true }).waitFor()
    await row.getByRole('link', { name: other }).click()
    await staff.getByRole('heading', { name: `Laporan ${other}`, level: 1 }).waitFor()
    await section(staff, 'Laporan terkait').getByRole('link', { name: named }).waitFor()
    expect(staffProblems).toEqual([])
  })
})

describe('confidential reporter: a reveal asked by one officer, approved by another', () => {
  const reporter = { name: 'Sri Wahyuningsih', phone: '0812-3456-7890' }
  const reason =
    'Pelapor perlu dimintai keterangan sebagai saksi dalam pemeriksaan; kontaknya diperlukan untuk undangan.'
  const custodian = { username: `ppk.${run}`, displayName: `Hendra Gunawan ${run}` }
  let reportNumber = ''
  let custodianPassword = ''

  it('a confidential report arrives; the admin sees the identity hidden and asks to reveal it', async () => {
    reportNumber = (
      await fileReport({
        categoryCode: 'DS-06',
        description: `Kepala seksi mengarahkan staf untuk memilih calon tertentu saat apel pagi (${run}-e).`,
        reportedPerson: { name: 'Bambang Sutrisno' },
        identityLevel: 'confidential',
        reporter,
      })
    ).reportNumber
    await openReport(staff, reportNumber)
    const reporterSection = section(staff, 'Pelapor')
    await reporterSection.getByText('Identitas dirahasiakan').waitFor()
    expect(await staff.getByText(reporter.name).count()).toBe(0)
    expect(await staff.getByText(reporter.phone).count()).toBe(0)

    await reporterSection.getByRole('button', { name: 'Ajukan permintaan membuka identitas' }).click()
    const dialog = staff.getByRole('dialog', { name: 'Ajukan permintaan membuka identitas' })
    await dialog.waitFor()
    // Too short a reason is refused next to the field.
    await dialog.getByLabel(/^Alasan/).fill('Perlu saja.')
    await dialog.getByRole('button', { name: 'Ajukan permintaan' }).click()
    await dialog.getByText('Alasan paling sedikit 20 karakter.').waitFor()
    await dialog.getByLabel(/^Alasan/).fill(reason)
    await expectAccessible(staff, '/pengaduan/:id (reveal dialog)')
    await dialog.getByRole('button', { name: 'Ajukan permintaan' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const requests = reporterSection.getByRole('list', { name: 'Permintaan membuka identitas' })
    await requests.getByText(reason).waitFor()
    await expectVisible(requests.getByText('Menunggu keputusan'))
    expect(
      await reporterSection.getByRole('button', { name: 'Ajukan permintaan membuka identitas' }).isDisabled(),
    ).toBe(true)
    await expectAccessible(staff, '/pengaduan/:id (reveal pending)')
  })

  it('the admin cannot approve their own request', async () => {
    await staff
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Permintaan buka identitas' })
      .click()
    await staff.waitForURL((url) => url.pathname === '/pengaduan/permintaan-identitas')
    const pending = staff.getByRole('list', { name: 'Permintaan membuka identitas pelapor' })
    const item = pending.getByRole('listitem').filter({ hasText: reason })
    await item.waitFor()
    await expectVisible(item.getByText('Permintaan Anda sendiri diputuskan oleh petugas lain.'))
    await expectAccessible(staff, '/pengaduan/permintaan-identitas (own request)')

    // Their own request cannot be decided by them: both buttons are disabled, the reason beside them (the server
    // refuses it too: report-reveal.routes.test.ts).
    for (const name of [
      `Setujui permintaan untuk laporan ${reportNumber}`,
      `Tolak permintaan untuk laporan ${reportNumber}`,
    ]) {
      expect(await item.getByRole('button', { name }).isDisabled()).toBe(true)
    }
    // Still waiting for another officer.
    await staff.reload()
    await item.getByText('Menunggu keputusan').waitFor()
    expect(staffProblems).toEqual([])
  })

  it('the admin creates an account for the PPK, a custodian who decides reveal requests', async () => {
    await staff.goto(`${server.baseUrl}/pengguna`)
    await staff.getByRole('button', { name: 'Tambah pengguna' }).click()
    const create = staff.getByRole('dialog', { name: 'Tambah pengguna' })
    await create.getByLabel(/^Nama pengguna/).fill(custodian.username)
    await create.getByLabel(/^Nama lengkap/).fill(custodian.displayName)
    await create.getByRole('checkbox', { name: /^Pejabat berwenang/ }).check()
    await create.getByRole('button', { name: 'Buat akun' }).click()
    const secret = staff.getByTestId('temporary-password')
    await secret.waitFor()
    custodianPassword = (await secret.innerText()).trim()
    expect(custodianPassword).not.toBe('')
    await staff.getByRole('button', { name: 'Sudah saya catat' }).click()
    expect(staffProblems).toEqual([])
  })

  it('the PPK approves the request on the reveal-request page', async () => {
    const page = await custodianDesktop.newPage()
    const problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      username: custodian.username,
      password: custodianPassword,
      newPassword: 'pemegang kunci identitas pelapor',
    })
    const menu = page.getByRole('navigation', { name: 'Menu utama' })
    // A custodian decides requests but does not work the inbox.
    expect(await menu.getByRole('link', { name: 'Laporan masuk' }).count()).toBe(0)
    await menu.getByRole('link', { name: 'Permintaan buka identitas' }).click()
    await page.waitForURL((url) => url.pathname === '/pengaduan/permintaan-identitas')
    const item = page
      .getByRole('list', { name: 'Permintaan membuka identitas pelapor' })
      .getByRole('listitem')
      .filter({ hasText: reason })
    await item.waitFor()
    await expectVisible(item.getByText(`Laporan ${reportNumber}`))
    expect(await item.getByText('Permintaan Anda sendiri diputuskan oleh petugas lain.').count()).toBe(0)
    await expectAccessible(page, '/pengaduan/permintaan-identitas (custodian)')

    await item.getByRole('button', { name: `Setujui permintaan untuk laporan ${reportNumber}` }).click()
    const confirm = page.getByRole('dialog', { name: `Setujui permintaan untuk laporan ${reportNumber}?` })
    await confirm.waitFor()
    await expectVisible(confirm.getByText(/akan dapat membaca nama dan kontak pelapor selama 7 hari/))
    await confirm.getByLabel(/^Catatan keputusan/).fill('Disetujui untuk keperluan pemeriksaan saja.')
    await expectAccessible(page, '/pengaduan/permintaan-identitas (approve dialog)')
    await confirm.getByRole('button', { name: 'Setujui', exact: true }).click()
    await confirm.waitFor({ state: 'hidden' })
    await page.getByText('Tidak ada permintaan yang menunggu').waitFor()
    expect(problems).toEqual([])
    await page.close()
  })

  it('the admin now reads the name and phone; the approval is in the audit trail', async () => {
    await openReport(staff, reportNumber)
    const reporterSection = section(staff, 'Pelapor')
    await reporterSection.getByText(/^Identitas pelapor terbuka untuk Anda sampai /).waitFor()
    await expectVisible(reporterSection.getByText(reporter.name, { exact: true }))
    await expectVisible(reporterSection.getByText(reporter.phone, { exact: true }))
    const requests = reporterSection.getByRole('list', { name: 'Permintaan membuka identitas' })
    await expectVisible(requests.getByText('Disetujui', { exact: true }))
    await expectVisible(requests.getByText(new RegExp(`^Diputuskan oleh ${custodian.displayName}, `)))
    expect(
      await reporterSection.getByRole('button', { name: 'Ajukan permintaan membuka identitas' }).count(),
    ).toBe(0)
    await expectAccessible(staff, '/pengaduan/:id (identity revealed)')

    await staff.goto(`${server.baseUrl}/jejak-audit?tindakan=report.reveal_approved`)
    const table = staff.getByRole('table', { name: /jejak audit/i })
    await table.waitFor()
    // The trail names the account (its username).
    const rows = table.getByRole('row').filter({ hasText: custodian.username })
    await expect.poll(() => rows.count()).toBe(1)
    // In words, not as recorded (src/web/features/audit/audit-labels.ts).
    await expectVisible(rows.getByText('Pembukaan identitas disetujui'))
    await expectVisible(rows.getByText('Pengaduan', { exact: true }))
    await rows.getByRole('button', { name: 'Lihat rincian' }).click()
    await table.getByText(`"${reportNumber}"`).waitFor()
    expect(staffProblems).toEqual([])
  })
})
