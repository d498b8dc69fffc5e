/**
 * "Bawahan langsung" on the employee detail page: who reports directly to this employee (every status, those the
 * reader may see), ordered by name, 25 to a page.
 */
import { Anchor, Group, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListPagination, pageCountOf } from '../../ui/list-pagination'
import { ListSummary } from '../../ui/list-summary'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { EmployeeStatusBadge, NipText } from './employee-labels'
import { subordinatesPath, type EmployeeList } from './employees.api'

const pageSize = 25

export interface SubordinatesSectionProps {
  readonly employeeId: string
}

export function SubordinatesSection({ employeeId }: SubordinatesSectionProps) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const query = useApiQuery<EmployeeList>(subordinatesPath(employeeId, page, pageSize))
  const list = query.latestData
  const caption = t('employees.subordinates.caption')

  return (
    <SectionCard title={t('employees.subordinates.title')} id="bagian-bawahan">
      {query.error ? (
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      ) : !list ? (
        <LoaderBlock />
      ) : list.total === 0 ? (
        <Text c="dimmed" data-testid="subordinates-empty">
          {t('employees.subordinates.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {list.total > list.pageSize && (
            <ListSummary
              total={list.total}
              page={list.page}
              pageSize={list.pageSize}
              noun={t('employees.subordinates.noun')}
            />
          )}
          <ScrollableTable label={caption} minWidth={720} isBusy={query.isLoading}>
            <Table
              aria-label={caption}
              striped
              highlightOnHover
              verticalSpacing="sm"
              className="netra-table"
              data-testid="subordinates-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('employees.subordinates.column.name')}</Table.Th>
                  <Table.Th scope="col">{t('employees.subordinates.column.nip')}</Table.Th>
                  <Table.Th scope="col">{t('employees.subordinates.column.position')}</Table.Th>
                  <Table.Th scope="col">{t('employees.subordinates.column.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((subordinate) => (
                  <Table.Tr key={subordinate.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`/pegawai/${subordinate.id}`} fw={600}>
                          {subordinate.displayName}
                        </Anchor>
                        {subordinate.status !== 'active' && (
                          <EmployeeStatusBadge status={subordinate.status} />
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <NipText nip={subordinate.nip} kind={subordinate.kind} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{subordinate.positionTitle ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{subordinate.unitName}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
          <ListPagination pageCount={pageCountOf(list.total, list.pageSize)} page={page} onChange={setPage} />
        </Stack>
      )}
    </SectionCard>
  )
}
