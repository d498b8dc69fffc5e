import { Center, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface LoaderBlockProps {
  /** Fill the whole viewport (app start) instead of the content area. */
  readonly isFullPage?: boolean
}

export function LoaderBlock({ isFullPage = false }: LoaderBlockProps) {
  const { t } = useTranslation()
  return (
    <Center mih={isFullPage ? '100vh' : 240} role="status">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed" size="sm">
          {t('common.status.loading')}
        </Text>
      </Stack>
    </Center>
  )
}
