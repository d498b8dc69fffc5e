import { z } from 'zod'
import {
  employeeKinds,
  employeeStatuses,
  genders,
  positionTypes,
  socialPlatforms,
  unitKinds,
} from '../../domain/employee-fields.js'

/**
 * Record fields arrive as text, exactly as people type them (`19860926 201505 1 001`, `III-a`, `0812…`); the one
 * validation for forms and spreadsheet rows (`validateEmployee`) normalises them and names each problem.
 * The length limits here only keep absurd payloads out.
 */
const Text = (max: number) => z.string().max(max).nullish()

const recordFields = {
  kind: Text(20),
  nip: Text(40),
  nik: Text(40),
  name: z.string().max(300),
  frontTitle: Text(150),
  backTitle: Text(150),
  gender: Text(20),
  birthDate: Text(20),
  grade: Text(20),
  positionType: Text(60),
  positionTitle: Text(400),
  email: Text(300),
  phone: Text(40),
  whatsapp: Text(40),
}

export const SocialAccountBody = z.strictObject({
  platform: z.enum(socialPlatforms),
  /** `@budi.santoso` or `budi.santoso`; stored without the leading `@`. */
  handle: z
    .string()
    .trim()
    .transform((value) => value.replace(/^@+/, ''))
    .pipe(z.string().min(1).max(100)),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish(),
  isVerified: z.boolean().default(false),
})
export type SocialAccountBody = z.infer<typeof SocialAccountBody>

export const UpdateSocialAccountBody = z.strictObject({ isVerified: z.boolean() })
export type UpdateSocialAccountBody = z.infer<typeof UpdateSocialAccountBody>

export const CreateEmployeeBody = z.strictObject({
  /** Defaults to the agency of the signed-in user. */
  agencyId: z.uuid().optional(),
  unitId: z.uuid(),
  superiorId: z.uuid().nullish(),
  ...recordFields,
  status: z.enum(employeeStatuses).optional(),
  socialAccounts: z.array(SocialAccountBody).max(20).optional(),
})
export type CreateEmployeeBody = z.infer<typeof CreateEmployeeBody>

/** Only the fields sent change; null clears an optional field. Unit, superior and status have their own routes. */
export const UpdateEmployeeBody = z
  .strictObject({ ...recordFields, name: recordFields.name.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'empty_update' })
export type UpdateEmployeeBody = z.infer<typeof UpdateEmployeeBody>

export const MoveEmployeeBody = z.strictObject({ unitId: z.uuid() })
export type MoveEmployeeBody = z.infer<typeof MoveEmployeeBody>

export const SetSuperiorBody = z.strictObject({ superiorId: z.uuid().nullable() })
export type SetSuperiorBody = z.infer<typeof SetSuperiorBody>

export const SetStatusBody = z.strictObject({ status: z.enum(employeeStatuses) })
export type SetStatusBody = z.infer<typeof SetStatusBody>

export const EmployeeParams = z.strictObject({ employeeId: z.uuid() })
export const SocialAccountParams = z.strictObject({ employeeId: z.uuid(), accountId: z.uuid() })

export const employeeSorts = ['name', 'nip'] as const

export const ListEmployeesQuery = z.strictObject({
  /** Defaults to the agency of the signed-in user. */
  agencyId: z.uuid().optional(),
  /**
   * Digits (spaces allowed): NIP prefix, results ordered by NIP. Otherwise words of the name, each the beginning
   * of a word of the name (`siti rah` finds "Siti Rahmawati"); titles are not searched.
   */
  q: z.string().trim().max(100).optional(),
  /** Employees of this unit and every unit below it. */
  unitId: z.uuid().optional(),
  /**
   * Direct subordinates of this employee (not theirs in turn). A superior the reader may not see — outside their
   * part of the roster or in another agency — gives an empty list.
   */
  superiorId: z.uuid().optional(),
  kind: z.enum(employeeKinds).optional(),
  /** `III/a` (any common spelling) or a PPPK grade `IX`. */
  grade: z.string().trim().min(1).max(20).optional(),
  status: z.enum(employeeStatuses).optional(),
  positionType: z.enum(positionTypes).optional(),
  sort: z.enum(employeeSorts).default('name'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type ListEmployeesQuery = z.infer<typeof ListEmployeesQuery>

export const EmployeeListItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(employeeKinds),
  nip: z.string().nullable(),
  /** Always masked in lists (`3573••••••••0001`). */
  nikMasked: z.string().nullable(),
  name: z.string(),
  frontTitle: z.string().nullable(),
  backTitle: z.string().nullable(),
  /** `Dr. Budi Santoso, M.M.` */
  displayName: z.string(),
  gender: z.enum(genders).nullable(),
  grade: z.string().nullable(),
  /** Pangkat of a PNS grade (`Penata Muda`); null otherwise. */
  rank: z.string().nullable(),
  positionType: z.enum(positionTypes).nullable(),
  positionTitle: z.string().nullable(),
  status: z.enum(employeeStatuses),
  superiorId: z.string().nullable(),
})
export type EmployeeListItem = z.infer<typeof EmployeeListItem>

export const EmployeeList = z.object({
  items: z.array(EmployeeListItem),
  /** Exact up to 10,000; beyond that `totalIsExact` is false and the list holds more than `total`. */
  total: z.number(),
  totalIsExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
})
export type EmployeeList = z.infer<typeof EmployeeList>

export const SocialAccountView = z.object({
  id: z.string(),
  platform: z.enum(socialPlatforms),
  handle: z.string(),
  url: z.string().nullable(),
  isVerified: z.boolean(),
  createdAt: z.string(),
})
export type SocialAccountView = z.infer<typeof SocialAccountView>

const Crumb = z.object({ id: z.string(), name: z.string(), kind: z.enum(unitKinds) })

export const EmployeeDetail = EmployeeListItem.omit({ nikMasked: true }).extend({
  /** Full NIK for agency admins only; masked for everyone else (`nikIsMasked`). */
  nik: z.string().nullable(),
  nikIsMasked: z.boolean(),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  whatsapp: z.string().nullable(),
  unit: Crumb.extend({ isActive: z.boolean() }),
  /** Units from the top of the tree down to the employee's own unit (those the reader may open). */
  breadcrumb: z.array(Crumb),
  superior: z
    .object({
      id: z.string(),
      displayName: z.string(),
      nip: z.string().nullable(),
      positionTitle: z.string().nullable(),
      unitName: z.string(),
    })
    .nullable(),
  /** The direct superior works outside the reader's part of the roster (so `superior` is null). */
  superiorOutsideScope: z.boolean(),
  /** Active employees whose direct superior this is. */
  subordinatesCount: z.number(),
  socialAccounts: z.array(SocialAccountView),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type EmployeeDetail = z.infer<typeof EmployeeDetail>
