import { useTranslation } from 'react-i18next'

/** First focusable element of every page: jumps past the header and menu to the content (#konten). */
export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a className="netra-skip-link" href="#konten">
      {t('app.skip_link')}
    </a>
  )
}
