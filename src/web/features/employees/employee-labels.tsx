/** How employee facts read on screen: NIP grouped, grade with pangkat, status in word and icon. */
import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { rankOfGrade, type EmployeeKind, type EmployeeStatus } from '../../../domain/employee-fields'
import { groupedNip } from './nip-format'
import { StatusBadge, type StatusTone } from '../../ui/status-badge'

export interface NipTextProps {
  readonly nip: string | null
  readonly kind?: EmployeeKind
  readonly size?: 'xs' | 'sm' | 'md'
}

/** The NIP grouped for reading, never broken across lines; a dash when there is none (Non-ASN). */
export function NipText({ nip, kind, size = 'sm' }: NipTextProps) {
  const { t } = useTranslation()
  if (!nip) {
    return (
      <Text span size={size} c="dimmed">
        {t('employees.detail.no_nip')}
      </Text>
    )
  }
  return (
    <Text span size={size} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {groupedNip(nip, kind)}
    </Text>
  )
}

/** `III/c · Penata` for PNS, `IX` for PPPK. */
export function gradeText(grade: string | null): string | null {
  if (!grade) return null
  const rank = rankOfGrade(grade)
  return rank ? `${grade} · ${rank}` : grade
}

const statusTones: Record<EmployeeStatus, StatusTone> = {
  active: 'done',
  moved: 'neutral',
  retired: 'neutral',
  dismissed: 'overdue',
}

export function EmployeeStatusBadge({ status }: { readonly status: EmployeeStatus }) {
  const { t } = useTranslation()
  return <StatusBadge tone={statusTones[status]} label={t(`employees.status.${status}`)} />
}

/** `+6281234567890` (as stored) → `081234567890` (as people dial it). */
export const localPhone = (phone: string): string => (phone.startsWith('+62') ? `0${phone.slice(3)}` : phone)
