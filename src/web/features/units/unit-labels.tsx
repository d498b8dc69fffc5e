import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { UnitKind } from '../../../domain/employee-fields'
import { StatusBadge } from '../../ui/status-badge'

/** The kind of a unit in words (OPD, Bidang, UPT, Sekolah…), never colour alone. */
export function UnitKindBadge({ kind }: { readonly kind: UnitKind }) {
  const { t } = useTranslation()
  return (
    <Badge variant="outline" color="gray" c="dark.6" radius="sm" tt="none" className="netra-status-badge">
      {t(`units.kind.${kind}`)}
    </Badge>
  )
}

export function UnitInactiveBadge() {
  const { t } = useTranslation()
  return <StatusBadge tone="neutral" label={t('units.status.inactive')} />
}
