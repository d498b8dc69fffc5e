/**
 * /kegiatan/baru and /kegiatan/:eventId/ubah — an event's kind, title, time, venue, speakers and target units; for
 * an apel also its leader (an employee, or a name and position such as the mayor's) and whether the ikrar
 * netralitas was read. Problems show next to their fields; the first one takes focus.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { NoAccessPage } from '../../shell/no-access-page'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { electionListPath, type ElectionListView } from '../elections/elections.api'
import { EmployeePicker, type PickedEmployee } from '../employees/employee-picker'
import { UnitPicker } from '../units/unit-picker'
import { unitTreePath, type UnitTree } from '../units/units.api'
import {
  emptyEventForm,
  emptySpeaker,
  eventBodyOf,
  formProblems,
  formValuesOf,
  type EventFormValues,
  type ProblemKey,
} from './event-form-values'
import {
  createEvent,
  eventKindList,
  eventPath,
  updateEvent,
  type EventKind,
  type EventView,
} from './events.api'

export function EventCreatePage() {
  const session = useSession()
  if (!mayUse(session, 'events.manage')) return <NoAccessPage />
  return <EventForm event={null} />
}

export function EventEditPage() {
  const { eventId = '' } = useParams()
  const { t } = useTranslation()
  const event = useApiQuery<EventView>(eventPath(eventId))
  if (event.error) return <ErrorAlert message={describeError(event.error)} onRetry={event.reload} />
  if (!event.data) return <LoaderBlock />
  if (!event.data.canManage || event.data.status === 'cancelled') {
    return <ErrorAlert message={t('events.form.not_editable')} />
  }
  return <EventForm event={event.data} />
}

const serverFields = [
  'title',
  'description',
  'electionId',
  'startsAt',
  'endsAt',
  'venue',
  'speakers',
  'targetUnitIds',
  'ikrarRead',
  'leader',
]

const fieldOrder = [
  'title',
  'startsAt',
  'endsAt',
  'targetUnitIds',
  'leaderEmployeeId',
  'leaderName',
  'leaderPosition',
]

function EventForm({ event }: { readonly event: EventView | null }) {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const form = useForm<EventFormValues>({
    initialValues: event ? formValuesOf(event, timeZone) : emptyEventForm(),
  })
  const [leaderEmployee, setLeaderEmployee] = useState<PickedEmployee | null>(
    event?.leader?.employeeId
      ? {
          id: event.leader.employeeId,
          displayName: event.leader.name,
          nip: null,
          positionTitle: event.leader.position,
          unitName: '',
        }
      : null,
  )
  const [isSaving, setIsSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const units = useApiQuery<UnitTree>(unitTreePath({ includeInactive: false }))
  const elections = useApiQuery<ElectionListView>(electionListPath(session.agency?.id))
  const unitName = new Map((units.data?.items ?? []).map((unit) => [unit.id, unit.name]))
  for (const unit of event?.targetUnits ?? []) if (!unitName.has(unit.id)) unitName.set(unit.id, unit.name)
  const values = form.getValues()
  const showErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fieldOrder)
  }
  const isApel = values.kind === 'apel'

  const handleSubmit = async (submitted: EventFormValues) => {
    setFailure(null)
    const problems = formProblems(submitted, timeZone)
    const problemEntries = Object.entries<ProblemKey>(problems)
    if (problemEntries.length > 0) {
      showErrors(Object.fromEntries(problemEntries.map(([field, key]) => [field, t(key)])))
      return
    }
    const body = eventBodyOf(submitted, timeZone)
    setIsSaving(true)
    try {
      const saved = event
        ? await updateEvent(event.id, {
            title: body.title,
            description: body.description ?? null,
            electionId: body.electionId ?? null,
            startsAt: body.startsAt,
            endsAt: body.endsAt,
            venue: body.venue ?? null,
            speakers: body.speakers ?? [],
            targetUnitIds: body.targetUnitIds ?? [],
            ...(event.kind === 'apel'
              ? { ikrarRead: body.ikrarRead ?? false, leader: body.leader ?? null }
              : {}),
          })
        : await createEvent(body)
      notifySuccess(t('events.form.saved_title'), t('events.form.saved', { title: saved.title }))
      void navigate(`/kegiatan/${saved.id}`)
    } catch (error) {
      if (isApiError(error)) {
        if (error.code === 'request.invalid') {
          const { byField } = fieldErrorsOf(issuesOf(error), serverFields)
          const mapped = { ...byField }
          if (mapped.leader) {
            mapped[values.leaderMode === 'employee' ? 'leaderEmployeeId' : 'leaderName'] = mapped.leader
            delete mapped.leader
          }
          showErrors(mapped)
        } else if (error.code === 'event.dates_invalid') {
          showErrors({ endsAt: describeError(error) })
        } else if (error.code === 'event.leader_invalid') {
          showErrors({
            [values.leaderMode === 'employee' ? 'leaderEmployeeId' : 'leaderName']: describeError(error),
          })
        }
        setFailure(describeError(error))
      } else {
        setFailure(t('errors.unknown', { code: 'client' }))
      }
    } finally {
      setIsSaving(false)
    }
  }

  const title = event ? t('events.form.edit_title') : t('events.form.create_title')
  const breadcrumbs = [
    { label: t('events.list.title'), to: '/kegiatan' },
    ...(event ? [{ label: event.title, to: `/kegiatan/${event.id}` }] : []),
    { label: title },
  ]

  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={form.onSubmit((submitted) => void handleSubmit(submitted))} noValidate>
          <Stack gap="lg">
            {failure && <ErrorAlert message={failure} />}
            <Radio.Group
              label={t('events.form.kind')}
              withAsterisk
              {...form.getInputProps('kind')}
              onChange={(value) => form.setFieldValue('kind', value as EventKind)}
            >
              <Group gap="lg" mt={6}>
                {eventKindList.map((kind) => (
                  <Radio key={kind} value={kind} label={t(`events.kind.${kind}`)} disabled={event !== null} />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              label={t('events.form.title')}
              withAsterisk
              maxLength={200}
              {...form.getInputProps('title')}
            />
            <Textarea
              label={t('events.form.description')}
              autosize
              minRows={2}
              maxLength={5000}
              {...form.getInputProps('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="datetime-local"
                label={t('events.form.starts_at')}
                description={t('events.form.time_zone', { zone: timeZone })}
                withAsterisk
                {...form.getInputProps('startsAt')}
              />
              <TextInput
                type="datetime-local"
                label={t('events.form.ends_at')}
                withAsterisk
                {...form.getInputProps('endsAt')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('events.form.venue')} maxLength={300} {...form.getInputProps('venue')} />
              <Select
                label={t('events.form.election')}
                placeholder={t('events.form.no_election')}
                clearable
                data={(elections.data?.items ?? []).map((election) => ({
                  value: election.id,
                  label: election.name,
                }))}
                {...form.getInputProps('electionId')}
              />
            </SimpleGrid>

            <Fieldset legend={t('events.form.targets')}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {t('events.form.targets_help')}
                </Text>
                {values.targetUnitIds.length > 0 && (
                  <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                    {values.targetUnitIds.map((unitId) => (
                      <Group key={unitId} component="li" gap="xs" wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {unitName.get(unitId) ?? unitId}
                        </Text>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('events.form.remove_target', { name: unitName.get(unitId) ?? '' })}
                          onClick={() =>
                            form.setFieldValue(
                              'targetUnitIds',
                              values.targetUnitIds.filter((id) => id !== unitId),
                            )
                          }
                        >
                          <IconX size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    ))}
                  </Stack>
                )}
                <UnitPicker
                  label={t('events.form.add_target')}
                  value={null}
                  activeOnly
                  {...(units.data ? { units: units.data.items } : {})}
                  isDisabled={(unit) => values.targetUnitIds.includes(unit.id)}
                  onChange={(unitId) => {
                    if (unitId && !values.targetUnitIds.includes(unitId))
                      form.setFieldValue('targetUnitIds', [...values.targetUnitIds, unitId])
                  }}
                  error={typeof form.errors.targetUnitIds === 'string' ? form.errors.targetUnitIds : null}
                  w={{ base: '100%', sm: 420 }}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend={t('events.form.speakers')}>
              <Stack gap="sm">
                {values.speakers.map((_speaker, index) => (
                  <Group key={form.key(`speakers.${index}`)} align="flex-end" gap="sm" wrap="wrap">
                    <TextInput
                      label={t('events.form.speaker_name', { number: index + 1 })}
                      maxLength={200}
                      {...form.getInputProps(`speakers.${index}.name`)}
                      w={{ base: '100%', sm: 220 }}
                    />
                    <TextInput
                      label={t('events.form.speaker_role')}
                      maxLength={200}
                      {...form.getInputProps(`speakers.${index}.role`)}
                      w={{ base: '100%', sm: 200 }}
                    />
                    <TextInput
                      label={t('events.form.speaker_institution')}
                      maxLength={200}
                      {...form.getInputProps(`speakers.${index}.institution`)}
                      w={{ base: '100%', sm: 200 }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('events.form.remove_speaker', { number: index + 1 })}
                      onClick={() => form.removeListItem('speakers', index)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => form.insertListItem('speakers', emptySpeaker())}
                    disabled={values.speakers.length >= 30}
                  >
                    {t('events.form.add_speaker')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>

            {isApel && (
              <Fieldset legend={t('events.form.apel')}>
                <Stack gap="sm">
                  <Radio.Group
                    label={t('events.form.leader')}
                    value={values.leaderMode}
                    onChange={(value) => form.setFieldValue('leaderMode', value)}
                  >
                    <Group gap="lg" mt={6}>
                      <Radio value="none" label={t('events.form.leader_none')} />
                      <Radio value="employee" label={t('events.form.leader_employee')} />
                      <Radio value="free" label={t('events.form.leader_free')} />
                    </Group>
                  </Radio.Group>
                  {values.leaderMode === 'employee' && (
                    <EmployeePicker
                      label={t('events.form.leader_pick')}
                      value={leaderEmployee}
                      onChange={(picked) => {
                        setLeaderEmployee(picked)
                        form.setFieldValue('leaderEmployeeId', picked?.id ?? null)
                      }}
                      error={
                        typeof form.errors.leaderEmployeeId === 'string' ? form.errors.leaderEmployeeId : null
                      }
                      required
                    />
                  )}
                  {values.leaderMode === 'free' && (
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label={t('events.form.leader_name')}
                        withAsterisk
                        maxLength={200}
                        {...form.getInputProps('leaderName')}
                      />
                      <TextInput
                        label={t('events.form.leader_position')}
                        withAsterisk
                        maxLength={200}
                        {...form.getInputProps('leaderPosition')}
                      />
                    </SimpleGrid>
                  )}
                  <Checkbox
                    label={t('events.form.ikrar_read')}
                    description={t('events.form.ikrar_read_help')}
                    {...form.getInputProps('ikrarRead', { type: 'checkbox' })}
                  />
                </Stack>
              </Fieldset>
            )}

            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to={event ? `/kegiatan/${event.id}` : '/kegiatan'}>
                {t('common.actions.cancel')}
              </Button>
              <Button type="submit" loading={isSaving}>
                {event ? t('events.form.save') : t('events.form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  )
}
