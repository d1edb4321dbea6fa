// The pure part of the list pages (useListPage.ts): the console's page sizes, el-table's sort
// as the API's `sort` parameter, and the copy of a search form that becomes the applied filters.
// Free of Element Plus and i18n, so the pages' query helpers can use it.
import { toRaw } from 'vue'

/** The page sizes every paginator offers. */
export const PAGE_SIZES: readonly number[] = [10, 20, 50, 100]
/** The page size every list starts with. */
export const DEFAULT_PAGE_SIZE = 10

/** What el-table's sort-change hands over ('ascending' | 'descending' | null). */
export interface SortChange {
  prop: string | null
  order: string | null
}

/**
 * The sortable columns: a list of props the API sorts by under the same name, or a map from a
 * column's prop to the API's name (`school_name` → `school`). Anything else is not sorted.
 */
export type SortFields = readonly string[] | Readonly<Record<string, string>>

function isList(f: SortFields): f is readonly string[] {
  return Array.isArray(f)
}

/** An el-table sort-change as the API's `sort` parameter: `field` ascending, `-field` descending. */
export function toSort<S extends string = string>(
  prop: string | null | undefined,
  order: string | null | undefined,
  fields: SortFields,
): S | undefined {
  if (!prop || !order) return undefined
  let field: string | undefined
  if (isList(fields)) field = fields.includes(prop) ? prop : undefined
  else field = Object.prototype.hasOwnProperty.call(fields, prop) ? fields[prop] : undefined
  if (!field) return undefined
  return ((order === 'descending' ? '-' : '') + field) as S
}

/** A deep copy of a search form (plain objects, arrays and dates), so edits do not reach it. */
export function snapshot<F>(value: F): F {
  const v: unknown = toRaw(value)
  if (v instanceof Date) return new Date(v.getTime()) as F
  if (Array.isArray(v)) return v.map((x: unknown) => snapshot(x)) as F
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = snapshot(x)
    return out as F
  }
  return v as F
}

/** The paging part of a list query. */
export interface PageParams<S extends string = string> {
  page: number
  page_size: number
  sort?: S
}
