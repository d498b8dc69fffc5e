/**
 * Coverage of an opened campaign: totals for the unit being looked at (the reader's whole scope at first), one
 * row per child unit to drill into (a breadcrumb leads back), reminders for the non-signers there, and the
 * targets themselves by status, with a fresh code per person and revocation of a signature for agency admins.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Code,
  CopyButton,
  Group,
  Input,
  Modal,
  Progress,
  RingProgress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconCheck,
  IconCopy,
  IconFileSpreadsheet,
  IconMailForward,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime, formatNumber } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListPagination, pageCountOf } from '../../ui/list-pagination'
import { ListSummary } from '../../ui/list-summary'
import { notifySuccess } from '../../ui/notify'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { StatusBadge } from '../../ui/status-badge'
import {
  coveragePath,
  nonSignersXlsxPath,
  reissueCode,
  revokeSignature,
  sendReminders,
  targetsPath,
  type CampaignView,
  type CoverageView,
  type IssuedCode,
  type ReminderResult,
  type TargetList,
  type TargetView,
} from './pledges.api'

interface Crumb {
  readonly unitId: string
  readonly unitName: string
}

type StatusFilter = 'all' | 'signed' | 'unsigned'

const pageSize = 25

export interface CampaignCoverageProps {
  readonly campaign: CampaignView
}

export function CampaignCoverage({ campaign }: CampaignCoverageProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const [trail, setTrail] = useState<readonly Crumb[]>([])
  const [status, setStatus] = useState<StatusFilter>('all')
  const [page, setPage] = useState(1)
  const unitId = trail.at(-1)?.unitId ?? null
  const coverage = useApiQuery<CoverageView>(coveragePath(campaign.id, unitId))
  const targets = useApiQuery<TargetList>(
    targetsPath(campaign.id, { unitId, status: status === 'all' ? null : status, page, pageSize }),
  )
  const mayRemind = mayUse(session, 'pledges.remind') && campaign.status === 'open'
  const mayRevoke = mayUse(session, 'pledges.revoke')
  const [isReminding, setIsReminding] = useState(false)
  const [remindError, setRemindError] = useState<string | null>(null)
  const [isRemindPending, setIsRemindPending] = useState(false)
  const [reminderResult, setReminderResult] = useState<ReminderResult | null>(null)

  const here = trail.at(-1)?.unitName ?? t('pledges.staff.coverage.whole_scope')

  const goTo = (next: readonly Crumb[]) => {
    setTrail(next)
    setPage(1)
    setReminderResult(null)
  }

  const reloadAll = () => {
    coverage.reload()
    targets.reload()
  }

  const handleRemind = async () => {
    setIsRemindPending(true)
    setRemindError(null)
    try {
      setReminderResult(await sendReminders(campaign.id, unitId))
      setIsReminding(false)
      targets.reload()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setRemindError(describeError(failure))
    } finally {
      setIsRemindPending(false)
    }
  }

  const data = coverage.latestData
  const directRow =
    data && unitId !== null && data.direct.targets > 0
      ? { unitId: '', unitName: t('pledges.staff.coverage.direct', { name: here }), ...data.direct }
      : null

  return (
    <SectionCard
      title={t('pledges.staff.coverage.title')}
      id="cakupan-ikrar"
      actions={
        <Button variant="default" size="xs" onClick={reloadAll}>
          {t('pledges.staff.coverage.refresh')}
        </Button>
      }
    >
      <Stack gap="lg">
        <Box component="nav" aria-label={t('pledges.staff.coverage.trail_label')}>
          <Breadcrumbs separatorMargin={6}>
            {[{ unitId: '', unitName: t('pledges.staff.coverage.whole_scope') }, ...trail].map(
              (crumb, index) =>
                index === trail.length ? (
                  <Text key={crumb.unitId || 'root'} size="sm" fw={600} aria-current="location">
                    {crumb.unitName}
                  </Text>
                ) : (
                  <Anchor
                    key={crumb.unitId || 'root'}
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => goTo(trail.slice(0, index))}
                  >
                    {crumb.unitName}
                  </Anchor>
                ),
            )}
          </Breadcrumbs>
        </Box>

        {coverage.error && <ErrorAlert message={describeError(coverage.error)} onRetry={coverage.reload} />}
        {!data && !coverage.error && <LoaderBlock />}
        {data && (
          <Group gap="xl" align="center" wrap="wrap" aria-live="polite">
            <RingProgress
              size={132}
              thickness={12}
              roundCaps
              sections={[
                {
                  value: Math.min(100, data.total.percent),
                  color: data.total.percent >= 100 ? 'green' : 'netra',
                },
              ]}
              label={
                <Text ta="center" fw={700} fz="lg" data-testid="coverage-percent">
                  {formatNumber(data.total.percent, language)}%
                </Text>
              }
              aria-hidden
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="dl" m={0} style={{ flex: 1 }}>
              <Fact label={t('pledges.staff.coverage.targets')}>
                {formatNumber(data.total.targets, language)}
              </Fact>
              <Fact label={t('pledges.staff.coverage.signed')}>
                {formatNumber(data.total.signed, language)}
              </Fact>
              <Fact label={t('pledges.staff.coverage.unsigned')}>
                {formatNumber(data.total.unsigned, language)}
              </Fact>
              <Fact label={t('pledges.staff.coverage.percent')}>
                {formatNumber(data.total.percent, language)}%
              </Fact>
            </SimpleGrid>
          </Group>
        )}

        {data && data.total.unsigned > 0 && (
          <Group gap="sm">
            {mayRemind && (
              <Button
                variant="light"
                leftSection={<IconMailForward size={18} aria-hidden />}
                onClick={() => {
                  setRemindError(null)
                  setIsReminding(true)
                }}
              >
                {t('pledges.staff.coverage.remind', { name: here })}
              </Button>
            )}
            <Button
              component="a"
              href={nonSignersXlsxPath(campaign.id, unitId)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            >
              {t('pledges.staff.coverage.download_non_signers')}
            </Button>
          </Group>
        )}
        {reminderResult && (
          <Alert
            color="green"
            icon={<IconCheck aria-hidden />}
            title={t('pledges.staff.coverage.reminded_title')}
          >
            {t('pledges.staff.coverage.reminded', {
              queued: formatNumber(reminderResult.queued, language),
              skipped: formatNumber(reminderResult.skippedRecent, language),
              withoutEmail: formatNumber(reminderResult.withoutEmail, language),
            })}
            {(reminderResult.whatsAppQueued > 0 || reminderResult.phoneInvalid > 0) &&
              ` ${t('pledges.staff.coverage.reminded_whatsapp', {
                queued: formatNumber(reminderResult.whatsAppQueued, language),
                invalid: formatNumber(reminderResult.phoneInvalid, language),
              })}`}
          </Alert>
        )}

        {data && (data.children.length > 0 || directRow) && (
          <ScrollableTable label={t('pledges.staff.coverage.units_caption', { name: here })} minWidth={620}>
            <Table
              aria-label={t('pledges.staff.coverage.units_caption', { name: here })}
              striped
              highlightOnHover
              verticalSpacing="xs"
              className="netra-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('pledges.staff.coverage.column.unit')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('pledges.staff.coverage.targets')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('pledges.staff.coverage.signed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('pledges.staff.coverage.unsigned')}
                  </Table.Th>
                  <Table.Th scope="col">{t('pledges.staff.coverage.percent')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...(directRow ? [directRow] : []), ...data.children].map((row) => (
                  <Table.Tr key={row.unitId || 'direct'}>
                    <Table.Td>
                      {row.unitId ? (
                        <Anchor
                          component="button"
                          type="button"
                          fw={600}
                          size="sm"
                          ta="left"
                          onClick={() => goTo([...trail, { unitId: row.unitId, unitName: row.unitName }])}
                        >
                          {row.unitName}
                        </Anchor>
                      ) : (
                        <Text size="sm" fs="italic">
                          {row.unitName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(row.targets, language)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.signed, language)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.unsigned, language)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={Math.min(100, row.percent)}
                          w={120}
                          radius="xl"
                          color={row.percent >= 100 ? 'green' : 'netra'}
                          aria-label={t('pledges.staff.coverage.percent_of', { name: row.unitName })}
                        />
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatNumber(row.percent, language)}%
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}

        <TargetSection
          campaign={campaign}
          here={here}
          list={targets.latestData}
          isLoading={targets.isLoading}
          error={targets.error ? describeError(targets.error) : null}
          onRetry={targets.reload}
          status={status}
          onStatus={(next) => {
            setStatus(next)
            setPage(1)
          }}
          page={page}
          onPage={setPage}
          mayReissue={mayRemind}
          mayRevoke={mayRevoke}
          onChanged={reloadAll}
        />
      </Stack>

      <ConfirmModal
        opened={isReminding}
        title={t('pledges.staff.coverage.remind_title')}
        confirmLabel={t('pledges.staff.coverage.remind_confirm')}
        isPending={isRemindPending}
        error={remindError}
        onConfirm={() => void handleRemind()}
        onClose={() => setIsReminding(false)}
      >
        {t('pledges.staff.coverage.remind_body', {
          name: here,
          count: data?.total.unsigned ?? 0,
        })}
      </ConfirmModal>
    </SectionCard>
  )
}

interface TargetSectionProps {
  readonly campaign: CampaignView
  readonly here: string
  readonly list: TargetList | undefined
  readonly isLoading: boolean
  readonly error: string | null
  readonly onRetry: () => void
  readonly status: StatusFilter
  readonly onStatus: (status: StatusFilter) => void
  readonly page: number
  readonly onPage: (page: number) => void
  readonly mayReissue: boolean
  readonly mayRevoke: boolean
  readonly onChanged: () => void
}

function TargetSection({
  campaign,
  here,
  list,
  isLoading,
  error,
  onRetry,
  status,
  onStatus,
  page,
  onPage,
  mayReissue,
  mayRevoke,
  onChanged,
}: TargetSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const [reissueFor, setReissueFor] = useState<TargetView | null>(null)
  const [revokeFor, setRevokeFor] = useState<TargetView | null>(null)
  const [issued, setIssued] = useState<IssuedCode | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const caption = t('pledges.staff.targets.caption', { name: here })

  const handleReissue = async () => {
    if (!reissueFor) return
    setIsPending(true)
    setActionError(null)
    try {
      setIssued(await reissueCode(campaign.id, reissueFor.employeeId))
      setReissueFor(null)
      onChanged()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setActionError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const handleRevoke = async () => {
    if (!revokeFor?.signatureId) return
    if (reason.trim().length < 5) {
      setReasonError(t('pledges.staff.targets.reason_too_short'))
      return
    }
    setIsPending(true)
    setActionError(null)
    try {
      await revokeSignature(revokeFor.signatureId, reason.trim())
      notifySuccess(t('pledges.staff.targets.revoked_title'), revokeFor.name)
      setRevokeFor(null)
      onChanged()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setActionError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const showActions = mayReissue || mayRevoke

  return (
    <Stack gap="sm" component="section" aria-labelledby="sasaran-ikrar">
      <Text component="h3" fw={700} fz="lg" m={0} id="sasaran-ikrar">
        {t('pledges.staff.targets.title', { name: here })}
      </Text>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Input.Label id="saring-status-sasaran">{t('pledges.staff.targets.status_filter')}</Input.Label>
          <SegmentedControl
            aria-labelledby="saring-status-sasaran"
            value={status}
            onChange={(value) => onStatus(value)}
            data={[
              { value: 'all', label: t('pledges.staff.targets.status_all') },
              { value: 'unsigned', label: t('pledges.staff.targets.status_unsigned') },
              { value: 'signed', label: t('pledges.staff.targets.status_signed') },
            ]}
          />
        </Stack>
        {list && (
          <ListSummary
            total={list.total}
            page={list.page}
            pageSize={list.pageSize}
            noun={t('pledges.staff.targets.noun')}
          />
        )}
      </Group>
      {error && <ErrorAlert message={error} onRetry={onRetry} />}
      {!list && !error && <LoaderBlock />}
      {list && list.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('pledges.staff.targets.empty')}
        </Text>
      )}
      {list && list.items.length > 0 && (
        <ScrollableTable label={caption} minWidth={showActions ? 900 : 720} isBusy={isLoading}>
          <Table aria-label={caption} striped highlightOnHover verticalSpacing="xs" className="netra-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('pledges.staff.targets.column.name')}</Table.Th>
                <Table.Th scope="col">{t('pledges.staff.targets.column.nip')}</Table.Th>
                <Table.Th scope="col">{t('pledges.staff.targets.column.unit')}</Table.Th>
                <Table.Th scope="col">{t('pledges.staff.targets.column.status')}</Table.Th>
                {showActions && <Table.Th scope="col">{t('pledges.staff.targets.column.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((target) => (
                <Table.Tr key={target.employeeId}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {target.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {target.nip ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{target.unitName}</Text>
                    {target.movedSinceSnapshot && (
                      <Badge color="orange" variant="light" tt="none" c="dark.6" mt={2}>
                        {t('pledges.staff.targets.moved')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {target.signed && target.signedAt ? (
                      <Stack gap={2}>
                        <StatusBadge tone="done" label={t('pledges.staff.targets.signed')} />
                        <Text size="xs" c="dimmed">
                          {formatDateTime(target.signedAt, timeZone, language)}
                        </Text>
                      </Stack>
                    ) : (
                      <StatusBadge tone="due" label={t('pledges.staff.targets.unsigned')} />
                    )}
                  </Table.Td>
                  {showActions && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {mayReissue && !target.signed && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            aria-label={t('pledges.staff.targets.reissue_for', { name: target.name })}
                            onClick={() => {
                              setActionError(null)
                              setReissueFor(target)
                            }}
                          >
                            {t('pledges.staff.targets.reissue')}
                          </Button>
                        )}
                        {mayRevoke && target.signed && target.signatureId && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('pledges.staff.targets.revoke_for', { name: target.name })}
                            onClick={() => {
                              setActionError(null)
                              setReason('')
                              setReasonError(null)
                              setRevokeFor(target)
                            }}
                          >
                            {t('pledges.staff.targets.revoke')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
      {list && (
        <ListPagination pageCount={pageCountOf(list.total, list.pageSize)} page={page} onChange={onPage} />
      )}

      <ConfirmModal
        opened={reissueFor !== null}
        title={t('pledges.staff.targets.reissue_title')}
        confirmLabel={t('pledges.staff.targets.reissue_confirm')}
        isPending={isPending}
        error={actionError}
        onConfirm={() => void handleReissue()}
        onClose={() => setReissueFor(null)}
      >
        {t('pledges.staff.targets.reissue_body', { name: reissueFor?.name ?? '' })}
      </ConfirmModal>

      <Modal
        opened={revokeFor !== null}
        onClose={isPending ? () => undefined : () => setRevokeFor(null)}
        title={t('pledges.staff.targets.revoke_title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        <Stack gap="md">
          <Text>{t('pledges.staff.targets.revoke_body', { name: revokeFor?.name ?? '' })}</Text>
          {actionError && <ErrorAlert message={actionError} />}
          <Textarea
            label={t('pledges.staff.targets.reason')}
            description={t('pledges.staff.targets.reason_help')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value)
              setReasonError(null)
            }}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRevokeFor(null)} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button color="red" onClick={() => void handleRevoke()} loading={isPending}>
              {t('pledges.staff.targets.revoke_confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={issued !== null}
        onClose={() => setIssued(null)}
        title={t('pledges.staff.targets.issued_title')}
        centered
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        {issued && (
          <Stack gap="md">
            <Alert
              color="orange"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('common.secret.shown_once_title')}
            >
              {t('pledges.staff.targets.issued_once', { name: issued.name })}
            </Alert>
            <CopyRow label={t('pledges.staff.codes.code')} value={issued.code} testId="reissued-code" />
            <CopyRow label={t('pledges.staff.codes.link')} value={issued.link} />
            {issued.emailQueued && (
              <Text size="sm" c="dimmed">
                {t('pledges.staff.targets.issued_emailed')}
              </Text>
            )}
            {issued.whatsAppQueued && (
              <Text size="sm" c="dimmed">
                {t('pledges.staff.targets.issued_whatsapp')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button onClick={() => setIssued(null)}>{t('common.secret.noted')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}

function CopyRow({
  label,
  value,
  testId,
}: {
  readonly label: string
  readonly value: string
  readonly testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap">
        {/* Wrapped, never scrolled: a scrolling block would need its own keyboard focus (axe). */}
        <Code
          block
          data-testid={testId}
          style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', overflow: 'visible' }}
        >
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              onClick={copy}
              aria-label={`${copied ? t('common.actions.copied') : t('common.actions.copy')}: ${label}`}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? t('common.actions.copied') : t('common.actions.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  )
}
