import { Center, Container } from '@mantine/core'
import type { ApiError } from '../api/client'
import { describeError } from '../api/error-messages'
import { ErrorAlert } from './error-alert'

export interface ServiceUnavailableProps {
  readonly error: ApiError
  readonly onRetry: () => void
}

/** The app could not even ask who is signed in (server down, no network). */
export function ServiceUnavailable({ error, onRetry }: ServiceUnavailableProps) {
  return (
    <Container size="xs" component="main" id="konten">
      <Center mih="60vh">
        <ErrorAlert message={describeError(error)} onRetry={onRetry} />
      </Center>
    </Container>
  )
}
