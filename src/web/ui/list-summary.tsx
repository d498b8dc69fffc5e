import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../format/date-time'

export interface ListSummaryProps {
  readonly total: number
  readonly page: number
  readonly pageSize: number
  /** Already-translated noun for the rows, e.g. "pengguna". */
  readonly noun: string
}

/** "Menampilkan 1–25 dari 40 pengguna", announced politely when it changes. */
export function ListSummary({ total, page, pageSize, noun }: ListSummaryProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1
  const last = Math.min(total, page * pageSize)
  return (
    <Text size="sm" c="dimmed" aria-live="polite">
      {t('common.list.summary', {
        first: formatNumber(first, language),
        last: formatNumber(last, language),
        total: formatNumber(total, language),
        noun,
      })}
    </Text>
  )
}
