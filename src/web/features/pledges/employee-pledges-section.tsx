/**
 * On an employee's page: "Ikrar & Pakta Integritas" — every campaign that targeted them, with the text (kind and
 * version), whether they signed (when), whether the signature was revoked (when, why) or the campaign ended without
 * it, and the public receipt check.
 */
import { Anchor, Stack, Table, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { EmployeePledgeStatus } from '../../../features/pledges/pledge-staff.schema'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { StatusBadge, type StatusTone } from '../../ui/status-badge'
import { employeePledgesPath, type EmployeePledgeList } from './pledges.api'

const statusTone: Record<EmployeePledgeStatus, StatusTone> = {
  signed: 'done',
  revoked: 'overdue',
  not_signed: 'due',
  campaign_closed: 'neutral',
}

export interface EmployeePledgesSectionProps {
  readonly employeeId: string
  readonly employeeName: string
}

export function EmployeePledgesSection({ employeeId, employeeName }: EmployeePledgesSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const mayOpenCampaign = mayUse(session, 'pledges.read')
  const pledges = useApiQuery<EmployeePledgeList>(employeePledgesPath(employeeId))
  const items = pledges.data?.items ?? []
  const caption = t('pledges.staff.employee.caption', { name: employeeName })

  return (
    <SectionCard title={t('pledges.staff.employee.title')} id="pegawai-ikrar">
      {pledges.error && <ErrorAlert message={describeError(pledges.error)} onRetry={pledges.reload} />}
      {!pledges.data && !pledges.error && <LoaderBlock />}
      {pledges.data && items.length === 0 && <Text size="sm">{t('pledges.staff.employee.empty')}</Text>}
      {items.length > 0 && (
        <ScrollableTable label={caption} minWidth={720}>
          <Table aria-label={caption} striped verticalSpacing="xs" className="netra-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('pledges.staff.employee.column.campaign')}</Table.Th>
                <Table.Th scope="col">{t('pledges.staff.employee.column.template')}</Table.Th>
                <Table.Th scope="col">{t('pledges.staff.employee.column.status')}</Table.Th>
                <Table.Th scope="col">{t('pledges.staff.employee.column.receipt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.campaignId}>
                  <Table.Td>
                    {mayOpenCampaign ? (
                      <Anchor component={Link} to={`/ikrar/kampanye/${item.campaignId}`} fw={600} size="sm">
                        {item.campaignName}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600}>
                        {item.campaignName}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('pledges.staff.employee.unit', { unit: item.unitName })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.templateTitle}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`pledges.staff.kind.${item.templateKind}`)} ·{' '}
                      {t('pledges.staff.template.version', { version: item.templateVersion })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <StatusBadge
                        tone={statusTone[item.status]}
                        label={t(`pledges.staff.employee.status.${item.status}`)}
                      />
                      {item.signedAt && (
                        <Text size="xs" c="dimmed">
                          {t('pledges.staff.employee.signed_at', {
                            at: formatDateTime(item.signedAt, timeZone, language),
                          })}
                        </Text>
                      )}
                      {item.status === 'revoked' && item.revokedAt && (
                        <Text size="xs">
                          {t('pledges.staff.employee.revoked_at', {
                            at: formatDateTime(item.revokedAt, timeZone, language),
                          })}
                          {item.revokeReason
                            ? ` — ${t('pledges.staff.employee.reason', { reason: item.revokeReason })}`
                            : ''}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {item.verifyUrl ? (
                      <Anchor
                        href={item.verifyUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        size="sm"
                        aria-label={t('pledges.staff.employee.verify_label', { name: item.campaignName })}
                      >
                        {t('pledges.staff.employee.verify')}{' '}
                        <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}
    </SectionCard>
  )
}
