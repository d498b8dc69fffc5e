import { Button, EmptyState } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../ui/page-header'

/** A known page this session may not use (e.g. a link shared by an administrator). */
export function NoAccessPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('app.no_access.title')} />
      <EmptyState
        icon={<IconLock size={40} aria-hidden />}
        withIndicatorBackground
        description={t('app.no_access.description')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('app.no_access.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  )
}
