/**
 * "Tambah pengguna": username, name, e-mail, (for super admins) the agency, and roles — the unit-level roles (unit
 * admin, examiner, decision maker) optionally limited to one unit and its sub-units. Checked first with the
 * server's own zod schema, then created; the server generates a temporary password that the list page shows
 * once.
 */
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { grantableRoles, type Role } from '../../../domain/access'
import { CreateUserBody } from '../../../features/auth/users.schema'
import { isApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf, type FieldMessageOverrides } from '../../api/error-messages'
import { actorOf } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { focusFirstError } from '../../ui/focus-first-error'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import type { AgencyListView } from '../agencies/agencies.api'
import { UnitPicker } from '../units/unit-picker'
import { RoleCheckboxes } from './role-checkboxes'
import { createUser, type CreatedUser } from './users.api'

interface CreateUserValues {
  username: string
  displayName: string
  email: string
  agencyId: string
  roles: Role[]
  /** Limits the unit-level roles to this unit and its sub-units; empty: the whole agency. */
  unitId: string
}

const fields = ['username', 'displayName', 'email', 'agencyId', 'roles', 'unitId'] as const

/** Roles that may be limited to a unit subtree from this form (an employee's own role needs no limit). */
const unitLevelRoles: readonly Role[] = ['unit_admin', 'examiner', 'decision_maker']

export interface UserCreateModalProps {
  readonly opened: boolean
  /** Agencies to choose from (super admins); null when the account administers a single agency. */
  readonly agencies: AgencyListView['items'] | null
  readonly onClose: () => void
  readonly onCreated: (created: CreatedUser) => void
}

export function UserCreateModal({ opened, agencies, onClose, onCreated }: UserCreateModalProps) {
  const { t } = useTranslation()
  const session = useSession()
  const actor = actorOf(session)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)

  const form = useForm<CreateUserValues>({
    initialValues: {
      username: '',
      displayName: '',
      email: '',
      agencyId: session.agency?.id ?? agencies?.[0]?.id ?? '',
      roles: ['employee'],
      unitId: '',
    },
  })

  const agencyId = form.values.agencyId
  const grantable = agencyId ? grantableRoles(actor, agencyId) : []
  const hasUnitLevelRole = form.values.roles.some((role) => unitLevelRoles.includes(role))
  // The picker lists the units of the signed-in user's agency: a super admin choosing another agency has none.
  const mayLimitToUnit = hasUnitLevelRole && agencyId === session.agency?.id

  const overrides: FieldMessageOverrides = {
    username: { invalid_format: t('users.create.username_format') },
    roles: { too_small: t('users.create.roles_required') },
  }

  const handleClose = () => {
    form.reset()
    setError(null)
    onClose()
  }

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fields)
  }

  const handleSubmit = async (values: CreateUserValues) => {
    setError(null)
    const body = {
      username: values.username,
      displayName: values.displayName,
      email: values.email.trim() === '' ? null : values.email.trim(),
      ...(agencies ? { agencyId: values.agencyId } : {}),
      roles: values.roles
        .filter((role) => grantable.includes(role))
        .map((role) =>
          mayLimitToUnit && values.unitId && unitLevelRoles.includes(role)
            ? { role, unitId: values.unitId }
            : { role },
        ),
    }
    const checked = CreateUserBody.safeParse(body)
    if (!checked.success) {
      showFieldErrors(fieldErrorsOf(issuesOf(checked.error), fields, overrides).byField)
      return
    }
    setIsPending(true)
    try {
      const created = await createUser(checked.data)
      form.reset()
      onCreated(created)
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      if (failure.code === 'request.invalid')
        showFieldErrors(fieldErrorsOf(issuesOf(failure), fields, overrides).byField)
      if (failure.code === 'user.username_taken')
        showFieldErrors({ username: t('users.create.username_taken') })
      if (failure.code === 'user.role_invalid')
        form.setFieldError(
          failure.details.problem === 'unit_not_found' ? 'unitId' : 'roles',
          describeError(failure),
        )
      if (failure.code === 'agency.not_found') form.setFieldError('agencyId', describeError(failure))
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={handleClose}
      title={t('users.create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="md">
          {error && <ErrorAlert message={error} />}
          <TextInput
            label={t('users.create.username')}
            description={t('users.create.username_help')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('users.create.display_name')}
            description={t('users.create.display_name_help')}
            autoComplete="off"
            required
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label={t('users.create.email')}
            description={t('users.create.email_help')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          {agencies && (
            <Select
              label={t('users.create.agency')}
              data={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
              allowDeselect={false}
              searchable
              required
              {...nothingFoundOption(t('common.list.no_match'))}
              {...form.getInputProps('agencyId')}
            />
          )}
          <RoleCheckboxes
            grantable={grantable}
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue('roles', roles)}
            error={typeof form.errors.roles === 'string' ? form.errors.roles : null}
          />
          {mayLimitToUnit && (
            <UnitPicker
              label={t('users.create.unit_scope')}
              description={t('users.create.unit_scope_help')}
              placeholder={t('users.create.unit_scope_none')}
              value={form.values.unitId || null}
              onChange={(unitId) => form.setFieldValue('unitId', unitId ?? '')}
              activeOnly
              error={typeof form.errors.unitId === 'string' ? form.errors.unitId : null}
            />
          )}
          <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
            {t('users.create.password_note')}
          </Alert>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={handleClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {t('users.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
