// A school's record page (应急体系, 一校一策, 安全监管机构, 重点岗位人员): the unit — from the link
// (?unit_id=21), else the user's own; the bureau picks another — and its record read whenever the
// unit changes, again when a kept-alive tab comes back (unless the page says it is being written:
// `hold`), and, for `routeName`, when a link names another unit while the page is kept alive (我的待办,
// the boards). Only the latest read lands; a 404 shows as not found, another error as a message.
// For the pages that write: the server's reasons by field path, `failed` placing a refused write's —
// the reasons at their fields (the first one scrolled to in the `editorTest` element), a save that came
// second (409) in `stale`, said with 刷新 — and `apply` taking a record read or saved (the page's form
// follows it in `onApply`, told whether it is the same unit again).
import { nextTick, onActivated, onMounted, reactive, ref, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'
import { showError } from '@/utils/errors'
import { unitFromRoute } from '@/views/traffic/trafficHelpers'

/** A refused write, as the pages' helpers tell it (fieldFailure, guideFailure). */
export type RecordFailure = { kind: 'fields'; errors: Record<string, string> } | { kind: 'stale'; message: string } | { kind: string }

export interface SchoolRecordOptions<R> {
  /** The unit first shown (from the link, else the user's own). */
  initial: number | undefined
  read: (unitId: number) => Promise<R>
  /** A record read or saved: the page's form follows it; `same` when it is the unit shown already. */
  onApply?: (r: R, same: boolean) => void
  /** The route whose ?unit_id= the page follows while kept alive. */
  routeName?: string
  /** Whether the page is being written: no reading again on coming back to the tab. */
  hold?: () => boolean
  /** The bureau's picker: its schools are read when the page opens. */
  canPick: Ref<boolean>
  loadSchools: () => unknown
  /** data-test of the editor, where the first reason is scrolled to. */
  editorTest?: string
  /** The words of a refused write: 请修改标出的内容 and the 409's when the server gives none. */
  fixErrorsText?: () => string
  staleText?: () => string
}

export function useSchoolRecord<R extends { unit_id: number }>(o: SchoolRecordOptions<R>) {
  const route = useRoute()
  const unitId = ref<number | undefined>(o.initial)
  const record = ref(null) as Ref<R | null>
  const loading = ref(false)
  const notFound = ref(false)
  /** The server's reasons by field path (unit[3].phone, members[2].phone …). */
  const errors = reactive<Record<string, string>>({})
  /** 409: saved elsewhere since it was read (the server's words). */
  const stale = ref('')

  function clearErrors(): void {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  function clearFields(fields: string[]): void {
    for (const f of fields) delete errors[f]
  }

  function apply(r: R): void {
    // The same unit read again keeps its rows' keys: the rows are not drawn anew.
    const same = record.value?.unit_id === r.unit_id
    o.onApply?.(r, same)
    record.value = r
    clearErrors()
    stale.value = ''
  }

  let seq = 0
  async function load(): Promise<void> {
    const id = unitId.value
    const mine = ++seq
    notFound.value = false
    if (!id) {
      record.value = null
      return
    }
    loading.value = true
    try {
      const r = await o.read(id)
      if (mine === seq) apply(r)
    } catch (e) {
      if (mine !== seq) return
      record.value = null
      if (e instanceof ApiError && e.status === 404) notFound.value = true
      else showError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function refresh(): void {
    void load()
  }

  async function showFirstError(): Promise<void> {
    if (!o.editorTest) return
    await nextTick()
    await new Promise((r) => setTimeout(r, 120)) // Element Plus shows a form item's error after a debounce
    const ed = `[data-test="${o.editorTest}"]`
    document.querySelector<HTMLElement>(`${ed} .is-error, ${ed} [role="alert"]`)?.scrollIntoView?.({ block: 'center' })
  }

  /** A write refused: true when placed here (its reasons, or 409); false leaves it to the page. */
  function placeFailure(f: RecordFailure, fixErrorsText?: string): boolean {
    if (f.kind === 'fields' && 'errors' in f) {
      clearErrors()
      Object.assign(errors, f.errors)
      ElMessage.error({ message: fixErrorsText ?? o.fixErrorsText?.() ?? '', grouping: true })
      void showFirstError()
      return true
    }
    if (f.kind === 'stale' && 'message' in f) {
      stale.value = f.message || (o.staleText?.() ?? '')
      return true
    }
    return false
  }

  /** A write refused: its reasons, 409, or else the error as a message. */
  function failed(e: unknown, f: RecordFailure): void {
    if (!placeFailure(f)) showError(e)
  }

  if (o.routeName) {
    watch(
      () => route.query.unit_id,
      () => {
        const id = unitFromRoute(route.query)
        if (route.name === o.routeName && id && id !== unitId.value) unitId.value = id
      },
    )
  }
  watch(unitId, () => void load())
  onMounted(() => {
    if (o.canPick.value) void o.loadSchools()
    void load()
  })
  let activatedOnce = false
  onActivated(() => {
    if (activatedOnce && !o.hold?.()) void load()
    activatedOnce = true
  })

  return { unitId, record, loading, notFound, errors, stale, clearErrors, clearFields, apply, load, refresh, placeFailure, failed }
}
