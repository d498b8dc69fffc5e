/**
 * Roles of an account with their unit limits, for the create modal and the detail page alike: a checkbox per role
 * and, under each chosen unit admin, examiner or decision maker role, a unit picker that limits the role to that
 * unit and its sub-units (empty: the whole agency). The units are those of the account's agency.
 */
import { Box, List } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../domain/access'
import { withQuery, type ApiError } from '../../api/client'
import { useApiQuery, type ApiQuery } from '../../api/use-api-query'
import { UnitPicker } from '../units/unit-picker'
import { unitTreePath, type UnitTree } from '../units/units.api'
import { RoleCheckboxes } from './role-checkboxes'
import {
  hasSeveralScopes,
  isUnitLimitable,
  roleGrants,
  unitLimitableRoles,
  unitLimitOf,
  withRoles,
  withUnitLimit,
  type RoleChoice,
  type RoleGrant,
} from './role-grants'

/**
 * The units of an agency, inactive ones included (a role may still be limited to a unit deactivated since), loaded
 * only when `isNeeded`. The agency is named: a super admin manages accounts of agencies other than their own.
 */
export function useAgencyUnits(agencyId: string | null, isNeeded: boolean): ApiQuery<UnitTree> {
  return useApiQuery<UnitTree>(
    agencyId && isNeeded ? withQuery(unitTreePath(), { agencyId, includeInactive: 'true' }) : null,
  )
}

/** The role whose unit limit the server refused (a unit of another agency, or a deactivated one), and why. */
export function refusedUnitLimit(
  failure: ApiError,
): { readonly role: Role; readonly problem: 'unit_not_found' | 'unit_inactive' } | null {
  const { role, problem } = failure.details
  if (failure.code !== 'user.role_invalid' || typeof role !== 'string') return null
  const limited = unitLimitableRoles.find((candidate) => candidate === role)
  if (!limited || (problem !== 'unit_not_found' && problem !== 'unit_inactive')) return null
  return { role: limited, problem }
}

/** The refusal of a unit limit in words, naming the role. */
export function useRefusedUnitLimitMessage(): (failure: ApiError) => { role: Role; message: string } | null {
  const { t } = useTranslation()
  return (failure) => {
    const refused = refusedUnitLimit(failure)
    if (!refused) return null
    const role = t(`roles.label.${refused.role}`)
    return { role: refused.role, message: t(`users.roles.${refused.problem}`, { role }) }
  }
}

/** Does the choice need the agency's units (a limitable role chosen, or a role held over a unit)? */
export const needsUnits = (choice: RoleChoice): boolean =>
  choice.roles.some(isUnitLimitable) || roleGrants(choice).some((grant) => grant.unitId)

/** Unit names by id, for sentences about limits. */
export function useUnitName(units: ApiQuery<UnitTree>): (unitId: string) => string {
  const { t } = useTranslation()
  const names = new Map((units.data?.items ?? []).map((unit) => [unit.id, unit.name]))
  return (unitId) => names.get(unitId) ?? t('users.detail.role_scope_unknown')
}

export interface RoleGrantsFieldProps {
  /** Roles offered, from the domain's grantableRoles(). */
  readonly grantable: readonly Role[]
  readonly value: RoleChoice
  readonly onChange: (choice: RoleChoice) => void
  /** The units of the account's agency (useAgencyUnits). */
  readonly units: ApiQuery<UnitTree>
  /** About the roles as a whole (none chosen, one not grantable). */
  readonly error?: string | null
  /** About the unit limit of one role (the server refused the unit). */
  readonly unitError?: { readonly role: Role; readonly message: string } | null
  readonly isDisabled?: boolean
  /** Group label; defaults to "Peran". */
  readonly label?: string
}

export function RoleGrantsField({
  grantable,
  value,
  onChange,
  units,
  error,
  unitError,
  isDisabled = false,
  label,
}: RoleGrantsFieldProps) {
  const { t } = useTranslation()
  const unitName = useUnitName(units)
  const isLoading = !units.data && !units.error

  const renderUnitLimit = (role: Role) => {
    if (!isUnitLimitable(role) || !value.roles.includes(role)) return null
    const roleLabel = t(`roles.label.${role}`)
    const several = hasSeveralScopes(value, role)
    const heldUnits = (value.scopes[role] ?? []).map((unitId) =>
      unitId === null ? t('users.create.unit_scope_none') : unitName(unitId),
    )
    return (
      <Box pl="xl" maw={560}>
        <UnitPicker
          label={t('users.roles.unit_limit', { role: roleLabel })}
          description={
            several
              ? t('users.roles.unit_limit_several', { units: heldUnits.join('; ') })
              : t('users.roles.unit_limit_help')
          }
          placeholder={
            several ? t('users.roles.unit_limit_several_placeholder') : t('users.create.unit_scope_none')
          }
          units={units.data?.items ?? []}
          value={unitLimitOf(value, role)}
          onChange={(unitId) => onChange(withUnitLimit(value, role, unitId))}
          activeOnly
          disabled={isDisabled || isLoading}
          error={
            unitError?.role === role ? unitError.message : units.error ? t('units.picker.load_failed') : null
          }
        />
      </Box>
    )
  }

  return (
    <RoleCheckboxes
      grantable={grantable}
      value={value.roles}
      onChange={(roles) => onChange(withRoles(value, roles))}
      error={error ?? null}
      isDisabled={isDisabled}
      label={label}
      renderBelow={renderUnitLimit}
    />
  )
}

/** One grant in words: "Admin unit: hanya Dinas X beserta sub-unitnya.", "Admin unit: seluruh instansi.", "Pegawai". */
export function useGrantSentence(units: ApiQuery<UnitTree>): (grant: RoleGrant) => string {
  const { t } = useTranslation()
  const unitName = useUnitName(units)
  return (grant) => {
    const role = t(`roles.label.${grant.role}`)
    if (grant.unitId) return t('users.detail.role_scope', { role, unit: unitName(grant.unitId) })
    return isUnitLimitable(grant.role) ? t('users.roles.scope_whole_agency', { role }) : role
  }
}

export interface GrantListProps {
  readonly grants: readonly RoleGrant[]
  readonly units: ApiQuery<UnitTree>
}

/** The grants as a list, each with the unit it is limited to (confirmations). */
export function GrantList({ grants, units }: GrantListProps) {
  const sentence = useGrantSentence(units)
  return (
    <List spacing={4}>
      {grants.map((grant) => (
        <List.Item key={`${grant.role}:${grant.unitId ?? ''}`}>{sentence(grant)}</List.Item>
      ))}
    </List>
  )
}
