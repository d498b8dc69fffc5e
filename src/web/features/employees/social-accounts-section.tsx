/**
 * The employee's social-media accounts (platform, handle, link, verified or not): those who manage the employee
 * add them, mark them verified and remove them (after a confirmation). Monitoring later matches posts to these.
 */
import { Anchor, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { socialPlatforms, type SocialPlatform } from '../../../domain/employee-fields'
import { SocialAccountBody } from '../../../features/employees/employees.schema'
import { isApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf } from '../../api/error-messages'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { notifySuccess } from '../../ui/notify'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { StatusBadge } from '../../ui/status-badge'
import {
  addSocialAccount,
  removeSocialAccount,
  setSocialAccountVerified,
  type EmployeeDetail,
  type SocialAccountView,
} from './employees.api'

export interface SocialAccountsSectionProps {
  readonly employee: EmployeeDetail
  readonly mayManage: boolean
  readonly onChanged: () => void
}

export function SocialAccountsSection({ employee, mayManage, onChanged }: SocialAccountsSectionProps) {
  const { t } = useTranslation()
  const [isAdding, setIsAdding] = useState(false)
  const [removing, setRemoving] = useState<SocialAccountView | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const accounts = employee.socialAccounts

  const handleVerify = async (account: SocialAccountView) => {
    setBusyId(account.id)
    setFailure(null)
    try {
      await setSocialAccountVerified(employee.id, account.id, !account.isVerified)
      onChanged()
    } catch (error) {
      if (!isApiError(error)) throw error
      setFailure(describeError(error))
    } finally {
      setBusyId(null)
    }
  }

  const handleRemove = async () => {
    if (!removing) return
    setBusyId(removing.id)
    setFailure(null)
    try {
      await removeSocialAccount(employee.id, removing.id)
      notifySuccess(
        t('employees.social.removed_title'),
        t('employees.social.removed', { handle: removing.handle }),
      )
      setRemoving(null)
      onChanged()
    } catch (error) {
      if (!isApiError(error)) throw error
      setFailure(describeError(error))
    } finally {
      setBusyId(null)
    }
  }

  return (
    <SectionCard
      title={t('employees.social.title')}
      id="bagian-media-sosial"
      actions={
        mayManage && !isAdding ? (
          <Button
            variant="default"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setIsAdding(true)}
          >
            {t('employees.social.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        {failure && !removing && <ErrorAlert message={failure} />}
        {accounts.length === 0 && !isAdding && (
          <Text c="dimmed">
            {mayManage ? t('employees.social.empty') : t('employees.social.empty_reader')}
          </Text>
        )}
        {accounts.length > 0 && (
          // Fits the half-width card beside the record on a 1366 px screen: the actions wrap under each other.
          <ScrollableTable label={t('employees.social.caption')} minWidth={420}>
            <Table aria-label={t('employees.social.caption')} verticalSpacing="xs" className="netra-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('employees.social.platform')}</Table.Th>
                  <Table.Th scope="col">{t('employees.social.handle')}</Table.Th>
                  <Table.Th scope="col">{t('employees.social.verified')}</Table.Th>
                  {mayManage && (
                    <Table.Th scope="col">
                      <Text span size="sm" fw={700}>
                        {t('employees.social.actions')}
                      </Text>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {accounts.map((account) => (
                  <Table.Tr key={account.id}>
                    <Table.Td>{t(`employees.platform.${account.platform}`)}</Table.Td>
                    <Table.Td>
                      {account.url ? (
                        <Anchor href={account.url} target="_blank" rel="noopener noreferrer nofollow">
                          @{account.handle}
                        </Anchor>
                      ) : (
                        <Text span>@{account.handle}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {account.isVerified ? (
                        <StatusBadge tone="done" label={t('employees.social.is_verified')} />
                      ) : (
                        <StatusBadge tone="neutral" label={t('employees.social.not_verified')} />
                      )}
                    </Table.Td>
                    {mayManage && (
                      <Table.Td>
                        <Group gap={4} wrap="wrap">
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            leftSection={<IconCircleCheck size={16} aria-hidden />}
                            loading={busyId === account.id}
                            onClick={() => void handleVerify(account)}
                            aria-label={
                              account.isVerified
                                ? t('employees.social.unverify_label', { handle: account.handle })
                                : t('employees.social.verify_label', { handle: account.handle })
                            }
                          >
                            {account.isVerified
                              ? t('employees.social.unverify')
                              : t('employees.social.verify')}
                          </Button>
                          <Button
                            variant="subtle"
                            color="red"
                            size="compact-sm"
                            leftSection={<IconTrash size={16} aria-hidden />}
                            onClick={() => {
                              setFailure(null)
                              setRemoving(account)
                            }}
                            aria-label={t('employees.social.remove_label', { handle: account.handle })}
                          >
                            {t('employees.social.remove')}
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
        {isAdding && (
          <AddAccountForm
            employeeId={employee.id}
            onCancel={() => setIsAdding(false)}
            onAdded={(account) => {
              setIsAdding(false)
              notifySuccess(
                t('employees.social.added_title'),
                t('employees.social.added', { handle: account.handle }),
              )
              onChanged()
            }}
          />
        )}
      </Stack>
      {removing && (
        <ConfirmModal
          opened
          title={t('employees.social.remove_title')}
          confirmLabel={t('employees.social.remove_confirm')}
          isDestructive
          isPending={busyId === removing.id}
          error={failure}
          onConfirm={() => void handleRemove()}
          onClose={() => setRemoving(null)}
        >
          {t('employees.social.remove_body', {
            handle: removing.handle,
            platform: t(`employees.platform.${removing.platform}`),
            name: employee.displayName,
          })}
        </ConfirmModal>
      )}
    </SectionCard>
  )
}

interface AddAccountFormProps {
  readonly employeeId: string
  readonly onCancel: () => void
  readonly onAdded: (account: SocialAccountView) => void
}

const accountFields = ['platform', 'handle', 'url'] as const

function AddAccountForm({ employeeId, onCancel, onAdded }: AddAccountFormProps) {
  const { t } = useTranslation()
  const [platform, setPlatform] = useState<SocialPlatform>('instagram')
  const [handle, setHandle] = useState('')
  const [url, setUrl] = useState('')
  const [isVerified, setIsVerified] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const overrides = { url: { invalid_format: t('employees.social.url_format') } }

  const handleSubmit = async () => {
    setFailure(null)
    const checked = SocialAccountBody.safeParse({
      platform,
      handle,
      url: url.trim() === '' ? null : url.trim(),
      isVerified,
    })
    if (!checked.success) {
      setErrors(fieldErrorsOf(issuesOf(checked.error), accountFields, overrides).byField)
      return
    }
    setIsPending(true)
    try {
      onAdded(await addSocialAccount(employeeId, checked.data))
    } catch (error) {
      if (!isApiError(error)) throw error
      if (error.code === 'request.invalid')
        setErrors(fieldErrorsOf(issuesOf(error), accountFields, overrides).byField)
      setFailure(describeError(error))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <form
      noValidate
      aria-label={t('employees.social.add_form')}
      onSubmit={(event) => {
        event.preventDefault()
        void handleSubmit()
      }}
    >
      <Stack gap="sm">
        {failure && <ErrorAlert message={failure} />}
        <Group align="flex-start" gap="sm" grow wrap="wrap">
          <Select
            label={t('employees.social.platform')}
            data={socialPlatforms.map((value) => ({ value, label: t(`employees.platform.${value}`) }))}
            value={platform}
            onChange={(value) => value && setPlatform(value)}
            allowDeselect={false}
            required
            miw={160}
          />
          <TextInput
            label={t('employees.social.handle')}
            description={t('employees.social.handle_help')}
            value={handle}
            onChange={(event) => setHandle(event.currentTarget.value)}
            error={errors.handle}
            required
            miw={180}
            data-autofocus
            autoFocus
          />
        </Group>
        <TextInput
          label={t('employees.social.url')}
          description={t('employees.social.url_help')}
          type="url"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={errors.url}
        />
        <Checkbox
          label={t('employees.social.mark_verified')}
          description={t('employees.social.mark_verified_help')}
          checked={isVerified}
          onChange={(event) => setIsVerified(event.currentTarget.checked)}
        />
        <Group gap="sm">
          <Button type="submit" loading={isPending}>
            {t('employees.social.save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={isPending}>
            {t('common.actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
