/**
 * /ikrar/templat/:templateId — one pledge text: the current version in full, every earlier version with its date
 * and SHA-256 (what a receipt names), "Ubah naskah" (adds a version) and archive/restore for agency admins.
 */
import {
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import { IconArchive, IconArchiveOff, IconCheck, IconCopy, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { Fact } from '../../ui/fact'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { shortHash } from './pledge-staff-labels'
import {
  setTemplateArchived,
  templatePath,
  templateVersionsPath,
  type TemplateVersionList,
  type TemplateVersionView,
  type TemplateView,
} from './pledges.api'
import { TemplateTextModal } from './template-text-modal'

export function TemplateDetailPage() {
  const { templateId = '' } = useParams()
  return <TemplateDetail key={templateId} templateId={templateId} />
}

function TemplateDetail({ templateId }: { readonly templateId: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const mayManage = mayUse(session, 'pledges.manage')
  const query = useApiQuery<TemplateView>(templatePath(templateId))
  const versions = useApiQuery<TemplateVersionList>(templateVersionsPath(templateId))
  const [isEditing, setIsEditing] = useState(false)
  const [isArchiving, setIsArchiving] = useState(false)
  const [archiveError, setArchiveError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const [shownVersion, setShownVersion] = useState<TemplateVersionView | null>(null)

  const template = query.latestData
  const breadcrumbs = [
    { label: t('app.nav.area.home'), to: '/' },
    { label: t('pledges.staff.nav'), to: '/ikrar' },
    { label: t('pledges.staff.templates.title'), to: '/ikrar/templat' },
    { label: template?.title ?? t('pledges.staff.template.title') },
  ]

  if (query.error) {
    return (
      <>
        <PageHeader title={t('pledges.staff.template.title')} breadcrumbs={breadcrumbs} />
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      </>
    )
  }
  if (!template) return <LoaderBlock />

  const handleSaved = (saved: TemplateView) => {
    setIsEditing(false)
    notifySuccess(
      t('pledges.staff.template.saved_title'),
      t('pledges.staff.template.saved', { version: saved.currentVersion.version }),
    )
    query.reload()
    versions.reload()
  }

  const handleArchive = async () => {
    setIsPending(true)
    setArchiveError(null)
    try {
      await setTemplateArchived(template.id, !template.archived)
      setIsArchiving(false)
      notifySuccess(
        t(
          template.archived
            ? 'pledges.staff.template.restored_title'
            : 'pledges.staff.template.archived_title',
        ),
        template.title,
      )
      query.reload()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setArchiveError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const actions = mayManage ? (
    <>
      {!template.archived && (
        <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setIsEditing(true)}>
          {t('pledges.staff.template.edit')}
        </Button>
      )}
      <Button
        variant="default"
        leftSection={
          template.archived ? <IconArchiveOff size={18} aria-hidden /> : <IconArchive size={18} aria-hidden />
        }
        onClick={() => {
          setArchiveError(null)
          setIsArchiving(true)
        }}
      >
        {template.archived ? t('pledges.staff.template.restore') : t('pledges.staff.template.archive')}
      </Button>
    </>
  ) : null

  const current = template.currentVersion
  return (
    <>
      <PageHeader title={template.title} breadcrumbs={breadcrumbs} actions={actions} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" m={0}>
            <Fact label={t('pledges.staff.template.kind')}>
              <Group gap="xs" component="span">
                {t(`pledges.staff.kind.${template.kind}`)}
                {template.archived && (
                  <Badge color="gray" variant="light" c="dark.6" tt="none">
                    {t('pledges.staff.template.archived')}
                  </Badge>
                )}
              </Group>
            </Fact>
            <Fact label={t('pledges.staff.template.current_version')}>
              {t('pledges.staff.template.version', { version: current.version })}
            </Fact>
            <Fact label={t('pledges.staff.template.changed_at')}>
              {formatDateTime(current.createdAt, timeZone, language)}
            </Fact>
          </SimpleGrid>
        </Paper>

        <SectionCard title={t('pledges.staff.template.text_title')} id="naskah-templat">
          <Stack gap="sm">
            <Text fw={700}>{current.title}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{current.body}</Text>
          </Stack>
        </SectionCard>

        <SectionCard title={t('pledges.staff.template.history_title')} id="riwayat-versi">
          {versions.error && <ErrorAlert message={describeError(versions.error)} onRetry={versions.reload} />}
          {!versions.latestData && !versions.error && <LoaderBlock />}
          {versions.latestData && (
            <ScrollableTable label={t('pledges.staff.template.history_title')} minWidth={560}>
              <Table aria-labelledby="riwayat-versi" striped verticalSpacing="sm" className="netra-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('pledges.staff.template.column.version')}</Table.Th>
                    <Table.Th scope="col">{t('pledges.staff.template.column.date')}</Table.Th>
                    <Table.Th scope="col">{t('pledges.staff.template.column.sha256')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('pledges.staff.template.column.text')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {versions.latestData.items.map((version) => (
                    <Table.Tr key={version.id}>
                      <Table.Td>
                        <Text size="sm" fw={version.id === current.id ? 700 : undefined}>
                          {t('pledges.staff.template.version', { version: version.version })}
                          {version.id === current.id ? ` · ${t('pledges.staff.template.current')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(version.createdAt, timeZone, language)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Code title={version.sha256}>{shortHash(version.sha256)}…</Code>
                          <CopyButton value={version.sha256}>
                            {({ copied, copy }) => (
                              <Tooltip
                                label={
                                  copied ? t('common.actions.copied') : t('pledges.staff.template.copy_hash')
                                }
                              >
                                <Button
                                  size="compact-xs"
                                  variant="subtle"
                                  onClick={copy}
                                  aria-label={t('pledges.staff.template.copy_hash_of', {
                                    version: version.version,
                                  })}
                                >
                                  {copied ? (
                                    <IconCheck size={14} aria-hidden />
                                  ) : (
                                    <IconCopy size={14} aria-hidden />
                                  )}
                                </Button>
                              </Tooltip>
                            )}
                          </CopyButton>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" onClick={() => setShownVersion(version)}>
                          {t('pledges.staff.template.show_text', { version: version.version })}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollableTable>
          )}
        </SectionCard>
      </Stack>

      {mayManage && (
        <TemplateTextModal
          key={`${current.id}:${isEditing ? 'open' : 'closed'}`}
          opened={isEditing}
          template={template}
          onClose={() => setIsEditing(false)}
          onSaved={handleSaved}
        />
      )}
      <ConfirmModal
        opened={isArchiving}
        title={
          template.archived
            ? t('pledges.staff.template.restore_title')
            : t('pledges.staff.template.archive_title')
        }
        confirmLabel={
          template.archived ? t('pledges.staff.template.restore') : t('pledges.staff.template.archive')
        }
        isPending={isPending}
        error={archiveError}
        onConfirm={() => void handleArchive()}
        onClose={() => setIsArchiving(false)}
      >
        {template.archived
          ? t('pledges.staff.template.restore_body')
          : t('pledges.staff.template.archive_body')}
      </ConfirmModal>
      <Modal
        opened={shownVersion !== null}
        onClose={() => setShownVersion(null)}
        title={t('pledges.staff.template.version_text_title', { version: shownVersion?.version ?? 0 })}
        size="xl"
        centered
        closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      >
        {shownVersion && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              SHA-256: <Code style={{ wordBreak: 'break-all' }}>{shownVersion.sha256}</Code>
            </Text>
            <Text fw={700}>{shownVersion.title}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{shownVersion.body}</Text>
          </Stack>
        )}
      </Modal>
    </>
  )
}
