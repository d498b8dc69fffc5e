import { Center, Group, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface LoaderBlockProps {
  /** Fill the whole viewport (app start) instead of the content area. */
  readonly isFullPage?: boolean
  /** One line inside a section (a part of a page that loads after the rest). */
  readonly isInline?: boolean
}

export function LoaderBlock({ isFullPage = false, isInline = false }: LoaderBlockProps) {
  const { t } = useTranslation()
  const label = (
    <Text c="dimmed" size="sm">
      {t('common.status.loading')}
    </Text>
  )
  if (isInline)
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        {label}
      </Group>
    )
  return (
    <Center mih={isFullPage ? '100vh' : 240} role="status">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        {label}
      </Stack>
    </Center>
  )
}
