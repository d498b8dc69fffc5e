/**
 * Providers: Mantine (theme, CSP nonce for its <style> tags), notifications, the session, the router.
 */
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { Suspense } from 'react'
import { BrowserRouter } from 'react-router'
import { AppRoutes } from './routes'
import { SessionProvider } from './session/session-context'
import { cssVariablesResolver, theme } from './theme'
import { LoaderBlock } from './ui/full-page-loader'
import { PageErrorBoundary } from './ui/page-error-boundary'

/**
 * The per-response nonce the server puts into `<meta property="csp-nonce" nonce="…">` (Vite's html.cspNonce).
 * Read from the `nonce` property: browsers blank the attribute after parsing to keep it from CSS selectors.
 */
function readStyleNonce(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')
  return meta?.nonce || meta?.getAttribute('nonce') || ''
}

const styleNonce = readStyleNonce()
const getStyleNonce = () => styleNonce
// Modals lock page scrolling through react-remove-scroll, which adds its own <style> tag; its nonce helper
// (get-nonce) falls back to this global when no nonce was set on it.
;(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = styleNonce

export function App() {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      getStyleNonce={getStyleNonce}
      forceColorScheme="light"
    >
      <Notifications position="top-right" />
      <SessionProvider>
        <BrowserRouter>
          <PageErrorBoundary>
            <Suspense fallback={<LoaderBlock isFullPage />}>
              <AppRoutes />
            </Suspense>
          </PageErrorBoundary>
        </BrowserRouter>
      </SessionProvider>
    </MantineProvider>
  )
}
