/** The frame of pages outside the staff app (sign-in, authenticator enrolment, 404 when signed out). */
import { Box, Container, Group, Text, ThemeIcon } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { LanguageMenu } from '../ui/language-menu'
import { SkipLink } from '../ui/skip-link'

export interface PublicFrameProps {
  readonly children: ReactNode
  /** Width of the content column. */
  readonly size?: 'xs' | 'sm' | 'md'
}

export function PublicFrame({ children, size = 'xs' }: PublicFrameProps) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" className="netra-public-header">
        <SkipLink />
        <Group justify="space-between" px="md" h={60} wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size="lg" radius="md" aria-hidden>
              <IconEye size={22} />
            </ThemeIcon>
            <Text fw={700} fz="lg">
              Netra
            </Text>
          </Group>
          <LanguageMenu />
        </Group>
      </Box>
      <Container size={size} component="main" id="konten" tabIndex={-1} py={{ base: 'lg', sm: 'xl' }} px="md">
        {children}
      </Container>
    </Box>
  )
}
