// Pure helpers of the department list. The server filters departments by name/code and region
// only; the kind filter runs here over the whole (small, shared) directory.
import type { Department, DepartmentKind, DepartmentQuery, UnitSort } from '@/api/org'

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

export function filterByKind<T extends Pick<Department, 'department_kind'>>(rows: readonly T[], kind: DepartmentKind | '' | undefined): T[] {
  return kind ? rows.filter((r) => r.department_kind === kind) : [...rows]
}

/** One page (1-based) of a list held in memory. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const start = (Math.max(1, page) - 1) * pageSize
  return rows.slice(start, start + pageSize)
}

const sortable = new Set(['name', 'code', 'created_at'])

export function departmentSort(prop: string | null | undefined, order: string | null | undefined): UnitSort | undefined {
  if (!prop || !order || !sortable.has(prop)) return undefined
  return (order === 'descending' ? `-${prop}` : prop) as UnitSort
}
