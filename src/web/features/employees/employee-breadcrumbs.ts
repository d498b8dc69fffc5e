import type { TFunction } from 'i18next'
import type { BreadcrumbItem } from '../../ui/page-header'
import type { EmployeeDetail } from './employees.api'

/** Beranda › Pegawai › the units down to the employee's own › the employee. */
export function employeeBreadcrumbs(
  labels: { readonly home: string; readonly employees: string },
  employee: EmployeeDetail | undefined,
  last: string,
  isCurrent = true,
): BreadcrumbItem[] {
  return [
    { label: labels.home, to: '/' },
    { label: labels.employees, to: '/pegawai' },
    ...(employee?.breadcrumb ?? []).map((crumb) => ({ label: crumb.name, to: `/pegawai?unit=${crumb.id}` })),
    ...(employee && !isCurrent ? [{ label: employee.displayName, to: `/pegawai/${employee.id}` }] : []),
    { label: last },
  ]
}

/** The two fixed crumbs in the reader's language. */
export const areaLabels = (t: TFunction) => ({
  home: t('app.nav.area.home'),
  employees: t('app.nav.area.employees'),
})
