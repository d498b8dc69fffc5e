/**
 * Elections and the working-day calendar in a real browser: a BKPSDM admin of the demo agency finds its two past
 * elections (seeded at first start), creates a PILKADA running today with a stage, a party and a candidate pair,
 * sees it preselected in the header's election selector instead of the latest past one, adds an agency holiday
 * and works out a due date that skips it. axe-core runs on every page and dialog; console errors fail
 * the test; the pages also fit a 360 px phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nationalHolidaysOf } from '../src/domain/data/holidays-id.js'
import {
  addCalendarDays,
  addWorkingDays,
  holidaySet,
  isWeekend,
  localDateOf,
} from '../src/domain/working-days.js'
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

/** `Rabu, 2 Desember 2026`: how the page writes a calendar date. */
const formatDayWithWeekday = (date: string) =>
  new Intl.DateTimeFormat('id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`))

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([])
}

// Dates relative to today in the demo agency's zone (WIB), so the election is running whenever the test runs.
const today = localDateOf(new Date(), 'Asia/Jakarta')
/** The elections the first start seeds for the demo agency (src/features/elections/elections.demo.ts). */
const demoPilkada2024Name = 'Pemilihan Wali Kota dan Wakil Wali Kota Contoh 2024'
const demoElectionNames = ['Pemilihan Umum 2024', demoPilkada2024Name]

const election = {
  name: 'Pilkada Kota Contoh Uji',
  regionCode: '32.73',
  votingOn: addCalendarDays(today, 60),
  campaignStartsOn: addCalendarDays(today, -5),
  campaignEndsOn: addCalendarDays(today, 56),
  quietStartsOn: addCalendarDays(today, 57),
  quietEndsOn: addCalendarDays(today, 59),
  candidateDesignatedOn: addCalendarDays(today, -10),
}

const nationalDays = (from: string, to: string) =>
  [Number(from.slice(0, 4)), Number(to.slice(0, 4))]
    .flatMap((year) => nationalHolidaysOf(year)?.holidays ?? [])
    .map((holiday) => holiday.on)

/** A weekday off nothing yet, after a weekday: the agency holiday the due date must skip. */
function pickAgencyHoliday(): { holiday: string; from: string } {
  const taken = new Set([...nationalDays(today, addCalendarDays(today, 60)), election.votingOn])
  for (let offset = 7; ; offset += 1) {
    const day = addCalendarDays(today, offset)
    const before = addCalendarDays(day, -1)
    if (!isWeekend(day) && !isWeekend(before) && !taken.has(day) && !taken.has(before))
      return { holiday: day, from: before }
  }
}

describe('elections and working-day calendar', () => {
  let page: Page
  let problems: string[]
  let electionPath = ''

  it("signs in and finds the demo agency's past elections, the latest one in the header", async () => {
    page = await context.newPage()
    problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'rapat koordinasi pilkada di balai kota',
    })
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Pemilu & pilkada' })
      .click()
    await page.waitForURL('**/pemilu')
    // The first start seeds Kota Contoh with Pemilu 2024 and Pilkada 2024, both finished.
    const list = page.getByRole('table', { name: /^Daftar pemilu dan pilkada/ })
    for (const name of demoElectionNames) await expectVisible(list.getByRole('link', { name }))
    await expect.poll(() => list.getByText('Selesai', { exact: true }).count()).toBe(2)
    // Nothing running or coming: the latest one is highlighted as such, not as "current".
    await expectVisible(page.getByText('Pemilu terakhir', { exact: true }))
    expect(await page.getByText('Pemilu saat ini', { exact: true }).count()).toBe(0)
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Pemilu yang sedang Anda kerjakan' }).inputValue())
      .toBe(demoPilkada2024Name)
    await expectAccessible(page, '/pemilu (demo elections)')
  })

  it('creates a PILKADA with a stage, refusing inconsistent dates next to their fields first', async () => {
    await page.getByRole('link', { name: 'Tambah pemilu', exact: true }).click()
    await page.waitForURL('**/pemilu/baru')
    await expectAccessible(page, '/pemilu/baru')

    await page.getByLabel(/^Nama pemilu/).fill(election.name)
    await page.getByLabel(/^Kode wilayah/).fill(election.regionCode)
    await page.getByLabel(/^Hari pemungutan suara/).fill(election.votingOn)
    await page.getByLabel('Kampanye mulai').fill(election.campaignStartsOn)
    // A campaign ending after the voting day is refused in the browser, next to the field.
    await page.getByLabel('Kampanye selesai').fill(addCalendarDays(election.votingOn, 1))
    await page.getByRole('button', { name: 'Simpan pemilu' }).click()
    await expectVisible(page.getByText('Harus berakhir sebelum hari pemungutan suara.'))
    await expectAccessible(page, '/pemilu/baru (errors)')

    await page.getByLabel('Kampanye selesai').fill(election.campaignEndsOn)
    await page.getByLabel('Masa tenang mulai').fill(election.quietStartsOn)
    await page.getByLabel('Masa tenang selesai').fill(election.quietEndsOn)
    await page.getByLabel('Tanggal penetapan calon').fill(election.candidateDesignatedOn)

    await page.getByRole('button', { name: 'Tambah tahapan' }).click()
    const stage = page.getByRole('group', { name: 'Tahapan 1' })
    await stage.getByLabel(/^Nama tahapan/).fill('Masa kampanye')
    await stage.getByLabel(/^Jenis tahapan/).click()
    await page.getByRole('option', { name: 'Kampanye' }).click()
    await stage.getByLabel(/^Mulai/).fill(election.campaignStartsOn)
    await stage.getByLabel(/^Selesai/).fill(election.campaignEndsOn)
    await page.getByRole('button', { name: 'Simpan pemilu' }).click()

    await page.waitForURL(/\/pemilu\/[0-9a-f-]{36}$/)
    electionPath = new URL(page.url()).pathname
    await expectVisible(page.getByRole('heading', { name: election.name, level: 1 }))
    await expectVisible(page.getByText('Sedang berlangsung'))
    await expectAccessible(page, 'election detail (stages)')
  })

  it('adds a party and a candidate pair with coalition, slogan, hashtag and social account', async () => {
    await page.getByRole('tab', { name: /^Partai/ }).click()
    await page.getByRole('button', { name: 'Tambah partai' }).click()
    const partyDialog = page.getByRole('dialog', { name: 'Tambah partai' })
    await partyDialog.getByLabel(/^Nama partai/).fill('Partai Contoh Maju')
    await partyDialog.getByLabel(/^Singkatan/).fill('PCM')
    await expectAccessible(page, 'party dialog')
    await partyDialog.getByRole('button', { name: 'Tambah partai' }).click()
    await expectVisible(page.getByRole('cell', { name: 'Partai Contoh Maju' }))
    // axe reads colours through a dialog still fading out as failing contrast: wait until it is gone.
    await expect.poll(() => partyDialog.count()).toBe(0)
    await expectAccessible(page, 'election detail (parties)')

    await page.getByRole('tab', { name: /^Calon/ }).click()
    await page.getByRole('button', { name: 'Tambah calon' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tambah calon' })
    await dialog.getByLabel(/^Nomor urut/).fill('1')
    await dialog.getByLabel(/^Calon wali kota/).fill('Dr. Ir. Wahyu Hidayat, M.M.')
    await dialog.getByLabel(/^Calon wakil wali kota/).fill('Siti Rahmawati, S.E.')
    await dialog.getByLabel('Partai pengusung').click()
    await page.getByRole('option', { name: 'PCM' }).click()
    await page.keyboard.press('Escape')
    await dialog.getByLabel('Slogan').fill('Kota Maju, Warga Sejahtera')
    await dialog.getByLabel('Tagar').fill('KotaMaju')
    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Tambah akun' }).click()
    await dialog
      .getByRole('group', { name: 'Akun 1' })
      .getByLabel(/^Nama akun/)
      .fill('@wahyusiti')
    await expectAccessible(page, 'candidate dialog')
    await dialog.getByRole('button', { name: 'Tambah calon' }).click()

    const card = page.getByRole('article', { name: /Nomor urut 01/ })
    await expectVisible(card)
    await expect.poll(() => dialog.count()).toBe(0)
    const text = await card.innerText()
    expect(text).toContain('Siti Rahmawati, S.E.')
    expect(text).toContain('PCM')
    expect(text).toContain('#KotaMaju')
    expect(text).toContain('@wahyusiti')
    // Designated ten days ago: the pair is a "calon" today.
    expect(text).toContain('Calon')
    await expectAccessible(page, 'election detail (candidates)')
  })

  it('preselects the running election in the header selector', async () => {
    await page.goto(server.baseUrl)
    const selector = page.getByRole('combobox', { name: 'Pemilu yang sedang Anda kerjakan' })
    await expect.poll(() => selector.inputValue()).toBe(election.name)
    // The options as listed, read in one go and polled as a whole; the list is opened (again) when none is shown.
    // One CI run found one demo option missing when each was polled on its own; the cause was not seen again here.
    const listedOptions = async () => {
      if ((await page.getByRole('option').count()) === 0) await selector.click()
      return (await page.getByRole('option').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())
    }
    await expect.poll(listedOptions).toEqual([
      `${election.name} Pemilu saat ini · Berlangsung`,
      // The demo elections stay selectable, marked finished, latest voting day first (November, then February).
      `${demoPilkada2024Name} Selesai`,
      'Pemilihan Umum 2024 Selesai',
    ])
    await expectAccessible(page, 'header selector open')
    await page.keyboard.press('Escape')

    await page.goto(`${server.baseUrl}/pemilu`)
    await expectVisible(page.getByText('Pemilu saat ini', { exact: true }))
    expect(await page.getByText('Pemilu terakhir', { exact: true }).count()).toBe(0)
    await expectVisible(page.getByRole('heading', { name: election.name, level: 2 }))
    await expectAccessible(page, '/pemilu')
  })

  it('adds an agency holiday and works out a due date that skips it', async () => {
    const { holiday, from } = pickAgencyHoliday()
    await page.goto(`${server.baseUrl}/kalender-kerja?tahun=${holiday.slice(0, 4)}`)
    await expectVisible(page.getByRole('heading', { name: 'Kalender kerja', level: 1 }))
    await expectVisible(page.getByText('Periksa daftar libur nasional'))
    await expectAccessible(page, '/kalender-kerja')

    await page.getByRole('button', { name: 'Atur hari libur instansi' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tambah hari libur instansi' })
    await dialog.getByLabel(/^Tanggal/).fill(holiday)
    await dialog.getByLabel(/^Nama hari libur/).fill('Hari Jadi Kota Contoh')
    await expectAccessible(page, 'holiday dialog')
    await dialog.getByRole('button', { name: 'Simpan hari libur' }).click()

    const row = page.getByTestId(`hari-${holiday}`)
    await expectVisible(row)
    expect(await row.innerText()).toContain('Ditetapkan instansi')
    await expectAccessible(page, '/kalender-kerja (with agency holiday)')

    const isHoliday = holidaySet([
      ...nationalDays(from, addCalendarDays(from, 30)),
      election.votingOn,
      holiday,
    ])
    const dueOn = addWorkingDays(from, 1, isHoliday)
    expect(dueOn > holiday).toBe(true)
    await page.getByLabel(/^Mulai dari tanggal/).fill(from)
    await page.getByLabel(/^Jumlah hari kerja/).fill('1')
    await page.getByRole('button', { name: 'Hitung', exact: true }).click()
    const result = page.getByTestId('due-date-result')
    await expectVisible(result)
    const answer = await result.innerText()
    expect(answer).toContain(formatDayWithWeekday(dueOn))
    expect(answer).toContain(`${formatDayWithWeekday(holiday)} — Hari Jadi Kota Contoh`)
    await expectAccessible(page, '/kalender-kerja (due date)')
    expect(problems).toEqual([])
  })

  it('fits a 360 px phone: election detail and calendar without sideways scrolling', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    })
    const phonePage = await phone.newPage()
    const phoneProblems = watchPageErrors(phonePage)
    for (const path of [electionPath, `${electionPath}?bagian=calon`, '/kalender-kerja']) {
      await phonePage.goto(`${server.baseUrl}${path}`)
      await expectVisible(phonePage.getByRole('heading', { level: 1 }).first())
      await expectAccessible(phonePage, `${path} (phone)`)
      const overflow = await phonePage.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      )
      expect(overflow, `sideways scrolling on ${path}`).toBeLessThanOrEqual(0)
    }
    // The election selector moves into the menu on phones.
    await phonePage.getByRole('button', { name: 'Buka menu' }).click()
    await expect
      .poll(() => phonePage.getByRole('combobox', { name: 'Pemilu yang sedang Anda kerjakan' }).inputValue())
      .toBe(election.name)
    expect(phoneProblems).toEqual([])
    await phone.close()
  })
})
