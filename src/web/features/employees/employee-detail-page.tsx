/**
 * /pegawai/:employeeId — one employee: where they work (breadcrumb of units), identity (NIP grouped, NIK masked
 * unless the reader is an agency admin), grade with pangkat, position, direct superior and how many report to them,
 * contacts, social-media accounts and the list of direct subordinates. Those who manage the employee change the
 * record, the superior, the unit and the status here, each change confirmed.
 */
import { Anchor, Button, EmptyState, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import {
  IconArrowsExchange,
  IconPencil,
  IconSitemap,
  IconUserCheck,
  IconUserQuestion,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime, formatNumber } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SectionCard } from '../../ui/section-card'
import { formatDay } from '../calendar/calendar-date'
import { MoveUnitModal, StatusModal, SuperiorModal } from './employee-change-modals'
import { areaLabels, employeeBreadcrumbs } from './employee-breadcrumbs'
import { EmployeeStatusBadge, gradeText, localPhone, NipText } from './employee-labels'
import { employeePath, type EmployeeDetail } from './employees.api'
import { SocialAccountsSection } from './social-accounts-section'
import { SubordinatesSection } from './subordinates-section'
import { EmployeeEventsSection } from '../events/employee-events-section'
import { EmployeePledgesSection } from '../pledges/employee-pledges-section'

export function EmployeeDetailPage() {
  const { employeeId = '' } = useParams()
  // A fresh component per employee, so no state leaks from one to the next.
  return <EmployeeDetailView key={employeeId} employeeId={employeeId} />
}

function EmployeeDetailView({ employeeId }: { readonly employeeId: string }) {
  const { t } = useTranslation()
  const session = useSession()
  const query = useApiQuery<EmployeeDetail>(employeePath(employeeId))
  const employee = query.latestData
  const isMissing = query.error?.code === 'employee.not_found' || query.error?.code === 'request.invalid'
  const title = employee
    ? employee.displayName
    : query.error
      ? t('employees.detail.not_found_title')
      : t('employees.detail.loading_title')

  // One header from loading to loaded: it is not mounted twice, so it does not take focus as a new page would.
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={employeeBreadcrumbs(areaLabels(t), employee, title)}
        description={
          employee ? (
            <Group gap="xs" wrap="wrap">
              <NipText nip={employee.nip} kind={employee.kind} size="md" />
              {employee.positionTitle && <Text c="dimmed">· {employee.positionTitle}</Text>}
              <EmployeeStatusBadge status={employee.status} />
            </Group>
          ) : undefined
        }
        actions={
          employee && mayUse(session, 'roster.manage') ? (
            <Button
              component={Link}
              to={`/pegawai/${employee.id}/ubah`}
              leftSection={<IconPencil size={18} aria-hidden />}
            >
              {t('employees.detail.edit')}
            </Button>
          ) : null
        }
      />
      {employee ? (
        <EmployeeDetailContent employee={employee} onChanged={query.reload} />
      ) : query.error && isMissing ? (
        <EmptyState
          icon={<IconUserQuestion size={40} aria-hidden />}
          withIndicatorBackground
          description={t('employees.detail.not_found')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/pegawai">
              {t('employees.detail.back_to_list')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : query.error ? (
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      ) : (
        <LoaderBlock />
      )}
    </>
  )
}

type Change = 'superior' | 'unit' | 'status'

interface EmployeeDetailContentProps {
  readonly employee: EmployeeDetail
  readonly onChanged: () => void
}

function EmployeeDetailContent({ employee, onChanged }: EmployeeDetailContentProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone
  const mayManage = mayUse(session, 'roster.manage')
  const [change, setChange] = useState<Change | null>(null)
  const none = '—'

  const handleChanged = (message: string) => {
    setChange(null)
    notifySuccess(t('employees.detail.saved_title'), message)
    onChanged()
  }

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <SectionCard title={t('employees.detail.identity_title')} id="bagian-identitas">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
              <Fact label={t('employees.field.nip')}>
                <NipText nip={employee.nip} kind={employee.kind} size="md" />
              </Fact>
              <Fact label={t('employees.field.kind')}>{t(`employees.kind.${employee.kind}`)}</Fact>
              <Fact label={t('employees.field.name')}>{employee.name}</Fact>
              <Fact label={t('employees.detail.titles')}>
                {[employee.frontTitle, employee.backTitle].filter(Boolean).join(' · ') || none}
              </Fact>
              <Fact label={t('employees.field.gender')}>
                {employee.gender ? t(`employees.gender.${employee.gender}`) : none}
              </Fact>
              <Fact label={t('employees.field.birthDate')}>
                {employee.birthDate ? formatDay(employee.birthDate, language) : none}
              </Fact>
              <Fact label={t('employees.field.nik')}>
                {employee.nik ? (
                  <>
                    <Text span ff="monospace" fw={600}>
                      {employee.nik}
                    </Text>
                    {employee.nikIsMasked && (
                      <Text span size="sm" c="dimmed" fw={400}>
                        {' '}
                        ({t('employees.detail.nik_masked')})
                      </Text>
                    )}
                  </>
                ) : (
                  none
                )}
              </Fact>
            </SimpleGrid>
          </SectionCard>

          <SectionCard
            title={t('employees.detail.position_title')}
            id="bagian-kepegawaian"
            actions={
              mayManage ? (
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconUserCheck size={16} aria-hidden />}
                  onClick={() => setChange('status')}
                >
                  {t('employees.detail.change_status')}
                </Button>
              ) : null
            }
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
              <Fact label={t('employees.detail.grade_rank')}>{gradeText(employee.grade) ?? none}</Fact>
              <Fact label={t('employees.field.positionType')}>
                {employee.positionType ? t(`employees.position_type.${employee.positionType}`) : none}
              </Fact>
              <Fact label={t('employees.field.positionTitle')}>{employee.positionTitle ?? none}</Fact>
              <Fact label={t('employees.field.status')}>
                <EmployeeStatusBadge status={employee.status} />
              </Fact>
            </SimpleGrid>
          </SectionCard>

          <SectionCard
            title={t('employees.detail.unit_title')}
            id="bagian-unit"
            actions={
              mayManage ? (
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconSitemap size={16} aria-hidden />}
                  onClick={() => setChange('unit')}
                >
                  {t('employees.detail.move_unit')}
                </Button>
              ) : null
            }
          >
            <Stack gap="xs">
              <Anchor component={Link} to={`/unit-kerja?unit=${employee.unit.id}`} fw={600}>
                {employee.unit.name}
              </Anchor>
              {employee.breadcrumb.length > 1 && (
                <Text size="sm" c="dimmed">
                  {employee.breadcrumb.map((crumb) => crumb.name).join(' › ')}
                </Text>
              )}
              {!employee.unit.isActive && <Text size="sm">{t('employees.detail.unit_inactive')}</Text>}
            </Stack>
          </SectionCard>
        </Stack>

        <Stack gap="lg">
          <SectionCard
            title={t('employees.detail.superior_title')}
            id="bagian-atasan"
            actions={
              mayManage ? (
                <Button
                  variant="default"
                  size="sm"
                  leftSection={<IconArrowsExchange size={16} aria-hidden />}
                  onClick={() => setChange('superior')}
                >
                  {t('employees.detail.change_superior')}
                </Button>
              ) : null
            }
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
              <Fact label={t('employees.detail.superior')}>
                {employee.superior ? (
                  <Stack gap={2}>
                    <Anchor
                      component={Link}
                      to={`/pegawai/${employee.superior.id}`}
                      data-testid="superior-link"
                    >
                      {employee.superior.displayName}
                    </Anchor>
                    <Text size="sm" c="dimmed" fw={400}>
                      {[employee.superior.positionTitle, employee.superior.unitName]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Stack>
                ) : employee.superiorOutsideScope ? (
                  t('employees.detail.superior_outside_scope')
                ) : (
                  t('employees.detail.no_superior')
                )}
              </Fact>
              <Fact label={t('employees.detail.subordinates')}>
                {employee.subordinatesCount === 0
                  ? t('employees.detail.no_subordinates')
                  : t('employees.detail.subordinates_count', {
                      count: employee.subordinatesCount,
                      formatted: formatNumber(employee.subordinatesCount, language),
                    })}
              </Fact>
            </SimpleGrid>
          </SectionCard>

          <SectionCard title={t('employees.detail.contact_title')} id="bagian-kontak">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
              <Fact label={t('employees.field.email')}>
                {employee.email ? <Anchor href={`mailto:${employee.email}`}>{employee.email}</Anchor> : none}
              </Fact>
              <Fact label={t('employees.field.phone')}>
                {employee.phone ? (
                  <Anchor href={`tel:${employee.phone}`}>{localPhone(employee.phone)}</Anchor>
                ) : (
                  none
                )}
              </Fact>
              <Fact label={t('employees.field.whatsapp')}>
                {employee.whatsapp ? localPhone(employee.whatsapp) : none}
              </Fact>
            </SimpleGrid>
          </SectionCard>

          <SocialAccountsSection employee={employee} mayManage={mayManage} onChanged={onChanged} />

          <Text size="sm" c="dimmed">
            {t('employees.detail.record_dates', {
              created: formatDateTime(employee.createdAt, timeZone, language),
              updated: formatDateTime(employee.updatedAt, timeZone, language),
            })}
          </Text>
        </Stack>
      </SimpleGrid>

      <SubordinatesSection employeeId={employee.id} />
      <EmployeeEventsSection
        employeeId={employee.id}
        employeeName={employee.displayName}
        nip={employee.nip}
      />
      <EmployeePledgesSection employeeId={employee.id} employeeName={employee.displayName} />

      {change === 'superior' && (
        <SuperiorModal
          employee={employee}
          onClose={() => setChange(null)}
          onChanged={(next) =>
            handleChanged(
              next.superior
                ? t('employees.superior.done', {
                    name: next.displayName,
                    superior: next.superior.displayName,
                  })
                : t('employees.superior.done_clear', { name: next.displayName }),
            )
          }
        />
      )}
      {change === 'unit' && (
        <MoveUnitModal
          employee={employee}
          onClose={() => setChange(null)}
          onChanged={(next) =>
            handleChanged(t('employees.move.done', { name: next.displayName, unit: next.unit.name }))
          }
        />
      )}
      {change === 'status' && (
        <StatusModal
          employee={employee}
          onClose={() => setChange(null)}
          onChanged={(next) =>
            handleChanged(
              t('employees.status_change.done', {
                name: next.displayName,
                status: t(`employees.status.${next.status}`),
              }),
            )
          }
        />
      )}
    </Stack>
  )
}
