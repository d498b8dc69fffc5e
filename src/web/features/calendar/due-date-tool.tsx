/**
 * "Hitung tenggat": a start date and N working days → the due date ("N hari kerja setelah …"), with the holidays
 * on weekdays that were skipped. The start day is not counted; weekends never count (src/domain/working-days.ts).
 */
import { Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconCalculator } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isIsoDate, maxWorkingDaysToAdd } from '../../../domain/working-days'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { ErrorAlert } from '../../ui/error-alert'
import { countWorkingDays, type WorkingDaysView } from './calendar.api'
import { formatDayWithWeekday } from './calendar-date'
import { HolidaySourceBadge } from './holiday-source'

export interface DueDateToolProps {
  /** Today in the agency's time zone: the default start date. */
  readonly today: string
  readonly agencyId: string
}

export function DueDateTool({ today, agencyId }: DueDateToolProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [from, setFrom] = useState(today)
  const [add, setAdd] = useState<number | string>(7)
  const [fromError, setFromError] = useState<string | null>(null)
  const [addError, setAddError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<WorkingDaysView | null>(null)
  const [isPending, setIsPending] = useState(false)

  const handleSubmit = async () => {
    setError(null)
    const badFrom = !isIsoDate(from)
    const count = typeof add === 'number' ? add : Number.NaN
    const badAdd = !Number.isInteger(count) || count < 1 || count > maxWorkingDaysToAdd
    setFromError(badFrom ? t('calendar.due.from_invalid') : null)
    setAddError(badAdd ? t('calendar.due.add_invalid', { max: maxWorkingDaysToAdd }) : null)
    if (badFrom) document.getElementById('tenggat-mulai')?.focus()
    else if (badAdd) document.getElementById('tenggat-jumlah')?.focus()
    if (badFrom || badAdd) return
    setIsPending(true)
    try {
      setResult(await countWorkingDays({ from, add: count, agencyId }))
    } catch (failure) {
      if (!isApiError(failure)) throw failure
      setResult(null)
      setError(describeError(failure))
    } finally {
      setIsPending(false)
    }
  }

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="hitung-tenggat"
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="hitung-tenggat">
            {t('calendar.due.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('calendar.due.help')}
          </Text>
        </Stack>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void handleSubmit()
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              id="tenggat-mulai"
              type="date"
              label={t('calendar.due.from')}
              description={t('calendar.due.from_help')}
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value)}
              error={fromError}
              required
            />
            <NumberInput
              id="tenggat-jumlah"
              label={t('calendar.due.add')}
              value={add}
              onChange={setAdd}
              min={1}
              max={maxWorkingDaysToAdd}
              allowDecimal={false}
              allowNegative={false}
              error={addError}
              required
            />
            <Group>
              <Button
                type="submit"
                loading={isPending}
                leftSection={<IconCalculator size={18} aria-hidden />}
              >
                {t('calendar.due.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        {error && <ErrorAlert message={error} />}
        <div aria-live="polite">
          {result && (
            <Stack gap="xs" data-testid="due-date-result">
              <Text size="sm">
                {t('calendar.due.result_intro', {
                  count: result.add,
                  from: formatDayWithWeekday(result.from, language),
                })}
              </Text>
              <Text fw={700} fz="lg" c="netra.8">
                {formatDayWithWeekday(result.dueOn, language)}
              </Text>
              {result.skipped.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('calendar.due.none_skipped')}
                </Text>
              ) : (
                <Stack gap={4}>
                  <Text size="sm" fw={600}>
                    {t('calendar.due.skipped', { count: result.skipped.length })}
                  </Text>
                  <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                    {result.skipped.map((holiday) => (
                      <li key={`${holiday.fallsOn}:${holiday.source}:${holiday.name}`}>
                        <Text size="sm">
                          {formatDayWithWeekday(holiday.fallsOn, language)} — {holiday.name}
                        </Text>
                        <HolidaySourceBadge source={holiday.source} />
                      </li>
                    ))}
                  </Stack>
                </Stack>
              )}
            </Stack>
          )}
        </div>
      </Stack>
    </Paper>
  )
}
