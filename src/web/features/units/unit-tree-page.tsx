/**
 * /unit-kerja — the agency's unit tree (a unit admin sees their own subtree): search by name or code, employee
 * counts per unit and per subtree, kinds in words, inactive units marked on request. Choosing a unit shows its
 * details beside the tree, where those who manage it add sub-units, change, move, deactivate or reactivate it.
 */
import './units.css'
import {
  Box,
  Button,
  Checkbox,
  CloseButton,
  EmptyState,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconFolderPlus, IconSearch, IconSitemap } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { canAdministerAgency } from '../../../domain/access'
import { isApiError } from '../../api/client'
import { describeError } from '../../api/error-messages'
import { useApiQuery } from '../../api/use-api-query'
import { formatNumber } from '../../format/date-time'
import { actorOf, mayUse } from '../../session/actor'
import { useSession } from '../../session/session-context'
import { ConfirmModal } from '../../ui/confirm-modal'
import { ErrorAlert } from '../../ui/error-alert'
import { LoaderBlock } from '../../ui/full-page-loader'
import { notifySuccess } from '../../ui/notify'
import { PageHeader } from '../../ui/page-header'
import { buildUnitForest, filterUnits, parentIds, scopeSize, visibleRows, ancestorIds } from './unit-forest'
import { UnitFormModal, type UnitFormMode } from './unit-form-modal'
import { UnitMoveModal } from './unit-move-modal'
import { UnitPanel, type UnitAction } from './unit-panel'
import { UnitTreeView } from './unit-tree-view'
import { deactivateUnit, reactivateUnit, unitTreePath, type UnitDetail, type UnitTree } from './units.api'

type Dialog =
  | { readonly kind: 'form'; readonly mode: UnitFormMode }
  | { readonly kind: 'move'; readonly unit: UnitDetail }
  | { readonly kind: 'deactivate' | 'reactivate'; readonly unit: UnitDetail }

export function UnitTreePage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'id'
  const session = useSession()
  const [searchParams, setSearchParams] = useSearchParams()
  const selectedId = searchParams.get('unit')
  const includeInactive = searchParams.get('nonaktif') === '1'
  const [search, setSearch] = useState(searchParams.get('q') ?? '')
  const [query] = useDebouncedValue(search.trim(), 200)
  const tree = useApiQuery<UnitTree>(unitTreePath({ includeInactive }))
  const items = useMemo(() => tree.latestData?.items ?? [], [tree.latestData])
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null)
  // While searching, every result starts open; what the user opens or closes then holds for that search only.
  const [searchExpanded, setSearchExpanded] = useState<{ query: string; ids: ReadonlySet<string> } | null>(
    null,
  )
  const [focusedId, setFocusedId] = useState<string | null>(selectedId)
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [panelVersion, setPanelVersion] = useState(0)
  const [isRunning, setIsRunning] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const panelRef = useRef<HTMLDivElement>(null)

  const mayManage = mayUse(session, 'roster.manage')
  const agencyId = tree.latestData?.agencyId ?? session.agency?.id ?? null
  const isAgencyAdmin = agencyId !== null && canAdministerAgency(actorOf(session), agencyId)

  const fullForest = useMemo(() => buildUnitForest(items), [items])
  const filtered = useMemo(() => filterUnits(items, query), [items, query])
  const forest = useMemo(() => buildUnitForest(filtered.items), [filtered.items])
  const scope = useMemo(() => scopeSize(items), [items])

  // Nothing chosen yet: one top unit (a unit admin's subtree) starts open, and so do the units above a chosen one.
  const defaultExpanded = useMemo(() => {
    const open = new Set<string>()
    if (fullForest.roots.length === 1 && fullForest.roots[0]) open.add(fullForest.roots[0])
    if (selectedId) for (const id of ancestorIds(fullForest, selectedId)) open.add(id)
    return open
    // Only when the tree arrives, not on every choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fullForest])
  const isSearching = query !== ''
  const openIds = isSearching
    ? searchExpanded?.query === query
      ? searchExpanded.ids
      : parentIds(forest)
    : (expanded ?? defaultExpanded)
  const rows = useMemo(() => visibleRows(forest, openIds), [forest, openIds])

  const updateParams = (next: { unit?: string | null; q?: string; nonaktif?: boolean }) => {
    const params = new URLSearchParams(searchParams)
    const apply = (key: string, value: string | null | undefined) => {
      if (value) params.set(key, value)
      else params.delete(key)
    }
    if ('unit' in next) apply('unit', next.unit)
    if ('q' in next) apply('q', next.q)
    if ('nonaktif' in next) apply('nonaktif', next.nonaktif ? '1' : null)
    setSearchParams(params, { replace: true })
  }

  const handleToggle = (unitId: string, expand: boolean) => {
    const next = new Set(openIds)
    if (expand) next.add(unitId)
    else next.delete(unitId)
    if (isSearching) setSearchExpanded({ query, ids: next })
    else setExpanded(next)
  }

  const handleSearch = (value: string) => {
    setSearch(value)
    updateParams({ q: value.trim() })
  }

  const handleSelect = (unitId: string) => {
    updateParams({ unit: unitId })
  }

  const refresh = () => {
    tree.reload()
    setPanelVersion((version) => version + 1)
  }

  const handleSaved = (unit: UnitDetail, message: string, showInactive = includeInactive) => {
    setDialog(null)
    notifySuccess(t('units.done_title'), message)
    // Show the unit where it now sits.
    setExpanded(new Set([...(expanded ?? defaultExpanded), ...unit.breadcrumb.map((crumb) => crumb.id)]))
    updateParams({ unit: unit.id, nonaktif: showInactive })
    setFocusedId(unit.id)
    refresh()
  }

  const handleAction = (action: UnitAction, unit: UnitDetail) => {
    setActionError(null)
    switch (action) {
      case 'create_child':
        setDialog({
          kind: 'form',
          mode: { kind: 'create', parent: fullForest.byId.get(unit.id) ?? null },
        })
        break
      case 'edit':
        setDialog({ kind: 'form', mode: { kind: 'edit', unit } })
        break
      case 'move':
        setDialog({ kind: 'move', unit })
        break
      case 'deactivate':
      case 'reactivate':
        setDialog({ kind: action, unit })
        break
    }
  }

  const runStatusChange = async (kind: 'deactivate' | 'reactivate', unit: UnitDetail) => {
    setIsRunning(true)
    setActionError(null)
    try {
      const changed = kind === 'deactivate' ? await deactivateUnit(unit.id) : await reactivateUnit(unit.id)
      // A deactivated unit would disappear from the tree unless inactive units are shown: show them.
      handleSaved(
        changed,
        t(`units.status_change.${kind}_done`, { name: unit.name }),
        includeInactive || kind === 'deactivate',
      )
    } catch (error) {
      if (!isApiError(error)) throw error
      setActionError(describeError(error))
    } finally {
      setIsRunning(false)
    }
  }

  const createButton = mayManage ? (
    <Button
      leftSection={<IconFolderPlus size={18} aria-hidden />}
      onClick={() =>
        setDialog({
          kind: 'form',
          mode: { kind: 'create', parent: selectedId ? (fullForest.byId.get(selectedId) ?? null) : null },
        })
      }
      disabled={!tree.latestData}
    >
      {t('units.page.create')}
    </Button>
  ) : null

  const selectedVisible = selectedId !== null && fullForest.byId.has(selectedId)

  // On phones the details sit above the tree: bring them into view when a unit is chosen further down.
  useEffect(() => {
    if (!selectedVisible || !window.matchMedia('(max-width: 61.99em)').matches) return
    panelRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [selectedId, selectedVisible])

  return (
    <>
      <PageHeader
        title={t('units.page.title')}
        description={t('units.page.description')}
        actions={createButton}
      />
      <Stack gap="md">
        {tree.error && <ErrorAlert message={describeError(tree.error)} onRetry={tree.reload} />}
        {!tree.latestData && !tree.error && <LoaderBlock />}

        {tree.latestData && items.length === 0 && (
          <EmptyState
            icon={<IconSitemap size={40} aria-hidden />}
            withIndicatorBackground
            title={t('units.page.empty_title')}
            description={mayManage ? t('units.page.empty') : t('units.page.empty_reader')}
          >
            {mayManage && isAgencyAdmin && (
              <EmptyState.Actions>
                <Button
                  onClick={() => setDialog({ kind: 'form', mode: { kind: 'create', parent: null } })}
                  leftSection={<IconFolderPlus size={18} aria-hidden />}
                >
                  {t('units.page.create_first')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}

        {tree.latestData && items.length > 0 && (
          <>
            <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
              <Group align="flex-end" gap="md" wrap="wrap">
                <TextInput
                  label={t('units.page.search')}
                  description={t('units.page.search_help')}
                  type="search"
                  value={search}
                  onChange={(event) => handleSearch(event.currentTarget.value)}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  rightSection={
                    search ? (
                      <CloseButton
                        aria-label={t('units.page.clear_search')}
                        onClick={() => handleSearch('')}
                        size="sm"
                      />
                    ) : null
                  }
                  w={{ base: '100%', sm: 340 }}
                />
                <Checkbox
                  label={t('units.page.include_inactive')}
                  checked={includeInactive}
                  onChange={(event) => updateParams({ nonaktif: event.currentTarget.checked })}
                  mb={8}
                />
              </Group>
              <Group gap="xs">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => setExpanded(parentIds(fullForest))}
                  disabled={isSearching}
                >
                  {t('units.page.expand_all')}
                </Button>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => setExpanded(new Set())}
                  disabled={isSearching}
                >
                  {t('units.page.collapse_all')}
                </Button>
              </Group>
            </Group>

            <Text size="sm" c="dimmed" aria-live="polite">
              {isSearching
                ? t('units.page.search_result', {
                    count: filtered.matchIds.size,
                    formatted: formatNumber(filtered.matchIds.size, language),
                  })
                : t('units.page.scope', {
                    units: formatNumber(scope.units, language),
                    employees: formatNumber(scope.employees, language),
                  })}
            </Text>

            <Grid gap="md" align="flex-start">
              <Grid.Col span={{ base: 12, md: selectedVisible ? 7 : 12 }} order={{ base: 2, md: 1 }}>
                <Paper withBorder radius="md" p="xs">
                  {rows.length === 0 ? (
                    <EmptyState
                      icon={<IconSearch size={36} aria-hidden />}
                      withIndicatorBackground
                      title={t('units.page.no_match_title')}
                      description={t('units.page.no_match', { q: query })}
                    >
                      <EmptyState.Actions>
                        <Button variant="default" onClick={() => handleSearch('')}>
                          {t('units.page.clear_search')}
                        </Button>
                      </EmptyState.Actions>
                    </EmptyState>
                  ) : (
                    <UnitTreeView
                      label={t('units.tree.label')}
                      rows={rows}
                      selectedId={selectedId}
                      focusedId={focusedId}
                      onFocusChange={setFocusedId}
                      onSelect={handleSelect}
                      onToggle={handleToggle}
                      highlightMatches={isSearching}
                    />
                  )}
                </Paper>
                <Text size="xs" c="dimmed" mt="xs">
                  {t('units.tree.keyboard_help')}
                </Text>
              </Grid.Col>
              {selectedVisible && selectedId && (
                <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
                  <Box
                    ref={panelRef}
                    style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + 8px)' }}
                  >
                    <UnitPanel
                      unitId={selectedId}
                      version={panelVersion}
                      mayManage={mayManage}
                      onAction={handleAction}
                      onClose={() => {
                        updateParams({ unit: null })
                        document.getElementById(`unit-tree-${selectedId}`)?.focus()
                      }}
                    />
                  </Box>
                </Grid.Col>
              )}
            </Grid>
          </>
        )}
      </Stack>

      {dialog?.kind === 'form' && (
        <UnitFormModal
          mode={dialog.mode}
          units={items}
          mayCreateTopLevel={isAgencyAdmin}
          onClose={() => setDialog(null)}
          onSaved={(unit) =>
            handleSaved(
              unit,
              dialog.mode.kind === 'edit'
                ? t('units.form.saved', { name: unit.name })
                : t('units.form.created', { name: unit.name }),
            )
          }
        />
      )}
      {dialog?.kind === 'move' && (
        <UnitMoveModal
          unit={dialog.unit}
          units={items}
          mayMoveToTop={isAgencyAdmin}
          onClose={() => setDialog(null)}
          onMoved={(unit) => handleSaved(unit, t('units.move.done', { name: unit.name }))}
        />
      )}
      {(dialog?.kind === 'deactivate' || dialog?.kind === 'reactivate') && (
        <ConfirmModal
          opened
          title={t(`units.status_change.${dialog.kind}_title`, { name: dialog.unit.name })}
          confirmLabel={t(`units.status_change.${dialog.kind}_confirm`)}
          isDestructive={dialog.kind === 'deactivate'}
          isPending={isRunning}
          error={actionError}
          onConfirm={() => void runStatusChange(dialog.kind, dialog.unit)}
          onClose={() => setDialog(null)}
        >
          {dialog.kind === 'deactivate'
            ? t('units.status_change.deactivate_body', {
                name: dialog.unit.name,
                children: formatNumber(dialog.unit.childCount, language),
                employees: formatNumber(dialog.unit.subtreeEmployeeCount, language),
              })
            : t('units.status_change.reactivate_body', { name: dialog.unit.name })}
        </ConfirmModal>
      )}
    </>
  )
}
