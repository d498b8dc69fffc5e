/**
 * /pemilu — the agency's elections, latest voting day first, with the current one (running, else the next, else
 * the latest) highlighted: its phase, the stage under way and whether people standing in it are "bakal calon" or
 * "calon" today. Search by name and a type filter; agency admins add elections here.
 */
import './elections.css'
import {
  Anchor,
  Button,
  CloseButton,
  EmptyState,
  Group,
  Input,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconArrowRight, IconCheckbox, IconPlus, IconSearch, IconStarFilled } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { electionTypes, type ElectionType } from '../../../domain/election-stage'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { ListSummary } from '../../ui/list-summary'
import { PageHeader } from '../../ui/page-header'
import { ScrollableTable } from '../../ui/scrollable-table'
import { agenciesPath, type AgencyListView } from '../agencies/agencies.api'
import { formatDay, formatDayRange } from '../calendar/calendar-date'
import { CandidateStatusBadge, PhaseBadge } from './election-badges'
import { candidateStatusExplanation, electionTypeLine, Fact } from './election-summary'
import { electionListPath, type ElectionListView, type ElectionView } from './elections.api'

type TypeFilter = 'all' | ElectionType

export function ElectionListPage() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const language = i18n.resolvedLanguage ?? 'id'
  const agencyId = session.agency?.id ?? null
  const elections = useApiQuery<ElectionListView>(electionListPath(agencyId))
  // A platform administrator without an agency sees every agency's elections: name the agency of each.
  const showsAgency = agencyId === null && mayUse(session, 'agencies.manage')
  const agencies = useApiQuery<AgencyListView>(showsAgency ? agenciesPath : null)
  const agencyNames = new Map((agencies.data?.items ?? []).map((agency) => [agency.id, agency.name]))
  const mayManage = mayUse(session, 'elections.manage')
  const [search, setSearch] = useState('')
  const [type, setType] = useState<TypeFilter>('all')

  const all = elections.latestData?.items ?? []
  const needle = search.trim().toLowerCase()
  const rows = all.filter(
    (election) =>
      (type === 'all' || election.type === type) &&
      (needle === '' ||
        election.name.toLowerCase().includes(needle) ||
        (election.regionCode ?? '').includes(needle)),
  )
  const current = all.filter((election) => election.isCurrent)
  const hasFilter = needle !== '' || type !== 'all'

  const handleClearFilters = () => {
    setSearch('')
    setType('all')
  }

  const createButton = mayManage ? (
    <Button component={Link} to="/pemilu/baru" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('elections.list.create')}
    </Button>
  ) : null

  return (
    <>
      <PageHeader
        title={t('elections.list.title')}
        description={t('elections.list.description')}
        actions={createButton}
      />
      <Stack gap="lg">
        {elections.error && (
          <ErrorAlert message={describeError(elections.error)} onRetry={elections.reload} />
        )}
        {!elections.latestData && !elections.error && <LoaderBlock />}

        {elections.latestData && all.length === 0 && (
          <EmptyState
            icon={<IconCheckbox size={40} aria-hidden />}
            withIndicatorBackground
            title={t('elections.list.empty_title')}
            description={mayManage ? t('elections.list.empty') : t('elections.list.empty_reader')}
          >
            {mayManage && (
              <EmptyState.Actions>
                <Button component={Link} to="/pemilu/baru" leftSection={<IconPlus size={18} aria-hidden />}>
                  {t('elections.list.create_first')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}

        {current.map((election) => (
          <CurrentElectionCard
            key={election.id}
            election={election}
            agencyName={showsAgency ? agencyNames.get(election.agencyId) : undefined}
          />
        ))}

        {all.length > 0 && (
          <Stack gap="md" component="section" aria-labelledby="daftar-pemilu">
            <Title order={2} size="h4" id="daftar-pemilu">
              {t('elections.list.all_title')}
            </Title>
            <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('elections.list.search')}
                  type="search"
                  value={search}
                  onChange={(event) => setSearch(event.currentTarget.value)}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  rightSection={
                    search ? (
                      <CloseButton
                        aria-label={t('elections.list.clear_search')}
                        onClick={() => setSearch('')}
                        size="sm"
                      />
                    ) : null
                  }
                  w={{ base: '100%', sm: 320 }}
                />
                <Stack gap={4}>
                  <Input.Label id="saring-jenis-pemilu">{t('elections.list.type_filter')}</Input.Label>
                  <SegmentedControl
                    aria-labelledby="saring-jenis-pemilu"
                    value={type}
                    onChange={setType}
                    data={[
                      { value: 'all', label: t('elections.list.type_all') },
                      ...electionTypes.map((value) => ({ value, label: t(`elections.type.${value}`) })),
                    ]}
                  />
                </Stack>
              </Group>
              <ListSummary
                total={rows.length}
                page={1}
                pageSize={Math.max(rows.length, 1)}
                noun={t('elections.list.noun')}
              />
            </Group>

            {rows.length === 0 ? (
              <EmptyState
                icon={<IconSearch size={36} aria-hidden />}
                withIndicatorBackground
                title={t('elections.list.no_match_title')}
                description={t('elections.list.no_match')}
              >
                {hasFilter && (
                  <EmptyState.Actions>
                    <Button variant="default" onClick={handleClearFilters}>
                      {t('elections.list.clear_filters')}
                    </Button>
                  </EmptyState.Actions>
                )}
              </EmptyState>
            ) : (
              <ScrollableTable
                label={t('elections.list.caption')}
                minWidth={820}
                isBusy={elections.isLoading}
              >
                <Table
                  stickyHeader
                  aria-label={t('elections.list.caption')}
                  striped
                  highlightOnHover
                  verticalSpacing="sm"
                  className="netra-table"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('elections.list.column.name')}</Table.Th>
                      {showsAgency && <Table.Th scope="col">{t('elections.list.column.agency')}</Table.Th>}
                      <Table.Th scope="col">{t('elections.list.column.voting_on')}</Table.Th>
                      <Table.Th scope="col">{t('elections.list.column.phase')}</Table.Th>
                      <Table.Th scope="col">{t('elections.list.column.stage')}</Table.Th>
                      <Table.Th scope="col">{t('elections.list.column.candidate_status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((election) => (
                      <Table.Tr key={election.id}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            {election.isCurrent && (
                              <>
                                <IconStarFilled size={14} aria-hidden color="var(--mantine-color-netra-8)" />
                                <VisuallyHidden>
                                  {t(
                                    election.phase === 'finished'
                                      ? 'elections.list.latest_marker'
                                      : 'elections.list.current_marker',
                                  )}
                                </VisuallyHidden>
                              </>
                            )}
                            <Anchor component={Link} to={`/pemilu/${election.id}`} fw={600}>
                              {election.name}
                            </Anchor>
                          </Group>
                          <Text size="sm" c="dimmed">
                            {electionTypeLine(election)}
                          </Text>
                        </Table.Td>
                        {showsAgency && (
                          <Table.Td>
                            <Text size="sm">{agencyNames.get(election.agencyId) ?? '—'}</Text>
                          </Table.Td>
                        )}
                        <Table.Td>
                          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatDay(election.votingOn, language)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <PhaseBadge phase={election.phase} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{election.currentStage?.name ?? t('elections.list.no_stage')}</Text>
                        </Table.Td>
                        <Table.Td>
                          {election.phase === 'finished' ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            <CandidateStatusBadge status={election.candidateStatusToday} />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollableTable>
            )}
          </Stack>
        )}
      </Stack>
    </>
  )
}

interface CurrentElectionCardProps {
  readonly election: ElectionView
  readonly agencyName?: string | undefined
}

function CurrentElectionCard({ election, agencyName }: CurrentElectionCardProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const headingId = `pemilu-sekarang-${election.id}`
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={headingId}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={700} c="netra.8" tt="uppercase">
              {t(
                election.phase === 'finished'
                  ? 'elections.list.latest_title'
                  : 'elections.list.current_title',
              )}
            </Text>
            <Title order={2} size="h3" id={headingId}>
              {election.name}
            </Title>
            <Text size="sm" c="dimmed">
              {electionTypeLine(election)}
              {agencyName ? ` · ${agencyName}` : ''}
            </Text>
          </Stack>
          <PhaseBadge phase={election.phase} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t('elections.detail.voting_on')}>{formatDay(election.votingOn, language)}</Fact>
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
        <Text size="sm">{candidateStatusExplanation(election, language)}</Text>
        <Anchor component={Link} to={`/pemilu/${election.id}`} fw={600} size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            {t('elections.list.open_current')}
            <IconArrowRight size={16} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    </Paper>
  )
}
