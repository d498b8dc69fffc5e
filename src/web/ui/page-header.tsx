import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export interface BreadcrumbItem {
  readonly label: string
  /** Omitted for the current page (the last item). */
  readonly to?: string
}

export interface PageHeaderProps {
  readonly title: string
  readonly description?: ReactNode
  readonly breadcrumbs?: readonly BreadcrumbItem[]
  readonly actions?: ReactNode
}

// The first page of a visit keeps the browser's own focus; after a client-side navigation the new page's
// heading takes focus so screen-reader and keyboard users land on the content, as with a full page load.
let hasShownFirstPage = false

/** Sets the document title (`Page · Netra`) while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Netra` : 'Netra'
  }, [title])
}

export function PageHeader({ title, description, breadcrumbs, actions }: PageHeaderProps) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  usePageTitle(title)

  useEffect(() => {
    if (hasShownFirstPage) headingRef.current?.focus({ preventScroll: false })
    hasShownFirstPage = true
  }, [])

  return (
    <Stack gap="xs" mb="lg">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Box component="nav" aria-label={t('app.breadcrumbs.label')}>
          <Breadcrumbs separatorMargin={6} className="netra-breadcrumbs">
            {breadcrumbs.map((item) =>
              item.to ? (
                <Anchor key={item.label} component={Link} to={item.to} size="sm">
                  {item.label}
                </Anchor>
              ) : (
                <Text key={item.label} size="sm" aria-current="page">
                  {item.label}
                </Text>
              ),
            )}
          </Breadcrumbs>
        </Box>
      )}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" component="div">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  )
}
