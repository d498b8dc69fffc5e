/** Why a day is off, in icon and words (never colour alone): national, cuti bersama, voting day, agency. */
import { Badge } from '@mantine/core'
import {
  IconBeach,
  IconBriefcase,
  IconBuildingBank,
  IconCheckbox,
  IconFlag,
  type Icon,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { HolidaySource } from './calendar.api'

export const sourceIcons: Record<HolidaySource, Icon> = {
  national: IconFlag,
  cuti_bersama: IconBeach,
  election: IconCheckbox,
  agency: IconBuildingBank,
}

// Red, amber and green are kept for status (overdue, due, done); sources differ by icon and word, and the
// agency's own days by a second hue so an operator spots what their office decided.
const sourceColors: Record<HolidaySource, string> = {
  national: 'netra',
  cuti_bersama: 'netra',
  election: 'netra',
  agency: 'indigo',
}

export function HolidaySourceBadge({ source }: { readonly source: HolidaySource }) {
  const { t } = useTranslation()
  const SourceIcon = sourceIcons[source]
  return (
    <Badge
      color={sourceColors[source]}
      variant="light"
      radius="sm"
      tt="none"
      className="netra-status-badge"
      leftSection={<SourceIcon size={14} aria-hidden />}
    >
      {t(`calendar.source.${source}`)}
    </Badge>
  )
}

/** A national day the agency works on: shown with the day it cancels. */
export function WorkingDayBadge() {
  const { t } = useTranslation()
  return (
    <Badge
      color="gray"
      c="dark.6"
      variant="light"
      radius="sm"
      tt="none"
      className="netra-status-badge"
      leftSection={<IconBriefcase size={14} aria-hidden />}
    >
      {t('calendar.source.working_day')}
    </Badge>
  )
}
