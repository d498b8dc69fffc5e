/**
 * /pengaduan/:id — one report: number, status, channel and identity level; the status actions the server allows
 * (each confirmed with what the reporter will see); the description as text; the reported person and the linked
 * employee; time and place; links; evidence; related reports and duplicates; the message thread; the reporter.
 */
import { Anchor, Badge, Box, Button, Grid, Group, List, Stack, Text } from '@mantine/core'
import { IconCopy, IconExternalLink, IconFlag, IconLink } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { reportStatusLabels } from '../../../features/reports/reports.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SectionCard } from '../../ui/section-card'
import { ReportStatusBadge } from './report-badges'
import { ReportDuplicateModal } from './report-duplicate-modal'
import { ReportEvidenceSection } from './report-evidence-section'
import { isDestructiveAction, openableLink, statusActionOf } from './report-labels'
import { ReportMessagesSection } from './report-messages-section'
import { ReportPersonSection } from './report-person-section'
import { ReportReporterSection } from './report-reporter-section'
import {
  changeReportStatus,
  failureMessage,
  reportDetailPath,
  type ReportDetail,
  type StaffStatusTarget,
} from './reports-staff.api'

function StatusActions({
  report,
  onChanged,
}: {
  readonly report: ReportDetail
  readonly onChanged: () => void
}) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<StaffStatusTarget | null>(null)
  const [isDuplicateOpen, setDuplicateOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setPending] = useState(false)
  const action = target ? statusActionOf(report.status, target) : null

  const confirm = async () => {
    if (!target) return
    setError(null)
    setPending(true)
    try {
      const result = await changeReportStatus(report.id, target)
      notifySuccess(
        t('reportsStaff.actions.done_title'),
        t('reportsStaff.actions.done', { status: t(`reportsStaff.status.${result.status}`) }),
      )
      setTarget(null)
      onChanged()
    } catch (caught) {
      setError(failureMessage(caught))
    } finally {
      setPending(false)
    }
  }

  if (report.allowedStatusChanges.length === 0 && !report.canMarkDuplicate) return null
  return (
    <SectionCard title={t('reportsStaff.actions.title')} id="laporan-tindakan">
      <Group gap="sm">
        {report.allowedStatusChanges.map((to) => {
          const kind = statusActionOf(report.status, to)
          return (
            <Button
              key={to}
              variant={kind === 'reject' ? 'default' : 'filled'}
              color={kind === 'reject' ? 'red' : undefined}
              onClick={() => {
                setError(null)
                setTarget(to)
              }}
            >
              {t(`reportsStaff.actions.${kind}`)}
            </Button>
          )
        })}
        {report.canMarkDuplicate && (
          <Button
            variant="default"
            leftSection={<IconCopy size={18} aria-hidden />}
            onClick={() => setDuplicateOpen(true)}
          >
            {t('reportsStaff.duplicate.title')}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={target !== null}
        title={
          action ? t(`reportsStaff.actions.confirm_title.${action}`, { number: report.reportNumber }) : ''
        }
        confirmLabel={action ? t(`reportsStaff.actions.${action}`) : ''}
        isDestructive={action !== null && isDestructiveAction(action)}
        isPending={isPending}
        error={error}
        onConfirm={() => void confirm()}
        onClose={() => setTarget(null)}
      >
        {target && (
          <Stack gap="xs">
            <Text>
              {t('reportsStaff.actions.reporter_sees', {
                label: reportStatusLabels[target],
              })}
            </Text>
            {action && (
              <Text size="sm" c="dimmed">
                {t(`reportsStaff.actions.explain.${action}`)}
              </Text>
            )}
          </Stack>
        )}
      </ConfirmModal>
      <ReportDuplicateModal
        report={report}
        opened={isDuplicateOpen}
        onClose={() => setDuplicateOpen(false)}
        onDone={onChanged}
      />
    </SectionCard>
  )
}

export function ReportDetailPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const { reportId = '' } = useParams()
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const query = useApiQuery<ReportDetail>(reportDetailPath(reportId))
  const report = query.latestData?.id === reportId ? query.latestData : undefined
  const mayManage = mayUse(session, 'reports.manage')
  const mayRequestReveal = mayUse(session, 'reports.reveal')
  const breadcrumbs = [{ label: t('reportsStaff.list.title'), to: '/pengaduan' }]

  if (!report) {
    return (
      <>
        <PageHeader
          title={t('reportsStaff.detail.loading_title')}
          breadcrumbs={[...breadcrumbs, { label: t('reportsStaff.detail.loading_title') }]}
        />
        {query.error ? (
          <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
        ) : (
          <LoaderBlock />
        )}
      </>
    )
  }

  const title = t('reportsStaff.detail.title', { number: report.reportNumber })
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[...breadcrumbs, { label: report.reportNumber }]}
        description={
          <Group gap="xs" mt={4}>
            <ReportStatusBadge status={report.status} />
            <Badge variant="outline" color="gray" c="dark.7" tt="none">
              {t(`reportsStaff.channel.${report.channel}`)}
            </Badge>
            {report.externalRef && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('reportsStaff.detail.external_ref', { ref: report.externalRef })}
              </Text>
            )}
            <Badge variant="outline" color="gray" c="dark.7" tt="none">
              {t(`reportsStaff.identity.${report.identityLevel}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('reportsStaff.detail.received', {
                at: formatDateTime(report.createdAt, timeZone, language),
              })}
            </Text>
          </Group>
        }
      />
      {query.error && <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {mayManage && <StatusActions report={report} onChanged={query.reload} />}
            <SectionCard title={t('reportsStaff.detail.what')} id="laporan-isi">
              <Stack gap="md">
                <Box
                  component="dl"
                  m={0}
                  style={{
                    display: 'grid',
                    gap: 'var(--mantine-spacing-sm)',
                    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
                  }}
                >
                  <Fact label={t('reportsStaff.detail.category')}>
                    {report.categoryName
                      ? `${report.categoryCode ?? ''} · ${report.categoryName}`
                      : t('reportsStaff.list.category_none')}
                  </Fact>
                  <Fact label={t('reportsStaff.detail.occurred')}>
                    {report.occurredAt ? formatDateTime(report.occurredAt, timeZone, language) : '—'}
                  </Fact>
                  <Fact label={t('reportsStaff.detail.region')}>{report.location.regionCode ?? '—'}</Fact>
                  <Fact label={t('reportsStaff.detail.place')}>{report.location.place ?? '—'}</Fact>
                </Box>
                <Stack gap={4}>
                  <Text size="sm" c="dimmed" id="laporan-uraian">
                    {t('reportsStaff.detail.description')}
                  </Text>
                  <Text
                    aria-labelledby="laporan-uraian"
                    data-testid="report-description"
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  >
                    {report.description}
                  </Text>
                </Stack>
                {report.links.length > 0 && (
                  <Stack gap={4}>
                    <Text size="sm" c="dimmed" id="laporan-tautan">
                      {t('reportsStaff.detail.links')}
                    </Text>
                    <List
                      spacing="xs"
                      aria-labelledby="laporan-tautan"
                      icon={<IconLink size={16} aria-hidden />}
                    >
                      {report.links.map((link, index) => {
                        const href = openableLink(link)
                        return (
                          <List.Item key={`${index}-${link}`}>
                            <Group gap="xs" wrap="nowrap" align="flex-start">
                              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                                {link}
                              </Text>
                              {href && (
                                <Button
                                  component="a"
                                  href={href}
                                  target="_blank"
                                  rel="noopener noreferrer"
                                  referrerPolicy="no-referrer"
                                  size="compact-xs"
                                  variant="default"
                                  leftSection={<IconExternalLink size={14} aria-hidden />}
                                  aria-label={t('reportsStaff.detail.open_link', { number: index + 1 })}
                                >
                                  {t('reportsStaff.detail.open')}
                                </Button>
                              )}
                            </Group>
                          </List.Item>
                        )
                      })}
                    </List>
                    <Text size="xs" c="dimmed">
                      {t('reportsStaff.detail.links_warning')}
                    </Text>
                  </Stack>
                )}
              </Stack>
            </SectionCard>
            <ReportEvidenceSection report={report} timeZone={timeZone} />
            <ReportMessagesSection
              report={report}
              mayManage={mayManage}
              timeZone={timeZone}
              onChanged={query.reload}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ReportReporterSection
              report={report}
              mayRequestReveal={mayRequestReveal}
              currentUserId={session.user.id}
              timeZone={timeZone}
            />
            <ReportPersonSection report={report} mayManage={mayManage} onChanged={query.reload} />
            <SectionCard title={t('reportsStaff.related.title')} id="laporan-terkait">
              <Stack gap="md">
                {report.duplicateOfReport && (
                  <Group gap="xs">
                    <IconFlag size={18} aria-hidden />
                    <Text size="sm">
                      {t('reportsStaff.related.duplicate_of')}{' '}
                      <Anchor component={Link} to={`/pengaduan/${report.duplicateOfReport.id}`} fw={600}>
                        {report.duplicateOfReport.reportNumber}
                      </Anchor>
                    </Text>
                  </Group>
                )}
                {report.duplicates.length > 0 && (
                  <Stack gap={4}>
                    <Text size="sm" fw={600}>
                      {t('reportsStaff.related.duplicates')}
                    </Text>
                    <Group gap="sm">
                      {report.duplicates.map((duplicate) => (
                        <Anchor
                          key={duplicate.id}
                          component={Link}
                          to={`/pengaduan/${duplicate.id}`}
                          size="sm"
                        >
                          {duplicate.reportNumber}
                        </Anchor>
                      ))}
                    </Group>
                  </Stack>
                )}
                {report.related.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('reportsStaff.related.empty')}
                  </Text>
                ) : (
                  <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                    {report.related.map((related) => (
                      <Box component="li" key={related.id}>
                        <Group gap="xs" wrap="wrap">
                          <Anchor component={Link} to={`/pengaduan/${related.id}`} fw={600}>
                            {related.reportNumber}
                          </Anchor>
                          <ReportStatusBadge status={related.status} />
                        </Group>
                        <Text size="sm" c="dimmed">
                          {[
                            related.reportedName,
                            formatDateTime(related.createdAt, timeZone, language),
                            related.reasons
                              .map((reason) => t(`reportsStaff.related.reason.${reason}`))
                              .join(', '),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Box>
                    ))}
                  </Stack>
                )}
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  )
}
