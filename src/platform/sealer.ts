/**
 * Small secrets at rest (TOTP seeds) are sealed with libsodium secretbox (XSalsa20-Poly1305) under a key derived
 * from SESSION_SECRET and a purpose string, so one leaked column is useless without the server secret.
 */
import sodium from 'libsodium-wrappers'

export interface Sealer {
  seal(plaintext: string): string
  open(sealed: string): string
}

export async function createSealer(serverSecret: string, purpose: string): Promise<Sealer> {
  await sodium.ready
  const key = sodium.crypto_generichash(
    sodium.crypto_secretbox_KEYBYTES,
    sodium.from_string(`netra:${purpose}`),
    sodium.crypto_generichash(sodium.crypto_generichash_KEYBYTES_MAX, sodium.from_string(serverSecret), null),
  )
  const variant = sodium.base64_variants.URLSAFE_NO_PADDING
  return {
    seal(plaintext) {
      const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES)
      const box = sodium.crypto_secretbox_easy(sodium.from_string(plaintext), nonce, key)
      return `v1.${sodium.to_base64(nonce, variant)}.${sodium.to_base64(box, variant)}`
    },
    open(sealed) {
      const [version, nonce, box] = sealed.split('.')
      if (version !== 'v1' || !nonce || !box) throw new Error('sealed value has an unknown format')
      const plain = sodium.crypto_secretbox_open_easy(
        sodium.from_base64(box, variant),
        sodium.from_base64(nonce, variant),
        key,
      )
      return sodium.to_string(plain)
    },
  }
}
