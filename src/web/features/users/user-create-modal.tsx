/**
 * "Tambah pengguna": username, name, e-mail, (for super admins) the agency, and roles — each unit-level role (unit
 * admin, examiner, decision maker) optionally limited to one unit and its sub-units (RoleGrantsField, as on the
 * detail page). Checked first with the server's own zod schema, then created; the server generates a temporary
 * password that the list page shows once.
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
import { choiceOfRoles, roleGrants, withoutUnitLimits, withRoles, type RoleChoice } from './role-grants'
import { needsUnits, RoleGrantsField, useAgencyUnits, useRefusedUnitLimitMessage } from './role-grants-field'
import { createUser, type CreatedUser } from './users.api'

interface CreateUserValues {
  username: string
  displayName: string
  email: string
  agencyId: string
  /** Chosen roles with their unit limits. */
  roles: RoleChoice
}

const fields = ['username', 'displayName', 'email', 'agencyId', 'roles'] as const

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
  const [unitError, setUnitError] = useState<{ role: Role; message: string } | null>(null)
  const refusedUnitLimitMessage = useRefusedUnitLimitMessage()

  const form = useForm<CreateUserValues>({
    initialValues: {
      username: '',
      displayName: '',
      email: '',
      agencyId: session.agency?.id ?? agencies?.[0]?.id ?? '',
      roles: choiceOfRoles(['employee']),
    },
    // Unit limits name units of one agency: choosing another agency forgets them.
    onValuesChange: (values, previous) => {
      if (values.agencyId !== previous.agencyId) form.setFieldValue('roles', withoutUnitLimits(values.roles))
    },
  })

  const agencyId = form.values.agencyId
  const grantable = agencyId ? grantableRoles(actor, agencyId) : []
  const units = useAgencyUnits(agencyId || null, needsUnits(form.values.roles))

  const overrides: FieldMessageOverrides = {
    username: { invalid_format: t('users.create.username_format') },
    roles: { too_small: t('users.create.roles_required') },
  }

  const handleClose = () => {
    form.reset()
    setError(null)
    setUnitError(null)
    onClose()
  }

  const showFieldErrors = (errors: Record<string, string>) => {
    form.setErrors(errors)
    focusFirstError((path) => form.getInputNode(path), errors, fields)
  }

  const handleSubmit = async (values: CreateUserValues) => {
    setError(null)
    setUnitError(null)
    const chosen = withRoles(
      values.roles,
      values.roles.roles.filter((role) => grantable.includes(role)),
    )
    const body = {
      username: values.username,
      displayName: values.displayName,
      email: values.email.trim() === '' ? null : values.email.trim(),
      ...(agencies ? { agencyId: values.agencyId } : {}),
      roles: roleGrants(chosen),
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
      const refused = refusedUnitLimitMessage(failure)
      if (refused) setUnitError(refused)
      else if (failure.code === 'user.role_invalid') form.setFieldError('roles', describeError(failure))
      if (failure.code === 'agency.not_found') form.setFieldError('agencyId', describeError(failure))
      setError(refused?.message ?? describeError(failure))
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
          <RoleGrantsField
            grantable={grantable}
            value={form.values.roles}
            onChange={(roles) => {
              form.setFieldValue('roles', roles)
              setUnitError(null)
            }}
            units={units}
            error={typeof form.errors.roles === 'string' ? form.errors.roles : null}
            unitError={unitError}
          />
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
