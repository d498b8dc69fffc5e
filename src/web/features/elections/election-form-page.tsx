/**
 * /pemilu/baru and /pemilu/:electionId/ubah — an election's data, key dates and stages. The date rules of
 * src/domain/election-stage.ts run in the browser before sending (the server runs the same ones), and every
 * problem is shown next to its field; the first one takes focus.
 */
import './elections.css'
import {
  ActionIcon,
  Alert,
  Button,
  EmptyState,
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
  type TextInputProps,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  IconArrowDown,
  IconArrowUp,
  IconCalendarPlus,
  IconInfoCircle,
  IconPlus,
  IconSortAscending,
  IconTimeline,
  IconTrash,
} from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { canAdministerAgency } from '../../../domain/access'
import { electionTypes, pilkadaOfficeOf, regionProblem, stageKinds } from '../../../domain/election-stage'
import { isApiError } from '../../api/client'
import { describeError, issuesOf } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { actorOf, mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { NoAccessPage } from '../../shell/no-access-page'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { LoaderBlock } from '../../ui/full-page-loader'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { PageHeader, type BreadcrumbItem } from '../../ui/page-header'
import { agenciesPath, type AgencyListView } from '../agencies/agencies.api'
import {
  dateIssueErrors,
  electionBodyOf,
  electionFields,
  legendStyles,
  electionFormErrors,
  emptyElectionForm,
  emptyStage,
  formValuesOf,
  regionProblemMessage,
  requestIssueErrors,
  sortStagesByStart,
  stagesFromDates,
  type ElectionFormValues,
  type FieldErrorMap,
} from './election-form-values'
import { createElection, electionPath, updateElection, type ElectionDetail } from './elections.api'
import { useSelectedElection } from './selected-election'

export function ElectionCreatePage() {
  const session = useSession()
  if (!mayUse(session, 'elections.manage')) return <NoAccessPage />
  return <ElectionForm election={null} />
}

export function ElectionEditPage() {
  const { electionId = '' } = useParams()
  return <ElectionEdit key={electionId} electionId={electionId} />
}

function ElectionEdit({ electionId }: { readonly electionId: string }) {
  const { t } = useTranslation()
  const session = useSession()
  const query = useApiQuery<ElectionDetail>(electionPath(electionId))
  const election = query.data
  if (query.error) {
    return (
      <>
        <PageHeader
          title={t('elections.form.edit_title')}
          breadcrumbs={[
            { label: t('app.nav.area.home'), to: '/' },
            { label: t('app.nav.area.elections'), to: '/pemilu' },
            { label: t('elections.form.edit_title') },
          ]}
        />
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      </>
    )
  }
  if (!election) return <LoaderBlock />
  const mayManage =
    mayUse(session, 'elections.manage') && canAdministerAgency(actorOf(session), election.agencyId)
  if (!mayManage) return <NoAccessPage />
  return <ElectionForm election={election} />
}

interface ElectionFormProps {
  /** The election being changed, or null for a new one. */
  readonly election: ElectionDetail | null
}

function ElectionForm({ election }: ElectionFormProps) {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const { reload: reloadElections } = useSelectedElection()
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  // A platform administrator without an agency of their own names the agency of a new election.
  const needsAgency = election === null && session.agency === null
  const agencies = useApiQuery<AgencyListView>(needsAgency ? agenciesPath : null)
  const [agencyId, setAgencyId] = useState<string | null>(null)
  const [agencyError, setAgencyError] = useState<string | null>(null)

  const form = useForm<ElectionFormValues>({
    initialValues: election ? formValuesOf(election) : emptyElectionForm(),
  })
  const values = form.values

  const title = election ? t('elections.form.edit_title') : t('elections.form.create_title')
  const breadcrumbs: BreadcrumbItem[] = [
    { label: t('app.nav.area.home'), to: '/' },
    { label: t('app.nav.area.elections'), to: '/pemilu' },
    ...(election ? [{ label: election.name, to: `/pemilu/${election.id}` }] : []),
    { label: title },
  ]
  const backTo = election ? `/pemilu/${election.id}` : '/pemilu'

  const fieldOrder = [
    ...electionFields,
    ...values.stages.flatMap((_, index) =>
      ['name', 'kind', 'startsOn', 'endsOn'].map((name) => `stages.${index}.${name}`),
    ),
  ]

  const showFieldErrors = (errors: FieldErrorMap) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fieldOrder)
  }

  const handleSubmit = async () => {
    setError(null)
    setAgencyError(null)
    const errors = electionFormErrors(values)
    const count = Object.keys(errors).length
    if (needsAgency && !agencyId) setAgencyError(t('validation.issue.required'))
    if (count > 0) {
      setError(t('elections.form.fix_fields', { count }))
      showFieldErrors(errors)
      return
    }
    if (needsAgency && !agencyId) return
    setIsPending(true)
    try {
      const body = electionBodyOf(values)
      const saved = election
        ? await updateElection(election.id, body)
        : await createElection({ ...body, ...(needsAgency && agencyId ? { agencyId } : {}) })
      reloadElections()
      notifySuccess(
        election ? t('elections.form.updated_title') : t('elections.form.created_title'),
        t(election ? 'elections.form.updated' : 'elections.form.created', { name: saved.name }),
      )
      void navigate(`/pemilu/${saved.id}`)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'request.invalid') showFieldErrors(requestIssueErrors(issuesOf(failure)))
      if (failure.code === 'election.dates_invalid') showFieldErrors(dateIssueErrors(failure.details))
      if (failure.code === 'election.region_invalid') {
        const problem = failure.details.problem
        if (problem === 'required' || problem === 'format' || problem === 'not_allowed')
          showFieldErrors({ regionCode: regionProblemMessage(problem) })
      }
      if (failure.code === 'agency.not_found') setAgencyError(describeError(failure))
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const regionCode = values.regionCode.trim()
  const regionOffice =
    values.type === 'PILKADA' && regionCode && regionProblem('PILKADA', regionCode) === null
      ? pilkadaOfficeOf(regionCode)
      : null

  const handleAddStage = () => {
    form.insertListItem('stages', emptyStage())
    const index = values.stages.length
    // The new row's name field, once rendered.
    window.setTimeout(() => form.getInputNode(`stages.${index}.name`)?.focus(), 0)
  }

  const handleRemoveStage = (index: number) => {
    form.removeListItem('stages', index)
    form.clearErrors()
  }

  const handleMoveStage = (index: number, to: number) => {
    form.reorderListItem('stages', { from: index, to })
    form.clearErrors()
  }

  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} description={t('elections.form.description')} />
      <form onSubmit={form.onSubmit(() => void handleSubmit())} noValidate>
        <Stack gap="lg">
          {error && <ErrorAlert message={error} />}

          <Section title={t('elections.form.section_data')} id="bagian-data">
            <Stack gap="md">
              {needsAgency && (
                <Select
                  label={t('elections.form.agency')}
                  data={(agencies.data?.items ?? []).map((agency) => ({
                    value: agency.id,
                    label: agency.name,
                  }))}
                  value={agencyId}
                  onChange={setAgencyId}
                  searchable
                  required
                  error={agencyError}
                  {...nothingFoundOption(t('common.list.no_match'))}
                />
              )}
              <Radio.Group label={t('elections.form.type')} required {...form.getInputProps('type')}>
                <Group gap="lg" mt={6}>
                  {electionTypes.map((type) => (
                    <Radio
                      key={type}
                      value={type}
                      label={t(`elections.type.${type}`)}
                      description={t(`elections.form.type_help.${type}`)}
                    />
                  ))}
                </Group>
              </Radio.Group>
              <TextInput
                label={t('elections.form.name')}
                description={t('elections.form.name_help')}
                required
                maxLength={200}
                {...form.getInputProps('name')}
              />
              {values.type === 'PILKADA' && (
                <TextInput
                  label={t('elections.form.region_code')}
                  description={t('elections.form.region_code_help')}
                  required
                  maxLength={20}
                  w={{ base: '100%', sm: 480 }}
                  inputWrapperOrder={['label', 'description', 'input', 'error']}
                  {...form.getInputProps('regionCode')}
                />
              )}
              {regionOffice && (
                <Text size="sm" c="dimmed">
                  {t('elections.form.region_office', { office: t(`elections.office.${regionOffice}`) })}
                </Text>
              )}
              <Textarea
                label={t('elections.form.election_description')}
                description={t('elections.form.election_description_help')}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Section>

          <Section title={t('elections.form.section_dates')} id="bagian-tanggal">
            <Stack gap="md">
              <DateField
                label={t('elections.form.voting_on')}
                description={t('elections.form.voting_on_help')}
                required
                {...form.getInputProps('votingOn')}
              />
              <Fieldset legend={t('elections.form.campaign')} variant="unstyled" styles={legendStyles}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={560}>
                  <DateField
                    label={t('elections.form.campaign_starts')}
                    {...form.getInputProps('campaignStartsOn')}
                  />
                  <DateField
                    label={t('elections.form.campaign_ends')}
                    {...form.getInputProps('campaignEndsOn')}
                  />
                </SimpleGrid>
              </Fieldset>
              <Fieldset legend={t('elections.form.quiet')} variant="unstyled" styles={legendStyles}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={560}>
                  <DateField
                    label={t('elections.form.quiet_starts')}
                    {...form.getInputProps('quietStartsOn')}
                  />
                  <DateField label={t('elections.form.quiet_ends')} {...form.getInputProps('quietEndsOn')} />
                </SimpleGrid>
              </Fieldset>
              <DateField
                label={t('elections.form.designated_on')}
                description={t('elections.form.designated_on_help')}
                {...form.getInputProps('candidateDesignatedOn')}
              />
            </Stack>
          </Section>

          <Section title={t('elections.form.section_stages')} id="bagian-tahapan">
            <Stack gap="md">
              <Text size="sm">{t('elections.form.stages_help')}</Text>
              {values.stages.length === 0 ? (
                <EmptyState
                  icon={<IconTimeline size={36} aria-hidden />}
                  withIndicatorBackground
                  title={t('elections.form.stages_empty_title')}
                  description={t('elections.form.stages_empty')}
                >
                  <EmptyState.Actions>
                    <Button
                      variant="default"
                      leftSection={<IconCalendarPlus size={18} aria-hidden />}
                      onClick={() => form.setFieldValue('stages', stagesFromDates(values))}
                      disabled={stagesFromDates(values).length === 0}
                    >
                      {t('elections.form.stages_from_dates')}
                    </Button>
                    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={handleAddStage}>
                      {t('elections.form.add_stage')}
                    </Button>
                  </EmptyState.Actions>
                </EmptyState>
              ) : (
                <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                  {values.stages.map((stage, index) => (
                    <li key={stage.key}>
                      <Fieldset
                        legend={t('elections.form.stage_legend', { number: index + 1 })}
                        radius="md"
                        p={{ base: 'sm', sm: 'md' }}
                      >
                        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                          <TextInput
                            label={t('elections.form.stage_name')}
                            required
                            maxLength={200}
                            {...form.getInputProps(`stages.${index}.name`)}
                          />
                          <Select
                            label={t('elections.form.stage_kind')}
                            data={stageKinds.map((kind) => ({
                              value: kind,
                              label: t(`elections.stage_kind.${kind}`),
                            }))}
                            allowDeselect={false}
                            required
                            {...form.getInputProps(`stages.${index}.kind`)}
                          />
                          <DateField
                            label={t('elections.form.stage_starts')}
                            required
                            {...form.getInputProps(`stages.${index}.startsOn`)}
                          />
                          <DateField
                            label={t('elections.form.stage_ends')}
                            required
                            {...form.getInputProps(`stages.${index}.endsOn`)}
                          />
                        </SimpleGrid>
                        <Group gap="xs" mt="sm" justify="flex-end">
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('elections.form.stage_move_up', { number: index + 1 })}
                            disabled={index === 0}
                            onClick={() => handleMoveStage(index, index - 1)}
                          >
                            <IconArrowUp size={18} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            size="lg"
                            aria-label={t('elections.form.stage_move_down', { number: index + 1 })}
                            disabled={index === values.stages.length - 1}
                            onClick={() => handleMoveStage(index, index + 1)}
                          >
                            <IconArrowDown size={18} aria-hidden />
                          </ActionIcon>
                          <Button
                            variant="subtle"
                            color="red"
                            size="sm"
                            leftSection={<IconTrash size={16} aria-hidden />}
                            aria-label={t('elections.form.stage_remove_named', { number: index + 1 })}
                            onClick={() => handleRemoveStage(index)}
                          >
                            {t('elections.form.stage_remove')}
                          </Button>
                        </Group>
                      </Fieldset>
                    </li>
                  ))}
                </Stack>
              )}
              {values.stages.length > 0 && (
                <Group gap="sm">
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={18} aria-hidden />}
                    onClick={handleAddStage}
                  >
                    {t('elections.form.add_stage')}
                  </Button>
                  {values.stages.length > 1 && (
                    <Button
                      variant="default"
                      leftSection={<IconSortAscending size={18} aria-hidden />}
                      onClick={() => {
                        form.setFieldValue('stages', sortStagesByStart(values.stages))
                        form.clearErrors()
                      }}
                    >
                      {t('elections.form.sort_stages')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Section>

          <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
            {t('elections.form.audit_note')}
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={backTo} variant="default">
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {election ? t('elections.form.save') : t('elections.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}

interface SectionProps {
  readonly title: string
  readonly id: string
  readonly children: ReactNode
}

function Section({ title, id, children }: SectionProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/** A native date input (the browser's own picker, keyboard-friendly, `YYYY-MM-DD` value). */
function DateField(props: TextInputProps) {
  return <TextInput type="date" w={{ base: '100%', xs: 240 }} {...props} />
}
