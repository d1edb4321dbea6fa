import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSettingsForm, type SettingsFormOptions } from '../useSettingsForm'

/** Settings with a number and a table of overrides, like the hazard rules. */
interface Value {
  days: number
  by: Record<string, number>
}
interface Form {
  days: number | null
  by: Record<string, number | null>
}

const toForm = (v: Value): Form => ({ days: v.days, by: { ...v.by } })
function toBody(f: Form): Value {
  const by: Record<string, number> = {}
  for (const k of Object.keys(f.by).sort()) if (typeof f.by[k] === 'number') by[k] = f.by[k] as number
  return { days: f.days ?? 7, by }
}

function make(over: Partial<SettingsFormOptions<Value, Form, Value>> = {}) {
  const get = vi.fn(async (): Promise<Value> => ({ days: 10, by: { food: 3 } }))
  const put = vi.fn(async (b: Value): Promise<Value> => b)
  const settings = useSettingsForm<Value, Form, Value>({
    get,
    put,
    toForm,
    toBody,
    defaults: () => ({ days: 7, by: {} }),
    canWrite: () => true,
    validate: (f): Record<string, string> => (f.days === null ? { days: '必填' } : {}),
    ...over,
  })
  return { settings, get, put }
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('useSettingsForm', () => {
  it('loads into the form; edits make it dirty, 撤销修改 undoes them', async () => {
    const { settings } = make()
    await settings.load()
    expect(settings.form).toEqual({ days: 10, by: { food: 3 } })
    expect(settings.dirty).toBe(false)
    settings.form.days = 12
    settings.form.by.fire = 5
    expect(settings.dirty).toBe(true)
    settings.revert()
    expect(settings.form).toEqual({ days: 10, by: { food: 3 } })
    expect(settings.dirty).toBe(false)
  })

  it('fills in the defaults (replacing the tables) without saving', async () => {
    const { settings, put } = make()
    await settings.load()
    settings.fillDefaults()
    expect(settings.form).toEqual({ days: 7, by: {} })
    expect(settings.dirty).toBe(true)
    expect(put).not.toHaveBeenCalled()
  })

  it('saves the body and takes the answer as the saved settings', async () => {
    const onSaved = vi.fn()
    const { settings, put } = make({ onSaved })
    await settings.load()
    settings.form.by.food = null // removing an override
    expect(await settings.save()).toBe(true)
    expect(put).toHaveBeenCalledWith({ days: 10, by: {} })
    expect(settings.saved).toEqual({ days: 10, by: {} })
    expect(settings.dirty).toBe(false)
    expect(onSaved).toHaveBeenCalledWith({ days: 10, by: {} }, { days: 10, by: { food: 3 } })
  })

  it('keeps an invalid form from the server and shows why', async () => {
    const { settings, put } = make()
    await settings.load()
    settings.form.days = null
    expect(await settings.save()).toBe(false)
    expect(put).not.toHaveBeenCalled()
    expect(settings.errors).toEqual({ days: '必填' })
  })

  it('asks first when asked to, and does not save on no', async () => {
    const confirm = vi.fn(async () => false)
    const { settings, put } = make({ confirm })
    await settings.load()
    settings.form.days = 11
    expect(await settings.save()).toBe(false)
    expect(confirm).toHaveBeenCalledWith(settings.form, { days: 10, by: { food: 3 } })
    expect(put).not.toHaveBeenCalled()
  })

  it('puts the server’s field errors under the form’s keys', async () => {
    const refusal = new ApiError(
      422,
      { code: 'invalid_argument', message: '参数不合法', details: [{ field: 'x.days', reason: '太大' }] },
      null,
    )
    const { settings } = make({
      put: vi.fn(async () => Promise.reject(refusal)),
      fieldErrors: (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^x\./, ''), v])),
    })
    await settings.load()
    settings.form.days = 400
    expect(await settings.save()).toBe(false)
    expect(settings.errors).toEqual({ days: '太大' })
    expect(settings.form.days).toBe(400)
  })

  it('does not save without the right to', async () => {
    const { settings, put } = make({ canWrite: () => false })
    await settings.load()
    expect(settings.canWrite).toBe(false)
    expect(await settings.save()).toBe(false)
    expect(put).not.toHaveBeenCalled()
  })
})
