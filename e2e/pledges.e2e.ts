/**
 * Issue #4's acceptance in a real browser, on a 360 × 740 phone: the BKPSDM admin of the demo agency opens a pledge
 * campaign through the API and hands one of the one-time codes to its employee. The employee opens `/ikrar/<code>`,
 * is refused with a wrong birth date next to the field, signs with birth date, typed name and a drawn signature,
 * downloads the receipt PDF (the page waits for the background job), and the verify page says "Sah". The downloaded
 * file checks as genuine, a copy with one byte changed as not genuine, a file that is no PDF is refused. Signing again
 * with the same code: a tab opened before signing gets "already signed", the link opened afterwards "code used".
 * axe-core runs on every page state; console errors fail the test except the refusals the journey provokes;
 * no page scrolls sideways.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCodeAt } from '../src/features/auth/totp.js'
import { expectVisible, launchBrowser, seriousAxeViolations, watchPageErrors } from './support/browser.js'
import { startServer, type RunningServer } from './support/server.js'

let server: RunningServer
let browser: Browser
let phone: BrowserContext
let api: APIRequestContext
const workDir = mkdtempSync(path.join(tmpdir(), 'netra-e2e-pledges-'))

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
  phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    locale: 'id-ID',
    acceptDownloads: true,
  })
  api = await request.newContext({ baseURL: server.baseUrl })
})

afterAll(async () => {
  await api?.dispose()
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

/**
 * Refusals the journey provokes on purpose (the browser logs each refused request): a wrong birth date (422), the
 * receipt asked for before the job made it (409 while polling), a second signature (409) and a file that is no PDF
 * (415). Everything else in the console is a failure.
 */
const expectedRefusal =
  /Failed to load resource: the server responded with a status of (409 \(Conflict\)|422 \(Unprocessable Entity\)|415 \(Unsupported Media Type\))/
const unexpected = (problems: readonly string[]) =>
  problems.filter((problem) => !expectedRefusal.test(problem))

/** Signs the first-start admin in through the API (authenticator enrolment, password change) for its cookie. */
async function signInAdminThroughApi(): Promise<string> {
  const login = await api.post('/api/v1/auth/login', { data: server.admin })
  expect(login.status()).toBe(200)
  let session = (await login.json()) as { session?: { csrfToken: string }; csrfToken?: string }
  let csrfToken = session.session?.csrfToken ?? session.csrfToken ?? ''
  const setup = await api.post('/api/v1/auth/totp/setup', { headers: { 'x-csrf-token': csrfToken } })
  expect(setup.status()).toBe(200)
  const { secret } = (await setup.json()) as { secret: string }
  const confirmed = await api.post('/api/v1/auth/totp/confirm', {
    headers: { 'x-csrf-token': csrfToken },
    data: { code: await totpCodeAt(secret, new Date()) },
  })
  expect(confirmed.status()).toBe(200)
  const afterTotp = (await confirmed.json()) as { stage: string; csrfToken: string }
  csrfToken = afterTotp.csrfToken
  if (afterTotp.stage === 'password_change') {
    const changed = await api.post('/api/v1/auth/password', {
      headers: { 'x-csrf-token': csrfToken },
      data: { currentPassword: server.admin.password, newPassword: 'ikrar netralitas asn kota contoh' },
    })
    expect(changed.status()).toBe(200)
    session = (await changed.json()) as { csrfToken: string }
    csrfToken = session.csrfToken ?? csrfToken
  }
  return csrfToken
}

interface Signer {
  readonly code: string
  /** With titles, as the verify page shows it: `Dr. Budi Santoso, M.M.` */
  readonly displayName: string
  /** Without titles, as the signer types it. */
  readonly name: string
  readonly birthDate: string
}

/** Opens a campaign of the default Ikrar Netralitas ASN for the demo agency and returns one code with its holder. */
async function openCampaignForOneSigner(csrfToken: string): Promise<Signer> {
  const headers = { 'x-csrf-token': csrfToken }
  const templates = (await (await api.get('/api/v1/pledge-templates')).json()) as {
    items: { kind: string; currentVersion: { id: string } }[]
  }
  const ikrar = templates.items.find((template) => template.kind === 'ikrar')
  expect(ikrar, 'the demo agency has the default Ikrar Netralitas ASN').toBeDefined()
  const now = Date.now()
  const created = await api.post('/api/v1/pledge-campaigns', {
    headers,
    data: {
      templateVersionId: ikrar?.currentVersion.id,
      name: 'Ikrar Netralitas ASN — uji E2E',
      target: { scope: 'agency', onlyUnitHeads: true },
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 7 * 24 * 3600 * 1000).toISOString(),
      witnesses: [
        { name: 'Perwakilan Bawaslu Kota Contoh', institution: 'Bawaslu Kota Contoh', role: 'Saksi' },
      ],
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const campaign = (await created.json()) as { id: string }
  const opened = await api.post(`/api/v1/pledge-campaigns/${campaign.id}/open`, { headers })
  expect(opened.status(), await opened.text()).toBe(200)
  const { codes } = (await opened.json()) as { codes: { employeeId: string; code: string }[] }
  for (const issued of codes) {
    const employee = (await (await api.get(`/api/v1/employees/${issued.employeeId}`)).json()) as {
      name: string
      displayName: string
      birthDate: string | null
    }
    if (employee.birthDate)
      return {
        code: issued.code,
        displayName: employee.displayName,
        name: employee.name,
        birthDate: employee.birthDate,
      }
  }
  throw new Error('no target with a birth date in the demo roster')
}

/** A few strokes on the signature pad with the mouse (a finger draws the same pointer events). */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByRole('img', { name: /^Bidang tanda tangan/ })
  const box = await pad.boundingBox()
  if (!box) throw new Error('the signature pad is not visible')
  await pad.scrollIntoViewIfNeeded()
  const at = await pad.boundingBox()
  const origin = at ?? box
  await page.mouse.move(origin.x + 20, origin.y + 100)
  await page.mouse.down()
  for (const [dx, dy] of [
    [50, 40],
    [90, 110],
    [130, 50],
    [170, 120],
    [220, 60],
  ] as const)
    await page.mouse.move(origin.x + dx, origin.y + dy, { steps: 4 })
  await page.mouse.up()
}

async function chooseFile(page: Page, label: RegExp, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label).click()])
  await chooser.setFiles(file)
}

describe('pledges: sign on a phone, download the receipt, verify it', () => {
  let signer: Signer
  let page: Page
  let earlyTab: Page
  let problems: string[]
  let earlyProblems: string[]
  let receiptPath = ''
  let verifyUrl = ''

  it('opens a campaign and shows the text, the witnesses and the masked name behind a code', async () => {
    const csrfToken = await signInAdminThroughApi()
    signer = await openCampaignForOneSigner(csrfToken)

    // A second tab opened before signing, to sign again later with the same code.
    earlyTab = await phone.newPage()
    earlyProblems = watchPageErrors(earlyTab)
    await earlyTab.goto(`${server.baseUrl}/ikrar/${signer.code}`)

    page = await phone.newPage()
    problems = watchPageErrors(page)
    await page.goto(`${server.baseUrl}/ikrar/${signer.code}`)
    await page.getByRole('heading', { name: 'Ikrar Netralitas ASN', level: 1 }).waitFor()
    await expectVisible(page.getByText('Pemerintah Kota Contoh', { exact: true }))
    await expectVisible(page.getByText('Ikrar Netralitas ASN — uji E2E'))
    await expectVisible(page.getByText('Perwakilan Bawaslu Kota Contoh, Saksi (Bawaslu Kota Contoh)'))
    const masked = await page.getByText('Ditandatangani sebagai').innerText()
    expect(masked).toMatch(/^Ditandatangani sebagai [A-Z]\*+( [A-Z]\*+)*/)
    expect(masked).not.toContain(signer.name.split(' ')[0])
    await expectAccessible(page, '/ikrar/<code> (open)')
    await expectNoSidewaysScroll(page, '/ikrar/<code>')
  })

  it('shows a wrong birth date next to the field', async () => {
    await page.getByLabel(/^Tanggal lahir/).fill('1900-01-02')
    await page.getByLabel(/^Ketik nama lengkap Anda/).fill(signer.name)
    await page.getByLabel(/^Saya telah membaca dan menyatakan ikrar ini/).check()
    await page.getByRole('button', { name: 'Tandatangani ikrar' }).click()
    const dateField = page.getByLabel(/^Tanggal lahir/)
    await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true')
    await expectVisible(page.getByText('Tanggal lahir tidak cocok dengan data kepegawaian'))
    await expectAccessible(page, '/ikrar/<code> (birth date refused)')
  })

  it('signs with birth date, typed name and a drawn signature, then downloads the receipt PDF', async () => {
    await page.getByLabel(/^Tanggal lahir/).fill(signer.birthDate)
    await drawSignature(page)
    await expect.poll(() => page.getByRole('img', { name: /^Bidang tanda tangan, berisi/ }).count()).toBe(1)
    await page.getByRole('button', { name: 'Tandatangani ikrar' }).click()
    await page.getByRole('heading', { name: 'Terima kasih, ikrar Anda sudah tercatat' }).waitFor()
    await expectVisible(page.getByText(/^Ditandatangani pada \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB$/))
    await expectAccessible(page, '/ikrar/<code> (signed)')
    await expectNoSidewaysScroll(page, '/ikrar/<code> (signed)')

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('button', { name: 'Unduh tanda terima (PDF)' }).click(),
    ])
    receiptPath = path.join(workDir, download.suggestedFilename())
    await download.saveAs(receiptPath)
    expect(path.basename(receiptPath)).toMatch(/^tanda-terima-ikrar-[A-Za-z0-9_-]{8}\.pdf$/)
    expect(readFileSync(receiptPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await page.getByText(/^Tanda terima sudah diunduh/).waitFor()
    await expectAccessible(page, '/ikrar/<code> (receipt downloaded)')
  })

  it('opens the verify page: "Sah", with name, unit, campaign and time', async () => {
    await page.getByRole('link', { name: 'buka halaman pemeriksaan tanda terima' }).click()
    await page.waitForURL('**/verify/**')
    verifyUrl = page.url()
    await page.getByRole('heading', { name: 'Pemeriksaan tanda terima ikrar' }).waitFor()
    await expectVisible(page.getByText('Sah', { exact: true }))
    await expectVisible(page.getByText(signer.displayName, { exact: true }))
    await expectVisible(page.getByText('Ikrar Netralitas ASN — uji E2E'))
    await expectVisible(page.getByText(/^\d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB$/))
    await expectAccessible(page, '/verify/<code>')
    await expectNoSidewaysScroll(page, '/verify/<code>')
  })

  it('says the downloaded file is genuine and a copy with one byte changed is not', async () => {
    await chooseFile(page, /^Periksa berkas tanda terima/, receiptPath)
    await page.getByText('Berkas ini asli — persis yang diterbitkan Netra.').waitFor()
    await expectAccessible(page, '/verify/<code> (genuine file)')

    const bytes = readFileSync(receiptPath)
    const middle = Math.floor(bytes.length / 2)
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01
    const altered = path.join(workDir, 'tanda-terima-diubah.pdf')
    writeFileSync(altered, bytes)
    await chooseFile(page, /^Periksa berkas tanda terima/, altered)
    await page.getByText('Berkas ini TIDAK sama dengan tanda terima yang diterbitkan.').waitFor()
    expect(await page.getByText('Berkas ini asli', { exact: false }).count()).toBe(0)
    await expectAccessible(page, '/verify/<code> (altered file)')

    const notPdf = path.join(workDir, 'catatan.pdf')
    writeFileSync(notPdf, 'bukan berkas PDF')
    await chooseFile(page, /^Periksa berkas tanda terima/, notPdf)
    await page.getByText('Berkas ini bukan PDF.', { exact: false }).waitFor()
    await expectAccessible(page, '/verify/<code> (not a PDF)')
  })

  it('refuses a second signature with the same code: "already signed" in the early tab, "used" afterwards', async () => {
    await earlyTab.bringToFront()
    await earlyTab.getByLabel(/^Tanggal lahir/).fill(signer.birthDate)
    await earlyTab.getByLabel(/^Ketik nama lengkap Anda/).fill(signer.name)
    await earlyTab.getByLabel(/^Saya telah membaca dan menyatakan ikrar ini/).check()
    await earlyTab.getByRole('button', { name: 'Tandatangani ikrar' }).click()
    await earlyTab.getByText('Anda sudah menandatangani ikrar ini').waitFor()
    expect(await earlyTab.getByRole('button', { name: 'Tandatangani ikrar' }).count()).toBe(0)
    await expectAccessible(earlyTab, '/ikrar/<code> (already signed)')

    await page.goto(`${server.baseUrl}/ikrar/${signer.code}`)
    await page.getByText('Kode ini sudah dipakai').waitFor()
    expect(await page.getByRole('button', { name: 'Tandatangani ikrar' }).count()).toBe(0)
    await expectAccessible(page, '/ikrar/<code> (used)')
    await expectNoSidewaysScroll(page, '/ikrar/<code> (used)')
  })

  it('shows a clear not-found state for an unknown verification code', async () => {
    const notFoundSoFar = () => problems.filter((problem) => /status of 404/.test(problem)).length
    expect(notFoundSoFar(), 'no 404 before the unknown code').toBe(0)
    await page.goto(`${server.baseUrl}/verify/AAAAAAAAAAAAAAAAAAAAAAAA`)
    await page.getByRole('heading', { name: 'Tanda terima tidak ditemukan' }).waitFor()
    await expectAccessible(page, '/verify/<unknown>')
    // The page may ask again (e.g. when the tab regains focus), so it may log the 404 more than once.
    const onUnknownPage = notFoundSoFar()
    expect(onUnknownPage, 'the unknown verification code answers 404').toBeGreaterThan(0)
    // The verify page of the real receipt still answers after all this, without another 404.
    await page.goto(verifyUrl)
    await page.getByText('Sah', { exact: true }).waitFor()
    expect(notFoundSoFar(), 'only the unknown verification code answers 404').toBe(onUnknownPage)
    const notFound = problems.filter((problem) => /status of 404/.test(problem))
    expect(unexpected(problems.filter((problem) => !notFound.includes(problem)))).toEqual([])
    expect(unexpected(earlyProblems)).toEqual([])
  })
})
