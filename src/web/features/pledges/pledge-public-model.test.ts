import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import {
  fieldOfSignError,
  fileCheckMessageKey,
  isFinalSignError,
  paragraphsOf,
  receiptFileName,
  timeZoneOfOffset,
  waitForReceipt,
} from './pledge-public-model'

describe('paragraphsOf', () => {
  it('splits on blank lines, keeps single line breaks and drops empty paragraphs', () => {
    expect(paragraphsOf('Saya, ASN,\nberjanji:\r\n\r\n1. netral;\n  \n\n2. tidak memihak.\n')).toEqual([
      'Saya, ASN,\nberjanji:',
      '1. netral;',
      '2. tidak memihak.',
    ])
  })
})

describe('fieldOfSignError', () => {
  it('puts identity and name refusals next to their fields and the rest in the alert', () => {
    expect(fieldOfSignError('pledge.identity_mismatch')).toBe('dateOfBirth')
    expect(fieldOfSignError('pledge.name_mismatch')).toBe('typedName')
    expect(fieldOfSignError('pledge.signature_image_invalid')).toBe('drawnSignature')
    expect(fieldOfSignError('pledge.already_signed')).toBeNull()
    expect(fieldOfSignError('client.network')).toBeNull()
  })
})

describe('isFinalSignError', () => {
  it('ends the form for used codes and closed windows but not for a mistyped field', () => {
    expect(isFinalSignError('pledge.already_signed')).toBe(true)
    expect(isFinalSignError('pledge.code_used')).toBe(true)
    expect(isFinalSignError('pledge.window_closed')).toBe(true)
    expect(isFinalSignError('pledge.identity_mismatch')).toBe(false)
    expect(isFinalSignError('request.rate_limited')).toBe(false)
  })
})

describe('timeZoneOfOffset', () => {
  it('writes Indonesian offsets in WIB, WITA and WIT zones', () => {
    expect(timeZoneOfOffset('2026-11-24T09:00:00+07:00')).toBe('Asia/Jakarta')
    expect(timeZoneOfOffset('2026-11-24T10:00:00+08:00')).toBe('Asia/Makassar')
    expect(timeZoneOfOffset('2026-11-24T11:00:00.123+09:00')).toBe('Asia/Jayapura')
  })

  it('falls back to a fixed-offset zone or UTC', () => {
    expect(timeZoneOfOffset('2026-11-24T02:00:00Z')).toBe('UTC')
    expect(timeZoneOfOffset('2026-11-24T12:00:00+10:00')).toBe('Etc/GMT-10')
    expect(timeZoneOfOffset('2026-11-24T12:00:00-03:00')).toBe('Etc/GMT+3')
    expect(timeZoneOfOffset('2026-11-24T12:00:00+05:30')).toBe('UTC')
    expect(timeZoneOfOffset('not a time')).toBe('UTC')
  })
})

describe('receiptFileName', () => {
  it('names the file after the start of the verification code', () => {
    expect(receiptFileName('AbCdEfGh_IjKlMnOp-QrStUv')).toBe('tanda-terima-ikrar-AbCdEfGh.pdf')
  })
})

describe('waitForReceipt', () => {
  const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' })

  it('asks again every interval until the receipt is ready', async () => {
    const answers: (Blob | 'pending')[] = ['pending', 'pending', pdf]
    const attempts: number[] = []
    const sleeps: number[] = []
    const result = await waitForReceipt({
      fetchOnce: () => Promise.resolve(answers.shift() ?? 'pending'),
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      },
      intervalMs: 1000,
      onAttempt: (attempt) => attempts.push(attempt),
    })
    expect(result).toBe(pdf)
    expect(attempts).toEqual([1, 2, 3])
    expect(sleeps).toEqual([1000, 1000])
  })

  it('gives up with pledge.receipt_pending after the last try', async () => {
    const failure = await waitForReceipt({
      fetchOnce: () => Promise.resolve('pending'),
      sleep: () => Promise.resolve(),
      maxAttempts: 3,
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).code).toBe('pledge.receipt_pending')
  })

  it('passes on any other failure at once', async () => {
    let tries = 0
    const failure = await waitForReceipt({
      fetchOnce: () => {
        tries += 1
        return Promise.reject(new ApiError(404, 'pledge.verification_not_found'))
      },
      sleep: () => Promise.resolve(),
    }).catch((error: unknown) => error)
    expect((failure as ApiError).code).toBe('pledge.verification_not_found')
    expect(tries).toBe(1)
  })
})

describe('fileCheckMessageKey', () => {
  it('words the refusals about the chosen file', () => {
    expect(fileCheckMessageKey('receipt.not_a_pdf')).toBe('not_a_pdf')
    expect(fileCheckMessageKey('request.too_large')).toBe('too_large')
    expect(fileCheckMessageKey('client.network')).toBeNull()
  })
})
