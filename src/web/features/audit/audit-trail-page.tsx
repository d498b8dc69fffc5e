/**
 * /jejak-audit — who did what and when, newest first, with filters and the recorded details per row.
 * Super admins can recompute the hash chains ("Periksa keutuhan") to show nobody altered the trail.
 */
import { Alert, Button, Code, EmptyState, Group, List, Select, Stack, Table, Text } from '@mantine/core'
import {
  IconChevronDown,
  IconChevronUp,
  IconListSearch,
  IconShieldCheck,
  IconShieldX,
} from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { isApiError, type ApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime, formatNumber } from '../../format/date-time'
import { translateIfKnown } from '../../i18n/i18n'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListPagination, pageCountOf } from '../../ui/list-pagination'
import { ListSummary } from '../../ui/list-summary'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { agenciesPath, type AgencyListView } from '../agencies/agencies.api'
import { knownAuditActions, knownEntityTypes } from './audit-labels'
import {
  auditEventsPath,
  verifyAuditTrail,
  type AuditEvent,
  type AuditEventListView,
  type AuditVerification,
} from './audit.api'

const pageSize = 50

const pageOf = (value: string | null): number => {
  const page = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(page) && page >= 1 ? page : 1
}

export const actionLabel = (action: string): string => translateIfKnown(`audit.action.${action}`, action)

export function AuditTrailPage() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const [searchParams, setSearchParams] = useSearchParams()
  const action = searchParams.get('tindakan') ?? ''
  const entityType = searchParams.get('objek') ?? ''
  const page = pageOf(searchParams.get('halaman'))
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const events = useApiQuery<AuditEventListView>(
    auditEventsPath({ page, pageSize, action: action || undefined, entityType: entityType || undefined }),
  )
  const list = events.latestData
  const timeZone = session.agency?.timeZone
  const language = i18n.resolvedLanguage ?? 'id'
  const canVerify = mayUse(session, 'audit.verify')
  const hasFilter = action !== '' || entityType !== ''

  const setFilters = (next: { action?: string; entityType?: string; page?: number }) => {
    const merged = { action, entityType, page: 1, ...next }
    const params: Record<string, string> = {}
    if (merged.action) params.tindakan = merged.action
    if (merged.entityType) params.objek = merged.entityType
    if (merged.page > 1) params.halaman = String(merged.page)
    setSearchParams(params)
  }

  const handleToggle = (id: string) => {
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }

  return (
    <>
      <PageHeader title={t('audit.list.title')} description={t('audit.list.description')} />
      <Stack gap="md">
        {canVerify && <VerificationPanel />}

        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('audit.list.filter_action')}
            placeholder={t('audit.list.filter_all')}
            data={knownAuditActions.map((value) => ({ value, label: actionLabel(value) }))}
            value={action || null}
            onChange={(value) => setFilters({ action: value ?? '' })}
            clearable
            searchable
            {...nothingFoundOption(t('common.list.no_match'))}
            w={{ base: '100%', sm: 300 }}
          />
          <Select
            label={t('audit.list.filter_entity')}
            placeholder={t('audit.list.filter_all')}
            data={knownEntityTypes.map((value) => ({ value, label: t(`audit.entity.${value}`) }))}
            value={entityType || null}
            onChange={(value) => setFilters({ entityType: value ?? '' })}
            clearable
            w={{ base: '100%', sm: 220 }}
          />
          {hasFilter && (
            <Button variant="default" onClick={() => setSearchParams({})}>
              {t('audit.list.clear_filters')}
            </Button>
          )}
        </Group>
        {list && (
          <ListSummary
            total={list.total}
            page={list.page}
            pageSize={list.pageSize}
            noun={t('audit.list.noun')}
          />
        )}

        {events.error && <ErrorAlert message={describeError(events.error)} onRetry={events.reload} />}
        {!list && !events.error && <LoaderBlock />}

        {list && list.total === 0 && (
          <EmptyState
            icon={<IconListSearch size={40} aria-hidden />}
            withIndicatorBackground
            title={hasFilter ? t('audit.list.no_match_title') : t('audit.list.empty_title')}
            description={hasFilter ? t('audit.list.no_match') : t('audit.list.empty')}
          >
            {hasFilter && (
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setSearchParams({})}>
                  {t('audit.list.clear_filters')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}

        {list && list.total > 0 && (
          <>
            <ScrollableTable label={t('audit.list.caption')} minWidth={820} isBusy={events.isLoading}>
              <Table
                stickyHeader
                aria-label={t('audit.list.caption')}
                verticalSpacing="sm"
                className="netra-table"
                highlightOnHover
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.list.column.time')}</Table.Th>
                    <Table.Th scope="col">{t('audit.list.column.actor')}</Table.Th>
                    <Table.Th scope="col">{t('audit.list.column.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.list.column.entity')}</Table.Th>
                    <Table.Th scope="col">{t('audit.list.column.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((event) => {
                    const isOpen = expanded.has(event.id)
                    const detailsId = `rincian-${event.id}`
                    return (
                      <Fragment key={event.id}>
                        <Table.Tr>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {formatDateTime(event.occurredAt, timeZone, language)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{event.actorLabel}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {actionLabel(event.action)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {translateIfKnown(`audit.entity.${event.entityType}`, event.entityType)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Button
                              variant="subtle"
                              size="compact-sm"
                              onClick={() => handleToggle(event.id)}
                              aria-expanded={isOpen}
                              aria-controls={isOpen ? detailsId : undefined}
                              rightSection={
                                isOpen ? (
                                  <IconChevronUp size={14} aria-hidden />
                                ) : (
                                  <IconChevronDown size={14} aria-hidden />
                                )
                              }
                            >
                              {isOpen ? t('audit.list.hide_details') : t('audit.list.show_details')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                        {isOpen && (
                          <Table.Tr id={detailsId}>
                            <Table.Td colSpan={5} bg="gray.0">
                              <EventDetails event={event} />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    )
                  })}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
            <ListPagination
              pageCount={pageCountOf(list.total, list.pageSize)}
              page={page}
              onChange={(next) => setFilters({ page: next })}
            />
          </>
        )}
      </Stack>
    </>
  )
}

interface EventDetailsProps {
  readonly event: AuditEvent
}

function EventDetails({ event }: EventDetailsProps) {
  const { t } = useTranslation()
  const entries = Object.entries(event.summary)
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('audit.list.entity_id')}: <Code>{event.entityId ?? '—'}</Code>
      </Text>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.list.no_summary')}
        </Text>
      ) : (
        entries.map(([key, value]) => (
          <Stack gap={2} key={key}>
            <Text size="sm" fw={600}>
              {translateIfKnown(`audit.summary.${key}`, key)}
            </Text>
            <Code block className="netra-summary-pre">
              {JSON.stringify(value, null, 2)}
            </Code>
          </Stack>
        ))
      )}
    </Stack>
  )
}

function VerificationPanel() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [result, setResult] = useState<AuditVerification | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [isPending, setIsPending] = useState(false)
  // Chains are kept per agency (`agency:<id>`) plus one for the platform; name them as people know them.
  const agencies = useApiQuery<AgencyListView>(result && !result.ok ? agenciesPath : null)
  const chainLabel = (chain: string): string => {
    if (chain === 'platform') return t('audit.verify.platform_chain')
    const agencyId = chain.startsWith('agency:') ? chain.slice('agency:'.length) : chain
    return agencies.data?.items.find((agency) => agency.id === agencyId)?.name ?? chain
  }

  const handleVerify = async () => {
    setIsPending(true)
    setError(null)
    setResult(null)
    try {
      setResult(await verifyAuditTrail())
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setError(failure)
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          variant="light"
          leftSection={<IconShieldCheck size={18} aria-hidden />}
          onClick={() => void handleVerify()}
          loading={isPending}
        >
          {t('audit.verify.button')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('audit.verify.help')}
        </Text>
      </Group>
      <div aria-live="polite">
        {error && <ErrorAlert message={describeError(error)} />}
        {result?.ok && (
          <Alert color="green" icon={<IconShieldCheck aria-hidden />} title={t('audit.verify.ok_title')}>
            {t('audit.verify.ok', {
              checked: formatNumber(result.checked, language),
              chains: formatNumber(result.chains.length, language),
            })}
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" icon={<IconShieldX aria-hidden />} title={t('audit.verify.broken_title')}>
            <Stack gap="xs">
              <Text size="sm">{t('audit.verify.broken')}</Text>
              <List size="sm">
                {result.chains
                  .filter((chain) => chain.firstBreak)
                  .map((chain) => (
                    <List.Item key={chain.chain}>
                      {t('audit.verify.break', {
                        chain: chainLabel(chain.chain),
                        seq: chain.firstBreak?.seq ?? 0,
                        reason: translateIfKnown(
                          `audit.verify.reason.${chain.firstBreak?.reason ?? ''}`,
                          chain.firstBreak?.reason ?? '',
                        ),
                      })}
                    </List.Item>
                  ))}
              </List>
            </Stack>
          </Alert>
        )}
      </div>
    </Stack>
  )
}
