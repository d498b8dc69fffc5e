/**
 * `npm run bench -- receipts`: pledge receipt PDFs rendered per second, one after another in this process (the
 * background job renders them the same way), against the issue's target of ≥ 50 PDFs/s.
 *
 * Each receipt differs (signer, unit, verify code, signing time; the four-point ikrar text, one page) so no cache
 * sees the same document twice. The ceiling, measured in the same run before and after the receipts (the better run
 * is kept), is the least any receipt with embedded Unicode fonts costs: pdf-lib saving a one-page document with the
 * same two DejaVu subsets and one line of text. An empty pdf-lib page is printed too (it is ~500× faster, so it says
 * little as a ratio). Also printed, not judged: a multi-page receipt, and receipts signed with a P12 (self-signed,
 * generated here) when `--signed` > 0.
 */
import forge from 'node-forge'
import { PDFDocument } from 'pdf-lib'
import type { Bench } from './bench.js'
import { assertKnownFlags, numberFlag } from './lib/args.js'
import { heading, line, makeFigure, printMachine, roundTo } from './lib/report.js'
import { receiptFontkit, receiptFonts } from '../src/features/receipts/receipts.fonts.js'
import { renderReceipt, type ReceiptInput } from '../src/features/receipts/receipts.render.js'
import { openReceiptSigner, signReceiptPdf } from '../src/features/receipts/receipts.sign.js'
import { longText, sampleReceiptInput } from '../src/features/receipts/receipts.testing.js'

const targetPdfsPerSecond = 50

const firstNames = ['Agus', 'Siti', 'Budi', 'Dewi', 'Eko', 'Sri', 'Hendra', 'Ratna', 'Joko', 'Rina']
const lastNames = ['Santoso', 'Rahmawati', 'Hidayat', 'Lestari', 'Wijaya', 'Handayani', 'Nugroho', 'Siregar']
const units = ['Dinas Pendidikan', 'Kecamatan Klojen', 'Puskesmas Dinoyo', 'BKPSDM', 'Dinas Kesehatan']
const baseTime = Date.parse('2026-11-23T01:00:00Z')

function inputFor(i: number, documentText?: string): ReceiptInput {
  const code = (0x1000_0000 + i * 7919).toString(36).toUpperCase().padStart(16, 'X')
  return sampleReceiptInput({
    signer: {
      name: `${firstNames[i % firstNames.length] ?? ''} ${lastNames[i % lastNames.length] ?? ''}`,
      frontTitle: i % 3 === 0 ? 'Drs.' : null,
      backTitle: i % 2 === 0 ? 'S.Sos., M.M.' : null,
      nip: `19${70 + (i % 25)}0101199503${1 + (i % 2)}${String((i % 999) + 1).padStart(3, '0')}`,
    },
    unitName: units[i % units.length] ?? 'BKPSDM',
    signedAt: new Date(baseTime + i * 1_337),
    verifyUrl: `https://netra.malangkota.go.id/verify/${code}`,
    ...(documentText === undefined ? {} : { documentText }),
  })
}

interface Run {
  readonly count: number
  readonly seconds: number
  readonly perSecond: number
  readonly bytes: number
  /** CPU time of this process per document, ms (steadier than the rate when other work shares the cores). */
  readonly cpuMs: number
}

async function measure(count: number, make: (i: number) => Promise<Uint8Array>): Promise<Run> {
  let bytes = 0
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < count; i += 1) bytes += (await make(i)).length
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  return {
    count,
    seconds,
    perSecond: count / seconds,
    bytes: bytes / count,
    cpuMs: (cpu.user + cpu.system) / 1000 / count,
  }
}

const describeRun = (run: Run) =>
  `${roundTo(run.perSecond, 1)} PDFs/s (${run.count} in ${roundTo(run.seconds, 2)} s; ` +
  `${roundTo(run.cpuMs, 2)} ms CPU each; ${Math.round(run.bytes / 1024)} kB each)`

async function emptyDocument(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.addPage([595.28, 841.89])
  return doc.save({ useObjectStreams: false })
}

/** The same two font subsets as a receipt and one line of text: the floor of any receipt. */
async function fontsOnlyDocument(i: number): Promise<Uint8Array> {
  const fonts = receiptFonts()
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(receiptFontkit)
  const regular = await doc.embedFont(fonts.regular, { subset: true, customName: 'NTRAAA+DejaVuSans' })
  const bold = await doc.embedFont(fonts.bold, { subset: true, customName: 'NTRAAB+DejaVuSans-Bold' })
  const page = doc.addPage([595.28, 841.89])
  page.drawText(`Tanda terima ${i}`, { x: 56, y: 780, size: 16, font: bold })
  page.drawText(`Ikrar “netralitas” — ${i}`, { x: 56, y: 760, size: 10, font: regular })
  return doc.save({ useObjectStreams: false })
}

function selfSignedP12(passphrase: string): Buffer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z')
  cert.validity.notAfter = new Date('2028-01-01T00:00:00Z')
  const name = [{ name: 'commonName', value: 'Bench BKPSDM' }]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}

export const receipts: Bench = {
  name: 'receipts',
  summary: `pledge receipt PDFs/s (pdf-lib, DejaVu subsets, QR) vs fonts + one line; target ≥ ${targetPdfsPerSecond}`,
  flags: [
    '--count=2000          receipts rendered for the figure',
    '--warmup=50           receipts rendered first, not counted',
    '--signed=200          receipts also signed with a P12 (printed, not judged; 0 skips)',
  ],
  async run(flags) {
    assertKnownFlags(flags, ['count', 'warmup', 'signed'])
    const count = numberFlag(flags, 'count', 2000, { min: 1, integer: true })
    const warmup = numberFlag(flags, 'warmup', 50, { min: 0, integer: true })
    const signedCount = numberFlag(flags, 'signed', 200, { min: 0, integer: true })

    heading(`receipts — ${count} one-page receipts rendered one after another (${warmup} warm-up)`)
    printMachine()

    for (let i = 0; i < warmup; i += 1) {
      await renderReceipt(inputFor(count + i))
      await fontsOnlyDocument(i)
      await emptyDocument()
    }
    const ceilingCount = Math.max(1, Math.round(count / 2))
    const ceilingBefore = await measure(ceilingCount, fontsOnlyDocument)
    const oneLine = await measure(count, (i) => renderReceipt(inputFor(i)))
    const ceilingAfter = await measure(ceilingCount, fontsOnlyDocument)
    const ceiling = ceilingBefore.perSecond >= ceilingAfter.perSecond ? ceilingBefore : ceilingAfter
    const empty = await measure(count, emptyDocument)

    const long = longText(24)
    const longCount = Math.max(1, Math.round(count / 10))
    const multiPage = await measure(longCount, (i) => renderReceipt(inputFor(i, long)))
    const pages = (await PDFDocument.load(await renderReceipt(inputFor(0, long)))).getPageCount()

    heading('receipts — figures')
    const label = (text: string) => `  ${text.padEnd(34)}`
    line(`${label('empty pdf-lib page')}${describeRun(empty)}`)
    line(`${label('fonts + one line (ceiling)')}${describeRun(ceiling)}`)
    line(
      `${label('')}(other run ${roundTo(Math.min(ceilingBefore.perSecond, ceilingAfter.perSecond), 1)} PDFs/s)`,
    )
    line(
      `${label('one-page receipt')}${describeRun(oneLine)}  target ≥ ${targetPdfsPerSecond}, ` +
        `ratio to ceiling ${roundTo(oneLine.perSecond / ceiling.perSecond, 2)}`,
    )
    line(`${label(`${pages}-page receipt (long text)`)}${describeRun(multiPage)}`)

    if (signedCount > 0) {
      const passphrase = 'bench'
      const p12 = selfSignedP12(passphrase)
      const signingTime = new Date('2026-11-23T03:00:00Z')
      const signed = await measure(signedCount, async (i) =>
        signReceiptPdf(await renderReceipt(inputFor(i)), p12, passphrase, { signingTime }),
      )
      line(`${label('+ signature, P12 opened each')}${describeRun(signed)}`)
      // What the `pledges.receipt` job does: the agency's P12 is opened once and signs every receipt.
      const signer = openReceiptSigner(p12, passphrase)
      const signedOnce = await measure(signedCount, async (i) =>
        signer.sign(await renderReceipt(inputFor(i)), { signingTime }),
      )
      line(
        `${label('+ signature, opened once (job)')}${describeRun(signedOnce)}  target ≥ ${targetPdfsPerSecond}`,
      )
    }
    line(
      `  one core renders ${Math.round(oneLine.perSecond * 3600).toLocaleString('en-US')} receipts an hour ` +
        `(${Math.round(1000 / oneLine.perSecond)} ms each)`,
    )

    return [
      makeFigure({
        bench: 'receipts',
        figure: 'pdfs_per_s',
        value: oneLine.perSecond,
        ceiling: ceiling.perSecond,
        targetRatio: 0,
        targetValue: targetPdfsPerSecond,
      }),
    ]
  },
}
