/**
 * The election the staff app is working on, chosen in the header: the agency's current election (running, else
 * the next, else the latest — decided by the server) unless the user picked another one, which is remembered in
 * localStorage per agency. Later modules (pledges, cases, monitoring) read it with `useSelectedElection()`.
 */
import { Box, Select, Stack, Text } from '@mantine/core'
import { IconCheckbox } from '@tabler/icons-react'
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/use-api-query'
import { mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { electionListPath, type ElectionListView, type ElectionView } from './elections.api'

export interface SelectedElectionValue {
  /** False when the session may not read elections: no selector, `selected` stays null. */
  readonly canRead: boolean
  /** The agency's elections, latest voting day first. */
  readonly elections: readonly ElectionView[]
  readonly selected: ElectionView | null
  readonly isLoading: boolean
  readonly select: (electionId: string) => void
  /** Call after creating, changing or deleting an election. */
  readonly reload: () => void
}

const SelectedElectionContext = createContext<SelectedElectionValue | null>(null)

const storageKeyOf = (agencyId: string | null) => `netra.election.${agencyId ?? 'platform'}`

function readStoredChoice(agencyId: string | null): string | null {
  try {
    return window.localStorage.getItem(storageKeyOf(agencyId))
  } catch {
    // Storage blocked (private mode, policy): the current election is the default anyway.
    return null
  }
}

function storeChoice(agencyId: string | null, electionId: string): void {
  try {
    window.localStorage.setItem(storageKeyOf(agencyId), electionId)
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}

export interface SelectedElectionProviderProps {
  readonly children: ReactNode
}

export function SelectedElectionProvider({ children }: SelectedElectionProviderProps) {
  const session = useSession()
  const canRead = mayUse(session, 'elections.read')
  const agencyId = session.agency?.id ?? null
  const query = useApiQuery<ElectionListView>(canRead ? electionListPath(agencyId) : null)
  const [chosenId, setChosenId] = useState<string | null>(() => readStoredChoice(agencyId))
  const { reload } = query

  const elections = useMemo(() => query.latestData?.items ?? [], [query.latestData])
  // A remembered election that was deleted (or belongs elsewhere) falls back to the current one.
  const selected =
    elections.find((election) => election.id === chosenId) ??
    elections.find((election) => election.isCurrent) ??
    elections[0] ??
    null

  const select = useCallback(
    (electionId: string) => {
      setChosenId(electionId)
      storeChoice(agencyId, electionId)
    },
    [agencyId],
  )

  const value = useMemo(
    () => ({ canRead, elections, selected, isLoading: query.isLoading, select, reload }),
    [canRead, elections, selected, query.isLoading, select, reload],
  )
  return <SelectedElectionContext value={value}>{children}</SelectedElectionContext>
}

export function useSelectedElection(): SelectedElectionValue {
  const context = use(SelectedElectionContext)
  if (!context) throw new Error('useSelectedElection must be used inside <SelectedElectionProvider>')
  return context
}

export interface ElectionSelectorProps {
  /**
   * `header`: compact, shown from the `md` breakpoint; `menu`: full width at the top of the side menu, shown
   * below `md` (phones and small tablets), where the header has no room for it.
   */
  readonly placement: 'header' | 'menu'
}

/** The election select; renders nothing without read access or without elections. */
export function ElectionSelector({ placement }: ElectionSelectorProps) {
  const { t } = useTranslation()
  const { canRead, elections, selected, select } = useSelectedElection()
  if (!canRead || elections.length === 0) return null
  const isFullWidth = placement === 'menu'
  const byId = new Map(elections.map((election) => [election.id, election]))

  return (
    <Box
      visibleFrom={isFullWidth ? undefined : 'md'}
      hiddenFrom={isFullWidth ? 'md' : undefined}
      me={isFullWidth ? 0 : 'xs'}
    >
      <Select
        aria-label={t('elections.selector.label')}
        title={t('elections.selector.label')}
        data={elections.map((election) => ({ value: election.id, label: election.name }))}
        value={selected?.id ?? null}
        onChange={(value) => {
          if (value) select(value)
        }}
        allowDeselect={false}
        checkIconPosition="right"
        leftSection={<IconCheckbox size={18} aria-hidden />}
        size="sm"
        w={isFullWidth ? '100%' : 260}
        maxDropdownHeight={320}
        comboboxProps={{ width: isFullWidth ? undefined : 340, position: 'bottom-end' }}
        renderOption={({ option }) => {
          const election = byId.get(option.value)
          return (
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              {election && (
                <Text size="xs" c="dimmed">
                  {election.isCurrent
                    ? // With nothing running or coming, the current election is the latest one that finished.
                      t(
                        election.phase === 'finished'
                          ? 'elections.selector.latest'
                          : 'elections.selector.current',
                        {
                          phase: t(`elections.phase.${election.phase}`),
                        },
                      )
                    : t(`elections.phase.${election.phase}`)}
                </Text>
              )}
            </Stack>
          )
        }}
      />
    </Box>
  )
}
