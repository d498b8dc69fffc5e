/**
 * /pengguna — accounts the user administers: search, pagination, row count, and "Tambah pengguna". The
 * temporary password of a new account is shown once, right after creation.
 */
import {
  Anchor,
  Badge,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks'
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { UserView } from '../../../features/auth/users.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDate } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListPagination, pageCountOf } from '../../ui/list-pagination'
import { ListSummary } from '../../ui/list-summary'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SecretRevealModal } from '../../ui/secret-reveal-modal'
import { StatusBadge } from '../../ui/status-badge'
import { agenciesPath, type AgencyListView } from '../agencies/agencies.api'
import { uniqueRoles } from './role-labels'
import { UserCreateModal } from './user-create-modal'
import { userListPath, type CreatedUser, type UserListView } from './users.api'

const pageSize = 25

const pageOf = (value: string | null): number => {
  const page = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(page) && page >= 1 ? page : 1
}

export function UserListPage() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const [searchParams, setSearchParams] = useSearchParams()
  const q = searchParams.get('q') ?? ''
  const page = pageOf(searchParams.get('halaman'))
  const [search, setSearch] = useState(q)
  const [isCreateOpen, createModal] = useDisclosure(false)
  const [created, setCreated] = useState<CreatedUser | null>(null)

  const users = useApiQuery<UserListView>(userListPath({ q: q || undefined, page, pageSize }))
  // Super admins work across agencies: show which agency each account belongs to, and let them pick one.
  const isPlatformAdmin = mayUse(session, 'agencies.manage')
  const agencies = useApiQuery<AgencyListView>(isPlatformAdmin ? agenciesPath : null)
  const agencyNames = new Map((agencies.data?.items ?? []).map((agency) => [agency.id, agency.name]))
  const timeZone = session.agency?.timeZone
  const language = i18n.resolvedLanguage ?? 'id'

  const applySearch = useDebouncedCallback((value: string) => {
    setSearchParams(value.trim() ? { q: value.trim() } : {}, { replace: true })
  }, 350)

  const handleSearchChange = (value: string) => {
    setSearch(value)
    applySearch(value)
  }

  const handleClearSearch = () => {
    setSearch('')
    setSearchParams({}, { replace: true })
  }

  const handlePageChange = (next: number) => {
    setSearchParams({ ...(q ? { q } : {}), halaman: String(next) })
  }

  const handleCreated = (result: CreatedUser) => {
    createModal.close()
    notifySuccess(t('users.create.done_title'), t('users.create.done', { name: result.user.displayName }))
    if (result.temporaryPassword) setCreated(result)
    users.reload()
  }

  const list = users.latestData
  const statusOf = (user: UserView) =>
    user.disabled ? (
      <StatusBadge tone="overdue" label={t('users.status.disabled')} />
    ) : (
      <StatusBadge tone="done" label={t('users.status.active')} />
    )

  return (
    <>
      <PageHeader
        title={t('users.list.title')}
        description={t('users.list.description')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={createModal.open}>
            {t('users.list.create')}
          </Button>
        }
      />

      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('users.list.search')}
            description={t('users.list.search_help')}
            type="search"
            value={search}
            onChange={(event) => handleSearchChange(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              search ? (
                <CloseButton
                  aria-label={t('users.list.clear_search')}
                  onClick={handleClearSearch}
                  size="sm"
                />
              ) : null
            }
            w={{ base: '100%', sm: 380 }}
          />
          {list && (
            <ListSummary
              total={list.total}
              page={list.page}
              pageSize={list.pageSize}
              noun={t('users.list.noun')}
            />
          )}
        </Group>

        {users.error && <ErrorAlert message={describeError(users.error)} onRetry={users.reload} />}
        {!list && !users.error && <LoaderBlock />}

        {list && list.total === 0 && (
          <EmptyState
            icon={<IconUsers size={40} aria-hidden />}
            withIndicatorBackground
            title={q ? t('users.list.no_match_title') : t('users.list.empty_title')}
            description={q ? t('users.list.no_match', { q }) : t('users.list.empty')}
          >
            <EmptyState.Actions>
              {q ? (
                <Button variant="default" onClick={handleClearSearch}>
                  {t('users.list.clear_search')}
                </Button>
              ) : (
                <Button onClick={createModal.open} leftSection={<IconUserPlus size={18} aria-hidden />}>
                  {t('users.list.create_first')}
                </Button>
              )}
            </EmptyState.Actions>
          </EmptyState>
        )}

        {list && list.total > 0 && (
          <>
            <ScrollableTable label={t('users.list.caption')} minWidth={760} isBusy={users.isLoading}>
              <Table
                stickyHeader
                aria-label={t('users.list.caption')}
                striped
                highlightOnHover
                verticalSpacing="sm"
                className="netra-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.list.column.name')}</Table.Th>
                    {isPlatformAdmin && <Table.Th scope="col">{t('users.list.column.agency')}</Table.Th>}
                    <Table.Th scope="col">{t('users.list.column.roles')}</Table.Th>
                    <Table.Th scope="col">{t('users.list.column.status')}</Table.Th>
                    <Table.Th scope="col">{t('users.list.column.totp')}</Table.Th>
                    <Table.Th scope="col">{t('users.list.column.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/pengguna/${user.id}`} fw={600}>
                          {user.displayName}
                        </Anchor>
                        <Text size="sm" c="dimmed">
                          {user.username}
                          {user.id === session.user.id ? ` · ${t('users.list.you')}` : ''}
                        </Text>
                      </Table.Td>
                      {isPlatformAdmin && (
                        <Table.Td>
                          <Text size="sm">
                            {user.agencyId
                              ? (agencyNames.get(user.agencyId) ?? '—')
                              : t('users.list.platform')}
                          </Text>
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Group gap={4}>
                          {uniqueRoles(user.roles).map((role) => (
                            <Badge key={role} variant="light" radius="sm" tt="none">
                              {t(`roles.label.${role}`)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{statusOf(user)}</Table.Td>
                      <Table.Td>
                        {user.totpEnabled ? (
                          <StatusBadge tone="done" label={t('users.totp.enabled')} />
                        ) : (
                          <StatusBadge tone="neutral" label={t('users.totp.not_enabled')} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(user.createdAt, timeZone, language)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
            <ListPagination
              pageCount={pageCountOf(list.total, list.pageSize)}
              page={page}
              onChange={handlePageChange}
            />
          </>
        )}
      </Stack>

      <UserCreateModal
        opened={isCreateOpen}
        agencies={isPlatformAdmin ? (agencies.data?.items ?? []) : null}
        onClose={createModal.close}
        onCreated={handleCreated}
      />
      {created?.temporaryPassword && (
        <SecretRevealModal
          opened
          title={t('users.temporary_password.title')}
          description={t('users.temporary_password.created', {
            name: created.user.displayName,
            username: created.user.username,
          })}
          secretLabel={t('users.temporary_password.label')}
          secret={created.temporaryPassword}
          onClose={() => setCreated(null)}
        />
      )}
    </>
  )
}
