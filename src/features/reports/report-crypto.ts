/**
 * Encryption of reports at rest (decision 0013). Each report has its own random 32-byte data key; the texts that
 * could identify the reporter or hold the substance of the report (description, reporter identity, links, place,
 * messages) and the evidence files are encrypted with it. The data key is stored wrapped by the agency's key,
 * which a `ReportKeyProvider` holds — today one derived per agency from the master key in config
 * (REPORT_MASTER_KEY or DATA_DIR/report-master-key); an HSM or KMS can take its place behind the same interface.
 *
 * Fields: XChaCha20-Poly1305 (libsodium AEAD) with the report id and the field name as associated data, so a sealed
 * value copied into another report or another column does not open. Format: `v1.<nonce>.<ciphertext>` (base64url).
 * Wrapped keys: secretbox under the agency key, `v1.<nonce>.<box>`; `keyId` names the provider key that wrapped
 * it (rotation: a new provider key id, old ids stay readable).
 */
import sodium from 'libsodium-wrappers'

const b64 = () => sodium.base64_variants.URLSAFE_NO_PADDING

export interface ReportKeyProvider {
  /** The id of the key new data keys are wrapped with. */
  readonly keyId: string
  wrap(agencyId: string, dataKey: Uint8Array): string
  /** Throws when `keyId` is unknown to this provider or the wrapped key does not open. */
  unwrap(agencyId: string, keyId: string, wrapped: string): Uint8Array
}

export class ReportKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReportKeyError'
  }
}

/** The agency keys derived from one master key (BLAKE2b keyed by the master, personalised by the agency id). */
export async function createConfigKeyProvider(masterKey: Uint8Array): Promise<ReportKeyProvider> {
  await sodium.ready
  if (masterKey.length < 32) throw new ReportKeyError('report master key must be at least 32 bytes')
  const master = sodium.crypto_generichash(32, masterKey, sodium.from_string('netra:report-master'))
  // Names the master key without revealing it: a node started with another key refuses instead of garbling.
  const keyId = `cfg1-${sodium.to_hex(sodium.crypto_generichash(8, sodium.from_string('netra:report-key-id'), master))}`
  const agencyKey = (agencyId: string) =>
    sodium.crypto_generichash(
      sodium.crypto_secretbox_KEYBYTES,
      sodium.from_string(`netra:report-kek:${agencyId}`),
      master,
    )
  return {
    keyId,
    wrap(agencyId, dataKey) {
      const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES)
      const box = sodium.crypto_secretbox_easy(dataKey, nonce, agencyKey(agencyId))
      return `v1.${sodium.to_base64(nonce, b64())}.${sodium.to_base64(box, b64())}`
    },
    unwrap(agencyId, wrappedKeyId, wrapped) {
      if (wrappedKeyId !== keyId)
        throw new ReportKeyError(`report key ${wrappedKeyId} is not held by this server`)
      const [version, nonce, box] = wrapped.split('.')
      if (version !== 'v1' || !nonce || !box)
        throw new ReportKeyError('wrapped report key has an unknown format')
      try {
        return sodium.crypto_secretbox_open_easy(
          sodium.from_base64(box, b64()),
          sodium.from_base64(nonce, b64()),
          agencyKey(agencyId),
        )
      } catch {
        throw new ReportKeyError('wrapped report key does not open with this agency key')
      }
    },
  }
}

/** A fresh random data key for one report. */
export function newReportDataKey(): Uint8Array {
  return sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
}

const associated = (reportId: string, field: string) =>
  sodium.from_string(`netra:report:${reportId}:${field}`)

/** Seals one text field of a report with its data key. */
export function sealField(dataKey: Uint8Array, reportId: string, field: string, plaintext: string): string {
  const nonce = sodium.randombytes_buf(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
  const box = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    sodium.from_string(plaintext),
    associated(reportId, field),
    null,
    nonce,
    dataKey,
  )
  return `v1.${sodium.to_base64(nonce, b64())}.${sodium.to_base64(box, b64())}`
}

/** Opens a field sealed by `sealField` for the same report and field; throws if altered or moved. */
export function openField(dataKey: Uint8Array, reportId: string, field: string, sealed: string): string {
  const [version, nonce, box] = sealed.split('.')
  if (version !== 'v1' || !nonce || !box)
    throw new ReportKeyError('sealed report field has an unknown format')
  try {
    const plain = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sodium.from_base64(box, b64()),
      associated(reportId, field),
      sodium.from_base64(nonce, b64()),
      dataKey,
    )
    return sodium.to_string(plain)
  } catch {
    throw new ReportKeyError(`sealed report field ${field} does not open`)
  }
}

/** libsodium must be initialised before the synchronous functions above run (the provider factory awaits it). */
export const reportCryptoReady = (): Promise<void> => sodium.ready
