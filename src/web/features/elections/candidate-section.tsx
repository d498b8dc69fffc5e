/**
 * Calon: the candidates and pairs of an election as cards in ballot order — number, names, status, coalition,
 * slogans, hashtags and social accounts (what the monitoring module later matches posts against). Agency admins
 * add, change and remove them; removing asks first.
 */
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  EmptyState,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconPencil, IconPlus, IconQuote, IconTrash, IconUsers } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { ConfirmModal } from '../../ui/confirm-modal'
import { notifySuccess } from '../../ui/notify'
import { ballotLabel, officeOrder, platformIcons } from './candidate-labels'
import { CandidateFormModal } from './candidate-form-modal'
import { CandidateStatusBadge } from './election-badges'
import { removeCandidate, type CandidateView, type ElectionDetail } from './elections.api'

export interface CandidateSectionProps {
  readonly election: ElectionDetail
  readonly mayManage: boolean
  readonly onChanged: () => void
}

type Editing = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly candidate: CandidateView }

const displayName = (candidate: CandidateView) =>
  candidate.runningMateName ? `${candidate.name} – ${candidate.runningMateName}` : candidate.name

export function CandidateSection({ election, mayManage, onChanged }: CandidateSectionProps) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [removing, setRemoving] = useState<CandidateView | null>(null)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const [isRemoving, setIsRemoving] = useState(false)
  const candidates = [...election.candidates].sort(
    (a, b) =>
      officeOrder(a.office, election.type) - officeOrder(b.office, election.type) ||
      a.ballotNumber - b.ballotNumber,
  )

  const handleRemove = async () => {
    if (!removing) return
    setIsRemoving(true)
    setRemoveError(null)
    try {
      await removeCandidate(election.id, removing.id)
      notifySuccess(
        t('elections.candidates.removed_title'),
        t('elections.candidates.removed', {
          number: ballotLabel(removing.ballotNumber),
          name: displayName(removing),
        }),
      )
      setRemoving(null)
      onChanged()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setRemoveError(describeError(failure))
    } finally {
      setIsRemoving(false)
    }
  }

  const addButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: 'create' })}>
      {t('elections.candidates.add')}
    </Button>
  )

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed">
          {t('elections.candidates.help')}
        </Text>
        {mayManage && candidates.length > 0 && addButton}
      </Group>
      {candidates.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={36} aria-hidden />}
          withIndicatorBackground
          title={t('elections.candidates.empty_title')}
          description={mayManage ? t('elections.candidates.empty') : t('elections.candidates.empty_reader')}
        >
          {mayManage && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {candidates.map((candidate) => (
            <li key={candidate.id}>
              <CandidateCard
                candidate={candidate}
                election={election}
                mayManage={mayManage}
                onEdit={() => setEditing({ mode: 'edit', candidate })}
                onRemove={() => {
                  setRemoveError(null)
                  setRemoving(candidate)
                }}
              />
            </li>
          ))}
        </SimpleGrid>
      )}

      {editing && (
        <CandidateFormModal
          election={election}
          candidate={editing.mode === 'edit' ? editing.candidate : null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            onChanged()
          }}
        />
      )}
      {removing && (
        <ConfirmModal
          opened
          title={t('elections.candidates.remove_title')}
          confirmLabel={t('elections.candidates.remove_confirm')}
          isDestructive
          isPending={isRemoving}
          error={removeError}
          onConfirm={() => void handleRemove()}
          onClose={() => !isRemoving && setRemoving(null)}
        >
          {t('elections.candidates.remove_body', {
            number: ballotLabel(removing.ballotNumber),
            name: displayName(removing),
            election: election.name,
          })}
        </ConfirmModal>
      )}
    </Stack>
  )
}

interface CandidateCardProps {
  readonly candidate: CandidateView
  readonly election: ElectionDetail
  readonly mayManage: boolean
  readonly onEdit: () => void
  readonly onRemove: () => void
}

function CandidateCard({ candidate, election, mayManage, onEdit, onRemove }: CandidateCardProps) {
  const { t } = useTranslation()
  const headingId = `calon-${candidate.id}`
  const partyById = new Map(election.parties.map((party) => [party.id, party]))
  const coalition = candidate.partyIds.map((id) => partyById.get(id)).filter((party) => party !== undefined)
  const number = ballotLabel(candidate.ballotNumber)

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={headingId} h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
            <Box
              bg="netra.8"
              c="white"
              fw={700}
              fz={22}
              w={52}
              h={52}
              style={{
                borderRadius: 'var(--mantine-radius-md)',
                display: 'grid',
                placeItems: 'center',
                flexShrink: 0,
              }}
              aria-hidden
            >
              {number}
            </Box>
            <Stack gap={2} miw={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {t(`elections.office.${candidate.office}`)}
              </Text>
              <Title order={3} size="h5" id={headingId}>
                <VisuallyHidden component="span">
                  {t('elections.candidates.ballot_prefix', { number })}{' '}
                </VisuallyHidden>
                {displayName(candidate)}
              </Title>
            </Stack>
          </Group>
          <CandidateStatusBadge status={candidate.status} />
        </Group>

        <Box component="dl" m={0}>
          {candidate.isPair && (
            <>
              <Term label={t(`elections.office_main.${candidate.office}`)}>{candidate.name}</Term>
              <Term label={t(`elections.office_mate.${candidate.office}`)}>
                {candidate.runningMateName ?? '—'}
              </Term>
            </>
          )}
          <Term label={t('elections.candidates.coalition')}>
            {coalition.length === 0 ? (
              t('elections.candidates.independent')
            ) : (
              <Group gap={4} component="span">
                {coalition.map((party) => (
                  <Badge key={party.id} variant="light" radius="sm" tt="none" title={party.name}>
                    {party.abbreviation}
                  </Badge>
                ))}
              </Group>
            )}
          </Term>
          {candidate.slogans.length > 0 && (
            <Term label={t('elections.candidates.slogans')}>
              <List spacing={2} size="sm" icon={<IconQuote size={14} aria-hidden />} center>
                {candidate.slogans.map((slogan) => (
                  <List.Item key={slogan}>{slogan}</List.Item>
                ))}
              </List>
            </Term>
          )}
          {candidate.hashtags.length > 0 && (
            <Term label={t('elections.candidates.hashtags')}>{candidate.hashtags.join(' ')}</Term>
          )}
          {candidate.socialAccounts.length > 0 && (
            <Term label={t('elections.candidates.social_accounts')}>
              <List spacing={2} size="sm" center>
                {candidate.socialAccounts.map((account) => {
                  const PlatformIcon = platformIcons[account.platform]
                  const label = `${t(`elections.platform.${account.platform}`)}: @${account.handle}`
                  return (
                    <List.Item
                      key={`${account.platform}:${account.handle}`}
                      icon={<PlatformIcon size={16} aria-hidden />}
                    >
                      {account.url ? (
                        <Anchor href={account.url} target="_blank" rel="noopener noreferrer" size="sm">
                          {label}
                        </Anchor>
                      ) : (
                        label
                      )}
                    </List.Item>
                  )
                })}
              </List>
            </Term>
          )}
        </Box>

        {mayManage && (
          <Group gap="xs" mt="auto">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={onEdit}
              aria-label={t('elections.candidates.edit_named', { number })}
            >
              {t('elections.candidates.edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onRemove}
              aria-label={t('elections.candidates.remove_named', { number })}
            >
              {t('elections.candidates.remove')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}

function Term({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Box mb="xs">
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Box>
  )
}
