/** The stages of an election as a timeline: done, under way (today) or ahead, in words and icons. */
import { EmptyState, Group, Text, Timeline } from '@mantine/core'
import { IconCalendarTime, IconCircleCheck, IconPlayerPlay, IconTimeline } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDayRange } from '../calendar/calendar-date'
import type { StageView } from './elections.api'

type StageState = 'done' | 'running' | 'ahead'

const stateOf = (stage: StageView, today: string): StageState =>
  stage.endsOn < today ? 'done' : stage.startsOn <= today ? 'running' : 'ahead'

const stateIcon = {
  done: IconCircleCheck,
  running: IconPlayerPlay,
  ahead: IconCalendarTime,
} as const

export interface StageTimelineProps {
  readonly stages: readonly StageView[]
  /** Today in the agency's time zone (from the server). */
  readonly today: string
  /** What to offer when there are no stages yet (a link to the form for those who may change it). */
  readonly emptyAction?: ReactNode
}

export function StageTimeline({ stages, today, emptyAction }: StageTimelineProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  if (stages.length === 0) {
    return (
      <EmptyState
        icon={<IconTimeline size={36} aria-hidden />}
        withIndicatorBackground
        title={t('elections.stages.empty_title')}
        description={emptyAction ? t('elections.stages.empty') : t('elections.stages.empty_reader')}
      >
        {emptyAction && <EmptyState.Actions>{emptyAction}</EmptyState.Actions>}
      </EmptyState>
    )
  }
  // The bullet line is filled up to the last stage that has started.
  const active = stages.reduce((last, stage, index) => (stage.startsOn <= today ? index : last), -1)
  return (
    <Timeline active={active} bulletSize={28} lineWidth={2} color="netra" role="list">
      {stages.map((stage) => {
        const state = stateOf(stage, today)
        const StateIcon = stateIcon[state]
        return (
          <Timeline.Item
            key={stage.id}
            role="listitem"
            bullet={<StateIcon size={16} aria-hidden />}
            title={
              <Text fw={600} component="span">
                {stage.name}
              </Text>
            }
          >
            <Text size="sm">{formatDayRange(stage.startsOn, stage.endsOn, language)}</Text>
            <Group gap="xs" mt={2}>
              <Text size="sm" c="dimmed">
                {t(`elections.stage_kind.${stage.kind}`)}
              </Text>
              <Text
                size="sm"
                c={state === 'running' ? 'netra.8' : 'dimmed'}
                fw={state === 'running' ? 700 : 400}
              >
                · {t(`elections.stages.state.${state}`)}
              </Text>
            </Group>
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
