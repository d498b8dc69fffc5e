/**
 * /pegawai/impor — the roster from a SIASN export or any spreadsheet, in three steps: choose the file (XLSX or CSV;
 * the expected columns and a template are shown), check it (a dry run that writes nothing, with a progress bar and
 * every row problem: row, column and the reason in Indonesian), then import it — only a file without problems, all
 * rows or none — and see what changed. Column remapping and "create missing units" are offered on the way.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Collapse,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronUp,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconInfoCircle,
  IconPlayerPlay,
  IconRefresh,
  IconSearch,
  IconUpload,
} from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { defaultColumnHeaders } from '../../../features/employees/import.schema'
import { apiGet, ApiError, isAbortError, isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { formatNumber } from '../../format/date-time'
import { translateIfKnown } from '../../i18n/i18n'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { ListPagination } from '../../ui/list-pagination'
import { PageHeader } from '../../ui/page-header'
import { ProgressBlock } from '../../ui/progress-block'
import { ScrollableTable } from '../../ui/scrollable-table'
import { SectionCard } from '../../ui/section-card'
import { StatusBadge } from '../../ui/status-badge'
import {
  csvDataUrl,
  errorColumns,
  expectedColumns,
  hasMissingUnits,
  headerOf,
  initialChoice,
  isRunning,
  mappingOf,
  mayCommit,
  progressPercent,
  requiredColumns,
  rowErrorsCsv,
  templateCsv,
  type ColumnChoice,
  type EmployeeImportView,
  type ImportField,
  type ImportReport,
} from './employee-import-model'
import {
  exampleFilePath,
  importPath,
  startCommit,
  startDryRun,
  uploadImportFile,
  type RunImportRequest,
} from './employee-import.api'

const pollMilliseconds = 600
const errorsPerPage = 50
const notMapped = '__none__'

type Step = 'file' | 'check' | 'import'

export function EmployeeImportPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const [searchParams, setSearchParams] = useSearchParams()
  const importId = searchParams.get('impor')
  const [file, setFile] = useState<File | null>(null)
  const [uploadShare, setUploadShare] = useState<number | null>(null)
  const [view, setView] = useState<EmployeeImportView | null>(null)
  const [choice, setChoice] = useState<ColumnChoice>({})
  const [createMissingUnits, setCreateMissingUnits] = useState(false)
  /** The options of the latest dry run: the commit must use exactly these (null: check again first). */
  const [checkedWith, setCheckedWith] = useState<string | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [isStarting, setIsStarting] = useState(false)
  const [isConfirmOpen, setIsConfirmOpen] = useState(false)
  const [isMappingOpen, setIsMappingOpen] = useState(false)

  const adopt = (next: EmployeeImportView) => {
    setView(next)
    if (next.id !== importId) setSearchParams({ impor: next.id }, { replace: true })
  }

  // Coming back to /pegawai/impor?impor=… (a reload during a long run): pick the import up where it is.
  useEffect(() => {
    if (!importId || view?.id === importId) return
    const controller = new AbortController()
    apiGet<EmployeeImportView>(importPath(importId), { signal: controller.signal }).then(
      (restored) => {
        setView(restored)
        setChoice(initialChoice(restored))
      },
      (error: unknown) => {
        if (isAbortError(error)) return
        setSearchParams({}, { replace: true })
        if (isApiError(error) && error.code !== 'import.not_found') setFailure(error)
      },
    )
    return () => controller.abort()
    // Only when the address names another import.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [importId])

  // While a run is under way, ask for its progress until it is done.
  useEffect(() => {
    if (!view || !isRunning(view)) return
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      apiGet<EmployeeImportView>(importPath(view.id), { signal: controller.signal }).then(
        setView,
        (error: unknown) => {
          if (isAbortError(error)) return
          setFailure(isApiError(error) ? error : new ApiError(0, 'client.unexpected_response'))
        },
      )
    }, pollMilliseconds)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [view])

  const options = (): RunImportRequest => ({
    mapping: view ? mappingOf(view, choice) : {},
    createMissingUnits,
  })
  const optionsKey = JSON.stringify(options())

  const handleUpload = async () => {
    if (!file) return
    setFailure(null)
    setUploadShare(0)
    try {
      const uploaded = await uploadImportFile(file, {
        csrfToken: session.csrfToken,
        onProgress: setUploadShare,
      })
      adopt(uploaded)
      setChoice(initialChoice(uploaded))
      setCreateMissingUnits(false)
      setCheckedWith(null)
    } catch (error) {
      if (isAbortError(error)) return
      setFailure(isApiError(error) ? error : new ApiError(0, 'client.unexpected_response'))
    } finally {
      setUploadShare(null)
    }
  }

  const handleRun = async (mode: 'dry_run' | 'commit') => {
    if (!view) return
    setFailure(null)
    setIsStarting(true)
    try {
      const body = options()
      const started = mode === 'dry_run' ? await startDryRun(view.id, body) : await startCommit(view.id, body)
      if (mode === 'dry_run') setCheckedWith(JSON.stringify(body))
      setIsConfirmOpen(false)
      adopt(started)
    } catch (error) {
      if (!isApiError(error)) throw error
      setIsConfirmOpen(false)
      setFailure(error)
    } finally {
      setIsStarting(false)
    }
  }

  const handleStartOver = () => {
    setView(null)
    setFile(null)
    setFailure(null)
    setCheckedWith(null)
    setCreateMissingUnits(false)
    setIsMappingOpen(false)
    setSearchParams({}, { replace: true })
  }

  const report = view?.report ?? null
  const running = view !== null && isRunning(view)
  const committed = report?.committed === true
  const step: Step = !view ? 'file' : committed || view.mode === 'commit' ? 'import' : 'check'
  const cleanCheck = mayCommit(report) && checkedWith === optionsKey

  return (
    <>
      <PageHeader
        title={t('employees.import.title')}
        description={t('employees.import.description')}
        breadcrumbs={[
          { label: t('app.nav.area.home'), to: '/' },
          { label: t('app.nav.area.employees'), to: '/pegawai' },
          { label: t('employees.import.title') },
        ]}
      />
      <Stack gap="lg" maw={1100}>
        <StepList current={step} />
        {/* Once imported, the reassurance no longer holds: the summary below says what was written. */}
        {!committed && (
          <Alert variant="light" color="netra" icon={<IconInfoCircle aria-hidden />}>
            {t('employees.import.nothing_written')}
          </Alert>
        )}

        {failure && <ImportFailure error={failure} />}

        {!view && (
          <SectionCard title={t('employees.import.file_title')} id="impor-berkas">
            <Stack gap="md">
              <FileInput
                label={t('employees.import.file_label')}
                description={t('employees.import.file_help')}
                placeholder={t('employees.import.file_placeholder')}
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                value={file}
                onChange={(next) => {
                  setFile(next)
                  setFailure(null)
                }}
                leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                clearable
                clearButtonProps={{ 'aria-label': t('employees.import.file_clear') }}
                disabled={uploadShare !== null}
                maw={520}
              />
              {uploadShare !== null ? (
                <ProgressBlock label={t('employees.import.uploading')} percent={uploadShare * 100} />
              ) : (
                <Group>
                  <Button
                    leftSection={<IconUpload size={18} aria-hidden />}
                    onClick={() => void handleUpload()}
                    disabled={!file}
                  >
                    {t('employees.import.upload')}
                  </Button>
                </Group>
              )}
              <ExpectedColumns />
            </Stack>
          </SectionCard>
        )}

        {view && (
          <SectionCard
            title={t('employees.import.check_title')}
            id="impor-periksa"
            actions={
              !running ? (
                <Button variant="subtle" size="sm" onClick={handleStartOver}>
                  {t('employees.import.other_file')}
                </Button>
              ) : null
            }
          >
            <Stack gap="md">
              <Group gap="xs" wrap="wrap">
                <IconFileSpreadsheet size={20} aria-hidden />
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {view.fileName}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('employees.import.file_facts', {
                    type: view.fileType.toUpperCase(),
                    size: formatNumber(Math.max(1, Math.round(view.fileSize / 1024)), language),
                    columns: formatNumber(view.headers.length, language),
                  })}
                </Text>
              </Group>

              {!committed && view.mode !== 'commit' && (
                <>
                  <div>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setIsMappingOpen((open) => !open)}
                      aria-expanded={isMappingOpen}
                      aria-controls="impor-pencocokan"
                      rightSection={
                        isMappingOpen ? (
                          <IconChevronUp size={16} aria-hidden />
                        ) : (
                          <IconChevronDown size={16} aria-hidden />
                        )
                      }
                      disabled={running}
                    >
                      {t('employees.import.mapping_toggle')}
                    </Button>
                  </div>
                  <Collapse expanded={isMappingOpen} id="impor-pencocokan">
                    <ColumnMapping view={view} choice={choice} onChange={setChoice} disabled={running} />
                  </Collapse>
                  {(hasMissingUnits(report) || createMissingUnits) && (
                    <Checkbox
                      label={t('employees.import.create_missing_units')}
                      description={t('employees.import.create_missing_units_help')}
                      checked={createMissingUnits}
                      onChange={(event) => setCreateMissingUnits(event.currentTarget.checked)}
                      disabled={running}
                    />
                  )}
                </>
              )}

              {running && <RunProgress view={view} />}

              {!running && !committed && view.mode !== 'commit' && (
                <Group gap="sm">
                  <Button
                    variant={report ? 'default' : 'filled'}
                    leftSection={
                      report ? <IconRefresh size={18} aria-hidden /> : <IconSearch size={18} aria-hidden />
                    }
                    onClick={() => void handleRun('dry_run')}
                    loading={isStarting}
                  >
                    {report ? t('employees.import.check_again') : t('employees.import.check')}
                  </Button>
                  {report && checkedWith !== optionsKey && (
                    <Text size="sm">{t('employees.import.options_changed')}</Text>
                  )}
                </Group>
              )}

              {view.progress.phase === 'failed' && view.failure && <RunFailure failure={view.failure} />}

              {!running && report && <ReportView report={report} />}

              {!running && report && report.dryRun && cleanCheck && (
                <Paper withBorder radius="md" p="md">
                  <Stack gap="sm" align="flex-start">
                    <Text>{t('employees.import.commit_help')}</Text>
                    <Button
                      leftSection={<IconPlayerPlay size={18} aria-hidden />}
                      onClick={() => setIsConfirmOpen(true)}
                    >
                      {t('employees.import.commit')}
                    </Button>
                  </Stack>
                </Paper>
              )}
              {!running && report && report.dryRun && report.errorCount > 0 && (
                <Text>{t('employees.import.fix_and_upload')}</Text>
              )}
            </Stack>
          </SectionCard>
        )}

        {committed && report && <CommitSummary report={report} onAnother={handleStartOver} />}
      </Stack>

      {isConfirmOpen && report?.changes && (
        <ConfirmModal
          opened
          title={t('employees.import.confirm_title')}
          confirmLabel={t('employees.import.confirm')}
          isPending={isStarting}
          onConfirm={() => void handleRun('commit')}
          onClose={() => setIsConfirmOpen(false)}
        >
          <Stack gap="xs">
            <Text>{t('employees.import.confirm_body', { rows: formatNumber(report.rows, language) })}</Text>
            <ChangesList changes={report.changes} />
          </Stack>
        </ConfirmModal>
      )}
    </>
  )
}

function StepList({ current }: { readonly current: Step }) {
  const { t } = useTranslation()
  const steps: Step[] = ['file', 'check', 'import']
  const index = steps.indexOf(current)
  return (
    <Group
      component="ol"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={t('employees.import.steps')}
    >
      {steps.map((step, position) => (
        <li key={step} aria-current={step === current ? 'step' : undefined}>
          <Badge
            size="lg"
            radius="sm"
            tt="none"
            variant={step === current ? 'filled' : 'light'}
            color={position < index ? 'green' : 'netra'}
            leftSection={position < index ? <IconCircleCheck size={14} aria-hidden /> : undefined}
          >
            {t('employees.import.step', {
              number: position + 1,
              name: t(`employees.import.step_name.${step}`),
            })}
          </Badge>
        </li>
      ))}
    </Group>
  )
}

/** The columns the import reads without any mapping, and where to get a template. */
function ExpectedColumns() {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('employees.import.columns_title')}
      </Title>
      <Text size="sm">{t('employees.import.columns_help')}</Text>
      <ScrollableTable label={t('employees.import.columns_caption')} minWidth={560}>
        <Table aria-label={t('employees.import.columns_caption')} verticalSpacing={6} className="netra-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('employees.import.column_header')}</Table.Th>
              <Table.Th scope="col">{t('employees.import.column_field')}</Table.Th>
              <Table.Th scope="col">{t('employees.import.column_also')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {expectedColumns.map((field) => (
              <Table.Tr key={field}>
                <Table.Td>
                  <Text span ff="monospace" size="sm" fw={600}>
                    {headerOf(field)}
                  </Text>
                  {requiredColumns.has(field) && (
                    <Text span size="xs" c="red.8" ml={6}>
                      {t('employees.import.required')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`employees.field.${field}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {defaultColumnHeaders[field].slice(1).join(', ') || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
      <Group gap="md">
        <Anchor href={csvDataUrl(templateCsv())} download="template-impor-pegawai.csv" size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {t('employees.import.template')}
          </Group>
        </Anchor>
        <Anchor href={exampleFilePath} download="pegawai-contoh.xlsx" size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconFileSpreadsheet size={16} aria-hidden />
            {t('employees.import.example')}
          </Group>
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t('employees.import.example_help')}
      </Text>
    </Stack>
  )
}

interface ColumnMappingProps {
  readonly view: EmployeeImportView
  readonly choice: ColumnChoice
  readonly onChange: (choice: ColumnChoice) => void
  readonly disabled: boolean
}

/** Which header of the file each field is read from; the server's guess first, "not imported" allowed. */
function ColumnMapping({ view, choice, onChange, disabled }: ColumnMappingProps) {
  const { t } = useTranslation()
  const headerOptions = [
    { value: notMapped, label: t('employees.import.not_imported') },
    ...[...new Set(view.headers.filter((header) => header.trim() !== ''))].map((header) => ({
      value: header,
      label: header,
    })),
  ]
  const used = new Set(Object.values(choice).filter(Boolean))
  const unused = view.headers.filter((header) => header.trim() !== '' && !used.has(header))
  return (
    <Stack gap="sm" pt="xs">
      <Text size="sm">{t('employees.import.mapping_help')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {expectedColumns.map((field: ImportField) => (
          <Select
            key={field}
            label={t(`employees.field.${field}`)}
            description={t('employees.import.mapping_default', { header: headerOf(field) })}
            data={headerOptions}
            value={choice[field] ?? notMapped}
            onChange={(value) =>
              onChange({ ...choice, [field]: !value || value === notMapped ? null : value })
            }
            allowDeselect={false}
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </SimpleGrid>
      {unused.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('employees.import.unused_columns', { columns: unused.join(', ') })}
        </Text>
      )}
    </Stack>
  )
}

function RunProgress({ view }: { readonly view: EmployeeImportView }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const { progress } = view
  const phase =
    progress.phase === 'writing' ? 'writing' : progress.phase === 'validating' ? 'validating' : 'reading'
  const detail =
    phase === 'reading'
      ? t('employees.import.progress_rows_read', { rows: formatNumber(progress.rowsRead, language) })
      : t('employees.import.progress_rows', {
          done: formatNumber(progress.rowsDone, language),
          total: formatNumber(progress.rowsTotal ?? progress.rowsRead, language),
        })
  return (
    <ProgressBlock
      label={t(`employees.import.phase.${phase}`)}
      percent={progressPercent(progress)}
      detail={detail}
    />
  )
}

function ReportView({ report }: { readonly report: ImportReport }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const clean = report.errorCount === 0
  const summary = t('employees.import.summary', {
    rows: formatNumber(report.rows, language),
    valid: formatNumber(report.valid, language),
    invalid: formatNumber(report.invalidRows, language),
  })
  return (
    <Stack gap="md" component="section" aria-label={t('employees.import.report_label')}>
      {clean ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} title={t('employees.import.clean_title')}>
          <Stack gap="xs">
            <Text size="sm">{summary}</Text>
            {report.changes && report.dryRun && (
              <>
                <Text size="sm">{t('employees.import.would_change')}</Text>
                <ChangesList changes={report.changes} />
              </>
            )}
          </Stack>
        </Alert>
      ) : (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('employees.import.problems_title', {
            count: report.invalidRows,
            formatted: formatNumber(report.invalidRows, language),
          })}
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">{summary}</Text>
            <Text size="sm">
              {report.dryRun ? t('employees.import.problems_help') : t('employees.import.commit_refused')}
            </Text>
          </Stack>
        </Alert>
      )}
      {!clean && <RowErrors report={report} />}
    </Stack>
  )
}

function ChangesList({ changes }: { readonly changes: NonNullable<ImportReport['changes']> }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  return (
    <List size="sm" spacing={2}>
      <List.Item>
        {t('employees.import.changes.created', {
          count: changes.created,
          formatted: formatNumber(changes.created, language),
        })}
      </List.Item>
      <List.Item>
        {t('employees.import.changes.updated', {
          count: changes.updated,
          formatted: formatNumber(changes.updated, language),
        })}
      </List.Item>
      <List.Item>
        {t('employees.import.changes.unchanged', {
          count: changes.unchanged,
          formatted: formatNumber(changes.unchanged, language),
        })}
      </List.Item>
      {changes.unitsCreated > 0 && (
        <List.Item>
          {t('employees.import.changes.units_created', {
            count: changes.unitsCreated,
            formatted: formatNumber(changes.unitsCreated, language),
          })}
        </List.Item>
      )}
    </List>
  )
}

/** Every row problem (row, column, reason), filterable by column and text, downloadable to fix the file with. */
function RowErrors({ report }: { readonly report: ImportReport }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const [column, setColumn] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const columns = useMemo(() => errorColumns(report.errors), [report.errors])
  const needle = search.trim().toLowerCase()
  const shown = report.errors.filter(
    (error) =>
      (column === null || error.column === column) &&
      (needle === '' || error.message.toLowerCase().includes(needle) || String(error.row) === needle),
  )
  const pages = Math.max(1, Math.ceil(shown.length / errorsPerPage))
  const current = Math.min(page, pages)
  const rows = shown.slice((current - 1) * errorsPerPage, current * errorsPerPage)
  const csv = useMemo(
    () =>
      rowErrorsCsv(report.errors, [
        t('employees.import.errors.row'),
        t('employees.import.errors.column'),
        t('employees.import.errors.code'),
        t('employees.import.errors.message'),
      ]),
    [report.errors, t],
  )

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('employees.import.errors.column_filter')}
            placeholder={t('employees.import.errors.all_columns')}
            data={columns}
            value={column}
            onChange={(value) => {
              setColumn(value)
              setPage(1)
            }}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            label={t('employees.import.errors.search')}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value)
              setPage(1)
            }}
            leftSection={<IconSearch size={16} aria-hidden />}
            w={{ base: '100%', xs: 260 }}
          />
        </Group>
        <Anchor href={csvDataUrl(csv)} download="masalah-impor-pegawai.csv" size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {t('employees.import.errors.download')}
          </Group>
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('employees.import.errors.count', {
          shown: formatNumber(shown.length, language),
          total: formatNumber(report.errorCount, language),
        })}
        {report.errorsTruncated ? ` ${t('employees.import.errors.truncated')}` : ''}
      </Text>
      <ScrollableTable label={t('employees.import.errors.caption')} minWidth={620}>
        <Table
          stickyHeader
          aria-label={t('employees.import.errors.caption')}
          striped
          verticalSpacing="xs"
          className="netra-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('employees.import.errors.row')}</Table.Th>
              <Table.Th scope="col">{t('employees.import.errors.column')}</Table.Th>
              <Table.Th scope="col">{t('employees.import.errors.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((error, index) => (
              <Table.Tr key={`${error.row}-${error.column}-${error.code}-${index}`}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{error.row}</Table.Td>
                <Table.Td>
                  <Text span ff="monospace" size="sm">
                    {error.column}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{error.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollableTable>
      <ListPagination pageCount={pages} page={current} onChange={setPage} />
    </Stack>
  )
}

function CommitSummary({
  report,
  onAnother,
}: {
  readonly report: ImportReport
  readonly onAnother: () => void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  return (
    <SectionCard title={t('employees.import.done_title')} id="impor-selesai">
      <Stack gap="md">
        <Group gap="xs">
          <StatusBadge tone="done" label={t('employees.import.done_badge')} />
          <Text>{t('employees.import.done', { rows: formatNumber(report.rows, language) })}</Text>
        </Group>
        {report.changes && <ChangesList changes={report.changes} />}
        <Group gap="sm">
          <Button component={Link} to="/pegawai">
            {t('employees.import.to_list')}
          </Button>
          <Button component={Link} to="/unit-kerja" variant="default">
            {t('employees.import.to_units')}
          </Button>
          <Button variant="subtle" onClick={onAnother}>
            {t('employees.import.another')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  )
}

/** Why the file could not be uploaded or a run could not start, in words (unreadable files say why). */
function ImportFailure({ error }: { readonly error: ApiError }) {
  const { t } = useTranslation()
  const reason = typeof error.details.reason === 'string' ? error.details.reason : null
  const message =
    error.code === 'import.file_unreadable' && reason
      ? translateIfKnown(`employees.import.unreadable.${reason}`, describeError(error))
      : error.code === 'request.too_large'
        ? t('employees.import.too_large')
        : describeError(error)
  return <ErrorAlert title={t('employees.import.failed_title')} message={message} />
}

function RunFailure({ failure }: { readonly failure: NonNullable<EmployeeImportView['failure']> }) {
  const { t } = useTranslation()
  const reason = typeof failure.details.reason === 'string' ? failure.details.reason : null
  const message =
    failure.code === 'import.file_unreadable' && reason
      ? translateIfKnown(`employees.import.unreadable.${reason}`, t('errors.import.file_unreadable'))
      : reason === 'interrupted'
        ? t('employees.import.interrupted')
        : translateIfKnown(`errors.${failure.code}`, t('errors.internal'))
  return <ErrorAlert title={t('employees.import.run_failed_title')} message={message} />
}
