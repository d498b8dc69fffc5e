import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

export interface SecretRevealModalProps {
  readonly opened: boolean
  readonly title: string
  readonly description: string
  readonly secretLabel: string
  readonly secret: string
  readonly onClose: () => void
  /** The warning, its title and the buttons' words; a temporary password's by default. */
  readonly warningTitle?: string
  readonly warning?: string
  readonly copyLabel?: string
  readonly doneLabel?: string
  /** `data-testid` of the secret (tests read it). */
  readonly secretTestId?: string
}

/** Shows a secret (a temporary password, an API token) exactly once, with a copy button and a warning. */
export function SecretRevealModal({
  opened,
  title,
  description,
  secretLabel,
  secret,
  onClose,
  warningTitle,
  warning,
  copyLabel,
  doneLabel,
  secretTestId = 'temporary-password',
}: SecretRevealModalProps) {
  const { t } = useTranslation()
  const labelId = useId()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <Stack gap="md">
        <Alert
          color="orange"
          icon={<IconAlertTriangle aria-hidden />}
          title={warningTitle ?? t('common.secret.shown_once_title')}
        >
          {warning ?? t('common.secret.shown_once')}
        </Alert>
        <Text>{description}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={600} id={labelId}>
            {secretLabel}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Code
              block
              aria-labelledby={labelId}
              data-testid={secretTestId}
              fz="lg"
              style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            >
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  onClick={copy}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? t('common.actions.copied') : (copyLabel ?? t('common.actions.copy'))}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <Group justify="flex-end">
          <Button onClick={onClose}>{doneLabel ?? t('common.secret.noted')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
