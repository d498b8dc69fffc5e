/**
 * The users journey in a real browser: the BKPSDM admin of the demo agency creates an account for the whole agency,
 * opens it, limits its role to one OPD (the confirmation names the unit), saves, and finds the limit on the page and
 * after a reload; a second change is undone before saving. Then, on a 360 px phone, a plain select (no props of its
 * own) shows the theme's scrolling listbox: it scrolls itself and ends inside the window. axe-core runs on every page,
 * dialog and open dropdown; console errors fail the test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

/** Types into a searchable select and picks the first option whose name matches. */
async function pick(page: Page, combobox: ReturnType<Page['getByRole']>, typed: string, option: RegExp) {
  await combobox.click()
  await combobox.fill(typed)
  await page.getByRole('option', { name: option }).first().click()
}

interface ListboxShape {
  readonly className: string
  readonly scrollAreas: number
  readonly overflowY: string
  readonly scrolls: boolean
  readonly bottom: number
  readonly windowHeight: number
}

const kominfo = 'Dinas Komunikasi dan Informatika'
const examiner = 'Pemeriksa (Inspektorat/Tim Pemeriksa)'
const person = 'Dewi Lestari, S.H.'

describe('users: unit limits on an existing account, scrolling selects', () => {
  let page: Page
  let problems: string[]

  it('limits the role of an existing account to one unit; the limit shows and survives a reload', async () => {
    page = await context.newPage()
    problems = watchPageErrors(page)
    await completeFirstSignIn(page, server.baseUrl, {
      ...server.admin,
      newPassword: 'batas unit kerja untuk pemeriksa',
    })

    // An account for the whole agency, as most are created.
    await page.goto(`${server.baseUrl}/pengguna`)
    await page.getByRole('button', { name: 'Tambah pengguna' }).click()
    const create = page.getByRole('dialog', { name: 'Tambah pengguna' })
    await create.getByLabel(/^Nama pengguna/).fill('dewi.pemeriksa')
    await create.getByLabel(/^Nama lengkap/).fill(person)
    await create.getByRole('checkbox', { name: /^Pemeriksa/ }).check()
    await create.getByRole('button', { name: 'Buat akun' }).click()
    await expectVisible(page.getByTestId('temporary-password'))
    await page.getByRole('button', { name: 'Sudah saya catat' }).click()

    await page.getByRole('link', { name: person }).click()
    await expectVisible(page.getByRole('heading', { level: 1, name: person }))
    const limit = page.getByRole('combobox', { name: `Batasi ke unit kerja — ${examiner}` })
    await expect.poll(() => limit.isEnabled()).toBe(true)
    expect(await limit.inputValue()).toBe('')
    expect(await limit.getAttribute('placeholder')).toBe('Seluruh instansi')
    const save = page.getByRole('button', { name: 'Simpan peran' })
    expect(await save.isDisabled()).toBe(true)
    // Only unit-level roles get a limit: an employee's own role has none.
    expect(await page.getByRole('combobox', { name: /^Batasi ke unit kerja — Pegawai/ }).count()).toBe(0)
    await expectAccessible(page, 'user detail (whole agency)')

    await pick(page, limit, 'komunikasi', /^Dinas Komunikasi/)
    expect(await limit.inputValue()).toMatch(new RegExp(`^${kominfo}`))
    await expectAccessible(page, 'user detail (unit chosen)')

    await save.click()
    const confirm = page.getByRole('dialog', { name: 'Ubah peran?' })
    await expectVisible(confirm)
    const listed = await confirm.getByRole('listitem').allInnerTexts()
    expect(listed).toEqual([`${examiner}: hanya ${kominfo} beserta sub-unitnya.`, 'Pegawai'])
    await expectAccessible(page, 'confirm roles (unit limit)')
    await confirm.getByRole('button', { name: 'Ya, ubah peran' }).click()
    await expect.poll(() => confirm.count()).toBe(0)

    const saved = page.getByTestId('role-scopes')
    await expect.poll(() => saved.innerText()).toBe(`${examiner}: hanya ${kominfo} beserta sub-unitnya.`)
    expect(await save.isDisabled()).toBe(true)

    await page.reload()
    await expect.poll(() => saved.innerText()).toBe(`${examiner}: hanya ${kominfo} beserta sub-unitnya.`)
    await expect.poll(() => limit.inputValue()).toMatch(new RegExp(`^${kominfo}`))

    // Another unit, then undone: nothing to save, the picker shows the saved unit again.
    await pick(page, limit, 'kepegawaian', /^Badan Kepegawaian/)
    expect(await save.isEnabled()).toBe(true)
    await page.getByRole('button', { name: 'Batalkan perubahan' }).click()
    expect(await limit.inputValue()).toMatch(new RegExp(`^${kominfo}`))
    expect(await save.isDisabled()).toBe(true)
    expect(problems).toEqual([])
  })

  it('on a 360 px phone a plain select scrolls in its own listbox and ends inside the window', async () => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(`${server.baseUrl}/pegawai`)
    // Golongan: 34 grades, a select with no dropdown props of its own (the theme's defaults apply).
    const grade = page.getByRole('combobox', { name: /^Golongan/ })
    await grade.scrollIntoViewIfNeeded()
    await grade.click()
    const listbox = page.getByRole('listbox')
    await expectVisible(listbox)
    // The open one (closed selects keep theirs mounted, hidden). A string, as the other journeys do: the E2E code
    // is compiled without the DOM library.
    const listboxId = await grade.getAttribute('aria-controls')
    expect(listboxId).toBeTruthy()
    const shape = await page.evaluate<ListboxShape>(`(() => {
      const element = document.getElementById(${JSON.stringify(listboxId)})
      return {
        className: element.className,
        scrollAreas: element.querySelectorAll('.mantine-ScrollArea-root').length,
        overflowY: getComputedStyle(element).overflowY,
        scrolls: element.scrollHeight > element.clientHeight,
        bottom: element.getBoundingClientRect().bottom,
        windowHeight: window.innerHeight,
      }
    })()`)
    expect(shape).toMatchObject({ scrollAreas: 0, overflowY: 'auto', scrolls: true })
    expect(shape.className).toContain('netra-scrolling-listbox')
    expect(shape.bottom).toBeLessThanOrEqual(shape.windowHeight)
    await expectAccessible(page, '/pegawai grade select open (phone)')
    await grade.press('Escape')
    expect(problems).toEqual([])
  })
})
