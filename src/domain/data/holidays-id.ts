/**
 * Hari libur nasional dan cuti bersama, 2023–2026.
 *
 * ⚠️ verify against the SKB; editable per agency in the UI. Written from knowledge of the SKB 3 Menteri
 * (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) on national holidays and cuti bersama of each year and
 * their amendments, checked against press reports of each SKB — not copied from the signed documents. Each year
 * names its source; an agency corrects a wrong or late-changed day in its own calendar (add a holiday, or mark one
 * as a working day) without a release. Names follow each year's SKB wording (e.g. "Isa Al Masih" until 2024,
 * "Yesus Kristus" from 2025).
 *
 * Election voting days declared national holidays by Keppres are listed here too, so agencies without the
 * election in Netra still get the day off; an agency's own elections add their voting days on top
 * (src/features/calendar).
 */
export const nationalHolidayKinds = ['national', 'cuti_bersama'] as const
export type NationalHolidayKind = (typeof nationalHolidayKinds)[number]

export interface NationalHoliday {
  /** YYYY-MM-DD */
  readonly on: string
  readonly name: string
  readonly kind: NationalHolidayKind
}

export interface NationalHolidayYear {
  readonly year: number
  /** The legal basis of the year's list, with its amendments. */
  readonly source: string
  readonly holidays: readonly NationalHoliday[]
}

const n = (on: string, name: string): NationalHoliday => ({ on, name, kind: 'national' })
const cb = (on: string, name: string): NationalHoliday => ({ on, name, kind: 'cuti_bersama' })

export const nationalHolidayYears: readonly NationalHolidayYear[] = [
  {
    year: 2023,
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama ' +
      'Tahun 2023 (11 Oktober 2022; nomor dikutip 1006 atau 1066 Tahun 2022, Nomor 3 Tahun 2022, Nomor 3 Tahun ' +
      '2022 ⚠️), perubahan Maret 2023 (cuti bersama Idul Fitri 19–25 April) dan SKB Nomor 624 Tahun 2023, Nomor 2 ' +
      'Tahun 2023, Nomor 2 Tahun 2023 (cuti bersama Idul Adha 28 dan 30 Juni)',
    holidays: [
      n('2023-01-01', 'Tahun Baru 2023 Masehi'),
      n('2023-01-22', 'Tahun Baru Imlek 2574 Kongzili'),
      cb('2023-01-23', 'Cuti Bersama Tahun Baru Imlek 2574 Kongzili'),
      n('2023-02-18', 'Isra Mikraj Nabi Muhammad SAW'),
      n('2023-03-22', 'Hari Suci Nyepi Tahun Baru Saka 1945'),
      cb('2023-03-23', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1945'),
      n('2023-04-07', 'Wafat Isa Al Masih'),
      cb('2023-04-19', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
      cb('2023-04-20', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
      cb('2023-04-21', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
      n('2023-04-22', 'Hari Raya Idul Fitri 1444 Hijriah'),
      n('2023-04-23', 'Hari Raya Idul Fitri 1444 Hijriah'),
      cb('2023-04-24', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
      cb('2023-04-25', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
      n('2023-05-01', 'Hari Buruh Internasional'),
      n('2023-05-18', 'Kenaikan Isa Al Masih'),
      n('2023-06-01', 'Hari Lahir Pancasila'),
      cb('2023-06-02', 'Cuti Bersama Hari Raya Waisak 2567 BE'),
      n('2023-06-04', 'Hari Raya Waisak 2567 BE'),
      cb('2023-06-28', 'Cuti Bersama Hari Raya Idul Adha 1444 Hijriah'),
      n('2023-06-29', 'Hari Raya Idul Adha 1444 Hijriah'),
      cb('2023-06-30', 'Cuti Bersama Hari Raya Idul Adha 1444 Hijriah'),
      n('2023-07-19', 'Tahun Baru Islam 1445 Hijriah'),
      n('2023-08-17', 'Hari Kemerdekaan Republik Indonesia'),
      n('2023-09-28', 'Maulid Nabi Muhammad SAW'),
      n('2023-12-25', 'Hari Raya Natal'),
      cb('2023-12-26', 'Cuti Bersama Hari Raya Natal'),
    ],
  },
  {
    year: 2024,
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 855 Tahun 2023, Nomor 3 Tahun 2023, ' +
      'Nomor 4 Tahun 2023; Keppres Nomor 10 Tahun 2024 (hari pemungutan suara Pemilu, 14 Februari) dan Keppres ' +
      'Nomor 33 Tahun 2024 (hari pemungutan suara Pilkada Serentak, 27 November) sebagai hari libur nasional',
    holidays: [
      n('2024-01-01', 'Tahun Baru 2024 Masehi'),
      n('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'),
      cb('2024-02-09', 'Cuti Bersama Tahun Baru Imlek 2575 Kongzili'),
      n('2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'),
      n('2024-02-14', 'Hari Pemungutan Suara Pemilihan Umum 2024'),
      n('2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'),
      cb('2024-03-12', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1946'),
      n('2024-03-29', 'Wafat Isa Al Masih'),
      n('2024-03-31', 'Hari Paskah'),
      cb('2024-04-08', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
      cb('2024-04-09', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
      n('2024-04-10', 'Hari Raya Idul Fitri 1445 Hijriah'),
      n('2024-04-11', 'Hari Raya Idul Fitri 1445 Hijriah'),
      cb('2024-04-12', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
      cb('2024-04-15', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
      n('2024-05-01', 'Hari Buruh Internasional'),
      n('2024-05-09', 'Kenaikan Isa Al Masih'),
      cb('2024-05-10', 'Cuti Bersama Kenaikan Isa Al Masih'),
      n('2024-05-23', 'Hari Raya Waisak 2568 BE'),
      cb('2024-05-24', 'Cuti Bersama Hari Raya Waisak 2568 BE'),
      n('2024-06-01', 'Hari Lahir Pancasila'),
      n('2024-06-17', 'Hari Raya Idul Adha 1445 Hijriah'),
      cb('2024-06-18', 'Cuti Bersama Hari Raya Idul Adha 1445 Hijriah'),
      n('2024-07-07', 'Tahun Baru Islam 1446 Hijriah'),
      n('2024-08-17', 'Hari Kemerdekaan Republik Indonesia'),
      n('2024-09-16', 'Maulid Nabi Muhammad SAW'),
      n('2024-11-27', 'Hari Pemungutan Suara Pemilihan Serentak 2024'),
      n('2024-12-25', 'Hari Raya Natal'),
      cb('2024-12-26', 'Cuti Bersama Hari Raya Natal'),
    ],
  },
  {
    year: 2025,
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, ' +
      'Nomor 2 Tahun 2024, diubah dengan SKB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 ' +
      '(cuti bersama 18 Agustus 2025)',
    holidays: [
      n('2025-01-01', 'Tahun Baru 2025 Masehi'),
      n('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
      cb('2025-01-28', 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili'),
      n('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
      cb('2025-03-28', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947'),
      n('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'),
      n('2025-03-31', 'Hari Raya Idul Fitri 1446 Hijriah'),
      n('2025-04-01', 'Hari Raya Idul Fitri 1446 Hijriah'),
      cb('2025-04-02', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
      cb('2025-04-03', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
      cb('2025-04-04', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
      cb('2025-04-07', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
      n('2025-04-18', 'Wafat Yesus Kristus'),
      n('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
      n('2025-05-01', 'Hari Buruh Internasional'),
      n('2025-05-12', 'Hari Raya Waisak 2569 BE'),
      cb('2025-05-13', 'Cuti Bersama Hari Raya Waisak 2569 BE'),
      n('2025-05-29', 'Kenaikan Yesus Kristus'),
      cb('2025-05-30', 'Cuti Bersama Kenaikan Yesus Kristus'),
      n('2025-06-01', 'Hari Lahir Pancasila'),
      n('2025-06-06', 'Hari Raya Idul Adha 1446 Hijriah'),
      cb('2025-06-09', 'Cuti Bersama Hari Raya Idul Adha 1446 Hijriah'),
      n('2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'),
      n('2025-08-17', 'Proklamasi Kemerdekaan'),
      cb('2025-08-18', 'Cuti Bersama Proklamasi Kemerdekaan (HUT ke-80 RI)'),
      n('2025-09-05', 'Maulid Nabi Muhammad SAW'),
      n('2025-12-25', 'Kelahiran Yesus Kristus'),
      cb('2025-12-26', 'Cuti Bersama Kelahiran Yesus Kristus'),
    ],
  },
  {
    year: 2026,
    source:
      'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, ' +
      'Nomor 5 Tahun 2025 (19 September 2025)',
    holidays: [
      n('2026-01-01', 'Tahun Baru 2026 Masehi'),
      n('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
      cb('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'),
      n('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
      cb('2026-03-18', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948'),
      n('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
      cb('2026-03-20', 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah'),
      n('2026-03-21', 'Hari Raya Idul Fitri 1447 Hijriah'),
      n('2026-03-22', 'Hari Raya Idul Fitri 1447 Hijriah'),
      cb('2026-03-23', 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah'),
      cb('2026-03-24', 'Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah'),
      n('2026-04-03', 'Wafat Yesus Kristus'),
      n('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
      n('2026-05-01', 'Hari Buruh Internasional'),
      n('2026-05-14', 'Kenaikan Yesus Kristus'),
      cb('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'),
      n('2026-05-27', 'Hari Raya Idul Adha 1447 Hijriah'),
      cb('2026-05-28', 'Cuti Bersama Hari Raya Idul Adha 1447 Hijriah'),
      n('2026-05-31', 'Hari Raya Waisak 2570 BE'),
      n('2026-06-01', 'Hari Lahir Pancasila'),
      n('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
      n('2026-08-17', 'Proklamasi Kemerdekaan'),
      n('2026-08-25', 'Maulid Nabi Muhammad SAW'),
      cb('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'),
      n('2026-12-25', 'Kelahiran Yesus Kristus'),
    ],
  },
]

/** The national list of one year, or null when the repository has no data for it. */
export const nationalHolidaysOf = (year: number): NationalHolidayYear | null =>
  nationalHolidayYears.find((entry) => entry.year === year) ?? null
