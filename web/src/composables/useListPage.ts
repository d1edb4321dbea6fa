// The state and actions of every list page (search form, toolbar, table, paginator): the form
// the user edits is kept apart from the filters applied with 搜索, and loading, paging, sorting
// and export always use the applied ones. Unit-tested in __tests__/useListPage.spec.ts.
import { getCurrentInstance, onActivated, onMounted, reactive } from 'vue'
import { ElMessage } from 'element-plus'
import type { Download, Page } from '@/api/http'
import { i18n } from '@/i18n'
import { confirmAction } from '@/utils/confirm'
import { showError } from '@/utils/errors'
import { useDownload } from './useDownload'
import { DEFAULT_PAGE_SIZE, snapshot, toSort, type PageParams, type SortChange, type SortFields } from './listQuery'

export * from './listQuery'

export interface ListPageOptions<F extends object, T, Q extends object, S extends string> {
  /** The search form's defaults, a fresh object each call: what 重置 goes back to. */
  defaults: () => F
  /** The first form when it is not the defaults (filters from a link). */
  initial?: () => F
  /** The API filters of an applied form: only what is set. */
  filters: (applied: F) => Q
  /** Loads one page for the applied filters, page, page size and sort. */
  fetch: (query: Q & PageParams<S>) => Promise<Page<T>>
  /** Sortable columns (none by default). */
  sortFields?: SortFields
  /** Load when the page mounts (default true). */
  immediate?: boolean
  /** Load again when a kept-alive page comes back (default false): rows may have changed elsewhere. */
  refreshOnActivate?: boolean
  /** After every load that reached the screen. */
  onLoaded?: (page: Page<T>) => void
}

export interface ListPage<F extends object, T, Q extends object, S extends string> {
  /** The search form as the user edits it. */
  readonly form: F
  /** The filters last applied with 搜索 / 重置 (a copy: editing the form does not change it). */
  readonly applied: F
  items: T[]
  total: number
  page: number
  pageSize: number
  sort: S | undefined
  loading: boolean
  /** An export is running (`exportWith`). */
  readonly exporting: boolean
  /** Whether the search form is shown (RightToolbar hides it). */
  showSearch: boolean
  /** The list query: the applied filters, the page and the sort. */
  query(): Q & PageParams<S>
  /** The export query: the applied filters and the sort, no paging. */
  exportQuery(): Q & { sort?: S }
  /** Loads the current page. */
  load(): Promise<void>
  /** Applies the form and loads the first page. */
  search(): Promise<void>
  /** Puts the form back to its defaults, applies it and loads the first page. */
  reset(): Promise<void>
  /** el-table's sort-change: sorts and goes back to the first page. */
  sortChange(change: SortChange): Promise<void>
  /** Runs an export of the applied filters, saves the file and says so (one at a time). */
  exportWith(run: (query: Q & { sort?: S }) => Promise<Download>): Promise<void>
  /** Asks, deletes a row with `action`, then reloads (a page back when it was the page's last row). */
  remove(name: string, action: () => Promise<unknown>): Promise<boolean>
}

export function useListPage<F extends object, T, Q extends object, S extends string = string>(
  options: ListPageOptions<F, T, Q, S>,
): ListPage<F, T, Q, S> {
  const { t } = i18n.global
  const first = options.initial ? options.initial() : options.defaults()
  const form = reactive(first) as F
  let applied = snapshot(first)
  let seq = 0
  const exporter = useDownload({ progress: true })

  function query(): Q & PageParams<S> {
    const q: Q & PageParams<S> = { ...options.filters(snapshot(applied)), page: list.page, page_size: list.pageSize }
    if (list.sort) q.sort = list.sort
    return q
  }

  function exportQuery(): Q & { sort?: S } {
    const q: Q & { sort?: S } = { ...options.filters(snapshot(applied)) }
    if (list.sort) q.sort = list.sort
    return q
  }

  async function load(): Promise<void> {
    const mine = ++seq
    list.loading = true
    try {
      const res = await options.fetch(query())
      if (mine !== seq) return // a later load answers for the screen
      list.items = res.items
      list.total = res.total
      options.onLoaded?.(res)
    } catch (e) {
      if (mine === seq) showError(e)
    } finally {
      if (mine === seq) list.loading = false
    }
  }

  function search(): Promise<void> {
    applied = snapshot(form)
    list.page = 1
    return load()
  }

  function reset(): Promise<void> {
    Object.assign(form, options.defaults())
    return search()
  }

  function sortChange({ prop, order }: SortChange): Promise<void> {
    list.sort = toSort<S>(prop, order, options.sortFields ?? [])
    list.page = 1
    return load()
  }

  async function exportWith(run: (query: Q & { sort?: S }) => Promise<Download>): Promise<void> {
    await exporter.download(() => run(exportQuery()))
  }

  async function remove(name: string, action: () => Promise<unknown>): Promise<boolean> {
    if (!(await confirmAction(t('common.confirmDelete', { name })))) return false
    try {
      await action()
    } catch (e) {
      showError(e)
      return false
    }
    ElMessage.success(t('common.deleted'))
    if (list.items.length === 1 && list.page > 1) list.page--
    await load()
    return true
  }

  const list = reactive({
    form,
    get applied(): F {
      return applied
    },
    items: [] as T[],
    total: 0,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: undefined as S | undefined,
    loading: false,
    get exporting(): boolean {
      return exporter.downloading.value
    },
    showSearch: true,
    query,
    exportQuery,
    load,
    search,
    reset,
    sortChange,
    exportWith,
    remove,
  }) as ListPage<F, T, Q, S>

  if (getCurrentInstance()) {
    if (options.immediate ?? true) onMounted(() => void load())
    if (options.refreshOnActivate) {
      // onActivated also runs right after the first mount: that load is already under way.
      let activatedOnce = false
      onActivated(() => {
        if (activatedOnce) void load()
        activatedOnce = true
      })
    }
  }
  return list
}
