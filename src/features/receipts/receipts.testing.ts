/** Sample receipts for tests and `npm run bench -- receipts`. */
import { createHash } from 'node:crypto'
import type { ReceiptInput } from './receipts.render.js'

/** The four-point ikrar (DOMAIN §6, seed 004) in our own wording, with curly quotes and dashes on purpose. */
export const sampleIkrarText = [
  'Kami, Aparatur Sipil Negara di lingkungan Pemerintah Kota Malang, dengan ini menyatakan “sanggup” — dan berikrar — untuk:',
  '',
  '1. Menjaga netralitas ASN dalam memberikan pelayanan kepada masyarakat sebelum, selama dan sesudah Pemilu dan Pemilihan Tahun 2026;',
  '2. Menghindari konflik kepentingan, tidak melakukan intimidasi dan ancaman kepada sesama ASN maupun masyarakat, serta tidak memihak pasangan calon mana pun;',
  '3. Menggunakan media sosial secara bijak – tidak untuk kepentingan pasangan calon, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks);',
  '4. Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
  '',
  'Demikian ikrar ini kami ucapkan dengan penuh kesadaran, demi menjaga martabat, etika, demokrasi dan persatuan bangsa…',
].join('\n')

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export function sampleReceiptInput(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  const documentText = overrides.documentText ?? sampleIkrarText
  return {
    agencyName: 'Pemerintah Kota Malang',
    documentTitle: 'Ikrar Netralitas Aparatur Sipil Negara',
    documentVersion: 2,
    signer: { name: 'Wahyu Hidayat', frontTitle: 'Dr. Ir.', backTitle: 'M.M.', nip: '197001011995031001' },
    unitName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    campaignName: 'Ikrar Netralitas Pilkada 2026',
    signedAt: new Date('2026-11-23T02:15:00.000Z'),
    timeZone: 'Asia/Jakarta',
    verifyUrl: 'https://netra.malangkota.go.id/verify/7QK2M9XW4HJ3PZ8RT6VN',
    ...overrides,
    documentText,
    documentSha256: overrides.documentSha256 ?? sha256Hex(documentText),
  }
}

/** A text long enough to need several pages (`paragraphs` × ~90 words). */
export function longText(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, index) =>
      `${index + 1}. ${'Pegawai wajib menjaga netralitas dalam setiap kegiatan kedinasan maupun di luar kedinasan, termasuk di media sosial, dan melaporkan dugaan pelanggaran kepada atasan langsung atau Bawaslu. '.repeat(3)}`,
  ).join('\n\n')
}
