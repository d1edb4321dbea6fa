// The state and actions of a settings page (one record of settings, read by many, saved by
// some): load → edit → see what changed → save, undo the edits or fill in the defaults, with
// client checks and the server's field errors next to their fields. Shown with
// components/SettingsForm.vue. Unit-tested in __tests__/useSettingsForm.spec.ts.
import { computed, getCurrentInstance, onMounted, reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { applyFieldErrors, showError } from '@/utils/errors'

export interface SettingsFormOptions<V, F extends object, B> {
  /** Reads the settings. */
  get: () => Promise<V>
  /** Saves the body; answers the settings as saved. */
  put: (body: B) => Promise<V>
  /** The settings as the form. */
  toForm: (value: V) => F
  /** The form as the request body; two forms with the same body are the same settings. */
  toBody: (form: F) => B
  /** What 默认值 fills in. */
  defaults: () => V
  /** Whether the user may save (the form is read-only otherwise). */
  canWrite: () => boolean
  /** Client checks: error key → message; none = ready to send. */
  validate?: (form: F) => Record<string, string>
  /** The server's field errors (field → reason) under the form's error keys (default: as they are). */
  fieldErrors?: (fields: Record<string, string>) => Record<string, string>
  /** Asked before saving; false keeps the edits unsaved. */
  confirm?: (form: F, saved: V | null) => Promise<boolean>
  /** After a save, with the settings before it. */
  onSaved?: (value: V, before: V | null) => void
  /** Load when the page mounts (default true). */
  immediate?: boolean
}

export interface SettingsForm<V, F extends object> {
  /** The form as the user edits it. */
  readonly form: F
  /** The settings as last read or saved (null until loaded). */
  readonly saved: V | null
  /** Error key → message, for `<el-form-item :error>`. */
  readonly errors: Record<string, string>
  readonly loading: boolean
  readonly saving: boolean
  /** Whether the form differs from the saved settings. */
  readonly dirty: boolean
  readonly canWrite: boolean
  load(): Promise<void>
  /** Checks, asks when asked to, saves; true when saved. */
  save(): Promise<boolean>
  /** Back to the saved settings. */
  revert(): void
  /** The defaults into the form (not saved until 保存). */
  fillDefaults(): void
  clearErrors(): void
}

/** Client problems as error messages under their keys (the first problem of a key wins). */
export function problemMessages<P>(
  problems: readonly P[],
  keyOf: (p: P) => string,
  message: (p: P) => string,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of problems) {
    const key = keyOf(p)
    if (!(key in out)) out[key] = message(p)
  }
  return out
}

export function useSettingsForm<V, F extends object, B>(options: SettingsFormOptions<V, F, B>): SettingsForm<V, F> {
  const { t } = i18n.global
  const form = reactive(options.toForm(options.defaults())) as F
  const errors = reactive<Record<string, string>>({})
  const mapFields = options.fieldErrors ?? ((fields: Record<string, string>) => fields)

  function clearErrors(): void {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  /** Replaces the form's fields (nested tables too, so removed entries disappear). */
  function setForm(value: V): void {
    Object.assign(form, options.toForm(value))
    clearErrors()
  }

  const same = (a: F, b: F): boolean => JSON.stringify(options.toBody(a)) === JSON.stringify(options.toBody(b))

  async function load(): Promise<void> {
    state.loading = true
    try {
      const value = await options.get()
      state.saved = value
      setForm(value)
    } catch (e) {
      showError(e)
    } finally {
      state.loading = false
    }
  }

  async function save(): Promise<boolean> {
    if (!options.canWrite()) return false
    clearErrors()
    Object.assign(errors, options.validate?.(form) ?? {})
    if (Object.keys(errors).length > 0) {
      ElMessage.error(t('common.invalidForm'))
      return false
    }
    const before = state.saved as V | null
    if (options.confirm && !(await options.confirm(form, before))) return false
    state.saving = true
    try {
      const value = await options.put(options.toBody(form))
      state.saved = value
      setForm(value)
      ElMessage.success(t('common.saved'))
      options.onSaved?.(value, before)
      return true
    } catch (e) {
      const fields: Record<string, string> = {}
      if (applyFieldErrors(e, fields)) {
        Object.assign(errors, mapFields(fields))
        ElMessage.error(t('common.invalidForm'))
      } else {
        showError(e)
      }
      return false
    } finally {
      state.saving = false
    }
  }

  function revert(): void {
    if (state.saved) setForm(state.saved as V)
    else clearErrors()
  }

  function fillDefaults(): void {
    setForm(options.defaults())
  }

  const state = reactive({
    form,
    errors,
    saved: null as V | null,
    loading: false,
    saving: false,
    dirty: computed((): boolean => state.saved !== null && !same(form, options.toForm(state.saved as V))),
    canWrite: computed(() => options.canWrite()),
    load,
    save,
    revert,
    fillDefaults,
    clearErrors,
  }) as SettingsForm<V, F> & { saved: V | null; loading: boolean; saving: boolean }

  if (getCurrentInstance() && (options.immediate ?? true)) onMounted(() => void load())
  return state
}
