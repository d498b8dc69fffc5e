/**
 * "Tandai duplikat": find the report this one repeats by its number (or pick a suggested related report), then
 * confirm; the reporter then sees that the report was merged with another about the same event.
 */
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconInfoCircle, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { reportStatusLabels } from '../../../features/reports/reports.schema'
import { withQuery } from '../../api/client'
import { useApiQuery } from '../../api/use-api-query'
import { ErrorAlert } from '../../ui/error-alert'
import { notifySuccess } from '../../ui/notify'
import {
  duplicateFailureMessage,
  failureMessage,
  markDuplicate,
  reportsPath,
  type ReportDetail,
  type ReportList,
} from './reports-staff.api'

interface Candidate {
  readonly id: string
  readonly reportNumber: string
  readonly reportedName: string | null
}

export interface ReportDuplicateModalProps {
  readonly report: ReportDetail
  readonly opened: boolean
  readonly onClose: () => void
  readonly onDone: () => void
}

export function ReportDuplicateModal({ report, opened, onClose, onDone }: ReportDuplicateModalProps) {
  const { t } = useTranslation()
  const [number, setNumber] = useState('')
  const [debounced] = useDebouncedValue(number.trim(), 300)
  const [chosen, setChosen] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [isPending, setPending] = useState(false)
  const search = useApiQuery<ReportList>(
    opened && debounced.length >= 2 ? withQuery(reportsPath, { q: debounced, pageSize: 10 }) : null,
  )

  const related: Candidate[] = report.related.map((r) => ({
    id: r.id,
    reportNumber: r.reportNumber,
    reportedName: r.reportedName,
  }))
  const found: Candidate[] = (debounced.length >= 2 ? (search.data?.items ?? []) : []).map((r) => ({
    id: r.id,
    reportNumber: r.reportNumber,
    reportedName: r.reportedPerson.name,
  }))
  const candidates = [...found, ...related.filter((r) => !found.some((f) => f.id === r.id))].filter(
    (candidate) => candidate.id !== report.id,
  )

  const close = () => {
    if (isPending) return
    setNumber('')
    setChosen(null)
    setError(null)
    onClose()
  }

  const submit = async () => {
    if (!chosen) {
      setError(t('reportsStaff.duplicate.choose'))
      return
    }
    setError(null)
    setPending(true)
    try {
      await markDuplicate(report.id, chosen)
      notifySuccess(t('reportsStaff.duplicate.done_title'), t('reportsStaff.duplicate.done'))
      setPending(false)
      close()
      onDone()
    } catch (caught) {
      setError(duplicateFailureMessage(caught, report.id))
      setPending(false)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('reportsStaff.duplicate.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
    >
      <Stack gap="md">
        <TextInput
          label={t('reportsStaff.duplicate.number')}
          description={t('reportsStaff.duplicate.number_help')}
          value={number}
          onChange={(event) => setNumber(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          data-autofocus
        />
        {search.error && <ErrorAlert message={failureMessage(search.error)} />}
        {candidates.length === 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {debounced.length >= 2 && !search.isLoading
              ? t('reportsStaff.duplicate.none_found')
              : t('reportsStaff.duplicate.type_number')}
          </Text>
        ) : (
          <Radio.Group label={t('reportsStaff.duplicate.candidates')} value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {candidates.map((candidate) => (
                <Radio
                  key={candidate.id}
                  value={candidate.id}
                  label={
                    candidate.reportedName
                      ? `${candidate.reportNumber} · ${candidate.reportedName}`
                      : candidate.reportNumber
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Alert role="note" color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} c="dark.7">
          {t('reportsStaff.duplicate.explain', { label: reportStatusLabels.duplicate })}
        </Alert>
        {error && <ErrorAlert message={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={isPending}>
            {t('common.actions.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={isPending}>
            {t('reportsStaff.duplicate.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
