/**
 * /ikrar/templat — the agency's pledge texts by kind (ikrar, pakta integritas, deklarasi) with their current
 * version. Agency admins create the two default texts when there are none yet, write new ones and archive old ones.
 */
import { Anchor, Badge, Button, Checkbox, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileText, IconPlus, IconSparkles } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { templateKinds } from '../../../features/pledges/pledges.schema'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDate } from '../../format/date-time'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { seedDefaultTemplates, templateListPath, type TemplateList, type TemplateView } from './pledges.api'
import { TemplateTextModal } from './template-text-modal'

export function TemplateListPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const navigate = useNavigate()
  const timeZone = session.agency?.timeZone ?? defaultTimeZone
  const mayManage = mayUse(session, 'pledges.manage')
  const [includeArchived, setIncludeArchived] = useState(false)
  const templates = useApiQuery<TemplateList>(templateListPath(includeArchived))
  const [isCreating, setIsCreating] = useState(false)
  const [isSeeding, setIsSeeding] = useState(false)
  const [seedError, setSeedError] = useState<string | null>(null)

  const items = templates.latestData?.items ?? []

  const handleSeed = async () => {
    setIsSeeding(true)
    setSeedError(null)
    try {
      const created = await seedDefaultTemplates()
      notifySuccess(
        t('pledges.staff.templates.seeded_title'),
        t('pledges.staff.templates.seeded', { count: created.items.length }),
      )
      templates.reload()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setSeedError(describeError(failure))
    } finally {
      setIsSeeding(false)
    }
  }

  const handleCreated = (template: TemplateView) => {
    setIsCreating(false)
    notifySuccess(t('pledges.staff.template.created_title'), template.title)
    void navigate(`/ikrar/templat/${template.id}`)
  }

  const seedButton = (
    <Button
      leftSection={<IconSparkles size={18} aria-hidden />}
      onClick={() => void handleSeed()}
      loading={isSeeding}
    >
      {t('pledges.staff.templates.seed')}
    </Button>
  )

  return (
    <>
      <PageHeader
        title={t('pledges.staff.templates.title')}
        description={t('pledges.staff.templates.description')}
        breadcrumbs={[
          { label: t('app.nav.area.home'), to: '/' },
          { label: t('pledges.staff.nav'), to: '/ikrar' },
          { label: t('pledges.staff.templates.title') },
        ]}
        actions={
          mayManage ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setIsCreating(true)}>
              {t('pledges.staff.templates.create')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {templates.error && (
          <ErrorAlert message={describeError(templates.error)} onRetry={templates.reload} />
        )}
        {seedError && <ErrorAlert message={seedError} />}
        {!templates.latestData && !templates.error && <LoaderBlock />}
        {templates.latestData && (
          <Checkbox
            label={t('pledges.staff.templates.include_archived')}
            checked={includeArchived}
            onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
          />
        )}
        {templates.latestData && items.length === 0 && (
          <EmptyState
            icon={<IconFileText size={40} aria-hidden />}
            withIndicatorBackground
            title={t('pledges.staff.templates.empty_title')}
            description={
              mayManage ? t('pledges.staff.templates.empty') : t('pledges.staff.templates.empty_reader')
            }
          >
            {mayManage && <EmptyState.Actions>{seedButton}</EmptyState.Actions>}
          </EmptyState>
        )}
        {items.length > 0 &&
          templateKinds.map((kind) => {
            const ofKind = items.filter((template) => template.kind === kind)
            if (ofKind.length === 0) return null
            const headingId = `templat-${kind}`
            return (
              <Stack key={kind} gap="sm" component="section" aria-labelledby={headingId}>
                <Title order={2} size="h4" id={headingId}>
                  {t(`pledges.staff.kind.${kind}`)}
                </Title>
                <ScrollableTable label={t(`pledges.staff.kind.${kind}`)} minWidth={560}>
                  <Table
                    aria-labelledby={headingId}
                    striped
                    highlightOnHover
                    verticalSpacing="sm"
                    className="netra-table"
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('pledges.staff.templates.column.title')}</Table.Th>
                        <Table.Th scope="col">{t('pledges.staff.templates.column.version')}</Table.Th>
                        <Table.Th scope="col">{t('pledges.staff.templates.column.updated')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {ofKind.map((template) => (
                        <Table.Tr key={template.id}>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Anchor component={Link} to={`/ikrar/templat/${template.id}`} fw={600}>
                                {template.title}
                              </Anchor>
                              {template.archived && (
                                <Badge color="gray" variant="light" c="dark.6" tt="none">
                                  {t('pledges.staff.template.archived')}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {t('pledges.staff.template.version', {
                                version: template.currentVersion.version,
                              })}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {formatDate(template.currentVersion.createdAt, timeZone, language)}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollableTable>
              </Stack>
            )
          })}
      </Stack>
      {mayManage && (
        <TemplateTextModal
          key={isCreating ? 'open' : 'closed'}
          opened={isCreating}
          template={null}
          onClose={() => setIsCreating(false)}
          onSaved={handleCreated}
        />
      )}
    </>
  )
}
