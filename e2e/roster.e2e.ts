/**
 * The roster journey in a real browser (issue #3's acceptance, JOURNEYS.md journey 2): the BKPSDM admin of the demo
 * agency downloads the example file from the import page, checks it and sees "3 baris bermasalah" with row, column
 * and reason, fixes the file (the corrected file `scripts/make-example-xlsx.ts --fixed` writes), checks it clean and
 * imports it, finds an imported employee by NIP, changes their superior (a cycle is refused with the server's
 * reason) and exports the filtered list to Excel. Then a unit admin of one OPD, created in the users page, sees only
 * that OPD in the tree, the list and on the home page, and gets "not found" for an employee of another OPD. axe-core
 * runs on every page and dialog; console errors fail the test; list and detail fit a 360 px phone.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleMistakes, exampleRows } from '../scripts/make-example-xlsx.js'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

let server: RunningServer
let browser: Browser
let context: BrowserContext
const workDir = mkdtempSync(path.join(tmpdir(), 'netra-e2e-roster-'))

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    acceptDownloads: true,
  })
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

/** The browser logs every refused request; where the journey provokes one, exactly that one is expected. */
const refusedRequest = (status: number, text: string, path: string) =>
  `console: Failed to load resource: the server responded with a status of ${status} (${text}) — ${path}`

/** The API path of an employee page's address (`/pegawai/<id>` → `/employees/<id>`). */
const employeeApiPath = (pagePath: string) => pagePath.replace(/^\/pegawai\//, '/employees/')

/** A person of the corrected example file, by spreadsheet row (the header is row 1). */
function personAt(row: number) {
  const cells = exampleRows(true)[row - 1]
  if (!cells) throw new Error(`no row ${row} in the example`)
  const text = (index: number) => (typeof cells[index] === 'string' ? cells[index] : '')
  const digits = text(0).replace(/\s+/g, '')
  return {
    nip: digits,
    groupedNip: `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`,
    name: text(1),
    unit: text(9),
  }
}

// Row 15 is the row whose NIP the fix corrected; row 2 heads Dinas Kominfo, row 3 reports to row 2.
const fixedPerson = personAt(15)
const kominfoHead = personAt(2)
const kominfoKabid = personAt(3)
const bkpsdmKabid = personAt(23)
const kominfo = 'Dinas Komunikasi dan Informatika'

/** Chooses a file in a Mantine FileInput (a button that opens the browser's file chooser). */
async function chooseFile(page: Page, label: RegExp, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label).click()])
  await chooser.setFiles(file)
}

/** Types into a searchable select and picks the first option whose name matches. */
async function pick(page: Page, combobox: ReturnType<Page['getByRole']>, typed: string, option: RegExp) {
  await combobox.click()
  await combobox.fill(typed)
  await page.getByRole('option', { name: option }).first().click()
}

describe('roster: import, find, change, export, unit scope', () => {
  let page: Page
  let problems: string[]
  let fixedPersonPath = ''
  let bkpsdmKabidPath = ''
  let kominfoTotal = 0

  it('imports the example file and sees "3 baris bermasalah" with row, column and reason', async () => {
    page = await context.newPage()
    problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'daftar pegawai kota contoh lengkap',
    })
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Pegawai', exact: true })
      .click()
    await page.waitForURL('**/pegawai')
    await page.getByRole('link', { name: 'Impor dari SIASN' }).click()
    await page.waitForURL('**/pegawai/impor')
    await expectVisible(page.getByText('Tidak ada data yang disimpan sampai'))
    await expectAccessible(page, '/pegawai/impor')

    // The example file comes from the page itself.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh berkas contoh (XLSX)' }).click(),
    ])
    const example = path.join(workDir, download.suggestedFilename())
    await download.saveAs(example)
    expect(path.basename(example)).toBe('pegawai-contoh.xlsx')
    expect(readFileSync(example).equals(readFileSync('examples/pegawai-contoh.xlsx'))).toBe(true)

    await chooseFile(page, /^Berkas pegawai/, example)
    await page.getByRole('button', { name: 'Unggah dan baca judul kolom' }).click()
    await page.getByRole('button', { name: 'Periksa berkas (uji coba)' }).click()
    await expectVisible(page.getByText('3 baris bermasalah', { exact: true }))
    await expectVisible(page.getByText('48 baris dibaca, 45 valid, 3 baris bermasalah'))

    const table = page.getByRole('table', { name: 'Baris bermasalah' })
    const rows = await table.locator('tbody tr').allInnerTexts()
    expect(rows.map((row) => row.split('\t').slice(0, 2))).toEqual(
      exampleMistakes.map((mistake) => [String(mistake.row), mistake.column]),
    )
    expect(rows[0]).toContain('Tanggal lahir pada NIP tidak valid')
    expect(rows[1]).toContain('Digit jenis kelamin pada NIP (angka ke-15) harus 1 atau 2')
    expect(rows[2]).toContain('Golongan tidak dikenal')
    // Nothing can be imported from a file with problems.
    expect(await page.getByRole('button', { name: 'Impor sekarang' }).count()).toBe(0)
    await expectAccessible(page, 'import report with row errors')
  })

  it('fixes the file, checks it clean and imports all 48 rows at once', async () => {
    const fixed = path.join(workDir, 'pegawai-diperbaiki.xlsx')
    execFileSync(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        'scripts/make-example-xlsx.ts',
        '--fixed',
        '--out',
        fixed,
      ],
      { stdio: 'pipe' },
    )

    await page.getByRole('button', { name: 'Pilih berkas lain' }).click()
    await chooseFile(page, /^Berkas pegawai/, fixed)
    await page.getByRole('button', { name: 'Unggah dan baca judul kolom' }).click()
    await page.getByRole('button', { name: 'Periksa berkas (uji coba)' }).click()
    await expectVisible(page.getByText('Semua baris valid'))
    await expectVisible(page.getByText('48 baris dibaca, 48 valid, 0 baris bermasalah'))
    await expectVisible(page.getByText('48 pegawai baru').first())
    await expectAccessible(page, 'clean dry run')

    await page.getByRole('button', { name: 'Impor sekarang' }).click()
    const confirm = page.getByRole('dialog', { name: 'Impor data pegawai?' })
    await expectVisible(confirm)
    await expectAccessible(page, 'import confirmation')
    await confirm.getByRole('button', { name: 'Ya, impor' }).click()

    await expectVisible(page.getByText('48 baris tersimpan.'))
    await expectVisible(page.getByText('48 pegawai baru').first())
    expect(await page.getByText('Tidak ada data yang disimpan sampai').count()).toBe(0)
    await expectAccessible(page, 'import summary')
  })

  it('finds an imported employee by NIP, opens them and changes their superior', async () => {
    await page.getByRole('link', { name: 'Lihat daftar pegawai' }).click()
    await page.waitForURL('**/pegawai')
    // Grouped as printed on a letter: the search takes the NIP with spaces.
    await page.getByLabel(/^Cari pegawai/).fill(fixedPerson.groupedNip)
    const list = page.getByRole('table', { name: 'Daftar pegawai' })
    await expectVisible(page.getByText('Menampilkan 1–1 dari 1 pegawai'))
    await expectVisible(list.getByText(fixedPerson.groupedNip))
    await expectAccessible(page, '/pegawai (NIP search)')

    await list.getByRole('link', { name: new RegExp(`^${fixedPerson.name}`) }).click()
    await page.waitForURL(/\/pegawai\/[0-9a-f-]{36}$/)
    fixedPersonPath = new URL(page.url()).pathname
    await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(`^${fixedPerson.name}`) }))
    const breadcrumbs = page.getByRole('navigation', { name: 'Lokasi halaman' })
    expect(await breadcrumbs.innerText()).toContain(kominfo)
    expect(await page.getByTestId('superior-link').innerText()).not.toContain(kominfoHead.name)
    await expectAccessible(page, 'employee detail')

    await page.getByRole('button', { name: 'Ganti atasan' }).click()
    const dialog = page.getByRole('dialog', { name: /^Ganti atasan langsung/ })
    // Found by NIP: the demo roster has other people of the same names.
    await pick(
      page,
      dialog.getByRole('combobox', { name: /^Atasan langsung baru/ }),
      kominfoHead.nip,
      /^Dr\. Hendra Gunawan/,
    )
    await expectVisible(dialog.getByText(/menjadi Dr\. Hendra Gunawan/))
    await expectAccessible(page, 'superior dialog')
    await dialog.getByRole('button', { name: 'Simpan atasan' }).click()
    await expect.poll(() => page.getByTestId('superior-link').innerText()).toContain(kominfoHead.name)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await expectAccessible(page, 'employee detail (new superior)')

    // The head of Kominfo may not report to someone who reports to him: the server's reason is shown.
    await page.getByTestId('superior-link').click()
    await expectVisible(page.getByRole('heading', { level: 1, name: /Hendra Gunawan/ }))
    // His page now lists the employee among his direct subordinates.
    const subordinates = page.getByRole('table', { name: 'Daftar bawahan langsung' })
    await expectVisible(subordinates.getByRole('link', { name: new RegExp(`^${fixedPerson.name}`) }))
    await expectVisible(subordinates.getByText(fixedPerson.groupedNip))
    await expectAccessible(page, 'employee detail (direct subordinates)')
    await page.getByRole('button', { name: 'Ganti atasan' }).click()
    const cycle = page.getByRole('dialog', { name: /^Ganti atasan langsung/ })
    await pick(
      page,
      cycle.getByRole('combobox', { name: /^Atasan langsung baru/ }),
      kominfoKabid.nip,
      /^Ratna Kusumawati/,
    )
    await cycle.getByRole('button', { name: 'Simpan atasan' }).click()
    await expectVisible(cycle.getByText('Atasan langsung tidak boleh bawahan pegawai ini sendiri.'))
    expect(problems.splice(0)).toEqual([
      refusedRequest(
        422,
        'Unprocessable Entity',
        `/api/v1${employeeApiPath(new URL(page.url()).pathname)}/superior`,
      ),
    ])
    await expectAccessible(page, 'superior dialog (cycle refused)')
    await cycle.getByRole('button', { name: 'Batal' }).click()

    // An employee of another OPD, to open later as the Kominfo unit admin.
    await page.goto(`${server.baseUrl}/pegawai?q=${bkpsdmKabid.nip}`)
    await page.getByRole('link', { name: new RegExp(`^${bkpsdmKabid.name}`) }).click()
    await page.waitForURL(/\/pegawai\/[0-9a-f-]{36}$/)
    bkpsdmKabidPath = new URL(page.url()).pathname
    expect(problems).toEqual([])
  })

  it('exports the list filtered to one OPD as a non-empty XLSX with exactly the listed rows', async () => {
    await page.goto(`${server.baseUrl}/pegawai`)
    const summary = page.getByText(/^Menampilkan 1–25 dari [\d.]+ pegawai$/)
    await expectVisible(summary)
    const everyone = await summary.innerText()
    await pick(page, page.getByRole('combobox', { name: /^Unit kerja/ }), 'komunikasi', /^Dinas Komunikasi/)
    await page.waitForURL(/unit=/)
    await expect.poll(() => summary.innerText()).not.toBe(everyone)
    kominfoTotal = Number(
      (await summary.innerText()).replace(/^.* dari ([\d.]+) pegawai$/, '$1').replace(/\./g, ''),
    )
    expect(kominfoTotal).toBeGreaterThan(25)
    await expectAccessible(page, '/pegawai (unit filter)')

    // The next page of the same filter, and back (the page controls are named for screen readers).
    const pages = page.getByRole('navigation', { name: 'Halaman daftar' })
    await pages.getByRole('button', { name: 'Halaman 2' }).click()
    const second = `Menampilkan 26–${Math.min(50, kominfoTotal)} dari ${kominfoTotal.toLocaleString('id-ID')} pegawai`
    await expectVisible(page.getByText(second))
    await expect.poll(() => new URL(page.url()).searchParams.get('halaman')).toBe('2')
    await pages.getByRole('button', { name: 'Halaman sebelumnya' }).click()
    await expect.poll(() => summary.innerText()).toMatch(/^Menampilkan 1–25 dari /)

    await page.getByRole('button', { name: 'Unduh' }).click()
    await expectVisible(page.getByText('Sesuai penyaring yang dipakai'))
    await expectAccessible(page, 'export menu')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^pegawai-.*\.xlsx$/)
    const file = path.join(workDir, download.suggestedFilename())
    await download.saveAs(file)
    const bytes = readFileSync(file)
    expect(bytes.length).toBeGreaterThan(1000)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    if (!sheet) throw new Error('the export has no worksheet')
    const header = sheet.getRow(1).values as unknown[]
    expect(header.slice(1, 3)).toEqual(['NIP', 'NAMA'])
    expect(sheet.actualRowCount - 1).toBe(kominfoTotal)
    const nips = sheet.getColumn(1).values.map(String)
    expect(nips).toContain(fixedPerson.nip)
    expect(nips).not.toContain(bkpsdmKabid.nip)
    expect(problems).toEqual([])
  })

  it('adds a sub-unit with its region chosen by name; a search with no match leaves a valid listbox', async () => {
    await page.goto(`${server.baseUrl}/unit-kerja?q=blimbing`)
    const tree = page.getByRole('tree', { name: /./ })
    await tree.getByRole('treeitem', { name: /^Kecamatan Blimbing/ }).click()
    await page.getByRole('button', { name: 'Tambah sub-unit' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tambah unit kerja' })
    await dialog.getByLabel(/^Nama unit/).fill('Pos Pelayanan Arjosari')

    // Nothing found is one disabled option, not an empty listbox (axe: aria-required-children).
    const parent = dialog.getByRole('combobox', { name: /^Unit induk/ })
    await parent.fill('tidak ada unit seperti ini')
    await expectVisible(page.getByRole('option', { name: 'Tidak ada yang cocok' }))
    await expectAccessible(page, 'unit picker, nothing found')
    await parent.press('Escape')
    await parent.blur()
    expect(await parent.inputValue()).toMatch(/^Kecamatan Blimbing/)

    const region = dialog.getByRole('combobox', { name: /^Kode wilayah/ })
    await region.fill('zzqx')
    const nothing = page.getByRole('option', { name: 'Tidak ada wilayah yang cocok dengan "zzqx"' })
    await expect.poll(() => nothing.getAttribute('aria-disabled')).toBe('true')
    await expectAccessible(page, 'region picker, nothing found')
    await region.fill('arjosari')
    await page
      .getByRole('option', { name: '35.73.01.1002 · Kelurahan Arjosari, Blimbing, Kota Malang' })
      .click()
    await dialog.getByRole('button', { name: 'Tambah unit' }).click()

    const panel = page.getByRole('region', { name: 'Pos Pelayanan Arjosari' })
    await expectVisible(panel.getByText('35.73.01.1002 · Kelurahan Arjosari'))
    expect(problems).toEqual([])
  })

  it('a unit admin of Dinas Kominfo sees only that OPD: tree, list, home, and no employee of another OPD', async () => {
    // The admin creates the account in the users page, limited to Kominfo and its sub-units.
    await page.goto(`${server.baseUrl}/pengguna`)
    await page.getByRole('button', { name: 'Tambah pengguna' }).click()
    const create = page.getByRole('dialog', { name: 'Tambah pengguna' })
    await create.getByLabel(/^Nama pengguna/).fill('admin.kominfo')
    await create.getByLabel(/^Nama lengkap/).fill('Rina Oktaviani, S.Kom.')
    await create.getByRole('checkbox', { name: /^Admin unit/ }).check()
    await pick(
      page,
      create.getByRole('combobox', { name: /^Batasi ke unit kerja/ }),
      'komunikasi',
      /^Dinas Komunikasi/,
    )
    await expectAccessible(page, 'user dialog (unit admin)')
    await create.getByRole('button', { name: 'Buat akun' }).click()
    await expectVisible(page.getByTestId('temporary-password'))
    const temporaryPassword = (await page.getByTestId('temporary-password').innerText()).trim()
    await page.getByRole('button', { name: 'Sudah saya catat' }).click()
    await page.getByRole('link', { name: 'Rina Oktaviani, S.Kom.' }).click()
    await expectVisible(page.getByText(`Admin unit: hanya ${kominfo} beserta sub-unitnya.`))
    expect(problems).toEqual([])

    const unitContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' })
    const unitPage = await unitContext.newPage()
    const unitProblems = watchPageErrors(unitPage)
    await completeFirstSignIn(unitPage, server.baseUrl, {
      username: 'admin.kominfo',
      password: temporaryPassword,
      newPassword: 'unit kerja kominfo saja ya',
    })
    await expectVisible(unitPage.getByRole('heading', { name: `Wilayah kerja Anda: ${kominfo}` }))
    await expectAccessible(unitPage, 'home (unit admin)')

    await unitPage.getByRole('link', { name: 'Lihat susunan unit kerja' }).click()
    await unitPage.waitForURL('**/unit-kerja')
    const tree = unitPage.getByRole('tree', { name: /./ })
    await expectVisible(tree.getByRole('treeitem').first())
    const roots = tree.locator('[role="treeitem"][aria-level="1"]')
    await expect.poll(() => roots.count()).toBe(1)
    expect(await roots.first().innerText()).toContain(kominfo)
    await expectVisible(tree.getByRole('treeitem', { name: /^Bidang Aplikasi Informatika/ }))
    expect(await tree.getByRole('treeitem', { name: /^Badan Kepegawaian/ }).count()).toBe(0)
    await expectAccessible(unitPage, '/unit-kerja (unit admin)')

    await unitPage.goto(`${server.baseUrl}/pegawai`)
    await expect
      .poll(() => unitPage.getByText(/^Menampilkan 1–25 dari [\d.]+ pegawai$/).innerText())
      .toBe(`Menampilkan 1–25 dari ${kominfoTotal.toLocaleString('id-ID')} pegawai`)
    await unitPage.getByLabel(/^Cari pegawai/).fill(bkpsdmKabid.nip)
    await expectVisible(unitPage.getByText('Tidak ada pegawai yang cocok'))
    await expectAccessible(unitPage, '/pegawai (unit admin, other OPD searched)')

    // By address: the employee of BKPSDM does not exist for this account (404, not 403).
    await unitPage.goto(`${server.baseUrl}${bkpsdmKabidPath}`)
    await expectVisible(unitPage.getByRole('heading', { level: 1, name: 'Pegawai tidak ditemukan' }))
    // The only complaint is that refusal (the page may ask twice while the session loads: both are the 404).
    const refusals = unitProblems.splice(0)
    expect(refusals.length).toBeGreaterThan(0)
    expect(new Set(refusals)).toEqual(
      new Set([refusedRequest(404, 'Not Found', `/api/v1${employeeApiPath(bkpsdmKabidPath)}`)]),
    )
    await expectAccessible(unitPage, 'employee of another OPD (unit admin)')

    // Their own OPD's people open as usual.
    await unitPage.goto(`${server.baseUrl}${fixedPersonPath}`)
    await expectVisible(unitPage.getByRole('heading', { level: 1, name: new RegExp(`^${fixedPerson.name}`) }))
    expect(unitProblems).toEqual([])
    await unitContext.close()
  })

  it('fits a 360 px phone: employee list and detail without sideways scrolling', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    })
    const phonePage = await phone.newPage()
    const phoneProblems = watchPageErrors(phonePage)
    for (const target of [`/pegawai?q=${fixedPerson.nip}`, fixedPersonPath]) {
      await phonePage.goto(`${server.baseUrl}${target}`)
      await expectVisible(phonePage.getByRole('heading', { level: 1 }).first())
      await expectVisible(phonePage.getByText(fixedPerson.groupedNip).first())
      await expectAccessible(phonePage, `${target} (phone)`)
      const overflow = await phonePage.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      )
      expect(overflow, `sideways scrolling on ${target}`).toBeLessThanOrEqual(0)
    }
    expect(phoneProblems).toEqual([])
    await phone.close()
  })
})
