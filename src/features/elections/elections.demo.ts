/**
 * Demo elections for the fictional Kota Contoh: Pemilu 2024 (real schedule and presidential tickets, DOMAIN.md
 * §7.1) and Pilkada 2024 (real schedule, DOMAIN.md §7.2, with FICTIONAL mayoral pairs — Kota Contoh does not
 * exist and neither do its candidates). Idempotent: an election the agency already has (same name) is left as is.
 * Slogans, hashtags and social handles of the presidential tickets are from memory ⚠️ (demo data only).
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../../domain/clock.js'
import { DomainError } from '../../domain/errors.js'
import type { Database } from '../../db/tables.js'
import { findAgencyById } from '../agencies/agencies.service.js'
import { systemActor, type AuditActor } from '../audit/audit.service.js'
import type { CreateCandidateBody, CreateElectionBody } from './elections.schema.js'
import {
  createCandidateRecord,
  createElectionRecord,
  createPartyRecord,
  findElectionByName,
} from './elections.service.js'

interface DemoParty {
  readonly ballotNumber: number | null
  readonly name: string
  readonly abbreviation: string
}

interface DemoElection {
  readonly election: CreateElectionBody
  readonly parties: readonly DemoParty[]
  /** Coalitions name parties by abbreviation. */
  readonly candidates: readonly (Omit<CreateCandidateBody, 'partyIds'> & { coalition: readonly string[] })[]
}

/** The 18 national parties of Pemilu 2024 with their ballot numbers (Aceh's local parties 18–23 left out). */
const pemiluParties: readonly DemoParty[] = [
  { ballotNumber: 1, name: 'Partai Kebangkitan Bangsa', abbreviation: 'PKB' },
  { ballotNumber: 2, name: 'Partai Gerakan Indonesia Raya', abbreviation: 'Gerindra' },
  { ballotNumber: 3, name: 'Partai Demokrasi Indonesia Perjuangan', abbreviation: 'PDI Perjuangan' },
  { ballotNumber: 4, name: 'Partai Golongan Karya', abbreviation: 'Golkar' },
  { ballotNumber: 5, name: 'Partai NasDem', abbreviation: 'NasDem' },
  { ballotNumber: 6, name: 'Partai Buruh', abbreviation: 'Partai Buruh' },
  { ballotNumber: 7, name: 'Partai Gelombang Rakyat Indonesia', abbreviation: 'Gelora' },
  { ballotNumber: 8, name: 'Partai Keadilan Sejahtera', abbreviation: 'PKS' },
  { ballotNumber: 9, name: 'Partai Kebangkitan Nusantara', abbreviation: 'PKN' },
  { ballotNumber: 10, name: 'Partai Hati Nurani Rakyat', abbreviation: 'Hanura' },
  { ballotNumber: 11, name: 'Partai Garda Republik Indonesia', abbreviation: 'Garuda' },
  { ballotNumber: 12, name: 'Partai Amanat Nasional', abbreviation: 'PAN' },
  { ballotNumber: 13, name: 'Partai Bulan Bintang', abbreviation: 'PBB' },
  { ballotNumber: 14, name: 'Partai Demokrat', abbreviation: 'Demokrat' },
  { ballotNumber: 15, name: 'Partai Solidaritas Indonesia', abbreviation: 'PSI' },
  { ballotNumber: 16, name: 'Partai Persatuan Indonesia', abbreviation: 'Perindo' },
  { ballotNumber: 17, name: 'Partai Persatuan Pembangunan', abbreviation: 'PPP' },
  { ballotNumber: 24, name: 'Partai Ummat', abbreviation: 'Ummat' },
]

export const demoPemilu2024: DemoElection = {
  election: {
    type: 'PEMILU',
    name: 'Pemilihan Umum 2024',
    description:
      'Data contoh: jadwal Pemilu 2024 (PKPU 3/2022) dan pasangan calon presiden dan wakil presiden dengan partai ' +
      'pengusungnya.',
    regionCode: null,
    votingOn: '2024-02-14',
    campaignStartsOn: '2023-11-28',
    campaignEndsOn: '2024-02-10',
    quietStartsOn: '2024-02-11',
    quietEndsOn: '2024-02-13',
    candidateDesignatedOn: '2023-11-13',
    stages: [
      { name: 'Dimulainya tahapan Pemilu 2024', kind: 'other', startsOn: '2022-06-14', endsOn: '2022-06-14' },
      {
        name: 'Pendaftaran pasangan calon presiden dan wakil presiden',
        kind: 'registration',
        startsOn: '2023-10-19',
        endsOn: '2023-10-25',
      },
      {
        name: 'Penetapan daftar calon tetap (DCT) anggota legislatif',
        kind: 'designation',
        startsOn: '2023-11-03',
        endsOn: '2023-11-03',
      },
      {
        name: 'Penetapan pasangan calon presiden dan wakil presiden',
        kind: 'designation',
        startsOn: '2023-11-13',
        endsOn: '2023-11-13',
      },
      {
        name: 'Pengundian nomor urut pasangan calon',
        kind: 'other',
        startsOn: '2023-11-14',
        endsOn: '2023-11-14',
      },
      { name: 'Masa kampanye', kind: 'campaign', startsOn: '2023-11-28', endsOn: '2024-02-10' },
      { name: 'Masa tenang', kind: 'quiet', startsOn: '2024-02-11', endsOn: '2024-02-13' },
      { name: 'Pemungutan suara', kind: 'voting', startsOn: '2024-02-14', endsOn: '2024-02-14' },
      {
        name: 'Penghitungan dan rekapitulasi hasil suara nasional',
        kind: 'counting',
        startsOn: '2024-02-14',
        endsOn: '2024-03-20',
      },
    ],
  },
  parties: pemiluParties,
  candidates: [
    {
      office: 'presiden',
      ballotNumber: 1,
      name: 'Anies Rasyid Baswedan',
      runningMateName: 'Abdul Muhaimin Iskandar',
      status: 'calon',
      coalition: ['NasDem', 'PKB', 'PKS', 'Ummat'],
      slogans: ['Indonesia Adil Makmur untuk Semua', 'Perubahan'],
      hashtags: ['#AMIN', '#AniesMuhaimin'],
      socialAccounts: [
        { platform: 'instagram', handle: 'aniesbaswedan' },
        { platform: 'instagram', handle: 'cakiminnow' },
      ],
    },
    {
      office: 'presiden',
      ballotNumber: 2,
      name: 'Prabowo Subianto',
      runningMateName: 'Gibran Rakabuming Raka',
      status: 'terpilih',
      coalition: ['Gerindra', 'Golkar', 'PAN', 'Demokrat', 'PBB', 'Gelora', 'Garuda', 'PSI'],
      slogans: ['Bersama Indonesia Maju'],
      hashtags: ['#PrabowoGibran', '#IndonesiaMaju'],
      socialAccounts: [
        { platform: 'instagram', handle: 'prabowo' },
        { platform: 'instagram', handle: 'gibran_rakabuming' },
      ],
    },
    {
      office: 'presiden',
      ballotNumber: 3,
      name: 'Ganjar Pranowo',
      runningMateName: 'Mohammad Mahfud MD',
      status: 'calon',
      coalition: ['PDI Perjuangan', 'PPP', 'Hanura', 'Perindo'],
      slogans: ['Menuju Indonesia Unggul', 'Gerak cepat'],
      hashtags: ['#GanjarMahfud', '#GerakCepat'],
      socialAccounts: [
        { platform: 'instagram', handle: 'ganjar_pranowo' },
        { platform: 'x', handle: 'mohmahfudmd' },
      ],
    },
  ],
}

/** The fictional Kota Contoh's code when the agency has no city code: province 32, city 99 (no such city). */
export const fictionalCityCode = '32.99'

/** Pilkada 2024 of Kota Contoh. ⚠️ FICTIONAL pairs: invented names, slogans, hashtags and handles. */
export function demoPilkada2024(regionCode: string): DemoElection {
  return {
    election: {
      type: 'PILKADA',
      name: 'Pemilihan Wali Kota dan Wakil Wali Kota Contoh 2024',
      description:
        'Data contoh: jadwal Pilkada Serentak 2024 (PKPU 2/2024). Kota Contoh dan ketiga pasangan calonnya fiktif.',
      regionCode,
      votingOn: '2024-11-27',
      campaignStartsOn: '2024-09-25',
      campaignEndsOn: '2024-11-23',
      quietStartsOn: '2024-11-24',
      quietEndsOn: '2024-11-26',
      candidateDesignatedOn: '2024-09-22',
      stages: [
        {
          name: 'Pendaftaran pasangan calon',
          kind: 'registration',
          startsOn: '2024-08-27',
          endsOn: '2024-08-29',
        },
        {
          name: 'Penetapan pasangan calon',
          kind: 'designation',
          startsOn: '2024-09-22',
          endsOn: '2024-09-22',
        },
        {
          name: 'Pengundian nomor urut pasangan calon',
          kind: 'other',
          startsOn: '2024-09-23',
          endsOn: '2024-09-23',
        },
        { name: 'Masa kampanye', kind: 'campaign', startsOn: '2024-09-25', endsOn: '2024-11-23' },
        { name: 'Masa tenang', kind: 'quiet', startsOn: '2024-11-24', endsOn: '2024-11-26' },
        { name: 'Pemungutan suara', kind: 'voting', startsOn: '2024-11-27', endsOn: '2024-11-27' },
        {
          name: 'Penghitungan dan rekapitulasi hasil suara',
          kind: 'counting',
          startsOn: '2024-11-27',
          endsOn: '2024-12-16',
        },
      ],
    },
    // Parties have no ballot number in a Pilkada.
    parties: pemiluParties
      .filter((p) =>
        [
          'PKB',
          'Gerindra',
          'PDI Perjuangan',
          'Golkar',
          'NasDem',
          'PKS',
          'PAN',
          'Demokrat',
          'PSI',
          'PPP',
        ].includes(p.abbreviation),
      )
      .map((p) => ({ ...p, ballotNumber: null })),
    candidates: [
      {
        office: 'wali_kota',
        ballotNumber: 1,
        name: 'Hendra Wijayakusuma, S.H., M.H.',
        runningMateName: 'Dra. Lestari Handayani, M.Si.',
        status: 'calon',
        coalition: ['Gerindra', 'Golkar', 'PAN', 'Demokrat', 'PSI'],
        slogans: ['Kota Contoh Maju Bersama'],
        hashtags: ['#HendraLestari', '#ContohMaju'],
        socialAccounts: [{ platform: 'instagram', handle: 'hendralestari.contoh' }],
      },
      {
        office: 'wali_kota',
        ballotNumber: 2,
        name: 'Ir. Yusuf Mahendra',
        runningMateName: 'Nur Aisyah Putri, S.Kom.',
        status: 'calon',
        coalition: ['PDI Perjuangan', 'PKB', 'NasDem', 'PKS', 'PPP'],
        slogans: ['Kota Contoh Sejahtera, Warga Bahagia'],
        hashtags: ['#YusufAisyah', '#ContohSejahtera'],
        socialAccounts: [
          { platform: 'instagram', handle: 'yusufaisyah.contoh' },
          { platform: 'tiktok', handle: 'yusufaisyah.contoh' },
        ],
      },
      {
        // Jalur perseorangan: an independent pair with KTP support, no party.
        office: 'wali_kota',
        ballotNumber: 3,
        name: 'Fajar Ramadhan Siregar, S.T.',
        runningMateName: 'Yohana Maria Tamba, S.E.',
        status: 'calon',
        coalition: [],
        slogans: ['Dari Warga, untuk Warga'],
        hashtags: ['#FajarYohana', '#ContohMandiri'],
        socialAccounts: [{ platform: 'x', handle: 'fajaryohana_contoh' }],
      },
    ],
  }
}

/** A city code (`PP.KK` with KK 71–99) from the agency's region code, else the fictional one. */
function cityCodeOf(regionCode: string | null): string {
  const match = /^(\d{2})\.(\d{2})(?:\.|$)/.exec(regionCode ?? '')
  return match?.[1] && match[2] && Number(match[2]) >= 71 ? `${match[1]}.${match[2]}` : fictionalCityCode
}

async function seedOne(
  db: Kysely<Database>,
  clock: Clock,
  actor: AuditActor,
  agencyId: string,
  demo: DemoElection,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (await findElectionByName(trx, agencyId, demo.election.name)) return false
    const { row } = await createElectionRecord(trx, clock, actor, agencyId, demo.election)
    const partyIds = new Map<string, string>()
    for (const party of demo.parties) {
      const created = await createPartyRecord(trx, clock, actor, row, party)
      partyIds.set(party.abbreviation, created.id)
    }
    for (const { coalition, ...candidate } of demo.candidates) {
      const ids = coalition.map((abbreviation) => {
        const id = partyIds.get(abbreviation)
        if (!id) throw new DomainError('election.coalition_invalid', { party: abbreviation })
        return id
      })
      await createCandidateRecord(trx, clock, actor, row, { ...candidate, partyIds: ids }, row.votingOn)
    }
    return true
  })
}

/**
 * Seeds Pemilu 2024 and Pilkada 2024 (fictional pairs) for the agency; elections it already has are skipped.
 * Returns how many were created and how many existed.
 */
export async function seedDemoElections(
  db: Kysely<Database>,
  clock: Clock,
  agencyId: string,
  actor: AuditActor = systemActor,
): Promise<{ created: number; existing: number }> {
  const agency = await findAgencyById(db, agencyId)
  if (!agency) throw new DomainError('agency.not_found', { agencyId })
  let created = 0
  for (const demo of [demoPemilu2024, demoPilkada2024(cityCodeOf(agency.regionCode))]) {
    if (await seedOne(db, clock, actor, agencyId, demo)) created += 1
  }
  return { created, existing: 2 - created }
}
