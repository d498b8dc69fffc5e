/**
 * /lapor — the stepped report form: five steps and a summary, back and next keep what was typed, each step is
 * checked before moving on (messages next to the fields, focus on the first one), focus moves to the step's
 * heading on every step change. Sending shows the upload progress; a refusal brings the reporter back to the
 * step of the field concerned. After 201 the receipt screen replaces the form (the draft is dropped).
 */
import { useEffect, useRef, useState } from 'react'
import { isApiError, type ApiError } from '../../api/client'
import {
  buildSubmission,
  emptyDraft,
  firstInvalidStep,
  firstStepOf,
  serverFieldErrors,
  stepCount,
  steps,
  unsureCategory,
  validateStep,
  displayNip,
  waitMessage,
  type FieldErrors,
  type ReportDraft,
} from './report-form-model'
import { useI18n, type Translate } from './public-i18n'
import { Alert } from './public-ui'
import { browserTimeZone, formatInstant, ReceiptScreen } from './receipt-screen'
import { EvidenceStep, fieldId, IdentityStep, messageText, WhatStep, WhenStep, WhoStep } from './report-steps'
import {
  getReportForm,
  getViolationCategories,
  submitReport,
  type ReportFormInfo,
  type SubmitResult,
  type ViolationCategory,
} from './reports-public.api'

type SendState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending'; readonly progress: number }
  | { readonly status: 'failed'; readonly message: string }

/** The sentence for a refusal that is not about one field. */
export function submitErrorText(t: Translate, error: ApiError): string {
  switch (error.code) {
    case 'client.network':
      return t('submit.network')
    case 'request.rate_limited':
      return t('submit.rate_limited', { wait: messageText(t, waitMessage(error.retryAfterSeconds)) ?? '' })
    case 'request.too_large':
      return t('evidence.server_too_large')
    case 'request.unsupported_media_type':
      return t('evidence.server_type')
    case 'request.invalid':
      return t('steps.fix_errors')
    default:
      return t('submit.failed', { code: error.code })
  }
}

export function ReportWizard({ onShowStatus }: { readonly onShowStatus: () => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft)
  const [step, setStep] = useState(0)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [send, setSend] = useState<SendState>({ status: 'idle' })
  const [result, setResult] = useState<SubmitResult | null>(null)
  const [categories, setCategories] = useState<ViolationCategory[] | null>(null)
  const [categoriesFailed, setCategoriesFailed] = useState(false)
  const [form, setForm] = useState<ReportFormInfo | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const hasMoved = useRef(false)
  const pendingFocus = useRef<string | null>(null)

  // Bumped by "Coba lagi" when the categories could not be loaded.
  const [categoriesAttempt, setCategoriesAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    getViolationCategories(controller.signal).then(setCategories, () => {
      if (!controller.signal.aborted) setCategoriesFailed(true)
    })
    return () => controller.abort()
  }, [categoriesAttempt])

  useEffect(() => {
    const controller = new AbortController()
    getReportForm(controller.signal).then(
      (info) => {
        setForm(info)
        setDraft((current) =>
          current.agencySlug === '' && info.agencies[0]
            ? { ...current, agencySlug: info.agencies[0].slug }
            : current,
        )
      },
      // Without the list the server's default agency takes the report; the form still works.
      () => undefined,
    )
    return () => controller.abort()
  }, [])

  // Focus: a field with an error when there is one, otherwise the heading of the new step.
  useEffect(() => {
    if (!hasMoved.current) return
    const target = pendingFocus.current ? document.getElementById(fieldId(pendingFocus.current)) : null
    pendingFocus.current = null
    if (target) target.focus()
    else headingRef.current?.focus()
  }, [step, errors])

  const update = (patch: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const goTo = (next: number, nextErrors: FieldErrors = {}) => {
    hasMoved.current = true
    setErrors(nextErrors)
    setStep(next)
  }

  const showErrors = (stepErrors: FieldErrors) => {
    hasMoved.current = true
    pendingFocus.current = Object.keys(stepErrors)[0] ?? null
    setErrors(stepErrors)
  }

  const next = () => {
    const stepErrors = validateStep(step, draft)
    if (Object.keys(stepErrors).length > 0) {
      showErrors(stepErrors)
      return
    }
    goTo(step + 1)
  }

  const submit = async () => {
    const invalid = firstInvalidStep(draft)
    if (invalid !== null) {
      pendingFocus.current = Object.keys(validateStep(invalid, draft))[0] ?? null
      goTo(invalid, validateStep(invalid, draft))
      return
    }
    const built = buildSubmission(draft, form ?? { agencies: [] })
    setSend({ status: 'sending', progress: 0 })
    try {
      const answer = await submitReport(built.body, draft.files, (progress) =>
        setSend({ status: 'sending', progress }),
      )
      // Nothing of the report stays in memory once it is filed.
      setDraft(emptyDraft)
      setResult(answer)
    } catch (error) {
      if (!isApiError(error)) {
        setSend({ status: 'failed', message: t('submit.failed', { code: 'client.unexpected_response' }) })
        return
      }
      if (error.code === 'request.invalid') {
        const { errors: fieldErrors } = serverFieldErrors(error, built.linkFields)
        const target = firstStepOf(fieldErrors)
        if (target !== null) {
          setSend({ status: 'failed', message: t('steps.fix_errors') })
          pendingFocus.current = Object.keys(fieldErrors).find((field) => fieldErrors[field]) ?? null
          goTo(target, fieldErrors)
          return
        }
      }
      if (error.code === 'request.too_large' || error.code === 'request.unsupported_media_type') {
        const message = submitErrorText(t, error)
        setSend({ status: 'failed', message })
        pendingFocus.current = 'files'
        goTo(3, {
          files: {
            key: error.code === 'request.too_large' ? 'evidence.server_too_large' : 'evidence.server_type',
          },
        })
        return
      }
      setSend({ status: 'failed', message: submitErrorText(t, error) })
    }
  }

  if (result) return <ReceiptScreen result={result} onShowStatus={onShowStatus} />

  const isSummary = step === stepCount
  const stepName = steps[step]
  const title = isSummary ? t('steps.summary') : t(`steps.${stepName ?? 'what'}`)
  const sending = send.status === 'sending'
  const stepErrorCount = Object.keys(errors).length

  return (
    <form
      className="lp-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (isSummary) void submit()
        else next()
      }}
    >
      <p className="lp-progress-text">
        {isSummary ? t('steps.last') : t('steps.progress', { current: step + 1, total: stepCount })}
      </p>
      <progress
        className="lp-steps-bar"
        max={stepCount}
        value={Math.min(step + 1, stepCount)}
        aria-hidden="true"
      />
      <h2 className="lp-step-title" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {stepErrorCount > 0 ? (
        <Alert tone="error">{t('steps.fix_count', { count: stepErrorCount })}</Alert>
      ) : null}
      {send.status === 'failed' && stepErrorCount === 0 ? <Alert tone="error">{send.message}</Alert> : null}

      {stepName === 'what' ? (
        <WhatStep
          draft={draft}
          update={update}
          errors={errors}
          categories={categories}
          categoriesFailed={categoriesFailed}
          onRetryCategories={() => {
            setCategoriesFailed(false)
            setCategoriesAttempt((attempt) => attempt + 1)
          }}
        />
      ) : null}
      {stepName === 'who' ? <WhoStep draft={draft} update={update} errors={errors} form={form} /> : null}
      {stepName === 'when' ? <WhenStep draft={draft} update={update} errors={errors} /> : null}
      {stepName === 'evidence' ? <EvidenceStep draft={draft} update={update} errors={errors} /> : null}
      {stepName === 'identity' ? <IdentityStep draft={draft} update={update} errors={errors} /> : null}
      {isSummary ? (
        <ReportSummary draft={draft} categories={categories} form={form} onEdit={(target) => goTo(target)} />
      ) : null}

      {sending ? (
        <div className="lp-field" role="status">
          <label className="lp-label-small" htmlFor="lp-upload-progress">
            {draft.files.length > 0
              ? t('submit.uploading', { percent: Math.round(send.progress * 100) })
              : t('submit.sending')}
          </label>
          <progress
            id="lp-upload-progress"
            className="lp-upload-bar"
            max={100}
            value={Math.round(send.progress * 100)}
          />
        </div>
      ) : null}

      <div className="lp-actions">
        {step > 0 ? (
          <button
            type="button"
            className="lp-button lp-button-secondary"
            onClick={() => goTo(step - 1)}
            disabled={sending}
          >
            {t('steps.back')}
          </button>
        ) : null}
        <button type="submit" className="lp-button lp-button-primary" disabled={sending}>
          {isSummary ? t('submit.send') : t('steps.next')}
        </button>
      </div>
    </form>
  )
}

function ReportSummary({
  draft,
  categories,
  form,
  onEdit,
}: {
  readonly draft: ReportDraft
  readonly categories: readonly ViolationCategory[] | null
  readonly form: ReportFormInfo | null
  readonly onEdit: (step: number) => void
}) {
  const { t, language } = useI18n()
  const none = t('summary.empty')
  const category =
    draft.category === unsureCategory
      ? t('what.unsure')
      : (categories?.find((c) => c.code === draft.category)?.name ?? draft.category)
  const agency = form?.agencies.find((a) => a.slug === draft.agencySlug)?.name
  const links = [...draft.personLinks, ...draft.evidenceLinks].map((link) => link.trim()).filter(Boolean)
  const occurred = draft.occurredAt
    ? formatInstant(new Date(draft.occurredAt), browserTimeZone(), language)
    : none

  const section = (index: number, rows: readonly [string, string][]) => (
    <section className="lp-summary-section" aria-labelledby={`lp-summary-${index}`}>
      <div className="lp-summary-head">
        <h3 id={`lp-summary-${index}`}>{t(`steps.${steps[index] ?? 'what'}`)}</h3>
        <button
          type="button"
          className="lp-button lp-button-quiet"
          onClick={() => onEdit(index)}
          aria-label={t('summary.edit_step', { step: t(`steps.${steps[index] ?? 'what'}`) })}
        >
          {t('summary.edit')}
        </button>
      </div>
      <dl className="lp-summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )

  return (
    <>
      <p>{t('summary.intro')}</p>
      {section(0, [
        [t('what.category'), category || none],
        [t('what.description'), draft.description.trim()],
      ])}
      {section(1, [
        [t('who.name'), draft.personName.trim() || none],
        ...(agency ? ([[t('who.agency'), agency]] as [string, string][]) : []),
        [t('who.unit'), draft.unitName.trim() || none],
        [t('who.nip'), draft.nip.trim() ? displayNip(draft.nip) : none],
      ])}
      {section(2, [
        [t('when.occurred'), occurred],
        [t('when.region'), draft.regionCode ? draft.regionName : none],
        [t('when.place'), draft.place.trim() || none],
      ])}
      {section(3, [
        [
          t('evidence.files'),
          draft.files.length > 0 ? draft.files.map((file) => file.name).join(', ') : none,
        ],
        [t('summary.links'), links.length > 0 ? links.join('\n') : none],
      ])}
      {section(4, [
        [t('identity.level'), t(`identity.${draft.identityLevel}`)],
        ...(draft.identityLevel !== 'anonymous'
          ? ([
              [t('identity.name'), draft.reporterName.trim()],
              [t('identity.phone'), draft.reporterPhone.trim() || none],
              [t('identity.email'), draft.reporterEmail.trim() || none],
            ] as [string, string][])
          : []),
      ])}
    </>
  )
}
