/**
 * Writing a template's text: a new template (kind, title, text) or a new version of one. A new version asks once
 * more before saving, because it never changes what people already signed: their signatures keep the old version.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { templateKinds, type TemplateKind } from '../../../features/pledges/pledges.schema'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { addTemplateVersion, createTemplate, type TemplateView } from './pledges.api'

export interface TemplateTextModalProps {
  readonly opened: boolean
  /** The template to give a new version, or null to create one. */
  readonly template: TemplateView | null
  readonly onClose: () => void
  readonly onSaved: (template: TemplateView) => void
}

interface TextValues {
  kind: TemplateKind
  title: string
  body: string
}

export function TemplateTextModal({ opened, template, onClose, onSaved }: TemplateTextModalProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const [isConfirming, setIsConfirming] = useState(false)
  const form = useForm<TextValues>({
    initialValues: {
      kind: template?.kind ?? 'ikrar',
      title: template?.currentVersion.title ?? '',
      body: template?.currentVersion.body ?? '',
    },
    validate: {
      title: (value) =>
        value.trim() === ''
          ? t('pledges.staff.template.error.title_required')
          : /[\r\n]/.test(value) || value.trim().length > 200
            ? t('pledges.staff.template.error.title_invalid')
            : null,
      body: (value) =>
        value.trim() === ''
          ? t('pledges.staff.template.error.body_required')
          : value.trim().length > 20_000
            ? t('pledges.staff.template.error.body_too_long')
            : null,
    },
  })

  const handleClose = () => {
    if (isPending) return
    setIsConfirming(false)
    setError(null)
    onClose()
  }

  const save = async () => {
    setIsPending(true)
    setError(null)
    try {
      const text = { title: form.values.title.trim(), body: form.values.body.trim() }
      const saved = template
        ? await addTemplateVersion(template.id, text)
        : await createTemplate({ kind: form.values.kind, ...text })
      setIsConfirming(false)
      onSaved(saved)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setIsConfirming(false)
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const handleSubmit = () => {
    if (template) setIsConfirming(true)
    else void save()
  }

  const nextVersion = (template?.currentVersion.version ?? 0) + 1
  const title = template ? t('pledges.staff.template.edit_title') : t('pledges.staff.template.create_title')

  return (
    <Modal
      opened={opened}
      onClose={handleClose}
      title={isConfirming ? t('pledges.staff.template.confirm_title', { version: nextVersion }) : title}
      size="xl"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      {isConfirming && template ? (
        <Stack gap="md">
          <Text>
            {t('pledges.staff.template.confirm_body', {
              version: nextVersion,
              current: template.currentVersion.version,
            })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => setIsConfirming(false)}
              disabled={isPending}
              data-autofocus
            >
              {t('pledges.staff.template.back_to_text')}
            </Button>
            <Button onClick={() => void save()} loading={isPending}>
              {t('pledges.staff.template.save_version', { version: nextVersion })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
          <Stack gap="md">
            {error && <ErrorAlert message={error} />}
            {template && (
              <Alert color="netra" icon={<IconInfoCircle aria-hidden />}>
                {t('pledges.staff.template.version_note', { version: template.currentVersion.version })}
              </Alert>
            )}
            {!template && (
              <Select
                label={t('pledges.staff.template.kind')}
                data={templateKinds.map((kind) => ({ value: kind, label: t(`pledges.staff.kind.${kind}`) }))}
                allowDeselect={false}
                required
                {...form.getInputProps('kind')}
              />
            )}
            <TextInput
              label={t('pledges.staff.template.title_label')}
              required
              maxLength={200}
              data-autofocus
              {...form.getInputProps('title')}
            />
            <Textarea
              label={t('pledges.staff.template.body_label')}
              description={t('pledges.staff.template.body_help')}
              required
              autosize
              minRows={10}
              maxRows={24}
              {...form.getInputProps('body')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={handleClose} disabled={isPending}>
                {t('common.actions.cancel')}
              </Button>
              <Button type="submit" loading={isPending}>
                {template ? t('pledges.staff.template.next') : t('pledges.staff.template.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
