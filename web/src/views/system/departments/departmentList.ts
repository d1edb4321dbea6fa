// Helpers of the department list. The server filters departments by name/code and region only;
// the kind filter runs here over the whole (small, shared) directory.
import { departmentsApi, type Department, type DepartmentKind, type DepartmentQuery, type UnitSort } from '@/api/org'
import type { Page } from '@/api/http'
import { toSort, type PageParams } from '@/composables/listQuery'

export interface DepartmentSearch {
  q: string
  department_kind: DepartmentKind | ''
}

export function emptyDepartmentSearch(): DepartmentSearch {
  return { q: '', department_kind: '' }
}

/** The server-side part of the search (kind is not a server filter). */
export function departmentQuery(s: DepartmentSearch, sort?: UnitSort): Omit<DepartmentQuery, 'page' | 'page_size'> {
  const out: Omit<DepartmentQuery, 'page' | 'page_size'> = {}
  const q = s.q.trim()
  if (q) out.q = q
  if (sort) out.sort = sort
  return out
}

/** The list's filters: the server's, and the kind it does not filter by. */
export type DepartmentFilter = Omit<DepartmentQuery, 'page' | 'page_size' | 'sort'> & { kind?: DepartmentKind }

export function departmentFilter(s: DepartmentSearch): DepartmentFilter {
  const out: DepartmentFilter = departmentQuery(s)
  if (s.department_kind) out.kind = s.department_kind
  return out
}

/** One page of the list: from the server, or, with a kind, from the whole directory filtered here. */
export async function fetchDepartments({
  kind,
  page,
  page_size,
  ...query
}: DepartmentFilter & PageParams<UnitSort>): Promise<Page<Department>> {
  if (!kind) return departmentsApi.list({ ...query, page, page_size })
  const all = filterByKind(await departmentsApi.listAll(query), kind)
  return { items: pageOf(all, page, page_size), total: all.length }
}

export function filterByKind<T extends Pick<Department, 'department_kind'>>(rows: readonly T[], kind: DepartmentKind | '' | undefined): T[] {
  return kind ? rows.filter((r) => r.department_kind === kind) : [...rows]
}

/** One page (1-based) of a list held in memory. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const start = (Math.max(1, page) - 1) * pageSize
  return rows.slice(start, start + pageSize)
}

/** The columns the list sorts by (the API's `sort` names). */
export const DEPARTMENT_SORT_FIELDS = ['name', 'code', 'created_at'] as const

export function departmentSort(prop: string | null | undefined, order: string | null | undefined): UnitSort | undefined {
  return toSort<UnitSort>(prop, order, DEPARTMENT_SORT_FIELDS)
}
