/**
 * Events in a real browser (issue #4 points 5 and 6): the BKPSDM admin of the demo agency schedules a sosialisasi
 * for one OPD through the form and attaches a one-question quiz, opens the check-in screen (the rotating QR code is
 * there, its URL without any workaround), an employee of that OPD opens the `/hadir/<token>` URL on a 360 px phone,
 * checks in with NIP and their attendance code and answers the quiz; the screen then counts 1, the event's
 * attendance rate for the OPD is 1 of its active employees and the quiz average is 100. The employee page shows the
 * code. An apel refuses a photo that is no image with the 415 message, and its leader confirms the record in the
 * signature dialog. axe-core runs on every page; console errors fail the test except the refusal provoked.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDateOf } from '../src/domain/working-days.js'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

let server: RunningServer
let browser: Browser
let desktop: BrowserContext
let phone: BrowserContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  desktop = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    baseURL: server.baseUrl,
  })
  phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    locale: 'id-ID',
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

/** The photo refused on purpose (415); every other console error fails the test. */
const expectedRefusal = /Failed to load resource: the server responded with a status of 415/
const unexpected = (problems: readonly string[]) =>
  problems.filter((problem) => !expectedRefusal.test(problem))

interface UnitItem {
  readonly id: string
  readonly name: string
  readonly depth: number
  readonly parentId: string | null
  readonly subtreeEmployeeCount: number
}

interface Attendee {
  readonly id: string
  readonly nip: string
}

/** Signed-in API calls with the browser's cookie and CSRF token. */
async function csrfTokenOf(api: APIRequestContext): Promise<string> {
  const session = await api.get('/api/v1/auth/session')
  expect(session.status()).toBe(200)
  return ((await session.json()) as { csrfToken: string }).csrfToken
}

/** A top-level unit (an OPD, depth 0) with a unique name and a few active employees, and one of them with a NIP. */
async function pickOpd(api: APIRequestContext): Promise<{ unit: UnitItem; attendee: Attendee }> {
  const tree = (await (await api.get('/api/v1/units')).json()) as { items: UnitItem[] }
  const counts = new Map<string, number>()
  for (const unit of tree.items) counts.set(unit.name, (counts.get(unit.name) ?? 0) + 1)
  const candidates = tree.items
    .filter((unit) => unit.depth === 0 && counts.get(unit.name) === 1 && unit.subtreeEmployeeCount > 0)
    .sort((a, b) => a.subtreeEmployeeCount - b.subtreeEmployeeCount)
  for (const unit of candidates) {
    const list = (await (
      await api.get(`/api/v1/employees?unitId=${unit.id}&status=active&pageSize=100`)
    ).json()) as { items: { id: string }[] }
    for (const item of list.items) {
      const employee = (await (await api.get(`/api/v1/employees/${item.id}`)).json()) as {
        nip: string | null
      }
      if (employee.nip) return { unit, attendee: { id: item.id, nip: employee.nip } }
    }
  }
  throw new Error('no OPD with an employee who has a NIP in the demo roster')
}

describe('events: schedule, check in on a phone with the attendance code, quiz, attendance rate, leader', () => {
  let page: Page
  let problems: string[]
  let api: APIRequestContext
  let opd: UnitItem
  let attendee: Attendee
  let attendanceCode = ''
  let eventId = ''
  const title = 'Sosialisasi Netralitas ASN — uji E2E'

  it('signs in and finds an empty event list under "Kegiatan" in the menu', async () => {
    page = await desktop.newPage()
    problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'sosialisasi netralitas di aula kota',
    })
    api = page.request
    ;({ unit: opd, attendee } = await pickOpd(api))
    const card = await api.get(`/api/v1/employees/${attendee.id}/qr-card-token`)
    expect(card.status()).toBe(200)
    attendanceCode = ((await card.json()) as { attendanceCode: string }).attendanceCode
    expect(attendanceCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kegiatan' }).click()
    await page.waitForURL('**/kegiatan')
    await expectVisible(page.getByText('Belum ada kegiatan', { exact: true }))
    await expectAccessible(page, '/kegiatan (empty)')
  })

  it('schedules a sosialisasi for one OPD through the form', async () => {
    await page.getByRole('link', { name: 'Jadwalkan kegiatan' }).first().click()
    await page.waitForURL('**/kegiatan/baru')
    await expectAccessible(page, '/kegiatan/baru')
    const today = localDateOf(new Date(), 'Asia/Jakarta')
    await page.getByLabel(/^Judul/).fill(title)
    await page.getByLabel(/^Mulai/).fill(`${today}T00:00`)
    await page.getByLabel(/^Selesai/).fill(`${today}T23:59`)
    await page.getByLabel('Tempat').fill('Aula Balai Kota')
    const picker = page.getByRole('combobox', { name: 'Tambah unit sasaran' })
    await picker.click()
    await picker.fill(opd.name)
    await page
      .getByRole('option', { name: new RegExp(`^${opd.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first()
      .click()
    await expectVisible(page.getByRole('button', { name: `Hapus sasaran ${opd.name}` }))
    await page.getByRole('button', { name: 'Jadwalkan', exact: true }).click()
    await page.waitForURL(/\/kegiatan\/[0-9a-f-]{36}$/)
    eventId = page.url().split('/').at(-1) ?? ''
    await page.getByRole('heading', { name: title, level: 1 }).waitFor()
    await expectVisible(page.getByText('Terjadwal', { exact: true }).first())
    await expectAccessible(page, '/kegiatan/:id')
  })

  it('attaches a one-question quiz through the quiz dialog', async () => {
    await page.getByRole('button', { name: 'Susun kuis' }).click()
    const dialog = page.getByRole('dialog', { name: 'Susun kuis' })
    await dialog
      .getByLabel(/^Teks pertanyaan 1/)
      .fill('Bolehkah ASN memberi tanda suka pada unggahan kampanye?')
    await dialog.getByLabel(/^Pilihan A pertanyaan 1/).fill('Boleh')
    await dialog.getByLabel(/^Pilihan B pertanyaan 1/).fill('Tidak boleh')
    await dialog.getByLabel('Jawaban benar pertanyaan 1').selectOption({ label: 'B' })
    await expectAccessible(page, '/kegiatan/:id (quiz dialog)')
    await dialog.getByRole('button', { name: 'Simpan kuis' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const section = page.getByRole('region', { name: 'Kuis' })
    await section.getByText('Jawaban benar: B').waitFor()
    await expectAccessible(page, '/kegiatan/:id (quiz)')
  })

  it('opens the check-in screen with the QR code and an attendance count of 0', async () => {
    await page.getByRole('link', { name: 'Buka layar presensi' }).click()
    await page.waitForURL('**/layar')
    const qr = page.getByRole('img', { name: 'Kode QR presensi kegiatan' })
    await qr.waitFor()
    // The check-in URL as the API gives it: no trailing slash (the server serves the page for dotted tokens).
    expect(await qr.getAttribute('data-qr-value')).toMatch(
      /\/hadir\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/,
    )
    await expect.poll(() => page.getByTestId('attendance-count').innerText()).toBe('0')
    await expectAccessible(page, '/kegiatan/:id/layar')
  })

  it('lets the employee check in on a phone with NIP and attendance code, then answer the quiz once', async () => {
    const token = (await (await api.get(`/api/v1/events/${eventId}/check-in-token`)).json()) as {
      token: string
      url: string
    }
    expect(token.url).toMatch(/\/hadir\/[0-9a-f]{32}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
    // What the screen encodes, opened on this server.
    const scanned = new URL(token.url)
    const mobile = await phone.newPage()
    const mobileProblems = watchPageErrors(mobile)
    await mobile.goto(`${server.baseUrl}${scanned.pathname}`)
    await mobile.getByRole('heading', { name: title }).waitFor()
    await expectAccessible(mobile, '/hadir/:token')
    // A wrong code first: a clear message, nothing recorded.
    await mobile.getByLabel(/^NIP/).fill(attendee.nip)
    const wrongCode = attendanceCode.startsWith('ZZZZ') ? 'YYYY-YYYY' : 'ZZZZ-ZZZZ'
    await mobile.getByLabel(/^Kode kehadiran/).fill(wrongCode)
    await mobile.getByRole('button', { name: 'Catat kehadiran saya' }).click()
    await mobile
      .getByRole('alert')
      .getByText(/^NIP atau kode kehadiran tidak cocok/)
      .waitFor()
    await expectAccessible(mobile, '/hadir/:token (wrong code)')
    // Typed the way people type it: lower case, without the dash.
    await mobile.getByLabel(/^Kode kehadiran/).fill(attendanceCode.toLowerCase().replace('-', ''))
    await mobile.getByRole('button', { name: 'Catat kehadiran saya' }).click()
    await mobile.getByText('Kehadiran tercatat', { exact: true }).waitFor()
    await expectAccessible(mobile, '/hadir/:token (checked in)')

    const quiz = mobile.getByRole('region', { name: 'Kuis singkat' })
    await quiz.getByRole('button', { name: 'Kirim jawaban' }).click()
    await quiz.getByText('Pilih satu jawaban.').waitFor()
    await expectAccessible(mobile, '/hadir/:token (quiz, unanswered)')
    await quiz.getByRole('radio', { name: 'Tidak boleh' }).check()
    await quiz.getByRole('button', { name: 'Kirim jawaban' }).click()
    await mobile.getByText('Jawaban terkirim', { exact: true }).waitFor()
    await mobile.getByText('Anda menjawab benar 1 dari 1 pertanyaan (skor 100).').waitFor()
    await expectAccessible(mobile, '/hadir/:token (quiz answered)')
    const overflow = await mobile.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow, 'sideways scrolling on /hadir').toBeLessThanOrEqual(0)
    // The wrong code provoked one 422 on purpose; nothing else may fail.
    const refusedCode = /Failed to load resource: the server responded with a status of 422/
    expect(mobileProblems.filter((problem) => refusedCode.test(problem))).toHaveLength(1)
    expect(mobileProblems.filter((problem) => !refusedCode.test(problem))).toEqual([])
    await mobile.close()
  })

  it('counts 1 on the screen and gives the OPD its attendance rate', async () => {
    await expect.poll(() => page.getByTestId('attendance-count').innerText(), { timeout: 15_000 }).toBe('1')
    await page.goto(`${server.baseUrl}/kegiatan/${eventId}`)
    const rate = page.getByRole('table', { name: 'Tingkat kehadiran per unit' })
    const row = rate
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: new RegExp(opd.name) }) })
    await row.waitFor()
    const percent = Math.round((1000 * 1) / opd.subtreeEmployeeCount) / 10
    const cells = await row.getByRole('cell').allInnerTexts()
    expect(cells.slice(0, 3)).toEqual([
      new Intl.NumberFormat('id-ID').format(opd.subtreeEmployeeCount),
      '1',
      `${new Intl.NumberFormat('id-ID').format(percent)}%`,
    ])
    const list = page.getByRole('table', { name: 'Daftar hadir' })
    await expectVisible(list.getByText(attendee.nip))
    await expect.poll(() => list.getByText('Pindai QR layar').count()).toBe(1)
    await expect
      .poll(() => page.getByTestId('quiz-average').innerText())
      .toBe('1 peserta menjawab · rata-rata skor 100')
    await page.getByRole('table', { name: 'Rata-rata skor kuis per unit' }).getByText(opd.name).waitFor()
    await expectAccessible(page, '/kegiatan/:id (attended)')
  })

  it("lists the event on the employee's page and shows their QR card", async () => {
    await page.goto(`${server.baseUrl}/pegawai/${attendee.id}`)
    const section = page.getByRole('region', { name: 'Kegiatan yang diikuti' })
    await section.getByRole('link', { name: title }).waitFor()
    expect(await section.getByTestId('attendance-code').innerText()).toBe(attendanceCode)
    await section.getByRole('button', { name: 'Kartu QR' }).click()
    const dialog = page.getByRole('dialog', { name: 'Kartu QR pegawai' })
    await dialog.getByRole('img', { name: /^Kode QR kartu presensi/ }).waitFor()
    await expectAccessible(page, '/pegawai/:id (QR card)')
    await dialog.getByRole('button', { name: 'Tutup', exact: true }).last().click()
    await dialog.waitFor({ state: 'hidden' })
  })

  let apelId = ''

  it('refuses a photo that is no image on an apel with the 415 message', async () => {
    const csrfToken = await csrfTokenOf(api)
    const now = Date.now()
    const created = await api.post('/api/v1/events', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        kind: 'apel',
        title: 'Apel Netralitas ASN — uji E2E',
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        ikrarRead: true,
        leader: { name: 'Wali Kota Contoh', position: 'Wali Kota' },
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const apel = (await created.json()) as { id: string }
    apelId = apel.id
    await page.goto(`${server.baseUrl}/kegiatan/${apel.id}`)
    await page.getByRole('heading', { name: 'Foto apel' }).waitFor()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Unggah foto' }).click(),
    ])
    await chooser.setFiles({
      name: 'daftar.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('bukan gambar\n'),
    })
    await page.getByText('Berkas ini bukan gambar. Foto apel harus JPEG, PNG, atau WebP.').waitFor()
    await expectAccessible(page, '/kegiatan/:id (apel, photo refused)')
    expect(unexpected(problems)).toEqual([])
  })

  it('has the apel leader confirm the record in the signature dialog', async () => {
    expect(apelId).not.toBe('')
    const section = page.getByRole('region', { name: 'Tanda tangan pemimpin apel' })
    await section.getByText('Berita acara belum disetujui pemimpin apel.').waitFor()
    await section.getByRole('button', { name: 'Catat tanda tangan' }).click()
    const dialog = page.getByRole('dialog', { name: 'Konfirmasi pemimpin apel' })
    const typed = dialog.getByLabel(/^Nama pemimpin \(diketik\)/)
    expect(await typed.inputValue()).toBe('Wali Kota Contoh')
    await expectAccessible(page, '/kegiatan/:id (leader signature dialog)')
    await dialog.getByRole('button', { name: 'Setujui berita acara' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await section.getByText(/^Disetujui oleh Wali Kota Contoh pada /).waitFor()
    expect(await section.getByRole('button', { name: 'Catat tanda tangan' }).count()).toBe(0)
    await expectAccessible(page, '/kegiatan/:id (apel signed)')
    expect(unexpected(problems)).toEqual([])
  })
})
