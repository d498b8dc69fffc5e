/**
 * /ikrar — the agency's pledge campaigns, newest first: name, text, status, signing window and how many of the
 * targets have signed. Agency admins start a campaign here; the templates are one click away.
 */
import { Anchor, Button, EmptyState, SegmentedControl, Stack, Table, Text, Input, Group } from '@mantine/core'
import { IconFileText, IconPlus, IconSignature } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { campaignStatuses, type CampaignStatus } from '../../../features/pledges/pledges.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListSummary } from '../../ui/list-summary'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { CampaignStatusBadge, SignedProgress } from './pledge-staff-labels'
import { campaignListPath, type CampaignList, type CampaignView } from './pledges.api'

type StatusFilter = 'all' | CampaignStatus

export function CampaignListPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const mayManage = mayUse(session, 'pledges.manage')
  const campaigns = useApiQuery<CampaignList>(campaignListPath)
  const [status, setStatus] = useState<StatusFilter>('all')

  const all = campaigns.latestData?.items ?? []
  const rows = all.filter((campaign) => status === 'all' || campaign.status === status)

  const actions = (
    <>
      <Button
        component={Link}
        to="/ikrar/templat"
        variant="default"
        leftSection={<IconFileText size={18} aria-hidden />}
      >
        {t('pledges.staff.templates.title')}
      </Button>
      {mayManage && (
        <Button component={Link} to="/ikrar/kampanye/baru" leftSection={<IconPlus size={18} aria-hidden />}>
          {t('pledges.staff.campaigns.create')}
        </Button>
      )}
    </>
  )

  return (
    <>
      <PageHeader
        title={t('pledges.staff.campaigns.title')}
        description={t('pledges.staff.campaigns.description')}
        actions={actions}
      />
      <Stack gap="lg">
        {campaigns.error && (
          <ErrorAlert message={describeError(campaigns.error)} onRetry={campaigns.reload} />
        )}
        {!campaigns.latestData && !campaigns.error && <LoaderBlock />}
        {campaigns.latestData && all.length === 0 && (
          <EmptyState
            icon={<IconSignature size={40} aria-hidden />}
            withIndicatorBackground
            title={t('pledges.staff.campaigns.empty_title')}
            description={
              mayManage ? t('pledges.staff.campaigns.empty') : t('pledges.staff.campaigns.empty_reader')
            }
          >
            {mayManage && (
              <EmptyState.Actions>
                <Button
                  component={Link}
                  to="/ikrar/kampanye/baru"
                  leftSection={<IconPlus size={18} aria-hidden />}
                >
                  {t('pledges.staff.campaigns.create_first')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}
        {all.length > 0 && (
          <>
            <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
              <Stack gap={4}>
                <Input.Label id="saring-status-kampanye">
                  {t('pledges.staff.campaigns.status_filter')}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby="saring-status-kampanye"
                  value={status}
                  onChange={(value) => setStatus(value)}
                  data={[
                    { value: 'all', label: t('pledges.staff.campaigns.status_all') },
                    ...campaignStatuses.map((value) => ({
                      value,
                      label: t(`pledges.staff.status.${value}`),
                    })),
                  ]}
                />
              </Stack>
              <ListSummary
                total={rows.length}
                page={1}
                pageSize={Math.max(rows.length, 1)}
                noun={t('pledges.staff.campaigns.noun')}
              />
            </Group>
            <ScrollableTable
              label={t('pledges.staff.campaigns.caption')}
              minWidth={880}
              isBusy={campaigns.isLoading}
            >
              <Table
                aria-label={t('pledges.staff.campaigns.caption')}
                striped
                highlightOnHover
                verticalSpacing="sm"
                className="netra-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('pledges.staff.campaigns.column.name')}</Table.Th>
                    <Table.Th scope="col">{t('pledges.staff.campaigns.column.template')}</Table.Th>
                    <Table.Th scope="col">{t('pledges.staff.campaigns.column.status')}</Table.Th>
                    <Table.Th scope="col">{t('pledges.staff.campaigns.column.window')}</Table.Th>
                    <Table.Th scope="col">{t('pledges.staff.campaigns.column.progress')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((campaign) => (
                    <Table.Tr key={campaign.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/ikrar/kampanye/${campaign.id}`} fw={600}>
                          {campaign.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{campaign.templateTitle}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`pledges.staff.kind.${campaign.templateKind}`)} ·{' '}
                          {t('pledges.staff.template.version', { version: campaign.templateVersion })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CampaignStatusBadge status={campaign.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(campaign.opensAt, timeZone, language)}</Text>
                        <Text size="sm" c="dimmed">
                          {t('pledges.staff.campaigns.until', {
                            at: formatDateTime(campaign.closesAt, timeZone, language),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CampaignProgressCell campaign={campaign} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
          </>
        )}
      </Stack>
    </>
  )
}

/** Signed of targets for an opened campaign (a draft has no targets yet); counted by the list's one query. */
function CampaignProgressCell({ campaign }: { readonly campaign: CampaignView }) {
  const { t } = useTranslation()
  if (campaign.status === 'draft')
    return (
      <Text size="sm" c="dimmed">
        {t('pledges.staff.campaigns.not_open_yet')}
      </Text>
    )
  const { counts } = campaign
  return (
    <SignedProgress
      signed={counts.signed}
      targets={counts.targets}
      percent={counts.percent}
      label={t('pledges.staff.campaigns.progress_of', { name: campaign.name })}
      size="sm"
    />
  )
}
