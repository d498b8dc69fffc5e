import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface SecretRevealModalProps {
  readonly opened: boolean
  readonly title: string
  readonly description: string
  readonly secretLabel: string
  readonly secret: string
  readonly onClose: () => void
}

/** Shows a secret (a temporary password) exactly once, with a copy button and a warning. */
export function SecretRevealModal({
  opened,
  title,
  description,
  secretLabel,
  secret,
  onClose,
}: SecretRevealModalProps) {
  const { t } = useTranslation()
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
          title={t('common.secret.shown_once_title')}
        >
          {t('common.secret.shown_once')}
        </Alert>
        <Text>{description}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {secretLabel}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Code block data-testid="temporary-password" fz="lg" style={{ flex: 1, wordBreak: 'break-all' }}>
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
                  {copied ? t('common.actions.copied') : t('common.actions.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.secret.noted')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
