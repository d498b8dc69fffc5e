/**
 * Pledge campaigns in the staff app (issue #4): the BKPSDM admin of the demo agency finds the default templates,
 * creates a campaign for one OPD (Dinas Tenaga Kerja), opens it, sees the one-time codes once with their print
 * page (one slip per person, QR code included) and a coverage of 0 %. One employee then signs through the public
 * API with a code from the slips; the coverage, the drill-down into the OPD and the signed list show it. axe-core
 * runs on every page and dialog; console errors fail the test; the campaign page also fits a 360 px phone.
 */
import {
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let publicApi: APIRequestContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' })
  publicApi = await request.newContext({ baseURL: server.baseUrl })
})

afterAll(async () => {
  await publicApi?.dispose()
  await context?.close()
  await browser?.close()
  expect(await server?.stop()).toBe(0)
})

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([])
}

/** `YYYY-MM-DDTHH:mm` on the WIB wall clock (the demo agency's zone), `minutes` from now. */
const wibLocal = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000 + 7 * 3600_000).toISOString().slice(0, 16)

const percentText = (signed: number, targets: number) =>
  `${new Intl.NumberFormat('id-ID').format(Math.round((signed / targets) * 1000) / 10)}%`

const opd = 'Dinas Tenaga Kerja'
const campaignName = 'Ikrar Netralitas ASN Dinas Tenaga Kerja — uji E2E'

interface Target {
  readonly employeeId: string
  readonly name: string
  readonly unitName: string
}

describe('pledge campaigns for staff', () => {
  let page: Page
  let problems: string[]
  let campaignId = ''
  let targetCount = 0
  let signer: Target

  it('finds the default templates with their version history', async () => {
    page = await context.newPage()
    problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'ikrar netralitas untuk seluruh opd',
    })
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Ikrar & Pakta' })
      .click()
    await page.waitForURL('**/ikrar')
    await page.getByRole('heading', { name: 'Ikrar & pakta integritas', level: 1 }).waitFor()
    await expectAccessible(page, '/ikrar (no campaign)')

    await page.getByRole('link', { name: 'Templat naskah' }).click()
    await page.waitForURL('**/ikrar/templat')
    await page.getByRole('link', { name: 'Ikrar Netralitas ASN' }).first().click()
    await page.waitForURL(/\/ikrar\/templat\/[0-9a-f-]{36}$/)
    const history = page.getByRole('table', { name: 'Riwayat versi' })
    await history.waitFor()
    expect(await history.getByText('Versi 1', { exact: false }).count()).toBeGreaterThan(0)
    await expectAccessible(page, 'template detail')
  })

  it('creates a campaign for one OPD, refusing a closing time before the opening next to the field', async () => {
    await page.goto(`${server.baseUrl}/ikrar/kampanye/baru`)
    await page.getByRole('heading', { name: 'Kampanye ikrar baru', level: 1 }).waitFor()
    await expectAccessible(page, '/ikrar/kampanye/baru')

    await page.getByRole('combobox', { name: /^Naskah yang ditandatangani/ }).click()
    await page.getByRole('option', { name: /^Ikrar Netralitas ASN/ }).click()
    await page.getByLabel(/^Nama kampanye/).fill(campaignName)
    await page.getByLabel('Pegawai di unit kerja tertentu (termasuk unit di bawahnya)').check()
    await page.getByRole('combobox', { name: /^Tambah unit kerja/ }).fill(opd)
    await page
      .getByRole('option', { name: new RegExp(`^${opd}`) })
      .first()
      .click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Unit kerja terpilih' }).innerText())
      .toContain(opd)
    await page.getByLabel(/^Dibuka \(WIB\)/).fill(wibLocal(-2))
    await page.getByLabel(/^Ditutup \(WIB\)/).fill(wibLocal(-3))
    await page.getByRole('button', { name: 'Tambah saksi' }).click()
    const witness = page.getByRole('group', { name: 'Saksi 1' })
    await witness.getByLabel(/^Nama saksi/).fill('Perwakilan Bawaslu Kota Contoh')
    await witness.getByLabel(/^Lembaga/).fill('Bawaslu Kota Contoh')
    await page.getByRole('button', { name: 'Simpan kampanye' }).click()
    await expectVisible(page.getByText('Harus sesudah waktu dibuka.'))
    await expectAccessible(page, '/ikrar/kampanye/baru (errors)')

    await page.getByLabel(/^Ditutup \(WIB\)/).fill(wibLocal(7 * 24 * 60))
    await page.getByRole('button', { name: 'Simpan kampanye' }).click()
    await page.waitForURL(/\/ikrar\/kampanye\/[0-9a-f-]{36}$/)
    campaignId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await page.getByRole('heading', { name: campaignName, level: 1 }).waitFor()
    expect(await page.getByText('Draf', { exact: true }).count()).toBeGreaterThan(0)
    await expectAccessible(page, 'campaign (draft)')
  })

  it('opens it: the codes are shown once, printable as slips, and the coverage starts at 0 %', async () => {
    await page.getByRole('button', { name: 'Buka kampanye' }).click()
    const dialog = page.getByRole('dialog', { name: 'Buka kampanye ini?' })
    await dialog.waitFor()
    // The dialog fades in: axe reads colours mid-transition as failing contrast, so ask until it has settled.
    await expect.poll(() => seriousAxeViolations(page), { timeout: 5000 }).toEqual([])
    await dialog.getByRole('button', { name: 'Buka kampanye' }).click()

    const codes = page.getByRole('region', { name: 'Kode sekali pakai' })
    await codes.waitFor()
    await expect.poll(() => dialog.count()).toBe(0)
    const title = await codes.innerText()
    targetCount = Number(/(\d+) kode sekali pakai baru dibuat/.exec(title)?.[1] ?? '0')
    expect(targetCount).toBeGreaterThan(3)
    expect(title).toContain('hanya ditampilkan sekarang')
    await expect.poll(() => page.getByTestId('coverage-percent').innerText()).toBe('0%')
    await expectAccessible(page, 'campaign (open, codes shown)')

    await codes.getByRole('link', { name: 'Cetak slip kode' }).click()
    await page.waitForURL(`**/ikrar/kampanye/${campaignId}/slip-kode`)
    const slips = page.getByRole('article', { name: /^Slip kode / })
    await expect.poll(() => slips.count()).toBe(targetCount)
    await expect
      .poll(() => page.getByRole('img', { name: /^Kode QR tautan ikrar untuk / }).count())
      .toBe(targetCount)
    await expectAccessible(page, 'code slips')

    // Someone with a birth date on file signs with the code on their slip.
    const list = (await (
      await page.request.get(`${server.baseUrl}/api/v1/pledge-campaigns/${campaignId}/targets?pageSize=200`)
    ).json()) as { items: Target[] }
    expect(list.items).toHaveLength(targetCount)
    let signed = false
    for (const target of list.items) {
      const employee = (await (
        await page.request.get(`${server.baseUrl}/api/v1/employees/${target.employeeId}`)
      ).json()) as {
        name: string
        birthDate: string | null
      }
      if (!employee.birthDate) continue
      const slip = page.getByRole('article', { name: `Slip kode ${target.name}`, exact: true })
      const code = await slip.getByTestId('slip-code').innerText()
      const response = await publicApi.post(`/api/v1/public/pledges/${code}/sign`, {
        data: { dateOfBirth: employee.birthDate, typedName: employee.name },
      })
      expect(response.status(), await response.text()).toBe(200)
      signer = target
      signed = true
      break
    }
    expect(signed, 'a target with a birth date').toBe(true)
  })

  it('shows the signature in the coverage, the drill-down and the signed list', async () => {
    await page.goBack()
    await page.waitForURL(`**/ikrar/kampanye/${campaignId}`)
    await expect
      .poll(() => page.getByTestId('coverage-percent').innerText())
      .toBe(percentText(1, targetCount))

    const units = page.getByRole('table', { name: 'Cakupan per unit di bawah Semua unit' })
    const opdRow = units.getByRole('row', { name: new RegExp(opd) })
    expect((await opdRow.innerText()).replace(/\s+/g, ' ')).toContain(`${targetCount} 1 ${targetCount - 1}`)
    await opdRow.getByRole('button', { name: opd }).click()
    const inside = page.getByRole('table', { name: `Cakupan per unit di bawah ${opd}` })
    await inside.waitFor()
    const signerRow =
      signer.unitName === opd
        ? inside.getByRole('row', { name: new RegExp(`Langsung di ${opd}`) })
        : inside.getByRole('row', { name: new RegExp(signer.unitName) }).first()
    await expect.poll(() => signerRow.innerText()).toMatch(/\b1\b/)
    await expect
      .poll(() => page.getByTestId('coverage-percent').innerText())
      .toBe(percentText(1, targetCount))
    await expectAccessible(page, 'coverage (drill-down)')

    await page.getByRole('radiogroup', { name: 'Tampilkan' }).getByText('Sudah', { exact: true }).click()
    const signedList = page.getByRole('table', { name: `Daftar sasaran di ${opd}` })
    await expect.poll(() => signedList.getByRole('row').count()).toBe(2)
    expect(await signedList.innerText()).toContain(signer.name)
    expect(await signedList.innerText()).toContain('Sudah menandatangani')

    // Back to the whole scope through the breadcrumb.
    await page
      .getByRole('navigation', { name: 'Unit yang dilihat' })
      .getByRole('button', { name: 'Semua unit' })
      .click()
    await units.waitFor()
    await expectAccessible(page, 'coverage (signed list)')
  })

  it('fits a 360 px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.reload()
    await page.getByRole('heading', { name: campaignName, level: 1 }).waitFor()
    await page.getByTestId('coverage-percent').waitFor()
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow, 'sideways scrolling on the campaign page').toBeLessThanOrEqual(0)
    // After a reload the codes are gone: the page says nothing about them any more.
    expect(await page.getByRole('region', { name: 'Kode sekali pakai' }).count()).toBe(0)
    await expectAccessible(page, 'campaign page on a phone')
    expect(problems).toEqual([])
  })
})
