/**
 * /ikrar/kampanye/baru and /ikrar/kampanye/:campaignId/ubah (draft only) — which text, for which election, who
 * must sign (the whole agency or chosen unit subtrees, narrowed by employee kind, position type, unit heads), the
 * signing window in the agency's time zone and the witnesses. Problems show next to their fields.
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
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { employeeKinds, positionTypes } from '../../../domain/employee-fields'
import { isApiError } from '../../api/client'
import { describeError, issueMessage, issuesOf } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, timeZoneAbbreviation } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { NoAccessPage } from '../../shell/no-access-page'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { LoaderBlock } from '../../ui/full-page-loader'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { PageHeader, type BreadcrumbItem } from '../../ui/page-header'
import { useSelectedElection } from '../elections/selected-election'
import { ancestryLabel, buildUnitForest } from '../units/unit-forest'
import { UnitPicker } from '../units/unit-picker'
import { unitTreePath, type UnitTree } from '../units/units.api'
import {
  campaignBodyOf,
  campaignFormErrors,
  campaignFormValuesOf,
  emptyCampaignForm,
  type CampaignFieldErrors,
  type CampaignFormValues,
} from './campaign-form-values'
import {
  campaignPath,
  createCampaign,
  templateListPath,
  updateCampaign,
  type CampaignView,
  type TemplateList,
} from './pledges.api'

const legendStyles = {
  legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 },
} as const

export function CampaignCreatePage() {
  const session = useSession()
  if (!mayUse(session, 'pledges.manage')) return <NoAccessPage />
  return <CampaignForm campaign={null} />
}

export function CampaignEditPage() {
  const { campaignId = '' } = useParams()
  return <CampaignEdit key={campaignId} campaignId={campaignId} />
}

function CampaignEdit({ campaignId }: { readonly campaignId: string }) {
  const { t } = useTranslation()
  const session = useSession()
  const query = useApiQuery<CampaignView>(campaignPath(campaignId))
  if (!mayUse(session, 'pledges.manage')) return <NoAccessPage />
  if (query.error) {
    return (
      <>
        <PageHeader
          title={t('pledges.staff.form.edit_title')}
          breadcrumbs={[
            { label: t('app.nav.area.home'), to: '/' },
            { label: t('pledges.staff.nav'), to: '/ikrar' },
            { label: t('pledges.staff.form.edit_title') },
          ]}
        />
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      </>
    )
  }
  if (!query.data) return <LoaderBlock />
  if (query.data.status !== 'draft') {
    return (
      <>
        <PageHeader title={t('pledges.staff.form.edit_title')} />
        <ErrorAlert message={t('errors.pledge.campaign_not_draft')} />
      </>
    )
  }
  return <CampaignForm campaign={query.data} />
}

const fieldOrder = ['templateVersionId', 'electionId', 'name', 'unitIds', 'opensAt', 'closesAt']

function CampaignForm({ campaign }: { readonly campaign: CampaignView | null }) {
  const { t } = useTranslation()
  const session = useSession()
  const navigate = useNavigate()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const zone = timeZoneAbbreviation(timeZone)
  const { elections, selected, canRead } = useSelectedElection()
  const templates = useApiQuery<TemplateList>(templateListPath(false))
  const units = useApiQuery<UnitTree>(unitTreePath({ includeInactive: true }))
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)

  const form = useForm<CampaignFormValues>({
    initialValues: campaign
      ? campaignFormValuesOf(campaign, timeZone)
      : emptyCampaignForm(canRead ? (selected?.id ?? null) : null),
  })
  const values = form.values

  const templateOptions = useMemo(() => {
    const options = (templates.data?.items ?? []).map((template) => ({
      value: template.currentVersion.id,
      label: t('pledges.staff.form.template_option', {
        title: template.title,
        kind: t(`pledges.staff.kind.${template.kind}`),
        version: template.currentVersion.version,
      }),
    }))
    if (campaign && !options.some((option) => option.value === campaign.templateVersionId)) {
      options.unshift({
        value: campaign.templateVersionId,
        label: t('pledges.staff.form.template_option', {
          title: campaign.templateTitle,
          kind: t(`pledges.staff.kind.${campaign.templateKind}`),
          version: campaign.templateVersion,
        }),
      })
    }
    return options
  }, [templates.data, campaign, t])

  const forest = useMemo(() => (units.data ? buildUnitForest(units.data.items) : null), [units.data])
  const unitLabel = (unitId: string) => {
    const unit = forest?.byId.get(unitId)
    if (!forest || !unit) return t('pledges.staff.form.unit_unknown')
    const ancestry = ancestryLabel(forest, unitId)
    return ancestry ? `${unit.name} — ${ancestry}` : unit.name
  }

  const title = campaign ? t('pledges.staff.form.edit_title') : t('pledges.staff.form.create_title')
  const breadcrumbs: BreadcrumbItem[] = [
    { label: t('app.nav.area.home'), to: '/' },
    { label: t('pledges.staff.nav'), to: '/ikrar' },
    ...(campaign ? [{ label: campaign.name, to: `/ikrar/kampanye/${campaign.id}` }] : []),
    { label: title },
  ]

  const showErrors = (errors: CampaignFieldErrors) => {
    const messages = Object.fromEntries(
      Object.entries(errors).map(([field, key]) => [
        field,
        t(`pledges.staff.form.error.${key ?? 'required'}`),
      ]),
    )
    form.setErrors(messages)
    const order = [
      ...fieldOrder,
      ...values.witnesses.flatMap((_, index) => [
        `witnesses.${index}.name`,
        `witnesses.${index}.institution`,
      ]),
    ]
    focusFirstError(
      (path) => form.getInputNode(path) ?? document.getElementById(`kampanye-${path}`),
      errors,
      order,
    )
  }

  const handleSubmit = async () => {
    setError(null)
    const errors = campaignFormErrors(values, timeZone)
    const count = Object.keys(errors).length
    if (count > 0) {
      setError(t('pledges.staff.form.fix_fields', { count }))
      showErrors(errors)
      return
    }
    setIsPending(true)
    try {
      const body = campaignBodyOf(values, timeZone)
      const saved = campaign ? await updateCampaign(campaign.id, body) : await createCampaign(body)
      notifySuccess(
        t(campaign ? 'pledges.staff.form.updated_title' : 'pledges.staff.form.created_title'),
        saved.name,
      )
      void navigate(`/ikrar/kampanye/${saved.id}`)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      const byCode: Record<string, string> = {
        'pledge.campaign_dates_invalid': 'closesAt',
        'pledge.election_invalid': 'electionId',
        'pledge.target_invalid': 'unitIds',
        'pledge.template_archived': 'templateVersionId',
        'pledge.template_not_found': 'templateVersionId',
      }
      const field = byCode[failure.code]
      if (field) {
        form.setErrors({ [field]: describeError(failure) })
        focusFirstError((path) => form.getInputNode(path), { [field]: true }, [field])
      }
      if (failure.code === 'request.invalid') {
        const fieldErrors: Record<string, string> = {}
        for (const issue of issuesOf(failure)) {
          const path = issue.path.join('.').replace(/^target\./, '')
          fieldErrors[path] ??= issueMessage(issue)
        }
        form.setErrors(fieldErrors)
      }
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const addUnit = (unitId: string | null) => {
    if (!unitId || values.unitIds.includes(unitId)) return
    form.setFieldValue('unitIds', [...values.unitIds, unitId])
    form.clearFieldError('unitIds')
  }

  const handleAddWitness = () => {
    form.insertListItem('witnesses', { name: '', institution: '', role: '' })
    const index = values.witnesses.length
    window.setTimeout(() => form.getInputNode(`witnesses.${index}.name`)?.focus(), 0)
  }

  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} description={t('pledges.staff.form.description')} />
      <form onSubmit={form.onSubmit(() => void handleSubmit())} noValidate>
        <Stack gap="lg">
          {error && <ErrorAlert message={error} />}
          {templates.error && (
            <ErrorAlert message={describeError(templates.error)} onRetry={templates.reload} />
          )}

          <FormSection title={t('pledges.staff.form.section_text')} id="bagian-naskah">
            <Stack gap="md">
              <Select
                label={t('pledges.staff.form.template')}
                description={t('pledges.staff.form.template_help')}
                data={templateOptions}
                searchable
                required
                disabled={!templates.data}
                {...nothingFoundOption(t('common.list.no_match'))}
                {...form.getInputProps('templateVersionId')}
              />
              {canRead && (
                <Select
                  label={t('pledges.staff.form.election')}
                  description={t('pledges.staff.form.election_help')}
                  data={elections.map((election) => ({ value: election.id, label: election.name }))}
                  clearable
                  searchable
                  {...nothingFoundOption(t('common.list.no_match'))}
                  {...form.getInputProps('electionId')}
                />
              )}
              <TextInput
                label={t('pledges.staff.form.name')}
                description={t('pledges.staff.form.name_help')}
                required
                maxLength={200}
                {...form.getInputProps('name')}
              />
            </Stack>
          </FormSection>

          <FormSection title={t('pledges.staff.form.section_target')} id="bagian-sasaran">
            <Stack gap="md">
              <Radio.Group
                label={t('pledges.staff.form.scope')}
                required
                value={values.scope}
                onChange={(value) => form.setFieldValue('scope', value === 'units' ? 'units' : 'agency')}
              >
                <Stack gap="xs" mt={6}>
                  <Radio value="agency" label={t('pledges.staff.form.scope_agency')} />
                  <Radio value="units" label={t('pledges.staff.form.scope_units')} />
                </Stack>
              </Radio.Group>
              {values.scope === 'units' && (
                <Stack gap="xs">
                  <UnitPicker
                    id="kampanye-unitIds"
                    label={t('pledges.staff.form.add_unit')}
                    description={t('pledges.staff.form.add_unit_help')}
                    value={null}
                    onChange={addUnit}
                    units={units.data?.items}
                    isDisabled={(unit) => values.unitIds.includes(unit.id)}
                    disabledReason={t('pledges.staff.form.unit_chosen')}
                    error={typeof form.errors.unitIds === 'string' ? form.errors.unitIds : null}
                    clearable={false}
                  />
                  {values.unitIds.length > 0 && (
                    <Stack
                      gap={4}
                      component="ul"
                      m={0}
                      p={0}
                      aria-label={t('pledges.staff.form.chosen_units')}
                    >
                      {values.unitIds.map((unitId) => (
                        <Group
                          key={unitId}
                          component="li"
                          justify="space-between"
                          wrap="nowrap"
                          gap="xs"
                          style={{ listStyle: 'none' }}
                        >
                          <Text size="sm">{unitLabel(unitId)}</Text>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('pledges.staff.form.remove_unit', {
                              name: forest?.byId.get(unitId)?.name ?? '',
                            })}
                            onClick={() =>
                              form.setFieldValue(
                                'unitIds',
                                values.unitIds.filter((id) => id !== unitId),
                              )
                            }
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Stack>
              )}
              <Checkbox.Group
                label={t('pledges.staff.form.employee_kinds')}
                description={t('pledges.staff.form.all_when_empty')}
                value={values.employeeKinds}
                onChange={(next) =>
                  form.setFieldValue(
                    'employeeKinds',
                    employeeKinds.filter((kind) => next.includes(kind)),
                  )
                }
              >
                <Group gap="lg" mt={6}>
                  {employeeKinds.map((kind) => (
                    <Checkbox key={kind} value={kind} label={t(`employees.kind.${kind}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('pledges.staff.form.position_types')}
                description={t('pledges.staff.form.all_when_empty')}
                value={values.positionTypes}
                onChange={(next) =>
                  form.setFieldValue(
                    'positionTypes',
                    positionTypes.filter((type) => next.includes(type)),
                  )
                }
              >
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt={6}>
                  {positionTypes.map((type) => (
                    <Checkbox key={type} value={type} label={t(`employees.position_type.${type}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Switch
                label={t('pledges.staff.form.only_unit_heads')}
                description={t('pledges.staff.form.only_unit_heads_help')}
                {...form.getInputProps('onlyUnitHeads', { type: 'checkbox' })}
              />
            </Stack>
          </FormSection>

          <FormSection title={t('pledges.staff.form.section_window')} id="bagian-waktu">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                type="datetime-local"
                label={t('pledges.staff.form.opens_at', { zone })}
                required
                {...form.getInputProps('opensAt')}
              />
              <TextInput
                type="datetime-local"
                label={t('pledges.staff.form.closes_at', { zone })}
                required
                {...form.getInputProps('closesAt')}
              />
            </SimpleGrid>
          </FormSection>

          <FormSection title={t('pledges.staff.form.section_witnesses')} id="bagian-saksi">
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('pledges.staff.form.witnesses_help')}
              </Text>
              {values.witnesses.map((_, index) => (
                <Fieldset
                  key={index}
                  legend={t('pledges.staff.form.witness', { number: index + 1 })}
                  styles={legendStyles}
                >
                  <Stack gap="sm">
                    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                      <TextInput
                        label={t('pledges.staff.form.witness_name')}
                        required
                        maxLength={200}
                        {...form.getInputProps(`witnesses.${index}.name`)}
                      />
                      <TextInput
                        label={t('pledges.staff.form.witness_institution')}
                        placeholder={t('pledges.staff.form.witness_institution_example')}
                        required
                        maxLength={200}
                        {...form.getInputProps(`witnesses.${index}.institution`)}
                      />
                      <TextInput
                        label={t('pledges.staff.form.witness_role')}
                        maxLength={200}
                        {...form.getInputProps(`witnesses.${index}.role`)}
                      />
                    </SimpleGrid>
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => {
                          form.removeListItem('witnesses', index)
                          form.clearErrors()
                        }}
                      >
                        {t('pledges.staff.form.remove_witness', { number: index + 1 })}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              ))}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={handleAddWitness}
                  disabled={values.witnesses.length >= 20}
                >
                  {t('pledges.staff.form.add_witness')}
                </Button>
              </Group>
            </Stack>
          </FormSection>

          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => void navigate(campaign ? `/ikrar/kampanye/${campaign.id}` : '/ikrar')}
            >
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {t('pledges.staff.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}

function FormSection({
  title,
  id,
  children,
}: {
  readonly title: string
  readonly id: string
  readonly children: ReactNode
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  )
}
