/**
 * The default templates every agency starts with (created on demand and in the demo). The ikrar restates in our own
 * words the four points read at ikrar netralitas ceremonies across Indonesia (DOMAIN.md §6, seed 004); the pakta
 * integritas adds what unit heads answer for: coaching and supervising their staff.
 */
import type { TemplateKind } from './pledges.schema.js'

export interface DefaultTemplate {
  readonly kind: TemplateKind
  readonly title: string
  readonly body: string
}

export const defaultIkrar: DefaultTemplate = {
  kind: 'ikrar',
  title: 'Ikrar Netralitas ASN',
  body: [
    'Saya, pegawai di lingkungan instansi ini, dengan sadar dan tanpa paksaan berikrar:',
    '',
    '1. Menjaga netralitas sebagai pegawai Aparatur Sipil Negara dan menerapkannya dalam setiap pelayanan kepada masyarakat, pada masa sebelum, selama, dan sesudah pemilihan umum serta pemilihan kepala daerah.',
    '2. Menjauhkan diri dari benturan kepentingan, tidak menekan, mengintimidasi, atau mengancam sesama pegawai maupun warga, dan tidak berpihak kepada peserta pemilu atau pasangan calon mana pun.',
    '3. Bermedia sosial secara bijak: tidak memakainya untuk menguntungkan peserta pemilu atau pasangan calon tertentu, serta tidak ikut menyebarkan ujaran kebencian dan kabar bohong.',
    '4. Menolak politik uang dan tidak menerima pemberian dalam bentuk apa pun yang berkaitan dengan pemilu atau pemilihan.',
  ].join('\n'),
}

export const defaultIntegrityPact: DefaultTemplate = {
  kind: 'pakta_integritas',
  title: 'Pakta Integritas Netralitas',
  body: [
    'Saya, selaku pimpinan unit kerja di lingkungan instansi ini, menyatakan dengan sungguh-sungguh bahwa saya akan:',
    '',
    '1. Bersikap netral dan tidak memihak kepada peserta pemilu atau pasangan calon mana pun, baik dalam ucapan, tindakan, maupun di media sosial.',
    '2. Tidak menggunakan kewenangan, fasilitas, anggaran, maupun program unit kerja yang saya pimpin untuk kepentingan peserta pemilu atau pasangan calon.',
    '3. Membina dan mengawasi pegawai di unit kerja saya agar menjaga netralitas, serta meneruskan setiap dugaan pelanggaran sesuai ketentuan.',
    '4. Menolak politik uang dan segala bentuk pemberian yang berkaitan dengan pemilu atau pemilihan.',
    '',
    'Apabila saya melanggar pakta integritas ini, saya bersedia menerima sanksi sesuai ketentuan peraturan perundang-undangan.',
  ].join('\n'),
}

export const defaultTemplates: readonly DefaultTemplate[] = [defaultIkrar, defaultIntegrityPact]
