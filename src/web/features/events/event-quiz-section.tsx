/**
 * The event's optional short quiz on its page: the questions with their correct option, the average score overall
 * and per unit (the unit at check-in, inside the reader's subtree), and — for those who manage the event, until the
 * first answer arrives — an editor that replaces the questions as a whole (2–5 options each, one correct).
 */
import {
  ActionIcon,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatNumber } from '../../format/date-time'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { emptyQuestion, optionLetters as letters, quizInputOf, type DraftQuestion } from './event-quiz-model'
import {
  quizPath,
  quizScoresPath,
  saveQuiz,
  type EventView,
  type QuizScoresView,
  type QuizView,
} from './events.api'

export function EventQuizSection({
  event,
  version,
}: {
  readonly event: EventView
  readonly version: number
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const quiz = useApiQuery<QuizView>(quizPath(event.id))
  const scores = useApiQuery<QuizScoresView>(quizScoresPath(event.id))
  const reloadScores = scores.reload
  useEffect(() => {
    if (version > 0) reloadScores()
  }, [version, reloadScores])
  const [isEditing, setIsEditing] = useState(false)
  const view = quiz.data
  const mayEdit = event.canManage && event.status !== 'cancelled' && view !== undefined && !view.isLocked
  const average = (value: number | null) => (value === null ? '—' : `${formatNumber(value, language)}`)

  return (
    <SectionCard
      title={t('events.quiz.title')}
      id="kegiatan-kuis"
      actions={
        mayEdit ? (
          <Button
            variant="default"
            leftSection={<IconPencil size={18} aria-hidden />}
            onClick={() => setIsEditing(true)}
          >
            {view.questions.length === 0 ? t('events.quiz.create') : t('events.quiz.edit')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {quiz.error && <ErrorAlert message={describeError(quiz.error)} onRetry={quiz.reload} />}
        {!view && !quiz.error && <LoaderBlock />}
        {view && view.questions.length === 0 && <Text size="sm">{t('events.quiz.empty')}</Text>}
        {view && view.questions.length > 0 && (
          <>
            <List type="ordered" spacing="xs" size="sm">
              {view.questions.map((question) => (
                <List.Item key={question.id}>
                  <Text size="sm" fw={600}>
                    {question.text}
                  </Text>
                  <Text size="sm">
                    {question.options
                      .map((option, index) => `${letters[index] ?? ''}. ${option}`)
                      .join(' · ')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('events.quiz.correct_is', {
                      letter: letters[question.correctOption] ?? '',
                    })}
                  </Text>
                </List.Item>
              ))}
            </List>
            {view.isLocked && (
              <Text size="sm" c="dimmed">
                {t('events.quiz.locked')}
              </Text>
            )}
          </>
        )}
        {scores.error && <ErrorAlert message={describeError(scores.error)} onRetry={scores.reload} />}
        {scores.latestData && scores.latestData.questionCount > 0 && (
          <>
            <Text size="sm" data-testid="quiz-average">
              {t('events.quiz.summary', {
                count: scores.latestData.answered,
                answered: formatNumber(scores.latestData.answered, language),
                average: average(scores.latestData.averageScore),
              })}
            </Text>
            {scores.latestData.units.length > 0 && (
              <ScrollableTable label={t('events.quiz.caption')} minWidth={480} isBusy={scores.isLoading}>
                <Table
                  aria-label={t('events.quiz.caption')}
                  striped
                  verticalSpacing="xs"
                  className="netra-table"
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('events.quiz.column.unit')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('events.quiz.column.answered')}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('events.quiz.column.average')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {scores.latestData.units.map((row) => (
                      <Table.Tr key={row.unitId}>
                        <Table.Th scope="row" fw={400}>
                          {row.unitName}
                        </Table.Th>
                        <Table.Td ta="right">{formatNumber(row.answered, language)}</Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {average(row.averageScore)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollableTable>
            )}
          </>
        )}
      </Stack>
      {isEditing && view && (
        <QuizEditor
          eventId={event.id}
          quiz={view}
          onClose={() => setIsEditing(false)}
          onSaved={() => {
            setIsEditing(false)
            quiz.reload()
            scores.reload()
          }}
        />
      )}
    </SectionCard>
  )
}

function QuizEditor({
  eventId,
  quiz,
  onClose,
  onSaved,
}: {
  readonly eventId: string
  readonly quiz: QuizView
  readonly onClose: () => void
  readonly onSaved: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<DraftQuestion[]>(
    quiz.questions.length > 0
      ? quiz.questions.map(({ text, options, correctOption }) => ({ text, options, correctOption }))
      : [emptyQuestion()],
  )
  const [error, setError] = useState<string | null>(null)
  const [isSaving, setIsSaving] = useState(false)

  const change = (index: number, patch: Partial<DraftQuestion>) =>
    setDraft(draft.map((question, at) => (at === index ? { ...question, ...patch } : question)))

  const handleSubmit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const questions = quizInputOf(draft)
    if (!questions) {
      setError(t('events.quiz.incomplete'))
      return
    }
    setError(null)
    setIsSaving(true)
    try {
      await saveQuiz(eventId, questions)
      notifySuccess(t('events.detail.saved_title'), t('events.quiz.saved'))
      onSaved()
    } catch (failure) {
      setError(isApiError(failure) ? describeError(failure) : t('errors.unknown', { code: 'client' }))
    } finally {
      setIsSaving(false)
    }
  }

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.actions.close') }}
      opened
      onClose={onClose}
      title={t('events.quiz.editor_title')}
      size="lg"
    >
      <form onSubmit={(submitted) => void handleSubmit(submitted)} noValidate>
        <Stack gap="lg">
          <Text size="sm">{t('events.quiz.editor_help')}</Text>
          {error && <ErrorAlert message={error} />}
          {draft.map((question, index) => {
            const number = index + 1
            return (
              <Stack key={index} gap="xs" role="group" aria-labelledby={`kuis-soal-${number}`}>
                <Group justify="space-between" wrap="nowrap">
                  <Title order={3} size="h5" id={`kuis-soal-${number}`}>
                    {t('events.quiz.question_number', { number })}
                  </Title>
                  {draft.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('events.quiz.remove_question', { number })}
                      onClick={() => setDraft(draft.filter((_, at) => at !== index))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                <Textarea
                  label={t('events.quiz.question_text', { number })}
                  withAsterisk
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={question.text}
                  onChange={(changed) => change(index, { text: changed.currentTarget.value })}
                />
                {question.options.map((option, optionIndex) => (
                  <Group key={optionIndex} gap="xs" wrap="nowrap" align="flex-end">
                    <TextInput
                      style={{ flex: 1 }}
                      label={t('events.quiz.option_label', { letter: letters[optionIndex], number })}
                      withAsterisk
                      maxLength={300}
                      value={option}
                      onChange={(changed) =>
                        change(index, {
                          options: question.options.map((other, at) =>
                            at === optionIndex ? changed.currentTarget.value : other,
                          ),
                        })
                      }
                    />
                    {question.options.length > 2 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t('events.quiz.remove_option', { letter: letters[optionIndex], number })}
                        onClick={() =>
                          change(index, {
                            options: question.options.filter((_, at) => at !== optionIndex),
                            correctOption:
                              question.correctOption === optionIndex
                                ? 0
                                : question.correctOption > optionIndex
                                  ? question.correctOption - 1
                                  : question.correctOption,
                          })
                        }
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                <Group gap="xs" align="flex-end">
                  {question.options.length < 5 && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={16} aria-hidden />}
                      onClick={() => change(index, { options: [...question.options, ''] })}
                    >
                      {t('events.quiz.add_option')}
                    </Button>
                  )}
                  <NativeSelect
                    label={t('events.quiz.correct_option', { number })}
                    value={String(question.correctOption)}
                    data={question.options.map((_, at) => ({ value: String(at), label: letters[at] ?? '' }))}
                    onChange={(changed) =>
                      change(index, { correctOption: Number(changed.currentTarget.value) })
                    }
                  />
                </Group>
              </Stack>
            )
          })}
          {draft.length < 20 && (
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={() => setDraft([...draft, emptyQuestion()])}
              >
                {t('events.quiz.add_question')}
              </Button>
            </Group>
          )}
          <Group justify="space-between">
            {quiz.questions.length > 0 ? (
              <Button
                variant="subtle"
                color="red"
                onClick={() => {
                  setDraft([])
                  void saveQuiz(eventId, []).then(
                    () => {
                      notifySuccess(t('events.detail.saved_title'), t('events.quiz.removed'))
                      onSaved()
                    },
                    (failure: unknown) =>
                      setError(
                        isApiError(failure)
                          ? describeError(failure)
                          : t('errors.unknown', { code: 'client' }),
                      ),
                  )
                }}
              >
                {t('events.quiz.remove_all')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.actions.cancel')}
              </Button>
              <Button type="submit" loading={isSaving} disabled={draft.length === 0}>
                {t('events.quiz.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
