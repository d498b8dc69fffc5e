/**
 * /pemilu/:electionId — one election: key dates, today's phase and candidate status, and three parts — Tahapan
 * (timeline), Partai and Calon. Agency admins of its agency see the edit controls; everyone else reads.
 */
import './elections.css'
import { Button, EmptyState, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconCheckbox, IconFlag, IconPencil, IconTimeline, IconTrash, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { canAdministerAgency } from '../../../domain/access'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatDateTime } from '../../format/date-time'
import { actorOf, mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader, type BreadcrumbItem } from '../../ui/page-header'
import { formatDay, formatDayRange } from '../calendar/calendar-date'
import { CandidateSection } from './candidate-section'
import { CandidateStatusBadge, CurrentElectionBadge, PhaseBadge } from './election-badges'
import { candidateStatusExplanation, electionTypeLine, Fact } from './election-summary'
import { deleteElection, electionPath, type ElectionDetail } from './elections.api'
import { PartySection } from './party-section'
import { useSelectedElection } from './selected-election'
import { StageTimeline } from './stage-timeline'

const tabs = ['tahapan', 'partai', 'calon'] as const
type Tab = (typeof tabs)[number]
const isTab = (value: string | null): value is Tab => tabs.includes(value as Tab)

export function ElectionDetailPage() {
  const { electionId = '' } = useParams()
  // A fresh component per election, so no state leaks from one election to the next.
  return <ElectionDetailView key={electionId} electionId={electionId} />
}

function ElectionDetailView({ electionId }: { readonly electionId: string }) {
  const { t } = useTranslation()
  const query = useApiQuery<ElectionDetail>(electionPath(electionId))
  const election = query.latestData

  const breadcrumbs: BreadcrumbItem[] = [
    { label: t('app.nav.area.home'), to: '/' },
    { label: t('app.nav.area.elections'), to: '/pemilu' },
    { label: election?.name ?? t('elections.detail.loading_title') },
  ]

  if (query.error && !election) {
    const isMissing = query.error.code === 'election.not_found' || query.error.code === 'request.invalid'
    return (
      <>
        <PageHeader
          title={t('elections.detail.not_found_title')}
          breadcrumbs={[...breadcrumbs.slice(0, 2), { label: t('elections.detail.not_found_title') }]}
        />
        {isMissing ? (
          <EmptyState
            icon={<IconCheckbox size={40} aria-hidden />}
            withIndicatorBackground
            description={t('elections.detail.not_found')}
          >
            <EmptyState.Actions>
              <Button component={Link} to="/pemilu">
                {t('elections.detail.back_to_list')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
        )}
      </>
    )
  }
  if (!election) {
    return (
      <>
        <PageHeader title={t('elections.detail.loading_title')} breadcrumbs={breadcrumbs} />
        <LoaderBlock />
      </>
    )
  }
  return <ElectionDetailContent election={election} breadcrumbs={breadcrumbs} onChanged={query.reload} />
}

interface ElectionDetailContentProps {
  readonly election: ElectionDetail
  readonly breadcrumbs: BreadcrumbItem[]
  readonly onChanged: () => void
}

function ElectionDetailContent({ election, breadcrumbs, onChanged }: ElectionDetailContentProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const navigate = useNavigate()
  const { reload: reloadElections } = useSelectedElection()
  const [searchParams, setSearchParams] = useSearchParams()
  const requestedTab = searchParams.get('bagian')
  const tab: Tab = isTab(requestedTab) ? requestedTab : 'tahapan'
  const [isDeleteOpen, setIsDeleteOpen] = useState(false)
  const [isDeleting, setIsDeleting] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)
  const mayManage =
    mayUse(session, 'elections.manage') && canAdministerAgency(actorOf(session), election.agencyId)

  const handleChanged = () => {
    onChanged()
    reloadElections()
  }

  const handleDelete = async () => {
    setIsDeleting(true)
    setDeleteError(null)
    try {
      await deleteElection(election.id)
      reloadElections()
      notifySuccess(
        t('elections.detail.deleted_title'),
        t('elections.detail.deleted', { name: election.name }),
      )
      void navigate('/pemilu', { replace: true })
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setDeleteError(describeError(failure))
      setIsDeleting(false)
    }
  }

  const dateOrDash = (startsOn: string | null, endsOn: string | null) =>
    startsOn && endsOn ? formatDayRange(startsOn, endsOn, language) : t('elections.detail.not_set')

  return (
    <>
      <PageHeader
        title={election.name}
        breadcrumbs={breadcrumbs}
        description={
          <Group gap="xs">
            <Text c="dimmed">{electionTypeLine(election)}</Text>
            <PhaseBadge phase={election.phase} />
            {election.isCurrent && <CurrentElectionBadge />}
          </Group>
        }
        actions={
          mayManage ? (
            <>
              <Button
                component={Link}
                to={`/pemilu/${election.id}/ubah`}
                leftSection={<IconPencil size={18} aria-hidden />}
              >
                {t('elections.detail.edit')}
              </Button>
              <Button
                variant="outline"
                color="red"
                leftSection={<IconTrash size={18} aria-hidden />}
                onClick={() => {
                  setDeleteError(null)
                  setIsDeleteOpen(true)
                }}
              >
                {t('elections.detail.delete')}
              </Button>
            </>
          ) : undefined
        }
      />

      <Stack gap="lg">
        <Paper
          withBorder
          p={{ base: 'md', sm: 'lg' }}
          radius="md"
          component="section"
          aria-labelledby="ringkasan-pemilu"
        >
          <Title order={2} size="h4" id="ringkasan-pemilu" mb="md">
            {t('elections.detail.summary_title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" component="dl" m={0}>
            <Fact label={t('elections.detail.voting_on')}>{formatDay(election.votingOn, language)}</Fact>
            <Fact label={t('elections.detail.campaign')}>
              {dateOrDash(election.campaignStartsOn, election.campaignEndsOn)}
            </Fact>
            <Fact label={t('elections.detail.quiet')}>
              {dateOrDash(election.quietStartsOn, election.quietEndsOn)}
            </Fact>
            <Fact label={t('elections.detail.designated_on')}>
              {election.candidateDesignatedOn
                ? formatDay(election.candidateDesignatedOn, language)
                : t('elections.detail.not_set')}
            </Fact>
            <Fact label={t('elections.detail.current_stage')}>
              {election.currentStage
                ? `${election.currentStage.name} (${formatDayRange(election.currentStage.startsOn, election.currentStage.endsOn, language)})`
                : t('elections.list.no_stage')}
            </Fact>
            <Fact
              label={t('elections.detail.candidate_status_today', {
                date: formatDay(election.today, language),
              })}
            >
              <CandidateStatusBadge status={election.candidateStatusToday} />
            </Fact>
          </SimpleGrid>
          <Text size="sm" mt="md">
            {candidateStatusExplanation(election, language)}
          </Text>
          {election.description && (
            <Text size="sm" mt="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {election.description}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('elections.detail.updated_at', {
              date: formatDateTime(election.updatedAt, session.agency?.timeZone, language),
            })}
          </Text>
        </Paper>

        <Tabs
          value={tab}
          onChange={(value) => {
            if (isTab(value)) setSearchParams(value === 'tahapan' ? {} : { bagian: value }, { replace: true })
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('elections.detail.tabs_label')}>
            <Tabs.Tab value="tahapan" leftSection={<IconTimeline size={18} aria-hidden />}>
              {t('elections.detail.tab_stages', { count: election.stages.length })}
            </Tabs.Tab>
            <Tabs.Tab value="partai" leftSection={<IconFlag size={18} aria-hidden />}>
              {t('elections.detail.tab_parties', { count: election.parties.length })}
            </Tabs.Tab>
            <Tabs.Tab value="calon" leftSection={<IconUsers size={18} aria-hidden />}>
              {t('elections.detail.tab_candidates', { count: election.candidates.length })}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="tahapan" pt="lg">
            <StageTimeline
              stages={election.stages}
              today={election.today}
              emptyAction={
                mayManage ? (
                  <Button component={Link} to={`/pemilu/${election.id}/ubah`}>
                    {t('elections.stages.add_in_form')}
                  </Button>
                ) : undefined
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="partai" pt="lg">
            <PartySection election={election} mayManage={mayManage} onChanged={handleChanged} />
          </Tabs.Panel>
          <Tabs.Panel value="calon" pt="lg">
            <CandidateSection election={election} mayManage={mayManage} onChanged={handleChanged} />
          </Tabs.Panel>
        </Tabs>
      </Stack>

      {isDeleteOpen && (
        <ConfirmModal
          opened
          title={t('elections.detail.delete_title')}
          confirmLabel={t('elections.detail.delete_confirm')}
          isDestructive
          isPending={isDeleting}
          error={deleteError}
          onConfirm={() => void handleDelete()}
          onClose={() => setIsDeleteOpen(false)}
        >
          {t('elections.detail.delete_body', {
            name: election.name,
            stages: election.stages.length,
            parties: election.parties.length,
            candidates: election.candidates.length,
            date: formatDay(election.votingOn, language),
          })}
        </ConfirmModal>
      )}
    </>
  )
}
