/**
 * Partai: the parties of an election (ballot number, name, abbreviation). Agency admins add, change and remove
 * them; a party a coalition still names cannot be removed (the server says which, the dialog explains).
 */
import {
  ActionIcon,
  Button,
  EmptyState,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconFlag, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client'
import { describeError, issuesOf } from '../../api/error-messages'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { notifySuccess } from '../../ui/notify'
import { ScrollableTable } from '../../ui/scrollable-table'
import { requestIssueErrors } from './election-form-values'
import { addParty, removeParty, updateParty, type ElectionDetail, type PartyView } from './elections.api'

export interface PartySectionProps {
  readonly election: ElectionDetail
  readonly mayManage: boolean
  readonly onChanged: () => void
}

type Editing = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly party: PartyView }

export function PartySection({ election, mayManage, onChanged }: PartySectionProps) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [removing, setRemoving] = useState<PartyView | null>(null)
  const [removeError, setRemoveError] = useState<string | null>(null)
  const [isRemoving, setIsRemoving] = useState(false)
  const parties = [...election.parties].sort(
    (a, b) => (a.ballotNumber ?? 1000) - (b.ballotNumber ?? 1000) || a.name.localeCompare(b.name),
  )
  // Parties have no ballot number in a PILKADA: the column only shows when one was entered anyway.
  const showsBallotNumber = election.type === 'PEMILU' || parties.some((party) => party.ballotNumber !== null)
  const coalitionCount = (partyId: string) =>
    election.candidates.filter((candidate) => candidate.partyIds.includes(partyId)).length

  const handleRemove = async () => {
    if (!removing) return
    setIsRemoving(true)
    setRemoveError(null)
    try {
      await removeParty(election.id, removing.id)
      notifySuccess(
        t('elections.parties.removed_title'),
        t('elections.parties.removed', { name: removing.name }),
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
      {t('elections.parties.add')}
    </Button>
  )

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" c="dimmed">
          {election.type === 'PILKADA'
            ? t('elections.parties.help_pilkada')
            : t('elections.parties.help_pemilu')}
        </Text>
        {mayManage && parties.length > 0 && addButton}
      </Group>

      {parties.length === 0 ? (
        <EmptyState
          icon={<IconFlag size={36} aria-hidden />}
          withIndicatorBackground
          title={t('elections.parties.empty_title')}
          description={mayManage ? t('elections.parties.empty') : t('elections.parties.empty_reader')}
        >
          {mayManage && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <ScrollableTable label={t('elections.parties.caption')} minWidth={560}>
          <Table stickyHeader aria-label={t('elections.parties.caption')} striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                {showsBallotNumber && (
                  <Table.Th scope="col" w={110}>
                    {t('elections.parties.column.ballot_number')}
                  </Table.Th>
                )}
                <Table.Th scope="col">{t('elections.parties.column.name')}</Table.Th>
                <Table.Th scope="col">{t('elections.parties.column.abbreviation')}</Table.Th>
                <Table.Th scope="col">{t('elections.parties.column.coalitions')}</Table.Th>
                {mayManage && (
                  <Table.Th scope="col" w={110}>
                    {t('elections.parties.column.actions')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parties.map((party) => (
                <Table.Tr key={party.id}>
                  {showsBallotNumber && <Table.Td>{party.ballotNumber ?? '—'}</Table.Td>}
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {party.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{party.abbreviation}</Table.Td>
                  <Table.Td>
                    {t('elections.parties.coalition_count', { count: coalitionCount(party.id) })}
                  </Table.Td>
                  {mayManage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          size="lg"
                          aria-label={t('elections.parties.edit_named', { name: party.abbreviation })}
                          onClick={() => setEditing({ mode: 'edit', party })}
                        >
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          aria-label={t('elections.parties.remove_named', { name: party.abbreviation })}
                          onClick={() => {
                            setRemoveError(null)
                            setRemoving(party)
                          }}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollableTable>
      )}

      {editing && (
        <PartyFormModal
          electionId={election.id}
          asksBallotNumber={showsBallotNumber}
          party={editing.mode === 'edit' ? editing.party : null}
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
          title={t('elections.parties.remove_title')}
          confirmLabel={t('elections.parties.remove_confirm')}
          isDestructive
          isPending={isRemoving}
          error={removeError}
          onConfirm={() => void handleRemove()}
          onClose={() => !isRemoving && setRemoving(null)}
        >
          {t('elections.parties.remove_body', { name: removing.name, election: election.name })}
        </ConfirmModal>
      )}
    </Stack>
  )
}

interface PartyValues {
  ballotNumber: number | string
  name: string
  abbreviation: string
}

const partyFields = ['ballotNumber', 'name', 'abbreviation'] as const

interface PartyFormModalProps {
  readonly electionId: string
  /** False in a PILKADA, where parties have no ballot number. */
  readonly asksBallotNumber: boolean
  readonly party: PartyView | null
  readonly onClose: () => void
  readonly onSaved: () => void
}

function PartyFormModal({ electionId, asksBallotNumber, party, onClose, onSaved }: PartyFormModalProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const form = useForm<PartyValues>({
    initialValues: {
      ballotNumber: party?.ballotNumber ?? '',
      name: party?.name ?? '',
      abbreviation: party?.abbreviation ?? '',
    },
  })

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, partyFields)
  }

  const handleSubmit = async (values: PartyValues) => {
    setError(null)
    const errors: Record<string, string> = {}
    const name = values.name.trim()
    const abbreviation = values.abbreviation.trim()
    if (name.length < 2)
      errors.name = name ? t('validation.issue.too_short', { count: 2 }) : t('validation.issue.required')
    if (!abbreviation) errors.abbreviation = t('validation.issue.required')
    if (Object.keys(errors).length > 0) return showFieldErrors(errors)
    const body = {
      ballotNumber: typeof values.ballotNumber === 'number' ? values.ballotNumber : null,
      name,
      abbreviation,
    }
    setIsPending(true)
    try {
      if (party) await updateParty(electionId, party.id, body)
      else await addParty(electionId, body)
      notifySuccess(
        t('elections.parties.saved_title'),
        t(party ? 'elections.parties.updated' : 'elections.parties.added', { name }),
      )
      onSaved()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'request.invalid') showFieldErrors(requestIssueErrors(issuesOf(failure)))
      if (failure.code === 'election.party_ballot_number_taken')
        showFieldErrors({ ballotNumber: t('elections.parties.ballot_number_taken') })
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={party ? t('elections.parties.edit_title') : t('elections.parties.add_title')}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="md">
          {error && <ErrorAlert message={error} />}
          {asksBallotNumber && (
            <NumberInput
              label={t('elections.parties.ballot_number')}
              description={t('elections.parties.ballot_number_help')}
              min={1}
              max={99}
              allowDecimal={false}
              allowNegative={false}
              w={160}
              {...form.getInputProps('ballotNumber')}
            />
          )}
          <TextInput
            label={t('elections.parties.name')}
            data-autofocus
            placeholder={t('elections.parties.name_placeholder')}
            required
            maxLength={200}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('elections.parties.abbreviation')}
            placeholder={t('elections.parties.abbreviation_placeholder')}
            required
            maxLength={40}
            w={{ base: '100%', xs: 240 }}
            {...form.getInputProps('abbreviation')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {party ? t('elections.parties.save') : t('elections.parties.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
