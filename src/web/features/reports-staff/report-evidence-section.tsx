/**
 * Evidence files: pictures from their copy without EXIF/GPS (the `view` route), other files as downloads. The file
 * as received ("Unduh asli") is only fetched after a confirmation that says the download is recorded.
 */
import { Button, Code, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconDownload, IconExternalLink, IconFileTypePdf, IconMovie } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../format/date-time'
import { ConfirmModal } from '../../ui/confirm-modal'
import { SectionCard } from '../../ui/section-card'
import { formatByteSize, isViewableImage } from './report-labels'
import { evidencePath, type ReportDetail } from './reports-staff.api'

type EvidenceFile = ReportDetail['files'][number]

const adders = ['reporter', 'channel', 'staff'] as const
const isKnownAdder = (value: string): value is (typeof adders)[number] =>
  (adders as readonly string[]).includes(value)

/** Starts a download of a same-origin URL (the session cookie goes with it). */
function download(url: string): void {
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = ''
  anchor.rel = 'noopener'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
}

export interface ReportEvidenceSectionProps {
  readonly report: ReportDetail
  readonly timeZone: string
}

export function ReportEvidenceSection({ report, timeZone }: ReportEvidenceSectionProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [toDownload, setToDownload] = useState<{ file: EvidenceFile; index: number } | null>(null)

  const kindLabel = (file: EvidenceFile) =>
    file.mime.startsWith('image/')
      ? t('reportsStaff.evidence.kind.image')
      : file.mime === 'application/pdf'
        ? t('reportsStaff.evidence.kind.pdf')
        : file.mime.startsWith('video/')
          ? t('reportsStaff.evidence.kind.video')
          : t('reportsStaff.evidence.kind.other')

  return (
    <SectionCard title={t('reportsStaff.evidence.title')} id="laporan-bukti">
      {report.files.length === 0 ? (
        <Text c="dimmed">{t('reportsStaff.evidence.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {report.files.map((file, index) => {
            const name = t('reportsStaff.evidence.name', { number: index + 1 })
            const image = isViewableImage(file)
            return (
              <Paper withBorder p="sm" radius="md" key={file.id} component="figure" m={0}>
                <Stack gap="xs">
                  {image ? (
                    <Image
                      src={evidencePath(report.id, file.id, 'view')}
                      alt={t('reportsStaff.evidence.image_alt', { name })}
                      h={180}
                      fit="contain"
                      radius="sm"
                      bg="gray.1"
                      loading="lazy"
                      data-testid="evidence-image"
                    />
                  ) : (
                    <Group gap="xs" c="dark.6">
                      {file.mime.startsWith('video/') ? (
                        <IconMovie size={32} aria-hidden />
                      ) : (
                        <IconFileTypePdf size={32} aria-hidden />
                      )}
                      <Text fw={600}>{kindLabel(file)}</Text>
                    </Group>
                  )}
                  <Text component="figcaption" size="sm">
                    <Text span fw={700}>
                      {name}
                    </Text>
                    {' · '}
                    {kindLabel(file)} · {formatByteSize(file.byteSize, language)} ·{' '}
                    {isKnownAdder(file.addedBy)
                      ? t(`reportsStaff.evidence.added_by.${file.addedBy}`)
                      : file.addedBy}{' '}
                    · {formatDateTime(file.createdAt, timeZone, language)}
                  </Text>
                  {image && (
                    <Text size="xs" c="dimmed">
                      {t('reportsStaff.evidence.view_copy_note')}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    SHA-256:{' '}
                    <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
                      {file.sha256}
                    </Code>
                  </Text>
                  <Group gap="xs">
                    {image && (
                      <Button
                        component="a"
                        href={evidencePath(report.id, file.id, 'view')}
                        target="_blank"
                        rel="noopener noreferrer"
                        size="xs"
                        variant="default"
                        leftSection={<IconExternalLink size={14} aria-hidden />}
                        aria-label={t('reportsStaff.evidence.open_image', { name })}
                      >
                        {t('reportsStaff.evidence.open')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconDownload size={14} aria-hidden />}
                      onClick={() => setToDownload({ file, index })}
                      aria-label={t('reportsStaff.evidence.download_original_of', { name })}
                    >
                      {image
                        ? t('reportsStaff.evidence.download_original')
                        : t('reportsStaff.evidence.download')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )
          })}
        </SimpleGrid>
      )}
      <ConfirmModal
        opened={toDownload !== null}
        title={t('reportsStaff.evidence.confirm_title')}
        confirmLabel={t('reportsStaff.evidence.confirm')}
        onClose={() => setToDownload(null)}
        onConfirm={() => {
          if (toDownload) download(evidencePath(report.id, toDownload.file.id, 'original'))
          setToDownload(null)
        }}
      >
        <Stack gap="xs">
          <Text>{t('reportsStaff.evidence.confirm_recorded')}</Text>
          {toDownload && isViewableImage(toDownload.file) && (
            <Text>{t('reportsStaff.evidence.confirm_metadata')}</Text>
          )}
        </Stack>
      </ConfirmModal>
    </SectionCard>
  )
}
