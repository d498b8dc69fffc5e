import { describe, expect, it } from 'vitest'
import { sniffFileType } from './event-files.js'
import { exeBytes, jpegBytes, pdfBytes, pngBytes, pptxBytes } from './events.testing.js'

const docxBytes = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('word/document.xml'),
])
const webpBytes = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 1, 0, 0]), Buffer.from('WEBPVP8 ')])
const xlsxBytes = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('xl/workbook.xml'),
])

describe('sniffFileType', () => {
  it.each([
    ['pdf', pdfBytes],
    ['png', pngBytes],
    ['jpeg', jpegBytes],
    ['webp', webpBytes],
    ['pptx', pptxBytes],
    ['docx', docxBytes],
  ] as const)('recognises %s by its bytes', (type, bytes) => expect(sniffFileType(bytes)).toBe(type))

  it('recognises neither an executable nor a spreadsheet nor text', () => {
    expect(sniffFileType(exeBytes)).toBeNull()
    expect(sniffFileType(xlsxBytes)).toBeNull()
    expect(sniffFileType(Buffer.from('<html>'))).toBeNull()
  })
})
