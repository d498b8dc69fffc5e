/**
 * /kanal-pengaduan — the agency's API keys for other complaint channels (SP4N-LAPOR!, SBT BKN, Bawaslu, internal
 * findings) that hand reports over through `POST /api/v1/intake/reports`: the list, a new key (its token shown once,
 * with a copy button and a warning) and revocation after a confirmation. Agency admins see their own agency; a
 * platform admin picks one.
 */
import {
  Alert,
  Badge,
  Button,
  Code,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { IconInfoCircle, IconKey, IconPlus } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { canAdministerAgency } from '../../../domain/access'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { defaultTimeZone, formatDateTime } from '../../format/date-time'
import { actorOf } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { SecretRevealModal } from '../../ui/secret-reveal-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { agenciesPath, type AgencyListView } from './agencies.api'
import {
  channelKeysPath,
  channelOptions,
  createChannelKey,
  revokeChannelKey,
  type ChannelKeyList,
  type ChannelKeyView,
  type IntakeChannel,
  type NewChannelKeyResult,
} from './intake-channels.api'

const messageOf = (error: unknown, fallback: string) => (isApiError(error) ? describeError(error) : fallback)

/** The token of a new key, shown this once. */
function TokenModal({
  created,
  onClose,
}: {
  readonly created: NewChannelKeyResult | null
  readonly onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <SecretRevealModal
      opened={created !== null}
      onClose={onClose}
      title={t('intakeChannels.token.title')}
      warningTitle={t('intakeChannels.token.warning_title')}
      warning={t('intakeChannels.token.warning')}
      description={
        created
          ? t('intakeChannels.token.description', {
              label: created.key.label,
              channel: t(`intakeChannels.channel.${created.key.channel}`),
            })
          : ''
      }
      secretLabel={t('intakeChannels.token.label')}
      secret={created?.token ?? ''}
      secretTestId="channel-token"
      copyLabel={t('intakeChannels.token.copy')}
      doneLabel={t('intakeChannels.token.done')}
    />
  )
}

function CreateKeyForm({
  agencyId,
  onCreated,
}: {
  readonly agencyId: string
  readonly onCreated: (created: NewChannelKeyResult) => void
}) {
  const { t } = useTranslation()
  const [channel, setChannel] = useState<IntakeChannel | null>('lapor')
  const [label, setLabel] = useState('')
  const [labelError, setLabelError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!label.trim()) {
      setLabelError(t('intakeChannels.create.label_required'))
      return
    }
    if (!channel) return
    setLabelError(null)
    setError(null)
    setIsPending(true)
    try {
      const created = await createChannelKey(agencyId, { channel, label: label.trim() })
      setLabel('')
      onCreated(created)
    } catch (failure) {
      setError(messageOf(failure, t('errors.unknown', { code: 'client' })))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md" maw={560}>
        <Select
          label={t('intakeChannels.create.channel')}
          data={channelOptions.map((value) => ({ value, label: t(`intakeChannels.channel.${value}`) }))}
          value={channel}
          onChange={setChannel}
          allowDeselect={false}
          required
        />
        <TextInput
          label={t('intakeChannels.create.label')}
          description={t('intakeChannels.create.label_help')}
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value)
            setLabelError(null)
          }}
          error={labelError}
          maxLength={100}
          required
        />
        {error && <ErrorAlert message={error} />}
        <div>
          <Button type="submit" loading={isPending} leftSection={<IconPlus size={18} aria-hidden />}>
            {t('intakeChannels.create.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  )
}

function AgencyChannelKeys({ agencyId, timeZone }: { readonly agencyId: string; readonly timeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const query = useApiQuery<ChannelKeyList>(channelKeysPath(agencyId))
  const [created, setCreated] = useState<NewChannelKeyResult | null>(null)
  const [revoking, setRevoking] = useState<ChannelKeyView | null>(null)
  const [isRevokePending, setIsRevokePending] = useState(false)
  const [revokeError, setRevokeError] = useState<string | null>(null)

  const handleRevoke = async () => {
    if (!revoking) return
    setIsRevokePending(true)
    setRevokeError(null)
    try {
      await revokeChannelKey(revoking.id)
      notifySuccess(
        t('intakeChannels.revoke.done_title'),
        t('intakeChannels.revoke.done', { label: revoking.label }),
      )
      setRevoking(null)
      query.reload()
    } catch (failure) {
      setRevokeError(messageOf(failure, t('errors.unknown', { code: 'client' })))
    } finally {
      setIsRevokePending(false)
    }
  }

  const keys = query.data?.items ?? []
  return (
    <Stack gap="lg">
      <SectionCard title={t('intakeChannels.list.title')} id="kanal-kunci">
        {query.error ? (
          <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
        ) : !query.data ? (
          <LoaderBlock />
        ) : keys.length === 0 ? (
          <Text size="sm">{t('intakeChannels.list.empty')}</Text>
        ) : (
          <ScrollableTable label={t('intakeChannels.list.title')} minWidth={820}>
            <Table
              aria-label={t('intakeChannels.list.title')}
              striped
              verticalSpacing="sm"
              className="netra-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('intakeChannels.list.channel')}</Table.Th>
                  <Table.Th scope="col">{t('intakeChannels.list.label')}</Table.Th>
                  <Table.Th scope="col">{t('intakeChannels.list.hint')}</Table.Th>
                  <Table.Th scope="col">{t('intakeChannels.list.created')}</Table.Th>
                  <Table.Th scope="col">{t('intakeChannels.list.last_used')}</Table.Th>
                  <Table.Th scope="col">{t('intakeChannels.list.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('intakeChannels.list.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.map((key) => (
                  <Table.Tr key={key.id}>
                    <Table.Td>{t(`intakeChannels.channel.${key.channel}`)}</Table.Td>
                    <Table.Td>{key.label}</Table.Td>
                    <Table.Td>
                      <Text component="span" ff="monospace" size="sm">
                        {key.tokenHint}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {key.createdBy
                        ? t('intakeChannels.list.created_by', {
                            date: formatDateTime(key.createdAt, timeZone, language),
                            name: key.createdBy,
                          })
                        : formatDateTime(key.createdAt, timeZone, language)}
                    </Table.Td>
                    <Table.Td>
                      {key.lastUsedAt
                        ? formatDateTime(key.lastUsedAt, timeZone, language)
                        : t('intakeChannels.list.never_used')}
                    </Table.Td>
                    <Table.Td>
                      {key.revokedAt ? (
                        <Badge color="gray" variant="light" tt="none" c="dark.6">
                          {t('intakeChannels.list.revoked', {
                            date: formatDateTime(key.revokedAt, timeZone, language),
                          })}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light" tt="none">
                          {t('intakeChannels.list.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!key.revokedAt && (
                        <Button
                          variant="default"
                          color="red"
                          size="xs"
                          aria-label={t('intakeChannels.revoke.button_named', { label: key.label })}
                          onClick={() => {
                            setRevokeError(null)
                            setRevoking(key)
                          }}
                        >
                          {t('intakeChannels.revoke.button')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
      </SectionCard>
      <SectionCard title={t('intakeChannels.create.title')} id="kanal-buat">
        <CreateKeyForm
          agencyId={agencyId}
          onCreated={(result) => {
            setCreated(result)
            query.reload()
          }}
        />
      </SectionCard>
      <TokenModal created={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('intakeChannels.revoke.title')}
        confirmLabel={t('intakeChannels.revoke.confirm')}
        isDestructive
        isPending={isRevokePending}
        error={revokeError}
        onConfirm={() => void handleRevoke()}
        onClose={() => setRevoking(null)}
      >
        {revoking &&
          t('intakeChannels.revoke.body', {
            label: revoking.label,
            channel: t(`intakeChannels.channel.${revoking.channel}`),
          })}
      </ConfirmModal>
    </Stack>
  )
}

export function IntakeChannelsPage() {
  const { t } = useTranslation()
  const session = useSession()
  const ownAgency =
    session.agency && canAdministerAgency(actorOf(session), session.agency.id) ? session.agency : null
  // A platform administrator without an agency of their own picks the agency.
  const agencies = useApiQuery<AgencyListView>(ownAgency ? null : agenciesPath)
  const [pickedAgencyId, setPickedAgencyId] = useState<string | null>(null)
  const agencyId = ownAgency?.id ?? pickedAgencyId
  const timeZone =
    ownAgency?.timeZone ??
    agencies.data?.items.find((agency) => agency.id === pickedAgencyId)?.timeZone ??
    defaultTimeZone

  return (
    <>
      <PageHeader title={t('intakeChannels.title')} description={t('intakeChannels.description')} />
      <Stack gap="lg">
        {!ownAgency && (
          <Select
            label={t('intakeChannels.agency')}
            placeholder={t('intakeChannels.agency_placeholder')}
            data={(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
            value={pickedAgencyId}
            onChange={setPickedAgencyId}
            searchable
            w={{ base: '100%', sm: 380 }}
            {...nothingFoundOption(t('common.list.no_match'))}
          />
        )}
        {agencyId && <AgencyChannelKeys key={agencyId} agencyId={agencyId} timeZone={timeZone} />}
        <Alert
          variant="light"
          color="netra"
          icon={<IconInfoCircle aria-hidden />}
          title={t('intakeChannels.about_title')}
        >
          <Stack gap="xs">
            <Text size="sm">{t('intakeChannels.about')}</Text>
            <Text size="sm">
              <IconKey size={14} aria-hidden /> <Code>Authorization: Bearer ntk_…</Code> ·{' '}
              <Code>Idempotency-Key</Code> · <Code>POST /api/v1/intake/reports</Code>
            </Text>
          </Stack>
        </Alert>
      </Stack>
    </>
  )
}
