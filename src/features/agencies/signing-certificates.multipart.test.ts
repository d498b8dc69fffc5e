import { describe, expect, it } from 'vitest'
import { boundaryOf, parseMultipartForm } from './signing-certificates.multipart.js'

const form = (boundary: string, parts: string[]) =>
  Buffer.from(`${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`, 'latin1')

describe('boundaryOf', () => {
  it.each([
    ['multipart/form-data; boundary=----abc123', '----abc123'],
    ['multipart/form-data; charset=utf-8; boundary="a b:c"', 'a b:c'],
    ['Multipart/Form-Data;boundary=x', 'x'],
  ])('reads the boundary of %s', (contentType, boundary) => {
    expect(boundaryOf(contentType)).toBe(boundary)
  })

  it.each([undefined, 'application/json', 'multipart/form-data', 'multipart/mixed; boundary=x'])(
    'gives null for %s',
    (contentType) => {
      expect(boundaryOf(contentType)).toBeNull()
    },
  )
})

describe('parseMultipartForm', () => {
  it('reads fields and files in order, keeping binary data and CRLFs inside a part', () => {
    const binary = '\x00\x01\r\n\xff--b'
    const body = form('XyZ', [
      'Content-Disposition: form-data; name="password"\r\n\r\nrahasia "kami"',
      `Content-Disposition: form-data; name="file"; filename="bkpsdm \\"baru\\".p12"\r\nContent-Type: application/x-pkcs12\r\n\r\n${binary}`,
    ])
    const parts = parseMultipartForm(body, 'XyZ')
    expect(parts?.map((part) => [part.name, part.fileName, part.data.toString('latin1')])).toEqual([
      ['password', null, 'rahasia "kami"'],
      ['file', 'bkpsdm "baru".p12', binary],
    ])
  })

  it('reads an empty form and skips a preamble', () => {
    expect(parseMultipartForm(Buffer.from('--b--\r\n'), 'b')).toEqual([])
    const body = Buffer.concat([
      Buffer.from('preamble\r\n'),
      form('b', ['Content-Disposition: form-data; name="a"\r\n\r\n1']),
    ])
    expect(parseMultipartForm(body, 'b')?.map((part) => part.name)).toEqual(['a'])
  })

  it.each([
    ['no delimiter at all', 'just text'],
    ['a part without its end', '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue'],
    ['a part without headers end', '--b\r\nContent-Disposition: form-data; name="a"'],
    ['a part without a name', '--b\r\nContent-Disposition: form-data\r\n\r\nv\r\n--b--'],
    ['a part that is not form-data', '--b\r\nContent-Disposition: attachment; name="a"\r\n\r\nv\r\n--b--'],
    ['garbage after a delimiter', '--bxx'],
  ])('gives null for %s', (_label, text) => {
    expect(parseMultipartForm(Buffer.from(text, 'latin1'), 'b')).toBeNull()
  })
})
