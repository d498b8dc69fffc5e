/**
 * /pegawai/baru and /pegawai/:employeeId/ubah — every field of the record. The browser checks the record with the
 * same rule as the server (NIP layout and dates, NIK, grade for the kind, e-mail, phone numbers) and shows each
 * problem next to its field; whatever the server still refuses is shown the same way.
 */
import { Button, EmptyState, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconUserQuestion } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { employeeKinds, genders, pnsGrades, positionTypes, pppkGrades } from '../../../domain/employee-fields'
import type { EmployeeField } from '../../../domain/employee-record'
import { localDateOf } from '../../../domain/working-days'
import { isApiError, type ApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { translateIfKnown } from '../../i18n/i18n'
import { useSession } from '../../session/session-context'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { nothingFoundOption } from '../../ui/nothing-found-option'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { SectionCard } from '../../ui/section-card'
import { UnitPicker } from '../units/unit-picker'
import { areaLabels, employeeBreadcrumbs } from './employee-breadcrumbs'
import { EmployeePicker, type PickedEmployee } from './employee-picker'
import {
  changedFields,
  checkRecord,
  formFields,
  formValuesOf,
  messagesByField,
  problemsOfError,
  recordOf,
  type EmployeeFormValues,
  type FormField,
} from './employee-record-form'
import { createEmployee, employeePath, updateEmployee, type EmployeeDetail } from './employees.api'

export function EmployeeEditPage() {
  const { employeeId = '' } = useParams()
  return <EmployeeEditLoader key={employeeId} employeeId={employeeId} />
}

function EmployeeEditLoader({ employeeId }: { readonly employeeId: string }) {
  const { t } = useTranslation()
  const query = useApiQuery<EmployeeDetail>(employeePath(employeeId))
  const employee = query.data
  const title = t('employees.form.edit_title')
  const isMissing = query.error?.code === 'employee.not_found' || query.error?.code === 'request.invalid'
  // One header from loading to loaded, so it is not mounted (and focused) twice.
  return (
    <>
      <PageHeader
        title={title}
        description={employee?.displayName}
        breadcrumbs={
          employee
            ? employeeBreadcrumbs(areaLabels(t), employee, t('employees.form.edit_crumb'), false)
            : employeeBreadcrumbs(areaLabels(t), undefined, title)
        }
      />
      {employee ? (
        <EmployeeForm employee={employee} />
      ) : query.error && isMissing ? (
        <EmptyState
          icon={<IconUserQuestion size={40} aria-hidden />}
          withIndicatorBackground
          description={t('employees.detail.not_found')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/pegawai">
              {t('employees.detail.back_to_list')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : query.error ? (
        <ErrorAlert message={describeError(query.error)} onRetry={query.reload} />
      ) : (
        <LoaderBlock />
      )}
    </>
  )
}

export function EmployeeCreatePage() {
  const { t } = useTranslation()
  const title = t('employees.form.create_title')
  return (
    <>
      <PageHeader title={title} breadcrumbs={employeeBreadcrumbs(areaLabels(t), undefined, title)} />
      <EmployeeForm employee={null} />
    </>
  )
}

/** Grades a kind may hold: golongan/ruang with pangkat for PNS, I–XVII for PPPK, none for Non-ASN. */
function gradeOptions(kind: string) {
  if (kind === 'PNS')
    return pnsGrades.map(({ grade, rank }) => ({ value: grade, label: `${grade} · ${rank}` }))
  if (kind === 'PPPK') return pppkGrades.map((grade) => ({ value: grade, label: grade }))
  return []
}

type PlacementField = 'unitId' | 'superiorId'
const inputId = (field: FormField | PlacementField) => `employee-form-${field}`

function EmployeeForm({ employee }: { readonly employee: EmployeeDetail | null }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const session = useSession()
  const timeZone = session.agency?.timeZone ?? 'Asia/Jakarta'
  const [initial] = useState<EmployeeFormValues>(() => formValuesOf(employee))
  const [values, setValues] = useState<EmployeeFormValues>(initial)
  const [errors, setErrors] = useState<Partial<Record<EmployeeField | PlacementField, string>>>({})
  const [unitId, setUnitId] = useState<string | null>(null)
  const [superior, setSuperior] = useState<PickedEmployee | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [isPending, setIsPending] = useState(false)
  const nikIsMasked = employee?.nikIsMasked ?? false

  const translate = (key: string) => translateIfKnown(key, t('employees.problem.default'))

  const set = (field: FormField, value: string) => {
    setValues((current) => {
      const next = { ...current, [field]: value }
      // A grade of the other kind does not carry over (III/a means nothing for a PPPK).
      if (field === 'kind' && !gradeOptions(value).some((option) => option.value === current.grade))
        next.grade = ''
      return next
    })
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  const showErrors = (next: Partial<Record<EmployeeField | PlacementField, string>>) => {
    setErrors(next)
    const order: (FormField | PlacementField)[] = [...formFields, 'unitId', 'superiorId']
    const first = order.find((field) => next[field])
    if (first) document.getElementById(inputId(first))?.focus()
  }

  const handleSubmit = async () => {
    setFailure(null)
    const today = localDateOf(new Date(), timeZone)
    const problems: Partial<Record<EmployeeField | PlacementField, string>> = messagesByField(
      checkRecord(values, today, { nikIsMasked }),
      translate,
    )
    if (!employee && !unitId) problems.unitId = t('employees.form.unit_required')
    if (Object.keys(problems).length > 0) {
      showErrors(problems)
      return
    }
    setIsPending(true)
    try {
      let saved: EmployeeDetail
      if (employee) {
        const changes = changedFields(initial, values, { nikIsMasked })
        if (Object.keys(changes).length === 0) {
          void navigate(`/pegawai/${employee.id}`)
          return
        }
        // Name is never cleared (the check above requires it), so a changed name is always text.
        const { name, ...rest } = changes
        saved = await updateEmployee(employee.id, { ...rest, ...(name ? { name } : {}) })
      } else {
        saved = await createEmployee({
          ...recordOf(values),
          name: values.name.trim(),
          unitId: unitId ?? '',
          superiorId: superior?.id ?? null,
        })
      }
      notifySuccess(
        t('employees.detail.saved_title'),
        employee
          ? t('employees.form.saved', { name: saved.displayName })
          : t('employees.form.created', { name: saved.displayName }),
      )
      void navigate(`/pegawai/${saved.id}`)
    } catch (error) {
      if (!isApiError(error)) throw error
      const fieldMessages: Partial<Record<EmployeeField | PlacementField, string>> = messagesByField(
        problemsOfError(error),
        translate,
      )
      if (error.code === 'employee.unit_invalid' || error.code === 'employee.unit_inactive')
        fieldMessages.unitId = describeError(error)
      if (error.code === 'employee.superior_invalid' || error.code === 'employee.superior_cycle')
        fieldMessages.superiorId = describeError(error)
      showErrors(fieldMessages)
      setFailure(error)
    } finally {
      setIsPending(false)
    }
  }

  const field = (name: FormField) => ({
    id: inputId(name),
    label: t(`employees.field.${name}`),
    error: errors[name],
  })

  const text = (
    name: FormField,
    extra: {
      description?: string
      required?: boolean
      type?: string
      inputMode?: 'numeric' | 'tel' | 'email'
    } = {},
  ) => (
    <TextInput
      {...field(name)}
      {...extra}
      value={values[name]}
      onChange={(event) => set(name, event.currentTarget.value)}
    />
  )

  const grades = gradeOptions(values.kind)

  return (
    <>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void handleSubmit()
        }}
      >
        <Stack gap="lg" maw={960}>
          {failure && (
            <ErrorAlert title={t('employees.form.failed_title')} message={describeError(failure)} />
          )}
          <SectionCard title={t('employees.detail.identity_title')} id="form-identitas">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                {...field('kind')}
                required
                data={employeeKinds.map((kind) => ({ value: kind, label: t(`employees.kind.${kind}`) }))}
                value={values.kind}
                onChange={(kind) => kind && set('kind', kind)}
                allowDeselect={false}
              />
              {text('nip', {
                description: t('employees.form.nip_help'),
                required: values.kind !== 'NON_ASN',
                inputMode: 'numeric',
              })}
              {text('name', { required: true, description: t('employees.form.name_help') })}
              <Group grow gap="sm" align="flex-start">
                {text('frontTitle', { description: t('employees.form.front_title_help') })}
                {text('backTitle', { description: t('employees.form.back_title_help') })}
              </Group>
              <Select
                {...field('gender')}
                description={t('employees.form.from_nip_help')}
                data={genders.map((gender) => ({ value: gender, label: t(`employees.gender.${gender}`) }))}
                value={values.gender || null}
                onChange={(gender) => set('gender', gender ?? '')}
                clearable
              />
              {text('birthDate', { type: 'date', description: t('employees.form.from_nip_help') })}
              {text('nik', {
                description: nikIsMasked
                  ? t('employees.form.nik_masked_help', { nik: employee?.nik ?? '' })
                  : t('employees.form.nik_help'),
                inputMode: 'numeric',
              })}
            </SimpleGrid>
          </SectionCard>

          <SectionCard title={t('employees.detail.position_title')} id="form-kepegawaian">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                {...field('grade')}
                description={values.kind === 'NON_ASN' ? t('employees.form.grade_non_asn') : undefined}
                data={grades}
                value={values.grade || null}
                onChange={(grade) => set('grade', grade ?? '')}
                disabled={grades.length === 0}
                searchable
                clearable
                {...nothingFoundOption(t('common.list.no_match'))}
              />
              <Select
                {...field('positionType')}
                data={positionTypes.map((type) => ({
                  value: type,
                  label: t(`employees.position_type.${type}`),
                }))}
                value={values.positionType || null}
                onChange={(type) => set('positionType', type ?? '')}
                clearable
              />
              {text('positionTitle')}
            </SimpleGrid>
          </SectionCard>

          {!employee && (
            <SectionCard title={t('employees.form.placement_title')} id="form-penempatan">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <UnitPicker
                  id={inputId('unitId')}
                  label={t('employees.form.unit')}
                  value={unitId}
                  onChange={(next) => {
                    setUnitId(next)
                    setErrors((current) => ({ ...current, unitId: undefined }))
                  }}
                  activeOnly
                  required
                  error={errors.unitId ?? null}
                />
                <EmployeePicker
                  id={inputId('superiorId')}
                  label={t('employees.detail.superior')}
                  value={superior}
                  onChange={(next) => {
                    setSuperior(next)
                    setErrors((current) => ({ ...current, superiorId: undefined }))
                  }}
                  error={errors.superiorId ?? null}
                />
              </SimpleGrid>
            </SectionCard>
          )}

          <SectionCard title={t('employees.detail.contact_title')} id="form-kontak">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {text('email', { type: 'email', inputMode: 'email' })}
              {text('phone', { type: 'tel', inputMode: 'tel', description: t('employees.form.phone_help') })}
              {text('whatsapp', {
                type: 'tel',
                inputMode: 'tel',
                description: t('employees.form.phone_help'),
              })}
            </SimpleGrid>
          </SectionCard>

          {employee && (
            <Text size="sm" c="dimmed">
              {t('employees.form.placement_elsewhere')}
            </Text>
          )}
          <Group gap="sm">
            <Button
              type="submit"
              loading={isPending}
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            >
              {employee ? t('employees.form.save') : t('employees.form.create')}
            </Button>
            <Button component={Link} to={employee ? `/pegawai/${employee.id}` : '/pegawai'} variant="default">
              {t('common.actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}
