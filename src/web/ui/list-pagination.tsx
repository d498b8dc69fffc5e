import { Box, Group, Pagination } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface ListPaginationProps {
  /** Number of pages; nothing is shown for one page or none. */
  readonly pageCount: number
  readonly page: number
  readonly onChange: (page: number) => void
  /** Centred on a line of its own (lists); false inside a row the caller lays out. */
  readonly isCentered?: boolean
}

/**
 * Pages of a list: a navigation landmark ("Halaman daftar") whose controls are named for screen readers
 * ("Halaman 2", "Halaman berikutnya").
 */
export function ListPagination({ pageCount, page, onChange, isCentered = true }: ListPaginationProps) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  const pagination = (
    <Pagination
      total={pageCount}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
      getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
    />
  )
  return (
    <Box component="nav" aria-label={t('common.pagination.label')}>
      {isCentered ? <Group justify="center">{pagination}</Group> : pagination}
    </Box>
  )
}

/** Pages needed for `total` rows at `pageSize` a page. */
export const pageCountOf = (total: number, pageSize: number): number => Math.ceil(total / pageSize)
