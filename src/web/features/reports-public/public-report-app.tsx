/**
 * The frame of the light public bundle: header with the language switch and "Keluar cepat" (quick exit), the two
 * pages (/lapor: the report form, /lapor/status: the status page) switched by the address without a router
 * library, and a skip link. No third-party assets: system fonts, own CSS.
 */
import { useEffect, useState, type MouseEvent } from 'react'
import { ReportWizard } from './report-wizard'
import { statusPagePath } from './receipt-screen'
import { useI18n } from './public-i18n'
import { StatusPage } from './status-page'

export const reportPagePath = '/lapor'

/** Where "Keluar cepat" goes: an everyday site, replacing this page in the history. */
export const quickExitUrl = 'https://www.google.co.id/'

type Page = 'report' | 'status' | 'not_found'

export function pageOf(pathname: string): Page {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === reportPagePath) return 'report'
  if (path === statusPagePath) return 'status'
  return 'not_found'
}

export function PublicReportApp() {
  const { t, language, setLanguage } = useI18n()
  const [page, setPage] = useState<Page>(() => pageOf(window.location.pathname))
  // A new key remounts the form: after "Buat laporan" from the receipt screen the form starts empty.
  const [visit, setVisit] = useState(0)

  useEffect(() => {
    const onPop = () => setPage(pageOf(window.location.pathname))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  useEffect(() => {
    document.title = `${page === 'status' ? t('nav.status') : t('title')} · Netra`
  }, [page, t])

  const navigate = (path: string) => {
    if (window.location.pathname !== path) window.history.pushState(null, '', path)
    setPage(pageOf(path))
    setVisit((current) => current + 1)
    window.scrollTo(0, 0)
  }

  const link = (path: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(path)
  }

  const quickExit = () => {
    setPage('not_found')
    window.location.replace(quickExitUrl)
  }

  return (
    <div className="lp-page">
      <a className="lp-skip-link" href="#konten">
        {t('header.skip')}
      </a>
      <header className="lp-header">
        <div className="lp-header-row">
          <span className="lp-brand">
            <span className="lp-brand-mark" aria-hidden="true">
              ◉
            </span>
            Netra
          </span>
          <div className="lp-header-actions">
            <button
              type="button"
              className="lp-button lp-button-quiet lp-button-small"
              lang={language === 'id' ? 'en' : 'id'}
              onClick={() => void setLanguage(language === 'id' ? 'en' : 'id')}
            >
              {language === 'id' ? 'English' : 'Bahasa Indonesia'}
            </button>
            <button
              type="button"
              className="lp-button lp-button-exit lp-button-small"
              onClick={quickExit}
              aria-describedby="lp-exit-hint"
            >
              {t('header.quick_exit')}
            </button>
          </div>
        </div>
        <p className="lp-visually-hidden" id="lp-exit-hint">
          {t('header.quick_exit_hint')}
        </p>
        <nav className="lp-nav" aria-label={t('nav.label')}>
          <a
            href={reportPagePath}
            onClick={link(reportPagePath)}
            aria-current={page === 'report' ? 'page' : undefined}
          >
            {t('nav.report')}
          </a>
          <a
            href={statusPagePath}
            onClick={link(statusPagePath)}
            aria-current={page === 'status' ? 'page' : undefined}
          >
            {t('nav.status')}
          </a>
        </nav>
      </header>
      <main id="konten" tabIndex={-1} className="lp-main">
        {page === 'report' ? (
          <>
            <h1 className="lp-title">{t('title')}</h1>
            <p className="lp-intro">{t('intro')}</p>
            <ReportWizard key={visit} onShowStatus={() => navigate(statusPagePath)} />
          </>
        ) : page === 'status' ? (
          <>
            <h1 className="lp-title">{t('nav.status')}</h1>
            <StatusPage key={visit} />
          </>
        ) : (
          <>
            <h1 className="lp-title">{t('not_found.title')}</h1>
            <p>
              <a href={reportPagePath} onClick={link(reportPagePath)}>
                {t('not_found.link')}
              </a>
            </p>
          </>
        )}
      </main>
      <footer className="lp-footer">
        <p>{t('footer.privacy')}</p>
      </footer>
    </div>
  )
}
