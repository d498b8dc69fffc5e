/**
 * Materials (PDF, PPTX, DOCX, images) and, for an apel, photos (images only): upload with progress, list,
 * download and delete. A file of the wrong kind is refused by the server (415) and said so in words.
 */
import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isAbortError, isApiError, type ApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime, formatNumber } from '../../format/date-time'
import { useSessionContext } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { ProgressBlock } from '../../ui/progress-block'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import {
  deleteEventFile,
  eventFilePath,
  eventFilesPath,
  uploadEventFile,
  type EventFileList,
  type EventFileView,
  type EventView,
} from './events.api'

type Purpose = EventFileView['purpose']

const acceptOf: Record<Purpose, string> = {
  material: '.pdf,.pptx,.docx,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp',
  photo: 'image/jpeg,image/png,image/webp',
}

/** `1,2 MB`, `340 KB`. */
function formatSize(bytes: number, language: string): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, language)} MB`
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`
}

export function EventFilesSection({ event }: { readonly event: EventView }) {
  const files = useApiQuery<EventFileList>(eventFilesPath(event.id))
  const items = files.data?.items ?? []
  const mayUpload = event.canManage && event.status !== 'cancelled'
  return (
    <>
      <FileGroup
        event={event}
        purpose="material"
        items={items.filter((file) => file.purpose === 'material')}
        mayUpload={mayUpload}
        onChanged={files.reload}
        loadError={files.error}
        onRetry={files.reload}
      />
      {event.kind === 'apel' && (
        <FileGroup
          event={event}
          purpose="photo"
          items={items.filter((file) => file.purpose === 'photo')}
          mayUpload={mayUpload}
          onChanged={files.reload}
          loadError={undefined}
          onRetry={files.reload}
        />
      )}
    </>
  )
}

interface FileGroupProps {
  readonly event: EventView
  readonly purpose: Purpose
  readonly items: readonly EventFileView[]
  readonly mayUpload: boolean
  readonly onChanged: () => void
  readonly loadError: ApiError | undefined
  readonly onRetry: () => void
}

function FileGroup({ event, purpose, items, mayUpload, onChanged, loadError, onRetry }: FileGroupProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const { state } = useSessionContext()
  const session = state.status === 'signed_in' ? state.session : null
  const timeZone = session?.agency?.timeZone ?? defaultTimeZone
  const [share, setShare] = useState<number | null>(null)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<EventFileView | null>(null)
  const [isRemoving, setIsRemoving] = useState(false)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const headingId = purpose === 'material' ? 'kegiatan-materi' : 'kegiatan-foto'

  const handleFile = async (file: File | null) => {
    if (!file || !session) return
    setUploadError(null)
    setShare(0)
    try {
      await uploadEventFile(event.id, purpose, file, { csrfToken: session.csrfToken, onProgress: setShare })
      onChanged()
    } catch (error) {
      if (isAbortError(error)) return
      if (isApiError(error) && error.code === 'request.unsupported_media_type') {
        setUploadError(t(`events.files.${purpose}_wrong_type`))
      } else {
        setUploadError(isApiError(error) ? describeError(error) : t('errors.unknown', { code: 'client' }))
      }
    } finally {
      setShare(null)
    }
  }

  const handleRemove = async () => {
    if (!removing) return
    setIsRemoving(true)
    setRemoveError(null)
    try {
      await deleteEventFile(removing.id)
      setRemoving(null)
      onChanged()
    } catch (error) {
      setRemoveError(isApiError(error) ? describeError(error) : t('errors.unknown', { code: 'client' }))
    } finally {
      setIsRemoving(false)
    }
  }

  return (
    <SectionCard
      title={t(`events.files.${purpose}_title`)}
      id={headingId}
      actions={
        mayUpload ? (
          <FileButton onChange={(file) => void handleFile(file)} accept={acceptOf[purpose]}>
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={18} aria-hidden />}
                disabled={share !== null}
              >
                {t(`events.files.${purpose}_upload`)}
              </Button>
            )}
          </FileButton>
        ) : null
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`events.files.${purpose}_help`)}
        </Text>
        {share !== null && <ProgressBlock label={t('events.files.uploading')} percent={share * 100} />}
        {uploadError && <ErrorAlert message={uploadError} />}
        {loadError && <ErrorAlert message={describeError(loadError)} onRetry={onRetry} />}
        {items.length === 0 ? (
          <Text size="sm">{t(`events.files.${purpose}_empty`)}</Text>
        ) : (
          <ScrollableTable label={t(`events.files.${purpose}_title`)} minWidth={560}>
            <Table aria-labelledby={headingId} verticalSpacing="xs" className="netra-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('events.files.name')}</Table.Th>
                  <Table.Th scope="col">{t('events.files.size')}</Table.Th>
                  <Table.Th scope="col">{t('events.files.uploaded_at')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('events.files.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((file) => (
                  <Table.Tr key={file.id}>
                    <Table.Td>
                      <Anchor href={eventFilePath(file.id)} download={file.fileName}>
                        <Group gap={6} wrap="nowrap" component="span">
                          <IconDownload size={16} aria-hidden />
                          {file.fileName}
                        </Group>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatSize(file.fileSize, language)}</Table.Td>
                    <Table.Td>{formatDateTime(file.createdAt, timeZone, language)}</Table.Td>
                    <Table.Td ta="right">
                      {mayUpload && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('events.files.delete', { name: file.fileName })}
                          onClick={() => {
                            setRemoveError(null)
                            setRemoving(file)
                          }}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('events.files.delete_title')}
        confirmLabel={t('events.files.delete_confirm')}
        isDestructive
        isPending={isRemoving}
        error={removeError}
        onConfirm={() => void handleRemove()}
        onClose={() => setRemoving(null)}
      >
        <Text>{t('events.files.delete_body', { name: removing?.fileName ?? '' })}</Text>
      </ConfirmModal>
    </SectionCard>
  )
}
