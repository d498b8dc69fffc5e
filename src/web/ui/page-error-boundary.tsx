/**
 * What a page shows when it cannot render: its part of the app failed to load twice in a row or while the browser
 * was offline (src/web/app-update.ts), or it threw. Without a boundary React unmounts the whole app and leaves a
 * blank page; with it the frame and the menu stay, the failure is said in plain words, and "Muat ulang" reloads
 * (React.lazy keeps a failed import, so only a reload tries again). Going to another address clears it.
 */
import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'

function PageFailed() {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('common.page_failed.title')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('common.page_failed.message')}</Text>
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t('common.page_failed.reload')}
        </Button>
      </Stack>
    </Alert>
  )
}

export interface PageErrorBoundaryProps {
  readonly children: ReactNode
}

export function PageErrorBoundary({ children }: PageErrorBoundaryProps) {
  const { pathname } = useLocation()
  return (
    <ErrorBoundary FallbackComponent={PageFailed} resetKeys={[pathname]}>
      {children}
    </ErrorBoundary>
  )
}
