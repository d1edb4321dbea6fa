// 门岗核验: the user's own school; 机动车 / 电动自行车; the gate with the usual names and the gates of
// the school's vehicles offered; the plate (无牌可不填 for an e-bike); 核验 — the gate and a vehicle's
// plate asked before the server, the body sent, the answer large (准许进入 green, 拒绝进入 red with the
// reason and 已记录), the plate cleared and the gate kept; today's refusals below, reloaded after a
// refusal, not after an entry allowed; the server's reasons at their fields.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, MANAGER_PERMS, TODAY, refusal, staffCar, user, vehicle, visitorCar } from './fixtures'

const api = vi.hoisted(() => ({
  traffic: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), check: vi.fn(), refusals: vi.fn() },
}))

vi.mock('@/api/traffic', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/traffic')>()
  return { ...real, trafficApi: api.traffic }
})

import GateCheck from '../GateCheck.vue'

vi.setConfig({ testTimeout: 60_000 })

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

async function mountPage(me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const w = mount(GateCheck, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function chooseKind(w: VueWrapper, kind: 'vehicle' | 'ebike'): Promise<void> {
  const radio = document.querySelector<HTMLInputElement>(`[data-test="gate-kind-${kind}"] input`)
  expect(radio).toBeTruthy()
  radio!.checked = true
  radio!.dispatchEvent(new Event('change'))
  await flushPromises()
  void w
}

const check = async () => {
  $('gate-check')!.click()
  await settle()
}

const refusalsOfToday = () => api.traffic.refusals.mock.calls.filter((c) => c[0]?.from === TODAY && c[0]?.to === TODAY)

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.traffic)) fn.mockReset()
  api.traffic.list.mockResolvedValue({ items: [vehicle(), staffCar(), visitorCar(), vehicle({ id: 15, gates: ['后勤门'] })], total: 4 })
  api.traffic.refusals.mockResolvedValue({ items: [], total: 0 })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('门岗核验', () => {
  it('opens on the user’s school with 机动车, the gates offered and today’s refusals asked', async () => {
    const w = await mountPage(user(MANAGER_PERMS))
    expect($('gate-school')?.textContent).toBe('示范区双桥小学')
    expect(api.traffic.list).toHaveBeenCalledWith('vehicles', { unit_id: 21, page: 1, page_size: 500 })
    expect(api.traffic.refusals).toHaveBeenCalledWith({ unit_id: 21, from: TODAY, to: TODAY, page: 1, page_size: 100 })
    expect((document.querySelector('[data-test="gate-kind-vehicle"] input') as HTMLInputElement).checked).toBe(true)
    expect([...document.querySelectorAll('[data-test^="gate-option-"]')].map((b) => b.textContent?.trim())).toEqual(['南门', '北门', '东门', '西门', '后勤门'])
    expect($('gate-plate-hint')).toBeNull()
    expect($('gate-result')).toBeNull()
    expect($('gate-today-empty')?.textContent).toBe('今天还没有拒入记录')
    // The gate's input suggests the same gates, filtered by what is typed.
    const suggest = w.findComponent({ name: 'ElAutocomplete' }).props('fetchSuggestions') as (q: string, cb: (v: unknown) => void) => void
    const got = vi.fn()
    suggest('北', got)
    expect(got).toHaveBeenCalledWith([{ value: '北门' }])
  })

  it('asks for the gate and a vehicle’s plate before the server; an e-bike may have none', async () => {
    const w = await mountPage(user(MANAGER_PERMS))
    await check()
    expect(api.traffic.check).not.toHaveBeenCalled()
    expect(errorOf('gate-gate')).toBe('请填写校门')
    expect(errorOf('gate-plate')).toBe('请填写车牌号')
    await chooseKind(w, 'ebike')
    expect($('gate-plate-hint')?.textContent).toBe('无牌可不填')
    expect(errorOf('gate-plate')).toBeFalsy()
    ;(document.querySelector('[data-test="gate-option-南门"]') as HTMLElement).click()
    await flushPromises()
    expect(errorOf('gate-gate')).toBeFalsy()
    expect(($('gate-gate') as HTMLInputElement).value).toBe('南门')
    api.traffic.check.mockResolvedValue({ allowed: false, reason: '电动自行车不得进入：无号牌，未登记', subject_id: null, refusal: refusal({ plate: '' }) })
    await check()
    expect(api.traffic.check).toHaveBeenCalledWith({ unit_id: 21, kind: 'ebike', gate: '南门', plate: '' })
  })

  it('shows a refusal large in red with the reason and 已记录, clears the plate, keeps the gate and reloads today’s refusals', async () => {
    const w = await mountPage(user(MANAGER_PERMS))
    await chooseKind(w, 'ebike')
    await type('gate-gate', ' 南门 ')
    await type('gate-plate', ' 校101 ')
    api.traffic.check.mockResolvedValue({ allowed: false, reason: '电动自行车不得进入：无号牌', subject_id: 17, refusal: refusal() })
    api.traffic.refusals.mockResolvedValue({ items: [refusal()], total: 1 })
    const before = refusalsOfToday().length
    await check()
    expect(api.traffic.check).toHaveBeenCalledWith({ unit_id: 21, kind: 'ebike', gate: '南门', plate: '校101' })
    const result = $('gate-result')!
    expect(result.getAttribute('data-allowed')).toBe('false')
    expect(result.classList).toContain('result--refused')
    expect($('gate-verdict')?.textContent).toBe('拒绝进入')
    expect($('gate-reason')?.textContent).toBe('电动自行车不得进入：无号牌')
    expect($('gate-subject')?.textContent).toBe('校101 · 南门 · 电动自行车')
    expect($('gate-recorded')?.textContent).toBe('已记录')
    expect(($('gate-plate') as HTMLInputElement).value).toBe('')
    expect(($('gate-gate') as HTMLInputElement).value).toBe(' 南门 ')
    expect(refusalsOfToday().length).toBe(before + 1)
    const items = document.querySelectorAll('[data-test="gate-today"] [data-test="today-item"]')
    expect(items).toHaveLength(1)
    expect(items[0].querySelector('[data-test="today-plate"]')?.textContent).toBe('校101')
    expect(items[0].querySelector('[data-test="today-gate"]')?.textContent).toBe('南门')
    expect(items[0].querySelector('[data-test="today-reason"]')?.textContent).toBe('电动自行车不得进入：无号牌')
    expect(items[0].textContent).toContain('08:19')
  })

  it('shows an entry allowed in green, nothing recorded, today’s refusals not asked again', async () => {
    await mountPage(user(MANAGER_PERMS))
    await type('gate-gate', '北门')
    await type('gate-plate', '浙a31012')
    api.traffic.check.mockResolvedValue({ allowed: true, reason: '服务车辆准许进入', subject_id: 13, refusal: null })
    const before = refusalsOfToday().length
    await check()
    expect(api.traffic.check).toHaveBeenCalledWith({ unit_id: 21, kind: 'vehicle', gate: '北门', plate: '浙a31012' })
    expect($('gate-result')?.getAttribute('data-allowed')).toBe('true')
    expect($('gate-result')?.classList).toContain('result--allowed')
    expect($('gate-verdict')?.textContent).toBe('准许进入')
    expect($('gate-reason')?.textContent).toBe('服务车辆准许进入')
    expect($('gate-recorded')).toBeNull()
    expect(refusalsOfToday().length).toBe(before)
  })

  it('shows the server’s reasons at their fields, and the answer goes', async () => {
    await mountPage(user(MANAGER_PERMS))
    await type('gate-gate', '北门')
    await type('gate-plate', '浙A1')
    api.traffic.check.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'plate', reason: '车牌号格式不正确' }] }, null),
    )
    await check()
    expect(errorOf('gate-plate')).toBe('车牌号格式不正确')
    expect($('gate-result')).toBeNull()
    await type('gate-plate', '浙A12345')
    expect(errorOf('gate-plate')).toBeFalsy()
  })

  it('tells one who is not of a school that the check is the school’s', async () => {
    await mountPage(user(['traffic:gate', 'traffic:read'], BUREAU, 'safety_office'))
    expect($('gate-no-school')?.textContent).toContain('门岗核验只能由学校人员使用')
    expect($('gate-check')).toBeNull()
    expect(api.traffic.refusals).not.toHaveBeenCalled()
  })
})
