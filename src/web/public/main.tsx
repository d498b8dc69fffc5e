/**
 * Entry of the light public bundle (lapor.html): the reporting pages /lapor and /lapor/status. React and
 * react-dom only, no Mantine, no router, no i18next: it must stay under 150 KB gzip of JavaScript
 * (scripts/public-bundle-size.ts checks the build) and load on a slow 3G connection.
 */
import './public.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { reportsPublic as indonesian } from '../features/reports-public/messages-id'
import {
  I18nProvider,
  storedLanguage,
  type Language,
  type Messages,
} from '../features/reports-public/public-i18n'
import { PublicReportApp } from '../features/reports-public/public-report-app'

const container = document.getElementById('root')
if (!container) throw new Error('lapor.html has no #root element')
const root = createRoot(container)

/** English is a separate chunk, fetched only when someone chooses it. */
const loadMessages = async (language: Language): Promise<Messages> =>
  language === 'en' ? (await import('../features/reports-public/messages-en')).reportsPublic : indonesian

async function start(): Promise<void> {
  let language = storedLanguage()
  let messages: Messages = indonesian
  try {
    messages = await loadMessages(language)
  } catch {
    // English could not be fetched (connection): Indonesian is in the bundle.
    language = 'id'
  }
  document.documentElement.lang = language
  root.render(
    <StrictMode>
      <I18nProvider language={language} messages={messages} fallback={indonesian} load={loadMessages}>
        <PublicReportApp />
      </I18nProvider>
    </StrictMode>,
  )
}

void start()
