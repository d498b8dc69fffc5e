/**
 * Move a unit with everything below it under another parent (or, for agency admins, to the top level). The unit
 * itself and its own sub-units cannot be chosen (the server refuses such a cycle too, and its reason is shown).
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { formatNumber } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { UnitPicker } from './unit-picker'
import { moveUnit, type UnitDetail, type UnitTreeItem } from './units.api'

export interface UnitMoveModalProps {
  readonly unit: UnitDetail
  readonly units: readonly UnitTreeItem[]
  readonly mayMoveToTop: boolean
  readonly onClose: () => void
  readonly onMoved: (unit: UnitDetail) => void
}

export function UnitMoveModal({ unit, units, mayMoveToTop, onClose, onMoved }: UnitMoveModalProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [parentId, setParentId] = useState<string | null>(null)
  const [toTop, setToTop] = useState(false)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [isPending, setIsPending] = useState(false)
  const isOwnSubtree = useCallback(
    (candidate: UnitTreeItem) => candidate.path.startsWith(unit.path),
    [unit.path],
  )
  const target = units.find((candidate) => candidate.id === parentId)
  const currentParent = unit.breadcrumb.at(-1)?.name

  const handleSubmit = async () => {
    setFailure(null)
    const next = toTop ? null : parentId
    if (!toTop && next === null) {
      setFieldError(t('units.move.parent_required'))
      document.getElementById('unit-move-parent')?.focus()
      return
    }
    if (next === unit.parentId) {
      setFieldError(t('units.move.same_parent'))
      document.getElementById('unit-move-parent')?.focus()
      return
    }
    setIsPending(true)
    try {
      onMoved(await moveUnit(unit.id, { parentId: next }))
    } catch (error) {
      if (!isApiError(error)) throw error
      setFailure(describeError(error))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Modal
      opened
      onClose={isPending ? () => undefined : onClose}
      title={t('units.move.title', { name: unit.name })}
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
          <Text>
            {t('units.move.explanation', {
              name: unit.name,
              children: formatNumber(unit.childCount, language),
              employees: formatNumber(unit.subtreeEmployeeCount, language),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {currentParent
              ? t('units.move.current_parent', { name: currentParent })
              : t('units.move.current_top')}
          </Text>
          {failure && <ErrorAlert message={failure} />}
          <UnitPicker
            id="unit-move-parent"
            label={t('units.move.new_parent')}
            value={parentId}
            onChange={(next) => {
              setParentId(next)
              setFieldError(null)
            }}
            units={units}
            activeOnly
            isDisabled={isOwnSubtree}
            disabledReason={t('units.move.own_subtree')}
            disabled={toTop}
            required={!toTop}
            error={fieldError}
          />
          {mayMoveToTop && unit.parentId !== null && (
            <Checkbox
              label={t('units.move.to_top')}
              checked={toTop}
              onChange={(event) => {
                setToTop(event.currentTarget.checked)
                setFieldError(null)
              }}
            />
          )}
          {(target || toTop) && (
            <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
              {toTop
                ? t('units.move.preview_top', { name: unit.name })
                : t('units.move.preview', { name: unit.name, parent: target?.name ?? '' })}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={isPending}>
              {t('common.actions.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {t('units.move.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
