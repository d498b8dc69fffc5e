import { describe, expect, it } from 'vitest'
import { allowedStatusChanges } from '../../../features/reports/reports-staff.schema'
import { reportStatuses } from '../../../features/reports/reports.schema'
import {
  formatByteSize,
  isDestructiveAction,
  isViewableImage,
  openableLink,
  reportStatusTone,
  statusActionOf,
} from './report-labels'

describe('reportStatusTone', () => {
  it('shows waiting-for-staff in amber, handed over or done in green, the rest in grey', () => {
    expect(reportStatuses.map((status) => [status, reportStatusTone(status)])).toEqual([
      ['received', 'due'],
      ['in_review', 'due'],
      ['needs_info', 'neutral'],
      ['forwarded', 'done'],
      ['duplicate', 'neutral'],
      ['closed', 'done'],
      ['rejected', 'neutral'],
    ])
  })
})

describe('statusActionOf', () => {
  it('calls going back to review "reopen" from a settled report, and "start review" otherwise', () => {
    expect(statusActionOf('received', 'in_review')).toBe('review')
    expect(statusActionOf('needs_info', 'in_review')).toBe('review')
    expect(statusActionOf('closed', 'in_review')).toBe('reopen')
    expect(statusActionOf('duplicate', 'in_review')).toBe('reopen')
    expect(statusActionOf('in_review', 'forwarded')).toBe('forward')
    expect(statusActionOf('forwarded', 'closed')).toBe('close')
    expect(statusActionOf('received', 'rejected')).toBe('reject')
  })

  it('names every change the server allows, and only rejecting is red', () => {
    const actions = reportStatuses.flatMap((from) =>
      allowedStatusChanges(from).map((to) => statusActionOf(from, to)),
    )
    expect(new Set(actions)).toEqual(new Set(['review', 'reopen', 'forward', 'close', 'reject']))
    expect(actions.filter(isDestructiveAction).every((action) => action === 'reject')).toBe(true)
  })
})

describe('isViewableImage', () => {
  it('shows only images that have a copy without metadata', () => {
    expect(isViewableImage({ mime: 'image/jpeg', hasViewCopy: true })).toBe(true)
    expect(isViewableImage({ mime: 'image/png', hasViewCopy: false })).toBe(false)
    expect(isViewableImage({ mime: 'application/pdf', hasViewCopy: false })).toBe(false)
    expect(isViewableImage({ mime: 'video/mp4', hasViewCopy: true })).toBe(false)
  })
})

describe('formatByteSize', () => {
  it('writes sizes with the decimal separator of the language', () => {
    expect(formatByteSize(850)).toBe('850 B')
    expect(formatByteSize(12_400)).toBe('12,4 KB')
    expect(formatByteSize(3_140_000)).toBe('3,1 MB')
    expect(formatByteSize(3_140_000, 'en')).toBe('3.1 MB')
  })
})

describe('openableLink', () => {
  it('opens http(s) links only', () => {
    expect(openableLink('https://x.com/akun/status/1')).toBe('https://x.com/akun/status/1')
    expect(openableLink('http://contoh.id')).toBe('http://contoh.id/')
    expect(openableLink('javascript:alert(1)')).toBeNull()
    expect(openableLink('data:text/html,<b>x</b>')).toBeNull()
    expect(openableLink('bukan tautan')).toBeNull()
  })
})
