/**
 * The few form pieces of the public pages, without Mantine (kept out of the light bundle): a labelled field
 * whose hint and error are tied to the input with aria-describedby, an alert, and a search-as-you-type box
 * (ARIA 1.2 combobox with a listbox popup, keyboard: ↑ ↓ Enter Escape).
 */
import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react'
import { isAbortError } from '../../api/client'
import { useI18n } from './public-i18n'

/** ids for the hint and error of a field, and the aria attributes of its input. */
export function describedBy(id: string, hint: boolean, error: boolean) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return {
    ...(ids ? { 'aria-describedby': ids } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  }
}

export function FieldError({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  if (!message) return null
  return (
    <p className="lp-error" id={`${id}-error`}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  )
}

interface FieldFrameProps {
  readonly id: string
  readonly label: ReactNode
  readonly hint?: ReactNode
  readonly error?: string | undefined
  readonly required?: boolean
  readonly children: ReactNode
  readonly extra?: ReactNode
}

export function FieldFrame({ id, label, hint, error, required, children, extra }: FieldFrameProps) {
  const { t } = useI18n()
  return (
    <div className="lp-field" data-invalid={error ? true : undefined}>
      <label className="lp-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="lp-required"> ({t('common.required_mark')})</span>
        ) : (
          <span className="lp-optional"> ({t('common.optional_mark')})</span>
        )}
      </label>
      {hint ? (
        <p className="lp-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {extra}
      <FieldError id={id} message={error} />
    </div>
  )
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>

export interface TextFieldProps extends InputProps {
  readonly id: string
  readonly label: ReactNode
  readonly hint?: ReactNode
  readonly error?: string | undefined
  readonly required?: boolean
  readonly value: string
  readonly onValue: (value: string) => void
  readonly ref?: Ref<HTMLInputElement>
}

export function TextField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onValue,
  ref,
  ...input
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      <input
        ref={ref}
        id={id}
        className="lp-input"
        value={value}
        onChange={(event) => onValue(event.target.value)}
        {...describedBy(id, Boolean(hint), Boolean(error))}
        {...(required ? { 'aria-required': true } : {})}
        {...input}
      />
    </FieldFrame>
  )
}

export function Alert({
  tone,
  children,
  role,
}: {
  readonly tone: 'error' | 'info' | 'warning' | 'success'
  readonly children: ReactNode
  readonly role?: 'alert' | 'status'
}) {
  const icon = { error: '⚠', warning: '⚠', info: 'ℹ', success: '✓' }[tone]
  return (
    <div className={`lp-alert lp-alert-${tone}`} role={role ?? (tone === 'error' ? 'alert' : 'status')}>
      <span className="lp-alert-icon" aria-hidden="true">
        {icon}
      </span>
      <div>{children}</div>
    </div>
  )
}

export interface SearchOption {
  readonly value: string
  readonly label: string
  readonly detail?: string | undefined
}

export interface SearchFieldProps {
  readonly id: string
  readonly label: ReactNode
  readonly hint?: ReactNode
  readonly error?: string | undefined
  /** The text in the box (what was typed, or the label of the picked option). */
  readonly text: string
  readonly onText: (text: string) => void
  readonly onPick: (option: SearchOption) => void
  readonly search: (query: string, signal: AbortSignal) => Promise<SearchOption[]>
  /** Shown under the list when nothing matched (e.g. "the typed name will be sent as it is"). */
  readonly noMatchText: string
  readonly minQueryLength?: number
}

/** Asks the server after a short pause in typing; the previous question is cancelled. */
export function SearchField({
  id,
  label,
  hint,
  error,
  text,
  onText,
  onPick,
  search,
  noMatchText,
  minQueryLength = 2,
}: SearchFieldProps) {
  const { t } = useI18n()
  const listId = useId()
  const [options, setOptions] = useState<SearchOption[]>([])
  const [isOpen, setIsOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState<'idle' | 'loading' | 'done' | 'failed'>('idle')
  const [query, setQuery] = useState<string | null>(null)
  const searchRef = useRef(search)
  useEffect(() => {
    searchRef.current = search
  })

  useEffect(() => {
    if (query === null) return
    const trimmed = query.trim()
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      setStatus('loading')
      searchRef.current(trimmed, controller.signal).then(
        (found) => {
          setOptions(found)
          setActive(-1)
          setStatus('done')
        },
        (problem: unknown) => {
          if (!isAbortError(problem)) setStatus('failed')
        },
      )
    }, 300)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  const pick = (option: SearchOption) => {
    onPick(option)
    setIsOpen(false)
    setQuery(null)
    setOptions([])
    setStatus('idle')
  }

  const showList = isOpen && status !== 'idle'
  const optionId = (index: number) => `${id}-option-${index}`

  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={error}
      extra={
        showList ? (
          <div className="lp-search-popup">
            {options.length > 0 ? (
              <ul className="lp-search-list" id={listId} role="listbox" aria-label={t('common.suggestions')}>
                {options.map((option, index) => (
                  <li
                    key={option.value}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    className="lp-search-option"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => pick(option)}
                  >
                    <span className="lp-search-label">{option.label}</span>
                    {option.detail ? <span className="lp-search-detail">{option.detail}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="lp-hint" role="status">
              {status === 'loading'
                ? t('common.searching')
                : status === 'failed'
                  ? t('common.search_failed')
                  : options.length === 0
                    ? noMatchText
                    : t('common.suggestion_count', { count: options.length })}
            </p>
          </div>
        ) : null
      }
    >
      <input
        id={id}
        className="lp-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList && options.length > 0}
        aria-controls={listId}
        {...(showList && active >= 0 ? { 'aria-activedescendant': optionId(active) } : {})}
        {...describedBy(id, Boolean(hint), Boolean(error))}
        value={text}
        onChange={(event) => {
          const value = event.target.value
          onText(value)
          setIsOpen(true)
          if (value.trim().length < minQueryLength) {
            setOptions([])
            setStatus('idle')
            setQuery(null)
          } else {
            setQuery(value)
          }
        }}
        onBlur={() => setIsOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && options.length > 0) {
            event.preventDefault()
            setIsOpen(true)
            setActive((current) => (current + 1) % options.length)
          } else if (event.key === 'ArrowUp' && options.length > 0) {
            event.preventDefault()
            setActive((current) => (current <= 0 ? options.length - 1 : current - 1))
          } else if (event.key === 'Enter' && showList && active >= 0) {
            event.preventDefault()
            const option = options[active]
            if (option) pick(option)
          } else if (event.key === 'Escape' && isOpen) {
            event.preventDefault()
            setIsOpen(false)
          }
        }}
      />
    </FieldFrame>
  )
}
