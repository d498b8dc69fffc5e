import { Button, EmptyState } from '@mantine/core'
import { IconMapSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../ui/page-header'

/** Unknown paths: says so and offers the way home. */
export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('app.not_found.title')} />
      <EmptyState
        icon={<IconMapSearch size={40} aria-hidden />}
        withIndicatorBackground
        description={t('app.not_found.description')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('app.not_found.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  )
}
