/**
 * Staff actions on an opened pledge campaign (issue #4), on a desktop: the BKPSDM admin of the demo agency opens a
 * campaign for one OPD (through the API, as the campaign pages are covered by pledge-campaigns.e2e.ts), one target
 * signs through the public API, then in the browser: the coverage and its drill-down, the XLSX of non-signers
 * (parsed here and compared with the coverage), reminders, a re-issued code, a revoked signature with its reason,
 * and the employee's page showing the revoked pledge. axe-core runs on every page and dialog opened.
 */
import ExcelJS from 'exceljs'
import { type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'
import { completeFirstSignIn } from './support/sign-in.js'

let server: RunningServer
let browser: Browser
let context: BrowserContext
let publicApi: APIRequestContext

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    acceptDownloads: true,
  })
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
  // Dialogs fade in: axe reads colours mid-transition as failing contrast, so ask until it has settled.
  await expect
    .poll(() => seriousAxeViolations(page), { timeout: 5000, message: `axe on ${name}` })
    .toEqual([])
}

const opd = 'Dinas Sosial'
const campaignName = 'Ikrar Netralitas ASN Dinas Sosial — uji E2E staf'
const revokeReason = 'Ditandatangani oleh orang lain atas nama pegawai'

interface Target {
  readonly employeeId: string
  readonly name: string
  readonly unitName: string
  readonly signed: boolean
}

interface Coverage {
  readonly total: { targets: number; signed: number; unsigned: number }
}

describe('pledge campaigns: staff actions on the coverage', () => {
  let page: Page
  let problems: string[]
  let api: APIRequestContext
  let csrfToken = ''
  let campaignId = ''
  let signer: Target

  it('opens a campaign for one OPD and has one target sign through the public API', async () => {
    page = await context.newPage()
    problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'cakupan ikrar per unit kerja',
    })
    api = page.request
    csrfToken = ((await (await api.get('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken
    const headers = { 'x-csrf-token': csrfToken }

    const templates = (await (await api.get('/api/v1/pledge-templates')).json()) as {
      items: { kind: string; currentVersion: { id: string } }[]
    }
    const ikrar = templates.items.find((template) => template.kind === 'ikrar')
    expect(ikrar, 'the default ikrar of the demo agency').toBeDefined()
    const units = (await (await api.get('/api/v1/units')).json()) as {
      items: { id: string; name: string; depth: number }[]
    }
    const unit = units.items.find((item) => item.name === opd && item.depth === 0)
    expect(unit, opd).toBeDefined()

    const now = Date.now()
    const created = await api.post('/api/v1/pledge-campaigns', {
      headers,
      data: {
        templateVersionId: ikrar?.currentVersion.id,
        name: campaignName,
        target: { scope: 'units', unitIds: [unit?.id] },
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    campaignId = ((await created.json()) as { id: string }).id
    const opened = await api.post(`/api/v1/pledge-campaigns/${campaignId}/open`, { headers })
    expect(opened.status(), await opened.text()).toBe(200)
    const { codes } = (await opened.json()) as { codes: { employeeId: string; code: string }[] }
    expect(codes.length).toBeGreaterThan(2)

    const list = (await (
      await api.get(`/api/v1/pledge-campaigns/${campaignId}/targets?pageSize=200`)
    ).json()) as { items: Target[] }
    for (const target of list.items) {
      const employee = (await (await api.get(`/api/v1/employees/${target.employeeId}`)).json()) as {
        name: string
        birthDate: string | null
      }
      const code = codes.find((c) => c.employeeId === target.employeeId)?.code
      if (!employee.birthDate || !code) continue
      const signed = await publicApi.post(`/api/v1/public/pledges/${code}/sign`, {
        data: { dateOfBirth: employee.birthDate, typedName: employee.name },
      })
      expect(signed.status(), await signed.text()).toBe(200)
      signer = target
      break
    }
    expect(signer, 'a target with a birth date').toBeDefined()
  })

  it('shows the coverage, drills into the OPD and downloads its non-signers as XLSX', async () => {
    await page.goto(`${server.baseUrl}/ikrar/kampanye/${campaignId}`)
    await page.getByRole('heading', { name: campaignName, level: 1 }).waitFor()
    await page.getByTestId('coverage-percent').waitFor()
    await expectAccessible(page, 'campaign coverage')

    const units = page.getByRole('table', { name: 'Cakupan per unit di bawah Semua unit' })
    await units.getByRole('button', { name: opd }).click()
    await page
      .getByRole('navigation', { name: 'Unit yang dilihat' })
      .getByText(opd, { exact: true })
      .waitFor()
    await expectAccessible(page, 'coverage drill-down')

    const unitId = (
      (await (await api.get('/api/v1/units')).json()) as {
        items: { id: string; name: string; depth: number }[]
      }
    ).items.find((item) => item.name === opd && item.depth === 0)?.id
    const coverage = (await (
      await api.get(`/api/v1/pledge-campaigns/${campaignId}/coverage?unitId=${unitId}`)
    ).json()) as Coverage
    expect(coverage.total.signed).toBe(1)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh daftar yang belum (Excel)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(
      'belum-menandatangani-ikrar-netralitas-asn-dinas-sosial-uji-e2e-staf-dinas-sosial.xlsx',
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    const sheet = workbook.getWorksheet('Belum menandatangani')
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'NIP',
      'Nama',
      'Jabatan',
      'Unit',
      'Kontak',
      'Catatan',
    ])
    expect((sheet?.rowCount ?? 0) - 1).toBe(coverage.total.unsigned)
    const names: string[] = []
    sheet?.eachRow((row, index) => {
      if (index > 1) names.push(row.getCell(2).text)
    })
    expect(names).not.toContain(signer.name)
  })

  it('sends reminders to the non-signers of the OPD', async () => {
    await page.getByRole('button', { name: `Kirim pengingat ke yang belum (${opd})` }).click()
    const dialog = page.getByRole('dialog', { name: 'Kirim pengingat?' })
    await dialog.waitFor()
    await expectAccessible(page, 'reminder dialog')
    await dialog.getByRole('button', { name: 'Kirim pengingat', exact: true }).click()
    await page.getByText('Pengingat diproses', { exact: true }).waitFor()
    await expect.poll(() => dialog.count()).toBe(0)
    await expectAccessible(page, 'reminders sent')
  })

  it('re-issues a code to one non-signer, shown once', async () => {
    await page.getByRole('radiogroup', { name: 'Tampilkan' }).getByText('Belum', { exact: true }).click()
    const list = page.getByRole('table', { name: `Daftar sasaran di ${opd}` })
    const reissue = list.getByRole('button', { name: /^Kirim ulang kode untuk / }).first()
    await reissue.waitFor()
    await reissue.click()
    const confirm = page.getByRole('dialog', { name: 'Buat kode baru?' })
    await confirm.waitFor()
    await expectAccessible(page, 're-issue dialog')
    await confirm.getByRole('button', { name: 'Buat kode baru' }).click()
    const issued = page.getByRole('dialog', { name: 'Kode baru', exact: true })
    await issued.waitFor()
    expect(await issued.getByTestId('reissued-code').innerText()).toMatch(/^[A-Za-z0-9_-]{20,32}$/)
    await expectAccessible(page, 'issued code dialog')
    await issued.getByRole('button', { name: 'Sudah saya catat' }).click()
    await expect.poll(() => issued.count()).toBe(0)
  })

  it('revokes the signature with a reason', async () => {
    await page.getByRole('radiogroup', { name: 'Tampilkan' }).getByText('Sudah', { exact: true }).click()
    const list = page.getByRole('table', { name: `Daftar sasaran di ${opd}` })
    await list.getByRole('button', { name: `Cabut tanda tangan ${signer.name}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Cabut tanda tangan?' })
    await dialog.waitFor()
    await expectAccessible(page, 'revoke dialog')
    await dialog.getByLabel(/^Alasan pencabutan/).fill(revokeReason)
    await dialog.getByRole('button', { name: 'Cabut tanda tangan', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => page.getByTestId('coverage-percent').innerText()).toBe('0%')
    await expectAccessible(page, 'after revocation')
  })

  it("shows the revoked pledge with its reason on the employee's page", async () => {
    await page.goto(`${server.baseUrl}/pegawai/${signer.employeeId}`)
    const section = page.getByRole('region', { name: 'Ikrar & Pakta Integritas' })
    await section.getByRole('link', { name: campaignName, exact: true }).waitFor()
    const row = section.getByRole('row', { name: new RegExp(campaignName) })
    await expect.poll(() => row.innerText()).toContain('Dicabut')
    expect(await row.innerText()).toContain(revokeReason)
    expect(await row.getByRole('link', { name: /^Periksa tanda terima/ }).getAttribute('href')).toMatch(
      /\/verify\/[A-Za-z0-9_-]{20,32}$/,
    )
    await expectAccessible(page, '/pegawai/:id (pledges)')
    expect(problems).toEqual([])
  })
})
