import { Checkbox, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../domain/access'

export interface RoleCheckboxesProps {
  /** Roles offered, from the domain's grantableRoles(); super_admin is never among them. */
  readonly grantable: readonly Role[]
  readonly value: readonly Role[]
  readonly onChange: (roles: Role[]) => void
  readonly error?: string | null
  readonly isDisabled?: boolean
  /** Group label; defaults to "Peran". */
  readonly label?: string
  /** Drawn under a role's checkbox, inside the group (the unit limit of a chosen role). */
  readonly renderBelow?: (role: Role) => ReactNode
}

export function RoleCheckboxes({
  grantable,
  value,
  onChange,
  error,
  isDisabled = false,
  label,
  renderBelow,
}: RoleCheckboxesProps) {
  const { t } = useTranslation()
  const handleChange = (next: string[]) => {
    onChange(grantable.filter((role) => next.includes(role)))
  }
  return (
    <Checkbox.Group
      label={label ?? t('users.roles.label')}
      description={t('users.roles.description')}
      value={[...value]}
      onChange={handleChange}
      error={error ?? undefined}
      withAsterisk
    >
      <Stack gap="sm" mt="xs">
        {grantable.map((role) => (
          <Stack key={role} gap="xs">
            <Checkbox
              value={role}
              label={t(`roles.label.${role}`)}
              description={t(`roles.description.${role}`)}
              disabled={isDisabled}
            />
            {renderBelow?.(role)}
          </Stack>
        ))}
      </Stack>
    </Checkbox.Group>
  )
}
