import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import {
  addFiles,
  buildSubmission,
  checkFile,
  displayNip,
  emptyDraft,
  fieldOfPath,
  firstInvalidStep,
  firstStepOf,
  formatFileSize,
  formatReceipt,
  isPhone,
  isWebLink,
  localInputToIso,
  maxFileBytes,
  normaliseReceipt,
  serverFieldErrors,
  stepOfField,
  validateStep,
  waitMessage,
  type ReportDraft,
} from './report-form-model'

const now = new Date('2026-11-23T12:00:00Z')
const draft = (patch: Partial<ReportDraft>): ReportDraft => ({ ...emptyDraft, ...patch })
const story = 'Kepala seksi membagikan poster calon di grup WhatsApp kantor.'
const form = {
  agencies: [
    { slug: 'kota-contoh', name: 'Pemerintah Kota Contoh' },
    { slug: 'kab-lain', name: 'Pemerintah Kabupaten Lain' },
  ],
}

describe('validateStep: what happened', () => {
  it('asks for a choice (a category or "not sure") and a description of 20 to 10,000 characters', () => {
    expect(validateStep(0, emptyDraft, now)).toEqual({
      category: { key: 'what.category_required' },
      description: { key: 'what.description_required' },
    })
    expect(
      validateStep(0, draft({ category: 'unsure', description: '  terlalu pendek      ' }), now),
    ).toEqual({
      description: { key: 'what.description_short', params: { count: 20 } },
    })
    expect(validateStep(0, draft({ category: 'KE-02', description: 'x'.repeat(10_001) }), now)).toEqual({
      description: { key: 'what.description_long', params: { count: 10_000 } },
    })
    expect(validateStep(0, draft({ category: 'KE-02', description: story }), now)).toEqual({})
  })
})

describe('validateStep: who', () => {
  it('accepts an empty step, an 18-digit NIP typed with spaces, and http(s) links only', () => {
    expect(validateStep(1, emptyDraft, now)).toEqual({})
    expect(validateStep(1, draft({ nip: '19860926 201505 1 001' }), now)).toEqual({})
    expect(validateStep(1, draft({ nip: '1986092620150510' }), now)).toEqual({
      nip: { key: 'who.nip_format' },
    })
    expect(
      validateStep(
        1,
        draft({ personLinks: ['https://www.tiktok.com/@akun', 'javascript:alert(1)', ''] }),
        now,
      ),
    ).toEqual({ 'personLinks.1': { key: 'common.link_format' } })
  })
})

describe('validateStep: when and where', () => {
  it('refuses a time in the future but not an empty one', () => {
    expect(validateStep(2, emptyDraft, now)).toEqual({})
    expect(validateStep(2, draft({ occurredAt: '2026-11-20T08:00' }), now)).toEqual({})
    expect(validateStep(2, draft({ occurredAt: '2027-01-01T08:00' }), now)).toEqual({
      occurredAt: { key: 'when.occurred_future' },
    })
  })
})

describe('validateStep: identity', () => {
  it('needs a name unless anonymous, and checks phone and e-mail when given', () => {
    expect(validateStep(4, emptyDraft, now)).toEqual({})
    expect(validateStep(4, draft({ identityLevel: 'confidential' }), now)).toEqual({
      reporterName: { key: 'identity.name_required' },
    })
    expect(
      validateStep(
        4,
        draft({ identityLevel: 'named', reporterName: 'Sari', reporterPhone: '12', reporterEmail: 'sari@' }),
        now,
      ),
    ).toEqual({
      reporterPhone: { key: 'identity.phone_format' },
      reporterEmail: { key: 'identity.email_format' },
    })
    expect(
      validateStep(
        4,
        draft({ identityLevel: 'named', reporterName: 'Sari', reporterPhone: '+62 812-3456-7890' }),
        now,
      ),
    ).toEqual({})
  })

  it('finds the first step that still has a problem', () => {
    expect(firstInvalidStep(emptyDraft, now)).toBe(0)
    expect(firstInvalidStep(draft({ category: 'unsure', description: story, nip: '123' }), now)).toBe(1)
    expect(firstInvalidStep(draft({ category: 'unsure', description: story }), now)).toBeNull()
  })
})

describe('checkFile and addFiles', () => {
  const file = (name: string, type: string, size = 1000) => ({ name, type, size })

  it('accepts JPEG, PNG, WebP, PDF and MP4 up to 20 MB, and judges by extension when the type is unknown', () => {
    expect(checkFile(file('foto.jpg', 'image/jpeg'))).toBeNull()
    expect(checkFile(file('video.mp4', 'video/mp4', maxFileBytes))).toBeNull()
    expect(checkFile(file('layar.PNG', ''))).toBeNull()
    expect(checkFile(file('program.exe', 'application/x-msdownload'))).toEqual({
      key: 'evidence.file_type',
      params: { name: 'program.exe' },
    })
    expect(checkFile(file('besar.mp4', 'video/mp4', maxFileBytes + 1))).toEqual({
      key: 'evidence.file_too_big',
      params: { name: 'besar.mp4' },
    })
    expect(checkFile(file('kosong.pdf', 'application/pdf', 0))?.key).toBe('evidence.file_empty')
  })

  it('keeps at most five files and names every refused one', () => {
    const kept = [1, 2, 3, 4].map((n) => file(`${n}.jpg`, 'image/jpeg'))
    const result = addFiles(kept, [
      file('a.gif', 'image/gif'),
      file('5.pdf', 'application/pdf'),
      file('6.png', 'image/png'),
    ])
    expect(result.files.map((f) => f.name)).toEqual(['1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.pdf'])
    expect(result.problems).toEqual([
      { key: 'evidence.file_type', params: { name: 'a.gif' } },
      { key: 'evidence.too_many', params: { name: '6.png', count: 5 } },
    ])
  })

  it('writes sizes the Indonesian way', () => {
    expect(formatFileSize(2.45 * 1024 * 1024, 'id')).toBe('2,5 MB')
    expect(formatFileSize(2.45 * 1024 * 1024, 'en')).toBe('2.5 MB')
    expect(formatFileSize(350 * 1024, 'id')).toBe('350 KB')
  })
})

describe('small checks', () => {
  it('knows web links and phone numbers', () => {
    expect(isWebLink('https://facebook.com/x')).toBe(true)
    expect(isWebLink('http://contoh.go.id/berita?id=1')).toBe(true)
    expect(isWebLink('ftp://contoh.go.id')).toBe(false)
    expect(isWebLink('data:text/html,hi')).toBe(false)
    expect(isWebLink('bukan tautan')).toBe(false)
    expect(isPhone('0812 3456 7890')).toBe(true)
    expect(isPhone('+62 (21) 555-0101')).toBe(true)
    expect(isPhone('0812abc')).toBe(false)
    expect(isPhone('1234567')).toBe(false)
  })

  it('groups a NIP once it has 18 digits', () => {
    expect(displayNip('198609262015051001')).toBe('19860926 201505 1 001')
    expect(displayNip('19860926')).toBe('19860926')
  })

  it('writes a local date-time with its offset', () => {
    expect(localInputToIso('2026-02-12T20:15', 420)).toBe('2026-02-12T20:15:00+07:00')
    expect(localInputToIso('2026-02-12T20:15', 570)).toBe('2026-02-12T20:15:00+09:30')
    expect(localInputToIso('2026-02-12T20:15', -180)).toBe('2026-02-12T20:15:00-03:00')
    expect(localInputToIso('2026-02-12T20:15', 0)).toBe('2026-02-12T20:15:00+00:00')
    expect(localInputToIso('12/02/2026', 420)).toBeNull()
  })

  it('says how long to wait', () => {
    expect(waitMessage(null)).toEqual({ key: 'common.wait_moment' })
    expect(waitMessage(42)).toEqual({ key: 'common.wait_seconds', params: { count: 42 } })
    expect(waitMessage(61)).toEqual({ key: 'common.wait_minutes', params: { count: 2 } })
    expect(waitMessage(7200)).toEqual({ key: 'common.wait_hours', params: { count: 2 } })
  })
})

describe('receipts', () => {
  it('accepts 16 digits typed with spaces or dashes, and nothing else', () => {
    expect(normaliseReceipt('1234 5678 9012 3456')).toBe('1234567890123456')
    expect(normaliseReceipt(' 1234-5678-9012-3456 ')).toBe('1234567890123456')
    expect(normaliseReceipt('123456789012345')).toBeNull()
    expect(normaliseReceipt('1234 5678 9012 345a')).toBeNull()
    expect(normaliseReceipt('12345678901234567')).toBeNull()
  })

  it('groups the receipt by four digits', () => {
    expect(formatReceipt('1234567890123456')).toBe('1234 5678 9012 3456')
  })
})

describe('buildSubmission', () => {
  it('sends only the description and the identity level for a bare anonymous report', () => {
    const { body, linkFields } = buildSubmission(
      draft({ category: 'unsure', description: `  ${story}  `, agencySlug: 'kota-contoh' }),
      form,
    )
    expect(body).toEqual({ agencySlug: 'kota-contoh', description: story, identityLevel: 'anonymous' })
    expect(linkFields).toEqual([])
  })

  it('fills every part, joins both link lists without duplicates and drops the reporter when anonymous', () => {
    const { body, linkFields } = buildSubmission(
      draft({
        category: 'KE-02',
        description: story,
        personName: ' Budi Santoso ',
        agencySlug: 'kab-lain',
        unitName: 'Dinas Pendidikan',
        unitId: 'unit-1',
        nip: '19860926 201505 1 001',
        personLinks: ['https://tiktok.com/@budi', ''],
        occurredAt: '2026-11-20T19:30',
        regionCode: '32.73',
        regionName: 'Kota Bandung',
        place: ' Aula kantor ',
        evidenceLinks: ['', 'https://tiktok.com/@budi', 'https://berita.example/1'],
        reporterName: 'tidak dikirim',
      }),
      form,
      () => 420,
    )
    expect(body).toEqual({
      agencySlug: 'kab-lain',
      categoryCode: 'KE-02',
      description: story,
      reportedPerson: {
        name: 'Budi Santoso',
        nip: '198609262015051001',
        agencyName: 'Pemerintah Kabupaten Lain',
        unitName: 'Dinas Pendidikan',
        unitId: 'unit-1',
      },
      occurredAt: '2026-11-20T19:30:00+07:00',
      location: { regionCode: '32.73', place: 'Aula kantor' },
      links: ['https://tiktok.com/@budi', 'https://berita.example/1'],
      identityLevel: 'anonymous',
    })
    expect(linkFields).toEqual(['personLinks.0', 'evidenceLinks.2'])
  })

  it('sends a typed unit without an id, the first agency by default, and the reporter when not anonymous', () => {
    const { body } = buildSubmission(
      draft({
        category: 'unsure',
        description: story,
        unitName: 'Kelurahan Sukamaju',
        identityLevel: 'confidential',
        reporterName: ' Sari ',
        reporterEmail: 'sari@contoh.id',
      }),
      form,
    )
    expect(body.agencySlug).toBe('kota-contoh')
    expect(body.reportedPerson).toEqual({
      name: '',
      agencyName: 'Pemerintah Kota Contoh',
      unitName: 'Kelurahan Sukamaju',
    })
    expect(body.reporter).toEqual({ name: 'Sari', email: 'sari@contoh.id' })
  })
})

describe('server refusals', () => {
  it('maps body paths to the fields and steps of the form', () => {
    const links = ['personLinks.0', 'evidenceLinks.1']
    expect(fieldOfPath(['description'], links)).toBe('description')
    expect(fieldOfPath(['report', 'reportedPerson', 'nip'], links)).toBe('nip')
    expect(fieldOfPath(['reportedPerson', 'unitId'], links)).toBe('unitName')
    expect(fieldOfPath(['location', 'regionCode'], links)).toBe('region')
    expect(fieldOfPath(['links', 1], links)).toBe('evidenceLinks.1')
    expect(fieldOfPath(['reporter', 'email'], links)).toBe('reporterEmail')
    expect(fieldOfPath(['somethingElse'], links)).toBeNull()
    expect(stepOfField('evidenceLinks.1')).toBe(3)
    expect(stepOfField('reporterEmail')).toBe(4)
  })

  it('reads the issues of a 400 request.invalid answer', () => {
    const error = new ApiError(400, 'request.invalid', {
      issues: [
        { location: 'body', path: ['reportedPerson', 'nip'], code: 'invalid_format' },
        { location: 'body', path: ['description'], code: 'too_small', minimum: 20, origin: 'string' },
        { location: 'body', path: ['extra'], code: 'unrecognized_keys' },
      ],
    })
    const { errors, unmatched } = serverFieldErrors(error, [])
    expect(errors).toEqual({
      nip: { key: 'common.invalid' },
      description: { key: 'what.description_short', params: { count: 20 } },
    })
    expect(unmatched).toBe(1)
    expect(firstStepOf(errors)).toBe(0)
    expect(firstStepOf({})).toBeNull()
  })
})
