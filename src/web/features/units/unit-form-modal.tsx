/**
 * Create a unit (under a chosen parent; top level for agency admins only) or change one: name, code, kind, region
 * (chosen from the Kemendagri table by name or code) and head. Problems show next to their fields, whether the browser
 * or the server found them.
 */
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { unitKinds, type UnitKind } from '../../../domain/employee-fields'
import { CreateUnitBody, UpdateUnitBody } from '../../../features/units/units.schema'
import { isApiError } from '../../api/client'
import { describeError, fieldErrorsOf, issuesOf, type FieldMessageOverrides } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { EmployeePicker, type PickedEmployee } from '../employees/employee-picker'
import { RegionPicker } from './region-picker'
import { UnitPicker } from './unit-picker'
import { createUnit, updateUnit, type UnitDetail, type UnitTreeItem } from './units.api'

export type UnitFormMode =
  | { readonly kind: 'create'; readonly parent: UnitTreeItem | null }
  | { readonly kind: 'edit'; readonly unit: UnitDetail }

export interface UnitFormModalProps {
  readonly mode: UnitFormMode
  readonly units: readonly UnitTreeItem[]
  /** Agency admins may create units without a parent (OPD at the top). */
  readonly mayCreateTopLevel: boolean
  readonly onClose: () => void
  readonly onSaved: (unit: UnitDetail) => void
}

interface Values {
  parentId: string | null
  name: string
  code: string
  kind: UnitKind
  regionCode: string
  head: PickedEmployee | null
}

type Field = 'parentId' | 'name' | 'code' | 'kind' | 'regionCode' | 'head'
const fields: readonly Field[] = ['parentId', 'name', 'code', 'kind', 'regionCode', 'head']

/** A sensible kind below a parent: bidang under an OPD, kelurahan under a kecamatan. */
function kindUnder(parent: UnitTreeItem | null): UnitKind {
  if (!parent) return 'opd'
  if (parent.kind === 'kecamatan') return 'kelurahan'
  if (parent.kind === 'opd') return 'bidang'
  return 'other'
}

/** Domain refusals that belong to one field. */
const fieldOfCode: Readonly<Record<string, Field>> = {
  'unit.code_taken': 'code',
  'unit.region_code_unknown': 'regionCode',
  'unit.head_invalid': 'head',
  'unit.parent_invalid': 'parentId',
  'unit.parent_inactive': 'parentId',
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

export function UnitFormModal({ mode, units, mayCreateTopLevel, onClose, onSaved }: UnitFormModalProps) {
  const { t } = useTranslation()
  const editing = mode.kind === 'edit' ? mode.unit : null
  const initial: Values = editing
    ? {
        parentId: editing.parentId,
        name: editing.name,
        code: editing.code ?? '',
        kind: editing.kind,
        regionCode: editing.regionCode ?? '',
        head: editing.head
          ? {
              id: editing.head.id,
              displayName: editing.head.displayName,
              nip: null,
              positionTitle: editing.head.positionTitle,
              unitName: editing.name,
            }
          : null,
      }
    : {
        parentId: mode.kind === 'create' ? (mode.parent?.id ?? null) : null,
        name: '',
        code: '',
        kind: kindUnder(mode.kind === 'create' ? mode.parent : null),
        regionCode: '',
        head: null,
      }
  const [values, setValues] = useState<Values>(initial)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)

  const overrides: FieldMessageOverrides = {
    code: { invalid_format: t('units.form.code_format') },
    regionCode: { invalid_format: t('units.form.region_code_format') },
  }

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }))
    setErrors((current) => ({ ...current, [key]: undefined }))
  }

  const focusField = (field: Field | undefined) => {
    if (field) document.getElementById(`unit-form-${field}`)?.focus()
  }

  const showErrors = (next: Partial<Record<Field, string>>) => {
    setErrors(next)
    focusField(fields.find((field) => next[field]))
  }

  const bodyOf = (): Record<string, unknown> | null => {
    const full = {
      name: values.name.trim(),
      code: orNull(values.code),
      kind: values.kind,
      regionCode: orNull(values.regionCode),
      headEmployeeId: values.head?.id ?? null,
    }
    if (!editing) return { parentId: values.parentId, ...full }
    const changed = Object.fromEntries(
      Object.entries(full).filter(([key, value]) => {
        const before = {
          name: editing.name,
          code: editing.code,
          kind: editing.kind,
          regionCode: editing.regionCode,
          headEmployeeId: editing.headEmployeeId,
        }[key]
        return value !== before
      }),
    )
    return Object.keys(changed).length > 0 ? changed : null
  }

  const handleSubmit = async () => {
    setFailure(null)
    if (!editing && values.parentId === null && !mayCreateTopLevel) {
      showErrors({ parentId: t('units.form.parent_required') })
      return
    }
    const body = bodyOf()
    if (body === null) {
      onClose()
      return
    }
    const checked = editing ? UpdateUnitBody.safeParse(body) : CreateUnitBody.safeParse(body)
    if (!checked.success) {
      showErrors(fieldErrorsOf(issuesOf(checked.error), fields, overrides).byField)
      return
    }
    setIsPending(true)
    try {
      const saved = editing
        ? await updateUnit(editing.id, checked.data)
        : await createUnit(checked.data as CreateUnitBody)
      onSaved(saved)
    } catch (error) {
      if (!isApiError(error)) throw error
      const field = fieldOfCode[error.code]
      if (error.code === 'request.invalid') {
        const { byField, unmatched } = fieldErrorsOf(issuesOf(error), fields, overrides)
        showErrors(byField)
        if (unmatched > 0 || Object.keys(byField).length === 0) setFailure(describeError(error))
      } else if (field) {
        showErrors({ [field]: describeError(error) })
      } else {
        setFailure(describeError(error))
      }
    } finally {
      setIsPending(false)
    }
  }

  const title = editing ? t('units.form.edit_title', { name: editing.name }) : t('units.form.create_title')

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
          void handleSubmit()
        }}
      >
        <Stack gap="md">
          {failure && <ErrorAlert message={failure} />}
          {!editing && (
            <UnitPicker
              id="unit-form-parentId"
              label={t('units.form.parent')}
              description={
                mayCreateTopLevel ? t('units.form.parent_help_admin') : t('units.form.parent_help')
              }
              value={values.parentId}
              onChange={(parentId) => {
                set('parentId', parentId)
                const parent = units.find((unit) => unit.id === parentId) ?? null
                set('kind', kindUnder(parent))
              }}
              units={units}
              activeOnly
              required={!mayCreateTopLevel}
              placeholder={mayCreateTopLevel ? t('units.form.parent_none') : undefined}
              error={errors.parentId ?? null}
            />
          )}
          <TextInput
            id="unit-form-name"
            label={t('units.form.name')}
            required
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Group grow align="flex-start" gap="md" wrap="wrap">
            <TextInput
              id="unit-form-code"
              label={t('units.form.code')}
              description={t('units.form.code_help')}
              value={values.code}
              onChange={(event) => set('code', event.currentTarget.value)}
              error={errors.code}
              miw={200}
            />
            <Select
              id="unit-form-kind"
              label={t('units.form.kind')}
              required
              data={unitKinds.map((kind) => ({ value: kind, label: t(`units.kind.${kind}`) }))}
              value={values.kind}
              onChange={(kind) => kind && set('kind', kind)}
              allowDeselect={false}
              error={errors.kind}
              miw={200}
            />
          </Group>
          <RegionPicker
            id="unit-form-regionCode"
            label={t('units.form.region_code')}
            description={t('units.form.region_code_help')}
            value={values.regionCode || null}
            valueName={editing?.regionCode === values.regionCode ? editing.regionName : null}
            onChange={(code) => set('regionCode', code ?? '')}
            error={errors.regionCode ?? null}
          />
          <EmployeePicker
            id="unit-form-head"
            label={t('units.form.head')}
            description={editing ? t('units.form.head_help') : t('units.form.head_help_new')}
            value={values.head}
            onChange={(head) => set('head', head)}
            unitId={editing?.id}
            error={errors.head ?? null}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {editing ? t('units.form.save') : t('units.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
