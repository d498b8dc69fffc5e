/**
 * "Tambah calon" / "Ubah calon": office, ballot number, the candidate (and running mate for the executive
 * offices, which run as pairs), status, coalition, slogans, hashtags and social-media accounts. Problems the
 * browser can see (missing names, a hashtag with spaces) are shown next to their fields before sending.
 */
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  candidateStatuses,
  normaliseHashtag,
  pairOffices,
  type CandidateOffice,
  type CandidateStatus,
} from '../../../domain/election-stage'
import { socialPlatforms, type SocialPlatform } from '../../../domain/employee-fields'
import { isApiError } from '../../api/client'
import { describeError, issuesOf } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { ballotLabel, officesFor } from './candidate-labels'
import { legendStyles, requestIssueErrors } from './election-form-values'
import { addCandidate, updateCandidate, type CandidateView, type ElectionDetail } from './elections.api'

interface SocialAccountValues {
  readonly key: string
  platform: SocialPlatform
  handle: string
  url: string
}

interface CandidateValues {
  office: CandidateOffice
  ballotNumber: number | string
  name: string
  runningMateName: string
  /** `auto`: what the designation date says today (new candidates only). */
  status: CandidateStatus | 'auto'
  partyIds: string[]
  /** One slogan per line. */
  slogans: string
  hashtags: string[]
  socialAccounts: SocialAccountValues[]
}

let accountSequence = 0
const newAccount = (account?: Partial<SocialAccountValues>): SocialAccountValues => {
  accountSequence += 1
  return {
    key: `akun-${accountSequence}`,
    platform: account?.platform ?? 'instagram',
    handle: account?.handle ?? '',
    url: account?.url ?? '',
  }
}

const isUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

export interface CandidateFormModalProps {
  readonly election: ElectionDetail
  /** The candidate being changed, or null for a new one. */
  readonly candidate: CandidateView | null
  readonly onClose: () => void
  readonly onSaved: () => void
}

export function CandidateFormModal({ election, candidate, onClose, onSaved }: CandidateFormModalProps) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const offices = officesFor(election)
  const firstOffice = offices[0] ?? 'presiden'

  const form = useForm<CandidateValues>({
    initialValues: {
      office: candidate?.office ?? firstOffice,
      ballotNumber: candidate?.ballotNumber ?? '',
      name: candidate?.name ?? '',
      runningMateName: candidate?.runningMateName ?? '',
      status: candidate?.status ?? 'auto',
      partyIds: candidate?.partyIds ?? [],
      slogans: candidate?.slogans.join('\n') ?? '',
      hashtags: candidate?.hashtags ?? [],
      socialAccounts: (candidate?.socialAccounts ?? []).map((account) =>
        newAccount({ platform: account.platform, handle: account.handle, url: account.url ?? '' }),
      ),
    },
  })
  const values = form.values
  const isPair = pairOffices.includes(values.office)

  const fieldOrder = [
    'office',
    'ballotNumber',
    'name',
    'runningMateName',
    'status',
    'partyIds',
    'slogans',
    'hashtags',
    ...values.socialAccounts.flatMap((_, index) =>
      ['platform', 'handle', 'url'].map((name) => `socialAccounts.${index}.${name}`),
    ),
  ]

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fieldOrder)
  }

  const clientErrors = (): Record<string, string> => {
    const errors: Record<string, string> = {}
    const required = t('validation.issue.required')
    if (values.ballotNumber === '') errors.ballotNumber = required
    if (values.name.trim().length < 2)
      errors.name = values.name.trim() ? t('validation.issue.too_short', { count: 2 }) : required
    if (isPair && values.runningMateName.trim().length < 2)
      errors.runningMateName = values.runningMateName.trim()
        ? t('validation.issue.too_short', { count: 2 })
        : t('elections.candidates.problem.running_mate_required')
    const badTag = values.hashtags.find((tag) => normaliseHashtag(tag) === null)
    if (badTag !== undefined) errors.hashtags = t('elections.candidates.hashtag_invalid', { hashtag: badTag })
    const longSlogan = sloganLines(values.slogans).find((slogan) => slogan.length > 300)
    if (longSlogan) errors.slogans = t('elections.candidates.slogan_too_long')
    values.socialAccounts.forEach((account, index) => {
      if (!account.handle.trim()) errors[`socialAccounts.${index}.handle`] = required
      if (account.url.trim() && !isUrl(account.url.trim()))
        errors[`socialAccounts.${index}.url`] = t('elections.candidates.url_invalid')
    })
    return errors
  }

  const handleSubmit = async () => {
    setError(null)
    const errors = clientErrors()
    if (Object.keys(errors).length > 0) return showFieldErrors(errors)
    const body = {
      office: values.office,
      ballotNumber: Number(values.ballotNumber),
      name: values.name.trim(),
      runningMateName: isPair ? values.runningMateName.trim() : null,
      ...(values.status === 'auto' ? {} : { status: values.status }),
      partyIds: values.partyIds,
      slogans: sloganLines(values.slogans),
      hashtags: values.hashtags,
      socialAccounts: values.socialAccounts.map((account) => ({
        platform: account.platform,
        handle: account.handle.trim(),
        url: account.url.trim() || null,
      })),
    }
    setIsPending(true)
    try {
      if (candidate) await updateCandidate(election.id, candidate.id, body)
      else await addCandidate(election.id, body)
      notifySuccess(
        t('elections.candidates.saved_title'),
        t(candidate ? 'elections.candidates.updated' : 'elections.candidates.added', {
          number: ballotLabel(body.ballotNumber),
          name: body.runningMateName ? `${body.name} – ${body.runningMateName}` : body.name,
        }),
      )
      onSaved()
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      switch (failure.code) {
        case 'request.invalid':
          showFieldErrors(requestIssueErrors(issuesOf(failure)))
          break
        case 'election.candidate_ballot_number_taken':
          showFieldErrors({ ballotNumber: t('elections.candidates.ballot_number_taken') })
          break
        case 'election.candidate_office_invalid': {
          const problem = failure.details.problem
          if (problem === 'running_mate_required' || problem === 'running_mate_not_allowed')
            showFieldErrors({ runningMateName: t(`elections.candidates.problem.${problem}`) })
          else showFieldErrors({ office: t('elections.candidates.problem.office') })
          break
        }
        case 'election.hashtag_invalid':
          showFieldErrors({ hashtags: describeError(failure) })
          break
        case 'election.coalition_invalid':
          showFieldErrors({ partyIds: describeError(failure) })
          break
      }
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  const statusOptions = [
    ...(candidate ? [] : [{ value: 'auto', label: t('elections.candidates.status_auto') }]),
    ...candidateStatuses.map((status) => ({
      value: status,
      label: t(`elections.candidate_status.${status}`),
    })),
  ]
  const partyOptions = [...election.parties]
    .sort((a, b) => (a.ballotNumber ?? 1000) - (b.ballotNumber ?? 1000))
    .map((party) => ({
      value: party.id,
      label: party.ballotNumber ? `${party.ballotNumber}. ${party.abbreviation}` : party.abbreviation,
    }))

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={candidate ? t('elections.candidates.edit_title') : t('elections.candidates.add_title')}
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <form onSubmit={form.onSubmit(() => void handleSubmit())} noValidate>
        <Stack gap="md">
          {error && <ErrorAlert message={error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('elections.candidates.office')}
              data={offices.map((office) => ({ value: office, label: t(`elections.office.${office}`) }))}
              allowDeselect={false}
              required
              disabled={offices.length === 1}
              description={offices.length === 1 ? t('elections.candidates.office_fixed') : undefined}
              {...form.getInputProps('office')}
            />
            <NumberInput
              label={t('elections.candidates.ballot_number')}
              description={t('elections.candidates.ballot_number_help')}
              min={1}
              max={999}
              allowDecimal={false}
              allowNegative={false}
              required
              data-autofocus
              {...form.getInputProps('ballotNumber')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: isPair ? 2 : 1 }} spacing="md">
            <TextInput
              label={t(`elections.office_main.${values.office}`)}
              description={t('elections.candidates.name_help')}
              required
              maxLength={200}
              {...form.getInputProps('name')}
            />
            {isPair && (
              <TextInput
                label={t(`elections.office_mate.${values.office}`)}
                required
                maxLength={200}
                {...form.getInputProps('runningMateName')}
              />
            )}
          </SimpleGrid>
          <Select
            label={t('elections.candidates.status')}
            description={t('elections.candidates.status_help')}
            data={statusOptions}
            allowDeselect={false}
            w={{ base: '100%', sm: 360 }}
            {...form.getInputProps('status')}
          />
          <MultiSelect
            label={t('elections.candidates.coalition')}
            description={
              partyOptions.length === 0
                ? t('elections.candidates.coalition_no_parties')
                : t('elections.candidates.coalition_help')
            }
            data={partyOptions}
            searchable
            clearable
            disabled={partyOptions.length === 0}
            {...nothingFoundOption(t('common.list.no_match'))}
            {...form.getInputProps('partyIds')}
          />
          <Textarea
            label={t('elections.candidates.slogans')}
            description={t('elections.candidates.slogans_help')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('slogans')}
          />
          <TagsInput
            label={t('elections.candidates.hashtags')}
            description={t('elections.candidates.hashtags_help')}
            splitChars={[',', ' ']}
            maxTags={50}
            clearable
            {...form.getInputProps('hashtags')}
          />
          <Fieldset
            legend={t('elections.candidates.social_accounts')}
            variant="unstyled"
            styles={legendStyles}
          >
            <Stack gap="sm">
              {values.socialAccounts.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('elections.candidates.social_accounts_empty')}
                </Text>
              )}
              {values.socialAccounts.map((account, index) => (
                <Fieldset
                  key={account.key}
                  legend={t('elections.candidates.social_account_legend', { number: index + 1 })}
                  p="sm"
                >
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                    <Select
                      label={t('elections.candidates.platform')}
                      data={socialPlatforms.map((platform) => ({
                        value: platform,
                        label: t(`elections.platform.${platform}`),
                      }))}
                      allowDeselect={false}
                      required
                      {...form.getInputProps(`socialAccounts.${index}.platform`)}
                    />
                    <TextInput
                      label={t('elections.candidates.handle')}
                      placeholder="@akun"
                      required
                      maxLength={100}
                      {...form.getInputProps(`socialAccounts.${index}.handle`)}
                    />
                    <TextInput
                      label={t('elections.candidates.url')}
                      placeholder="https://"
                      type="url"
                      maxLength={500}
                      {...form.getInputProps(`socialAccounts.${index}.url`)}
                    />
                  </SimpleGrid>
                  <Group justify="flex-end" mt="xs">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('elections.candidates.remove_account', { number: index + 1 })}
                      onClick={() => form.removeListItem('socialAccounts', index)}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Fieldset>
              ))}
              <div>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={18} aria-hidden />}
                  onClick={() => form.insertListItem('socialAccounts', newAccount())}
                >
                  {t('elections.candidates.add_account')}
                </Button>
              </div>
            </Stack>
          </Fieldset>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {candidate ? t('elections.candidates.save') : t('elections.candidates.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

const sloganLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
