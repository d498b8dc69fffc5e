/**
 * The five steps of the public report form. Each step only shows and edits its part of the draft; the
 * wizard (report-wizard.tsx) keeps the draft, checks a step before moving on and shows the messages here.
 */
import { useMemo, useState, type ChangeEvent } from 'react'
import {
  addFiles,
  descriptionMax,
  descriptionMin,
  displayNip,
  fileAccept,
  formatFileSize,
  maxFiles,
  maxLinksPerList,
  type FieldErrors,
  type Message,
  type ReportDraft,
  unsureCategory,
} from './report-form-model'
import { useI18n, type Translate } from './public-i18n'
import { describedBy, FieldError, FieldFrame, SearchField, TextField, type SearchOption } from './public-ui'
import {
  searchRegions,
  searchUnits,
  type IdentityLevel,
  type ReportFormInfo,
  type ViolationCategory,
} from './reports-public.api'

export interface StepProps {
  readonly draft: ReportDraft
  readonly update: (patch: Partial<ReportDraft>) => void
  readonly errors: FieldErrors
}

/** The DOM id of a form field (`personLinks.1` → `lp-personLinks-1`); errors focus it. */
export const fieldId = (field: string) => `lp-${field.replace(/\./g, '-')}`

export const messageText = (t: Translate, message: Message | undefined): string | undefined =>
  message ? t(message.key, message.params) : undefined

const useFieldError = (errors: FieldErrors) => {
  const { t } = useI18n()
  return (field: string) => messageText(t, errors[field])
}

function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

interface CategoryGroup {
  readonly group: string
  readonly groupName: string
  readonly items: ViolationCategory[]
}

/** Everyday words people type for what the catalogue says in legal terms. */
const searchSynonyms: Readonly<Record<string, readonly string[]>> = {
  medsos: ['media sosial', 'posting', 'share', 'online'],
  sosmed: ['media sosial', 'posting', 'share', 'online'],
  unggahan: ['posting', 'mengunggah', 'share'],
  membagikan: ['share', 'posting'],
  uang: ['politik uang', 'uang', 'pemberian'],
  spanduk: ['spanduk', 'baliho', 'alat peraga'],
}

function groupCategories(categories: readonly ViolationCategory[], filter: string): CategoryGroup[] {
  const words = normalised(filter).split(/\s+/).filter(Boolean)
  const matches = (haystack: string, word: string) =>
    haystack.includes(word) || (searchSynonyms[word] ?? []).some((synonym) => haystack.includes(synonym))
  const groups = new Map<string, CategoryGroup>()
  for (const category of categories) {
    const haystack = normalised([category.name, category.description, ...category.examples].join(' '))
    if (!words.every((word) => matches(haystack, word))) continue
    let group = groups.get(category.group)
    if (!group) {
      group = { group: category.group, groupName: category.groupName, items: [] }
      groups.set(category.group, group)
    }
    group.items.push(category)
  }
  return [...groups.values()]
}

export function WhatStep({
  draft,
  update,
  errors,
  categories,
  categoriesFailed,
  onRetryCategories,
}: StepProps & {
  readonly categories: readonly ViolationCategory[] | null
  readonly categoriesFailed: boolean
  readonly onRetryCategories: () => void
}) {
  const { t, language } = useI18n()
  const errorOf = useFieldError(errors)
  const [filter, setFilter] = useState('')
  const groups = useMemo(() => groupCategories(categories ?? [], filter), [categories, filter])
  const categoryError = errorOf('category')
  const errorIds = categoryError ? ` ${fieldId('category')}-error` : ''
  const length = draft.description.trim().length
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID')

  const radio = (value: string, label: string, description: string, example?: string) => {
    const id = value === unsureCategory ? fieldId('category') : `lp-category-${value}`
    return (
      <div className="lp-choice" key={value}>
        <input
          type="radio"
          id={id}
          name="category"
          value={value}
          checked={draft.category === value}
          onChange={() => update({ category: value })}
          aria-describedby={`${id}-desc${errorIds}`}
        />
        <label htmlFor={id}>
          <span className="lp-choice-title">{label}</span>
          <span className="lp-choice-text" id={`${id}-desc`}>
            {description}
            {example ? <span className="lp-choice-example"> {t('what.example', { example })}</span> : null}
          </span>
        </label>
      </div>
    )
  }

  return (
    <>
      <fieldset
        className="lp-fieldset"
        aria-describedby={categoryError ? `${fieldId('category')}-error` : undefined}
      >
        <legend className="lp-label">
          {t('what.category')} <span className="lp-required">({t('common.required_mark')})</span>
        </legend>
        <p className="lp-hint">{t('what.category_hint')}</p>
        {radio(unsureCategory, t('what.unsure'), t('what.unsure_hint'))}
        {categoriesFailed ? (
          <p className="lp-hint">
            {t('what.categories_failed')}{' '}
            <button type="button" className="lp-link-button" onClick={onRetryCategories}>
              {t('common.retry')}
            </button>
          </p>
        ) : categories === null ? (
          <p className="lp-hint" role="status">
            {t('common.loading')}
          </p>
        ) : (
          <>
            <div className="lp-field lp-filter">
              <label className="lp-label-small" htmlFor="lp-category-filter">
                {t('what.filter')}
              </label>
              <input
                id="lp-category-filter"
                className="lp-input"
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                aria-describedby="lp-category-filter-count"
              />
              <p className="lp-hint" id="lp-category-filter-count" role="status">
                {t('what.filter_count', {
                  count: groups.reduce((sum, group) => sum + group.items.length, 0),
                })}
              </p>
            </div>
            {groups.map((group) => (
              <div key={group.group} className="lp-group">
                <h3 className="lp-group-title">{group.groupName}</h3>
                {group.items.map((category) =>
                  radio(category.code, category.name, category.description, category.examples[0]),
                )}
              </div>
            ))}
          </>
        )}
        <FieldError id={fieldId('category')} message={categoryError} />
      </fieldset>

      <FieldFrame
        id={fieldId('description')}
        label={t('what.description')}
        hint={
          <>
            {t('what.description_hint', { min: descriptionMin })}{' '}
            <span className="lp-counter">
              {t('what.counter', { length: number.format(length), max: number.format(descriptionMax) })}
            </span>
          </>
        }
        error={errorOf('description')}
        required
      >
        <textarea
          id={fieldId('description')}
          className="lp-input lp-textarea"
          rows={7}
          value={draft.description}
          maxLength={descriptionMax + 500}
          onChange={(event) => update({ description: event.target.value })}
          aria-required
          {...describedBy(fieldId('description'), true, Boolean(errorOf('description')))}
        />
      </FieldFrame>
    </>
  )
}

function LinkRows({
  field,
  label,
  hint,
  links,
  onLinks,
  errors,
}: {
  readonly field: 'personLinks' | 'evidenceLinks'
  readonly label: string
  readonly hint: string
  readonly links: readonly string[]
  readonly onLinks: (links: string[]) => void
  readonly errors: FieldErrors
}) {
  const { t } = useI18n()
  const errorOf = useFieldError(errors)
  return (
    <fieldset className="lp-fieldset">
      <legend className="lp-label">
        {label} <span className="lp-optional">({t('common.optional_mark')})</span>
      </legend>
      <p className="lp-hint" id={`${fieldId(field)}-hint`}>
        {hint}
      </p>
      {links.map((link, index) => {
        const id = fieldId(`${field}.${index}`)
        const error = errorOf(`${field}.${index}`)
        return (
          <div className="lp-field" key={index} data-invalid={error ? true : undefined}>
            <label className="lp-label-small" htmlFor={id}>
              {t('common.link_number', { number: index + 1 })}
            </label>
            <div className="lp-row">
              <input
                id={id}
                className="lp-input"
                type="url"
                inputMode="url"
                placeholder="https://"
                value={link}
                onChange={(event) =>
                  onLinks(links.map((value, i) => (i === index ? event.target.value : value)))
                }
                aria-describedby={[`${fieldId(field)}-hint`, error ? `${id}-error` : '']
                  .filter(Boolean)
                  .join(' ')}
                {...(error ? { 'aria-invalid': true } : {})}
              />
              {links.length > 1 ? (
                <button
                  type="button"
                  className="lp-button lp-button-quiet"
                  onClick={() => onLinks(links.filter((_value, i) => i !== index))}
                  aria-label={t('common.remove_link', { number: index + 1 })}
                >
                  {t('common.remove')}
                </button>
              ) : null}
            </div>
            <FieldError id={id} message={error} />
          </div>
        )
      })}
      {links.length < maxLinksPerList ? (
        <button
          type="button"
          className="lp-button lp-button-secondary"
          onClick={() => onLinks([...links, ''])}
        >
          {t('common.add_link')}
        </button>
      ) : null}
    </fieldset>
  )
}

export function WhoStep({
  draft,
  update,
  errors,
  form,
}: StepProps & { readonly form: ReportFormInfo | null }) {
  const { t } = useI18n()
  const errorOf = useFieldError(errors)
  const agencies = form?.agencies ?? []
  const agency = agencies.find((a) => a.slug === draft.agencySlug) ?? agencies[0]

  const searchUnitOptions = async (query: string, signal: AbortSignal): Promise<SearchOption[]> => {
    if (!agency) return []
    const { items } = await searchUnits(agency.slug, query, signal)
    return items.map((unit) => ({ value: unit.id, label: unit.name, detail: unit.parentName }))
  }

  return (
    <>
      <TextField
        id={fieldId('personName')}
        label={t('who.name')}
        hint={t('who.name_hint')}
        error={errorOf('personName')}
        value={draft.personName}
        onValue={(personName) => update({ personName })}
        autoComplete="off"
      />
      {agencies.length > 1 ? (
        <FieldFrame id={fieldId('agencySlug')} label={t('who.agency')} error={errorOf('agencySlug')} required>
          <select
            id={fieldId('agencySlug')}
            className="lp-input"
            value={agency?.slug ?? ''}
            onChange={(event) => update({ agencySlug: event.target.value, unitId: null, unitName: '' })}
            {...describedBy(fieldId('agencySlug'), false, Boolean(errorOf('agencySlug')))}
          >
            {agencies.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </FieldFrame>
      ) : agency ? (
        <div className="lp-field">
          <p className="lp-label">{t('who.agency')}</p>
          <p>{agency.name}</p>
        </div>
      ) : null}
      <SearchField
        id={fieldId('unitName')}
        label={t('who.unit')}
        hint={t('who.unit_hint')}
        error={errorOf('unitName')}
        text={draft.unitName}
        onText={(unitName) => update({ unitName, unitId: null })}
        onPick={(option) => update({ unitName: option.label, unitId: option.value })}
        search={searchUnitOptions}
        noMatchText={t('who.unit_no_match')}
      />
      <TextField
        id={fieldId('nip')}
        label={t('who.nip')}
        hint={t('who.nip_hint')}
        error={errorOf('nip')}
        value={draft.nip}
        onValue={(nip) => update({ nip })}
        onBlur={() => update({ nip: displayNip(draft.nip) })}
        inputMode="numeric"
        autoComplete="off"
        maxLength={30}
      />
      <LinkRows
        field="personLinks"
        label={t('who.links')}
        hint={t('who.links_hint')}
        links={draft.personLinks}
        onLinks={(personLinks) => update({ personLinks })}
        errors={errors}
      />
    </>
  )
}

/** `YYYY-MM-DDTHH:mm` of now in the phone's zone (the latest a datetime-local input offers). */
function localNow(): string {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`
}

export function WhenStep({ draft, update, errors }: StepProps) {
  const { t } = useI18n()
  const errorOf = useFieldError(errors)
  const searchRegionOptions = async (query: string, signal: AbortSignal): Promise<SearchOption[]> => {
    const { items } = await searchRegions(query, signal)
    return items.map((region) => ({ value: region.code, label: region.name, detail: region.parentName }))
  }
  return (
    <>
      <TextField
        id={fieldId('occurredAt')}
        label={t('when.occurred')}
        hint={t('when.occurred_hint')}
        error={errorOf('occurredAt')}
        type="datetime-local"
        max={localNow()}
        value={draft.occurredAt}
        onValue={(occurredAt) => update({ occurredAt })}
      />
      <SearchField
        id={fieldId('region')}
        label={t('when.region')}
        hint={draft.regionCode ? t('when.region_picked', { name: draft.regionName }) : t('when.region_hint')}
        error={errorOf('region')}
        text={draft.regionName}
        onText={(regionName) => update({ regionName, regionCode: null })}
        onPick={(option) =>
          update({
            regionCode: option.value,
            regionName: option.detail ? `${option.label}, ${option.detail}` : option.label,
          })
        }
        search={searchRegionOptions}
        noMatchText={t('when.region_no_match')}
        minQueryLength={3}
      />
      <TextField
        id={fieldId('place')}
        label={t('when.place')}
        hint={t('when.place_hint')}
        error={errorOf('place')}
        value={draft.place}
        onValue={(place) => update({ place })}
        autoComplete="off"
      />
    </>
  )
}

/** Chosen files with a remove button each, and the problems of refused files by name. */
export function FilePicker({
  files,
  onFiles,
  error,
  limit = maxFiles,
}: {
  readonly files: readonly File[]
  readonly onFiles: (files: File[]) => void
  readonly error?: string | undefined
  readonly limit?: number
}) {
  const { t, language } = useI18n()
  const [problems, setProblems] = useState<Message[]>([])
  const id = fieldId('files')
  const problemText = problems.map((problem) => t(problem.key, problem.params))
  const shownError = [error, ...problemText].filter(Boolean).join(' ')

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files ? [...event.target.files] : []
    const result = addFiles(files, chosen, limit)
    setProblems(result.problems)
    onFiles(result.files)
    // The same file may be chosen again after removing it.
    event.target.value = ''
  }

  return (
    <div className="lp-field" data-invalid={shownError ? true : undefined}>
      <p className="lp-label" id={`${id}-label`}>
        {t('evidence.files')} <span className="lp-optional">({t('common.optional_mark')})</span>
      </p>
      <p className="lp-hint" id={`${id}-hint`}>
        {t('evidence.files_hint', { count: limit })}
      </p>
      {files.length > 0 ? (
        <ul className="lp-file-list" aria-labelledby={`${id}-label`}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="lp-file">
              <span className="lp-file-name">{file.name}</span>
              <span className="lp-hint">{formatFileSize(file.size, language)}</span>
              <button
                type="button"
                className="lp-button lp-button-quiet"
                onClick={() => {
                  setProblems([])
                  onFiles(files.filter((_file, i) => i !== index))
                }}
                aria-label={t('evidence.remove_file', { name: file.name })}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length < limit ? (
        <>
          <input
            id={id}
            className="lp-file-input"
            type="file"
            multiple
            accept={fileAccept}
            onChange={choose}
            {...describedBy(id, true, Boolean(shownError))}
          />
          <label htmlFor={id} className="lp-button lp-button-secondary">
            {files.length === 0 ? t('evidence.choose') : t('evidence.choose_more')}
          </label>
        </>
      ) : (
        <p className="lp-hint">{t('evidence.limit_reached', { count: limit })}</p>
      )}
      <FieldError id={id} message={shownError || undefined} />
    </div>
  )
}

export function EvidenceStep({ draft, update, errors }: StepProps) {
  const { t } = useI18n()
  const errorOf = useFieldError(errors)
  return (
    <>
      <FilePicker files={draft.files} onFiles={(files) => update({ files })} error={errorOf('files')} />
      <LinkRows
        field="evidenceLinks"
        label={t('evidence.links')}
        hint={t('evidence.links_hint')}
        links={draft.evidenceLinks}
        onLinks={(evidenceLinks) => update({ evidenceLinks })}
        errors={errors}
      />
    </>
  )
}

const identityLevels: readonly IdentityLevel[] = ['anonymous', 'confidential', 'named']

export function IdentityStep({ draft, update, errors }: StepProps) {
  const { t } = useI18n()
  const errorOf = useFieldError(errors)
  const needsName = draft.identityLevel !== 'anonymous'
  return (
    <>
      <fieldset className="lp-fieldset">
        <legend className="lp-label">{t('identity.level')}</legend>
        {identityLevels.map((level) => {
          const id = level === 'anonymous' ? fieldId('identityLevel') : `lp-identity-${level}`
          return (
            <div className="lp-choice lp-choice-card" key={level}>
              <input
                type="radio"
                id={id}
                name="identityLevel"
                value={level}
                checked={draft.identityLevel === level}
                onChange={() => update({ identityLevel: level })}
                aria-describedby={`${id}-desc`}
              />
              <label htmlFor={id}>
                <span className="lp-choice-title">{t(`identity.${level}`)}</span>
                <span className="lp-choice-text" id={`${id}-desc`}>
                  {t(`identity.${level}_consent`)}
                </span>
              </label>
            </div>
          )
        })}
      </fieldset>
      {needsName ? (
        <>
          <TextField
            id={fieldId('reporterName')}
            label={t('identity.name')}
            error={errorOf('reporterName')}
            value={draft.reporterName}
            onValue={(reporterName) => update({ reporterName })}
            autoComplete="name"
            required
          />
          <TextField
            id={fieldId('reporterPhone')}
            label={t('identity.phone')}
            hint={t('identity.phone_hint')}
            error={errorOf('reporterPhone')}
            value={draft.reporterPhone}
            onValue={(reporterPhone) => update({ reporterPhone })}
            type="tel"
            autoComplete="tel"
          />
          <TextField
            id={fieldId('reporterEmail')}
            label={t('identity.email')}
            error={errorOf('reporterEmail')}
            value={draft.reporterEmail}
            onValue={(reporterEmail) => update({ reporterEmail })}
            type="email"
            autoComplete="email"
          />
        </>
      ) : (
        <p className="lp-hint">{t('identity.anonymous_note')}</p>
      )}
    </>
  )
}
