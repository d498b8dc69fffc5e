/** "Tambah instansi" (super admins): name, short address (slug), kind, time zone and the region code. */
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  agencyKinds,
  agencyTimeZones,
  CreateAgencyBody,
  type AgencyView,
} from '../../../features/agencies/agencies.schema'
import { isApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf, type FieldMessageOverrides } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { createAgency } from './agencies.api'
import { timeZoneKey } from './agency-labels'
import { slugFrom } from './slug'

type AgencyKind = (typeof agencyKinds)[number]
type AgencyTimeZone = (typeof agencyTimeZones)[number]

interface AgencyValues {
  name: string
  slug: string
  kind: AgencyKind | ''
  timeZone: AgencyTimeZone
  regionCode: string
}

const fields = ['name', 'slug', 'kind', 'timeZone', 'regionCode'] as const

export interface AgencyCreateModalProps {
  readonly opened: boolean
  readonly onClose: () => void
  readonly onCreated: (agency: AgencyView) => void
}

export function AgencyCreateModal({ opened, onClose, onCreated }: AgencyCreateModalProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const [isSlugEdited, setIsSlugEdited] = useState(false)
  const form = useForm<AgencyValues>({
    initialValues: { name: '', slug: '', kind: '', timeZone: 'Asia/Jakarta', regionCode: '' },
  })

  const overrides: FieldMessageOverrides = {
    slug: { invalid_format: t('agencies.create.slug_format') },
    regionCode: { invalid_format: t('agencies.create.region_code_format') },
    kind: { invalid_value: t('agencies.create.kind_required') },
  }

  const handleClose = () => {
    form.reset()
    setIsSlugEdited(false)
    setError(null)
    onClose()
  }

  const handleNameChange = (value: string) => {
    form.setFieldValue('name', value)
    if (!isSlugEdited) form.setFieldValue('slug', slugFrom(value))
  }

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fields)
  }

  const handleSubmit = async (values: AgencyValues) => {
    setError(null)
    const body = {
      name: values.name,
      slug: values.slug,
      kind: values.kind,
      timeZone: values.timeZone,
      regionCode: values.regionCode.trim() === '' ? null : values.regionCode.trim(),
    }
    const checked = CreateAgencyBody.safeParse(body)
    if (!checked.success) {
      showFieldErrors(fieldErrorsOf(issuesOf(checked.error), fields, overrides).byField)
      return
    }
    setIsPending(true)
    try {
      const agency = await createAgency(checked.data)
      form.reset()
      setIsSlugEdited(false)
      onCreated(agency)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'request.invalid')
        showFieldErrors(fieldErrorsOf(issuesOf(failure), fields, overrides).byField)
      if (failure.code === 'agency.slug_taken') showFieldErrors({ slug: t('agencies.create.slug_taken') })
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={handleClose}
      title={t('agencies.create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="md">
          {error && <ErrorAlert message={error} />}
          <TextInput
            label={t('agencies.create.name')}
            description={t('agencies.create.name_help')}
            required
            data-autofocus
            {...form.getInputProps('name')}
            onChange={(event) => handleNameChange(event.currentTarget.value)}
          />
          <TextInput
            label={t('agencies.create.slug')}
            description={t('agencies.create.slug_help')}
            required
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps('slug')}
            onChange={(event) => {
              setIsSlugEdited(true)
              form.setFieldValue('slug', event.currentTarget.value)
            }}
          />
          <Select
            label={t('agencies.create.kind')}
            placeholder={t('agencies.create.kind_placeholder')}
            data={agencyKinds.map((kind) => ({ value: kind, label: t(`agencies.kind.${kind}`) }))}
            required
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('agencies.create.time_zone')}
            description={t('agencies.create.time_zone_help')}
            data={agencyTimeZones.map((zone) => ({
              value: zone,
              label: t(`agencies.time_zone.${timeZoneKey[zone]}`),
            }))}
            required
            allowDeselect={false}
            {...form.getInputProps('timeZone')}
          />
          <TextInput
            label={t('agencies.create.region_code')}
            description={t('agencies.create.region_code_help')}
            inputMode="decimal"
            {...form.getInputProps('regionCode')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={handleClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {t('agencies.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
