import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ConfirmModalProps {
  readonly opened: boolean
  readonly title: string
  /** What will happen, in plain words. */
  readonly children: ReactNode
  readonly confirmLabel: string
  /** Red confirm button for steps that take something away (disable, reset). */
  readonly isDestructive?: boolean
  readonly isPending?: boolean
  readonly error?: string | null
  readonly onConfirm: () => void
  readonly onClose: () => void
}

/** Every destructive step asks first and says what will happen; Cancel has the initial focus. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  isDestructive = false,
  isPending = false,
  error,
  onConfirm,
  onClose,
}: ConfirmModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={isPending ? () => undefined : onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <Stack gap="md">
        <Text component="div">{children}</Text>
        {error && (
          <Alert
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            title={t('common.status.failed')}
          >
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={isPending} data-autofocus>
            {t('common.actions.cancel')}
          </Button>
          <Button color={isDestructive ? 'red' : undefined} onClick={onConfirm} loading={isPending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
