/**
 * One-time codes exist only in the response that issued them: kept here in memory (never in storage or the
 * history) for the print page of the same visit, and turned into a CSV in the browser.
 */
import type { IssuedCode } from './pledges.api'
import { spreadsheetText } from '../../../domain/spreadsheet'

export interface IssuedCodeBatch {
  readonly campaignId: string
  readonly campaignName: string
  readonly issuedAt: string
  readonly codes: readonly IssuedCode[]
}

const batches = new Map<string, IssuedCodeBatch>()

export function rememberIssuedCodes(batch: IssuedCodeBatch): void {
  batches.set(batch.campaignId, batch)
}

export const issuedCodesOf = (campaignId: string): IssuedCodeBatch | undefined => batches.get(campaignId)

export function forgetIssuedCodes(campaignId: string): void {
  batches.delete(campaignId)
}

/** Codes grouped by unit (units by name, people by name inside), for slips handed out per unit. */
export function codesByUnit(
  codes: readonly IssuedCode[],
): { unitId: string; unitName: string; codes: IssuedCode[] }[] {
  const groups = new Map<string, { unitId: string; unitName: string; codes: IssuedCode[] }>()
  for (const code of codes) {
    const group = groups.get(code.unitId) ?? { unitId: code.unitId, unitName: code.unitName, codes: [] }
    group.codes.push(code)
    groups.set(code.unitId, group)
  }
  const collator = new Intl.Collator('id')
  return [...groups.values()]
    .sort((a, b) => collator.compare(a.unitName, b.unitName))
    .map((group) => ({ ...group, codes: group.codes.sort((a, b) => collator.compare(a.name, b.name)) }))
}

const csvCell = (value: string): string => {
  const safe = spreadsheetText(value)
  return /[",;\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** `Unit,Nama,NIP,Kode,Tautan` rows, unit by unit; headers in the reader's language. */
export function codesCsv(
  codes: readonly IssuedCode[],
  headers: readonly [string, string, string, string, string],
): string {
  const rows = codesByUnit(codes).flatMap((group) =>
    group.codes.map((code) => [group.unitName, code.name, code.nip ?? '', code.code, code.link]),
  )
  return [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Starts a download of `text` as a file (UTF-8 with BOM, so spreadsheet programs read the names right). */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 1000)
}
