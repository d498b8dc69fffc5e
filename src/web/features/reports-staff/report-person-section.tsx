/**
 * The reported person as the reporter described them, and the employee they are linked to: staff link one from the
 * suggestions (by NIP, then name and unit, each with its reason) or by searching the roster, and may unlink.
 */
import { Anchor, Box, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { IconLink, IconLinkOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/use-api-query'
import { formatNumber } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { notifySuccess } from '../../ui/notify'
import { SectionCard } from '../../ui/section-card'
import { EmployeePicker, type PickedEmployee } from '../employees/employee-picker'
import { groupedNip } from '../employees/nip-format'
import {
  employeeSuggestionsPath,
  failureMessage,
  setReportedEmployee,
  type EmployeeSuggestionList,
  type ReportDetail,
} from './reports-staff.api'

export interface ReportPersonSectionProps {
  readonly report: ReportDetail
  readonly mayManage: boolean
  readonly onChanged: () => void
}

export function ReportPersonSection({ report, mayManage, onChanged }: ReportPersonSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const person = report.reportedPerson
  const linked = report.reportedEmployee
  const suggestions = useApiQuery<EmployeeSuggestionList>(
    mayManage && !linked ? employeeSuggestionsPath(report.id) : null,
  )
  const [picked, setPicked] = useState<PickedEmployee | null>(null)
  const [pendingId, setPendingId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const link = async (employeeId: string | null) => {
    setError(null)
    setPendingId(employeeId ?? 'unlink')
    try {
      const result = await setReportedEmployee(report.id, employeeId)
      notifySuccess(
        t('reportsStaff.person.saved_title'),
        result.reportedEmployee
          ? t('reportsStaff.person.linked', { name: result.reportedEmployee.name })
          : t('reportsStaff.person.unlinked'),
      )
      setPicked(null)
      onChanged()
    } catch (caught) {
      setError(failureMessage(caught))
    } finally {
      setPendingId(null)
    }
  }

  return (
    <SectionCard title={t('reportsStaff.person.title')} id="laporan-terlapor">
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
          <Fact label={t('reportsStaff.person.name')}>{person.name ?? '—'}</Fact>
          <Fact label={t('reportsStaff.person.nip')}>{person.nip ? groupedNip(person.nip) : '—'}</Fact>
          <Fact label={t('reportsStaff.person.unit')}>{person.unitName ?? '—'}</Fact>
          <Fact label={t('reportsStaff.person.agency')}>{person.agencyName ?? '—'}</Fact>
        </Box>

        <Stack gap="xs">
          <Text fw={700}>{t('reportsStaff.person.employee')}</Text>
          {linked ? (
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Stack gap={0}>
                <Anchor component={Link} to={`/pegawai/${linked.id}`} fw={600}>
                  {linked.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {[linked.nip ? groupedNip(linked.nip) : null, linked.unitName].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              {mayManage && (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconLinkOff size={16} aria-hidden />}
                  loading={pendingId === 'unlink'}
                  onClick={() => void link(null)}
                >
                  {t('reportsStaff.person.unlink')}
                </Button>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('reportsStaff.person.not_linked')}
            </Text>
          )}
        </Stack>

        {mayManage && !linked && (
          <Stack gap="sm">
            <Text fw={600} size="sm" id="saran-pegawai">
              {t('reportsStaff.person.suggestions')}
            </Text>
            {suggestions.error && (
              <ErrorAlert message={failureMessage(suggestions.error)} onRetry={suggestions.reload} />
            )}
            {suggestions.data && suggestions.data.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('reportsStaff.person.no_suggestions')}
              </Text>
            )}
            {suggestions.data && suggestions.data.items.length > 0 && (
              <Stack
                component="ul"
                gap="xs"
                m={0}
                p={0}
                style={{ listStyle: 'none' }}
                aria-labelledby="saran-pegawai"
              >
                {suggestions.data.items.map((suggestion) => (
                  <Paper component="li" withBorder p="xs" radius="sm" key={suggestion.employeeId}>
                    <Group justify="space-between" gap="sm" wrap="wrap">
                      <Stack gap={0} miw={0}>
                        <Text fw={600}>{suggestion.name}</Text>
                        <Text size="sm" c="dimmed">
                          {[
                            suggestion.nip ? groupedNip(suggestion.nip) : null,
                            suggestion.positionTitle,
                            suggestion.unitName,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                        <Text size="sm">
                          {t(`reportsStaff.person.reason.${suggestion.reason}`)} ·{' '}
                          {t('reportsStaff.person.score', {
                            score: formatNumber(Math.round(suggestion.score), language),
                          })}
                        </Text>
                      </Stack>
                      <Button
                        size="xs"
                        leftSection={<IconLink size={16} aria-hidden />}
                        loading={pendingId === suggestion.employeeId}
                        disabled={pendingId !== null}
                        onClick={() => void link(suggestion.employeeId)}
                        aria-label={t('reportsStaff.person.link_named', { name: suggestion.name })}
                      >
                        {t('reportsStaff.person.link')}
                      </Button>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Box style={{ flex: '1 1 18rem' }}>
                <EmployeePicker
                  label={t('reportsStaff.person.search')}
                  description={t('reportsStaff.person.search_help')}
                  value={picked}
                  onChange={setPicked}
                />
              </Box>
              <Button
                variant="default"
                leftSection={<IconLink size={16} aria-hidden />}
                disabled={!picked || pendingId !== null}
                loading={picked !== null && pendingId === picked.id}
                onClick={() => picked && void link(picked.id)}
              >
                {t('reportsStaff.person.link_picked')}
              </Button>
            </Group>
          </Stack>
        )}
        {error && <ErrorAlert message={error} />}
      </Stack>
    </SectionCard>
  )
}
