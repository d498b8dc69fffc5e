/**
 * The placement changes of one employee, each a confirmed step that says what will happen: a new direct superior
 * (the server refuses one who reports, however indirectly, to this employee), another unit, another status.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { employeeStatuses, type EmployeeStatus } from '../../../domain/employee-fields'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { UnitPicker } from '../units/unit-picker'
import { EmployeePicker, type PickedEmployee } from './employee-picker'
import { moveEmployee, setStatus, setSuperior, type EmployeeDetail } from './employees.api'

interface ChangeModalProps {
  readonly title: string
  readonly confirmLabel: string
  readonly isPending: boolean
  readonly failure: string | null
  readonly onSubmit: () => void
  readonly onClose: () => void
  readonly children: ReactNode
}

function ChangeModal({
  title,
  confirmLabel,
  isPending,
  failure,
  onSubmit,
  onClose,
  children,
}: ChangeModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened
      onClose={isPending ? () => undefined : onClose}
      title={title}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        <Stack gap="md">
          {children}
          {failure && <ErrorAlert message={failure} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Runs a change and keeps its pending state and failure message. */
function useChange(onDone: (employee: EmployeeDetail) => void) {
  const [isPending, setIsPending] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const run = async (change: () => Promise<EmployeeDetail>) => {
    setIsPending(true)
    setFailure(null)
    try {
      onDone(await change())
    } catch (error) {
      if (!isApiError(error)) throw error
      setFailure(describeError(error))
    } finally {
      setIsPending(false)
    }
  }
  return { isPending, failure, setFailure, run }
}

export interface EmployeeChangeModalProps {
  readonly employee: EmployeeDetail
  readonly onClose: () => void
  readonly onChanged: (employee: EmployeeDetail) => void
}

export function SuperiorModal({ employee, onClose, onChanged }: EmployeeChangeModalProps) {
  const { t } = useTranslation()
  const current: PickedEmployee | null = employee.superior
    ? {
        id: employee.superior.id,
        displayName: employee.superior.displayName,
        nip: employee.superior.nip,
        positionTitle: employee.superior.positionTitle,
        unitName: employee.superior.unitName,
      }
    : null
  const [chosen, setChosen] = useState<PickedEmployee | null>(current)
  const { isPending, failure, setFailure, run } = useChange(onChanged)
  const unchanged = (chosen?.id ?? null) === (employee.superior?.id ?? null) && !employee.superiorOutsideScope

  return (
    <ChangeModal
      title={t('employees.superior.title', { name: employee.displayName })}
      confirmLabel={chosen ? t('employees.superior.confirm') : t('employees.superior.confirm_clear')}
      isPending={isPending}
      failure={failure}
      onClose={onClose}
      onSubmit={() => {
        if (unchanged) {
          onClose()
          return
        }
        void run(() => setSuperior(employee.id, chosen?.id ?? null))
      }}
    >
      <Text>{t('employees.superior.explanation')}</Text>
      <EmployeePicker
        label={t('employees.superior.picker')}
        value={chosen}
        onChange={(next) => {
          setChosen(next)
          setFailure(null)
        }}
        excludeId={employee.id}
        data-autofocus
      />
      {!unchanged && (
        <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
          {chosen
            ? t('employees.superior.preview', { name: employee.displayName, superior: chosen.displayName })
            : t('employees.superior.preview_clear', { name: employee.displayName })}
        </Alert>
      )}
    </ChangeModal>
  )
}

export function MoveUnitModal({ employee, onClose, onChanged }: EmployeeChangeModalProps) {
  const { t } = useTranslation()
  const [unitId, setUnitId] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const { isPending, failure, run } = useChange(onChanged)

  return (
    <ChangeModal
      title={t('employees.move.title', { name: employee.displayName })}
      confirmLabel={t('employees.move.confirm')}
      isPending={isPending}
      failure={failure}
      onClose={onClose}
      onSubmit={() => {
        if (!unitId || unitId === employee.unitId) {
          setFieldError(unitId ? t('employees.move.same_unit') : t('employees.move.unit_required'))
          return
        }
        void run(() => moveEmployee(employee.id, unitId))
      }}
    >
      <Text>{t('employees.move.explanation', { unit: employee.unit.name })}</Text>
      <UnitPicker
        label={t('employees.move.new_unit')}
        value={unitId}
        onChange={(next) => {
          setUnitId(next)
          setFieldError(null)
        }}
        activeOnly
        required
        error={fieldError}
      />
    </ChangeModal>
  )
}

export function StatusModal({ employee, onClose, onChanged }: EmployeeChangeModalProps) {
  const { t } = useTranslation()
  const [status, setStatusValue] = useState<EmployeeStatus>(employee.status)
  const { isPending, failure, run } = useChange(onChanged)

  return (
    <ChangeModal
      title={t('employees.status_change.title', { name: employee.displayName })}
      confirmLabel={t('employees.status_change.confirm')}
      isPending={isPending}
      failure={failure}
      onClose={onClose}
      onSubmit={() => {
        if (status === employee.status) onClose()
        else void run(() => setStatus(employee.id, status))
      }}
    >
      <Select
        label={t('employees.status_change.label')}
        data={employeeStatuses.map((value) => ({ value, label: t(`employees.status.${value}`) }))}
        value={status}
        onChange={(value) => value && setStatusValue(value)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      {status !== employee.status && (
        <Alert variant="light" color="orange" icon={<IconInfoCircle aria-hidden />}>
          {t(`employees.status_change.effect.${status}`, { name: employee.displayName })}
        </Alert>
      )}
    </ChangeModal>
  )
}
