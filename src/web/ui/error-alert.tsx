import { Alert, Button, List, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface ErrorAlertProps {
  readonly message: string
  readonly title?: string
  /** Extra points, e.g. each refused password rule. */
  readonly items?: readonly string[]
  readonly onRetry?: () => void
}

export function ErrorAlert({ message, title, items, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={title ?? t('common.status.failed')}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {items && items.length > 0 && (
          <List size="sm" spacing={2}>
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <div>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.actions.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  )
}
