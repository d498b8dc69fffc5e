import type {
  CreateEmployeeBody,
  EmployeeDetail,
  EmployeeList,
  EmployeeListItem,
  SocialAccountBody,
  SocialAccountView,
  UpdateEmployeeBody,
} from '../../../features/employees/employees.schema'
import type { EmployeeStatus } from '../../../domain/employee-fields'
import { apiPost, apiRequest, withQuery } from '../../api/client'

export type { EmployeeDetail, EmployeeList, EmployeeListItem, SocialAccountView }

export const employeesPath = '/api/v1/employees'

export const employeePath = (employeeId: string) => `${employeesPath}/${encodeURIComponent(employeeId)}`

/** GET one page of an employee's direct subordinates (those the reader may see), ordered by name. */
export const subordinatesPath = (employeeId: string, page: number, pageSize: number) =>
  withQuery(employeesPath, { superiorId: employeeId, page, pageSize })

export const createEmployee = (body: CreateEmployeeBody) => apiPost<EmployeeDetail>(employeesPath, body)

export const updateEmployee = (employeeId: string, body: UpdateEmployeeBody) =>
  apiRequest<EmployeeDetail>('PATCH', employeePath(employeeId), { body })

export const moveEmployee = (employeeId: string, unitId: string) =>
  apiRequest<EmployeeDetail>('PUT', `${employeePath(employeeId)}/unit`, { body: { unitId } })

export const setSuperior = (employeeId: string, superiorId: string | null) =>
  apiRequest<EmployeeDetail>('PUT', `${employeePath(employeeId)}/superior`, { body: { superiorId } })

export const setStatus = (employeeId: string, status: EmployeeStatus) =>
  apiRequest<EmployeeDetail>('PUT', `${employeePath(employeeId)}/status`, { body: { status } })

const socialAccountsPath = (employeeId: string) => `${employeePath(employeeId)}/social-accounts`

export const addSocialAccount = (employeeId: string, body: SocialAccountBody) =>
  apiPost<SocialAccountView>(socialAccountsPath(employeeId), body)

export const setSocialAccountVerified = (employeeId: string, accountId: string, isVerified: boolean) =>
  apiRequest<SocialAccountView>(
    'PATCH',
    `${socialAccountsPath(employeeId)}/${encodeURIComponent(accountId)}`,
    { body: { isVerified } },
  )

export const removeSocialAccount = (employeeId: string, accountId: string) =>
  apiRequest<null>('DELETE', `${socialAccountsPath(employeeId)}/${encodeURIComponent(accountId)}`)
