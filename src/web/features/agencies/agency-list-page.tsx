/** /instansi — agencies on the platform (super admins): search, pagination, row count, "Tambah instansi". */
import { Button, CloseButton, Code, EmptyState, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBuildingCommunity, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgencyView } from '../../../features/agencies/agencies.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDate } from '../../format/date-time'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListPagination } from '../../ui/list-pagination'
import { ListSummary } from '../../ui/list-summary'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { agenciesPath, type AgencyListView } from './agencies.api'
import { AgencyCreateModal } from './agency-create-modal'
import { timeZoneKey } from './agency-labels'

const pageSize = 25

const matches = (agency: AgencyView, needle: string) =>
  [agency.name, agency.slug, agency.regionCode ?? ''].some((value) => value.toLowerCase().includes(needle))

export function AgencyListPage() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const agencies = useApiQuery<AgencyListView>(agenciesPath)
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const [isCreateOpen, createModal] = useDisclosure(false)
  const language = i18n.resolvedLanguage ?? 'id'

  const needle = search.trim().toLowerCase()
  const all = agencies.latestData?.items ?? []
  const filtered = needle ? all.filter((agency) => matches(agency, needle)) : all
  const pageCount = Math.max(1, Math.ceil(filtered.length / pageSize))
  const currentPage = Math.min(page, pageCount)
  const rows = filtered.slice((currentPage - 1) * pageSize, currentPage * pageSize)

  const handleSearchChange = (value: string) => {
    setSearch(value)
    setPage(1)
  }

  const handleCreated = (agency: AgencyView) => {
    createModal.close()
    notifySuccess(t('agencies.create.done_title'), t('agencies.create.done', { name: agency.name }))
    agencies.reload()
  }

  return (
    <>
      <PageHeader
        title={t('agencies.list.title')}
        description={t('agencies.list.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={createModal.open}>
            {t('agencies.list.create')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('agencies.list.search')}
            type="search"
            value={search}
            onChange={(event) => handleSearchChange(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              search ? (
                <CloseButton
                  aria-label={t('agencies.list.clear_search')}
                  onClick={() => handleSearchChange('')}
                  size="sm"
                />
              ) : null
            }
            w={{ base: '100%', sm: 380 }}
          />
          {agencies.latestData && (
            <ListSummary
              total={filtered.length}
              page={currentPage}
              pageSize={pageSize}
              noun={t('agencies.list.noun')}
            />
          )}
        </Group>

        {agencies.error && <ErrorAlert message={describeError(agencies.error)} onRetry={agencies.reload} />}
        {!agencies.latestData && !agencies.error && <LoaderBlock />}

        {agencies.latestData && filtered.length === 0 && (
          <EmptyState
            icon={<IconBuildingCommunity size={40} aria-hidden />}
            withIndicatorBackground
            title={needle ? t('agencies.list.no_match_title') : t('agencies.list.empty_title')}
            description={
              needle ? t('agencies.list.no_match', { q: search.trim() }) : t('agencies.list.empty')
            }
          >
            <EmptyState.Actions>
              {needle ? (
                <Button variant="default" onClick={() => handleSearchChange('')}>
                  {t('agencies.list.clear_search')}
                </Button>
              ) : (
                <Button onClick={createModal.open} leftSection={<IconPlus size={18} aria-hidden />}>
                  {t('agencies.list.create_first')}
                </Button>
              )}
            </EmptyState.Actions>
          </EmptyState>
        )}

        {rows.length > 0 && (
          <>
            <ScrollableTable label={t('agencies.list.caption')} minWidth={760}>
              <Table
                stickyHeader
                aria-label={t('agencies.list.caption')}
                striped
                highlightOnHover
                verticalSpacing="sm"
                className="netra-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('agencies.list.column.name')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.list.column.kind')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.list.column.time_zone')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.list.column.region_code')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.list.column.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((agency) => (
                    <Table.Tr key={agency.id}>
                      <Table.Td>
                        <Text fw={600}>{agency.name}</Text>
                        <Text size="sm" c="dimmed">
                          {agency.slug}
                          {agency.id === session.agency?.id ? ` · ${t('agencies.list.yours')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`agencies.kind.${agency.kind}`)}</Table.Td>
                      <Table.Td>{t(`agencies.time_zone.${timeZoneKey[agency.timeZone]}`)}</Table.Td>
                      <Table.Td>{agency.regionCode ? <Code>{agency.regionCode}</Code> : '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(agency.createdAt, agency.timeZone, language)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
            <ListPagination pageCount={pageCount} page={currentPage} onChange={setPage} />
          </>
        )}
      </Stack>
      <AgencyCreateModal opened={isCreateOpen} onClose={createModal.close} onCreated={handleCreated} />
    </>
  )
}
