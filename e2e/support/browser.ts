/** Debian's Chromium driven by playwright-core (no downloaded browsers), plus an axe-core check per page. */
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A fresh browser (and with it a fresh, temporary profile) per run. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  })
}

export interface AxeFinding {
  readonly id: string
  readonly impact: string | null | undefined
  readonly nodes: number
  readonly help: string
  /** The first offending element and axe's account of it, so a failure names what to fix. */
  readonly first: string
}

/** Runs in the page (a string: this project compiles tests without the DOM library). */
const settledAnimations = `document.getAnimations().every(
  (animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
)`

/** Serious and critical accessibility violations on the page as it is now (once transitions are over). */
const isSerious = (violation: { impact?: string | null }): boolean =>
  violation.impact === 'serious' || violation.impact === 'critical'

export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  // Colours read in the middle of a transition (a dialog or notification fading in or out) are not the page's:
  // wait until finite animations and transitions are over (spinners loop forever and are left alone).
  // Polled from here: `waitForFunction` would compile the predicate inside the page, which the strict CSP refuses.
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    if ((await page.evaluate(settledAnimations).catch(() => true)) === true) break
    await page.waitForTimeout(50)
  }
  let results = await new AxeBuilder({ page }).analyze()
  if (results.violations.some(isSerious)) {
    // Once more after a pause: a finding that was only true mid-render (a list refreshing under a busy CI run) goes
    // away; one that is the page's stays and fails the test.
    await page.waitForTimeout(750)
    results = await new AxeBuilder({ page }).analyze()
  }
  return results.violations.filter(isSerious).map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.length,
    help: violation.help,
    first: `${violation.nodes[0]?.html.slice(0, 200) ?? ''} — ${violation.nodes[0]?.failureSummary ?? ''}`,
  }))
}

/**
 * Collects console errors (CSP violations are reported there) and uncaught exceptions, which must stay empty.
 * A 401 resource error is expected: the app asks for the session before anyone has signed in. Each entry ends with
 * the path of the page or request it came from.
 */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (/Failed to load resource: the server responded with a status of 401/.test(message.text())) return
    // Where it came from (a failed request names no address in its text).
    const source = message.location().url
    problems.push(`console: ${message.text()}${source ? ` — ${new URL(source).pathname}` : ''}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

/**
 * Waits until the element is visible, or fails naming it. Reading `isVisible()` once races a page that renders in
 * parts (a list fetched after the detail it belongs to, a table refreshed after a dialog closes) on a busy machine.
 */
export async function expectVisible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout })
}
