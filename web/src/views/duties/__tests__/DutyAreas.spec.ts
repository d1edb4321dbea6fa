// 三管三必须: a school user's own school, the bureau's pick (or ?unit_id=); the verdict of duty.areas and
// each gap as an alert; a row an area with 不涉及 and its owner; 保存 with the version read (an area
// 不涉及 sent without an owner), the gaps judged anew; an owner refused said at its row; a save that came
// second said with 刷新; read only for those who may not edit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { INSPECTOR, LEADER, OFFICE, areas } from './fixtures'

const api = vi.hoisted(() => ({
  duties: { areas: vi.fn(), saveAreas: vi.fn() },
  schools: { list: vi.fn() },
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import DutyAreas from '../DutyAreas.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

let router: Router
const mounted: VueWrapper[] = []

const ROUTES: [string, string][] = [
  ['/duties/areas', 'duty-areas'],
  ['/duties/lists', 'duty-lists'],
]

async function mountPage(me: Me, path = '/duties/areas') {
  const at = await mountPageAt(DutyAreas, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
const rowOf = (area: string) => document.querySelector<HTMLElement>(`[data-test="duty-area-row"][data-area="${area}"]`)!

/** A component of an area's row, by its data-test. */
function rowComponent(w: VueWrapper, name: string, area: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => {
    const el = x.element as Element
    return el.closest?.(`[data-area="${area}"]`) && (el.getAttribute?.('data-test') === test || !!el.closest?.(`[data-test="${test}"]`))
  })
  expect(c, `${area} ${test}`).toBeTruthy()
  return c!
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'duty.stale' : 'invalid_argument', message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.schools.list]) fn.mockReset()
  api.duties.areas.mockImplementation(async () => areas())
  api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
})

describe('三管三必须', () => {
  it('opens a school user’s own school: the verdict, the gaps, an area a row with its owner', async () => {
    const w = await mountPage(LEADER())
    expect(api.duties.areas).toHaveBeenCalledWith(21)
    expect(text('duty-areas-school-name')).toBe('示范区双桥小学')
    expect(text('duty-areas-updated')).toBe('school1_safety')
    expect(text('duty-areas-check-outcome')).toBe('未达标')
    expect($('duty-areas-check')?.getAttribute('data-outcome')).toBe('fail')
    expect(all('duty-gap').map((g) => g.textContent?.trim())).toEqual(['教育教学负责人周老师的职责清单未签订', '实验室未明确业务负责人'])
    expect(all('duty-gap').map((g) => g.getAttribute('data-area'))).toEqual(['teaching', 'lab'])
    expect(all('duty-area-row').map((r) => within(r, 'duty-area-label'))).toEqual(['教育教学', '学生管理', '食堂', '实验室'])
    expect(rowComponent(w, 'ElSelect', 'teaching', 'duty-area-owner').props('modelValue')).toBe(11)
    // An area 不涉及 has no owner to choose.
    expect(rowOf('canteen').querySelector('[data-test="duty-area-owner"]')).toBeNull()
    expect(within(rowOf('canteen'), 'duty-area-owner-name')).toBe('不涉及')
    expect(rowComponent(w, 'ElSwitch', 'canteen', 'duty-area-na').props('modelValue')).toBe(true)
    expect(rowComponent(w, 'ElSwitch', 'teaching', 'duty-area-na').props('modelValue')).toBe(false)
    expect(rowComponent(w, 'ElSelect', 'lab', 'duty-area-owner').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual([
      '张伟',
      '赵敏',
      '周老师',
      '吴老师',
    ])
    expect($('duty-areas-save')).not.toBeNull()
    expect($('duty-areas-dirty')).toBeNull()
  })

  it('says so when every area is settled', async () => {
    api.duties.areas.mockResolvedValue(areas({ gaps: [], check: { outcome: 'pass', outcome_label: '达标', reason: '各业务领域均有负责人且已签订职责清单' } }))
    await mountPage(LEADER())
    expect(all('duty-gap')).toHaveLength(0)
    expect(text('duty-no-gaps')).toContain('各业务领域均已明确负责人')
  })

  it('saves the owners with the version read: an area 不涉及 without an owner; the gaps judged anew', async () => {
    api.duties.saveAreas.mockResolvedValue(areas({ gaps: [], version: 4, check: { outcome: 'pass', outcome_label: '达标', reason: '各业务领域均有负责人且已签订职责清单' } }))
    const w = await mountPage(LEADER())
    rowComponent(w, 'ElSelect', 'lab', 'duty-area-owner').vm.$emit('update:modelValue', 12)
    rowComponent(w, 'ElSwitch', 'teaching', 'duty-area-na').vm.$emit('update:modelValue', true)
    await settle()
    expect($('duty-areas-dirty')).not.toBeNull()
    expect(rowOf('teaching').querySelector('[data-test="duty-area-owner"]')).toBeNull()
    expect(within(rowOf('teaching'), 'duty-area-owner-name')).toBe('不涉及')
    $('duty-areas-save')!.click()
    await settle()
    expect(api.duties.saveAreas).toHaveBeenCalledWith(21, {
      version: 3,
      areas: [
        { area: 'teaching', applicable: false, owner_user_id: null },
        { area: 'student', applicable: true, owner_user_id: 9 },
        { area: 'canteen', applicable: false, owner_user_id: null },
        { area: 'lab', applicable: true, owner_user_id: 12 },
      ],
    })
    expect(all('duty-gap')).toHaveLength(0)
    expect(text('duty-areas-check-outcome')).toBe('达标')
    expect($('duty-areas-dirty')).toBeNull()
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已保存三管三必须分工')
  })

  it('says an owner refused at its row, and a save that came second with 刷新', async () => {
    api.duties.saveAreas.mockRejectedValue(apiError(422, [{ field: 'areas[3].owner_user_id', reason: '负责人须为本校在岗人员' }]))
    const w = await mountPage(LEADER())
    rowComponent(w, 'ElSelect', 'lab', 'duty-area-owner').vm.$emit('update:modelValue', 99)
    await settle()
    $('duty-areas-save')!.click()
    await settle()
    expect(within(rowOf('lab'), 'duty-area-error')).toBe('负责人须为本校在岗人员')
    rowComponent(w, 'ElSelect', 'lab', 'duty-area-owner').vm.$emit('update:modelValue', 12)
    await settle()
    expect(within(rowOf('lab'), 'duty-area-error')).toBe('')

    api.duties.saveAreas.mockRejectedValue(apiError(409, [], '三管三必须分工刚被他人修改，请刷新后再改'))
    $('duty-areas-save')!.click()
    await settle()
    expect(text('duty-areas-stale')).toContain('刚被他人修改')
    api.duties.areas.mockClear()
    $('duty-areas-refresh')!.click()
    await settle()
    expect(api.duties.areas).toHaveBeenCalledWith(21)
    expect($('duty-areas-stale')).toBeNull()
  })

  it('opens the school’s 职责清单', async () => {
    await mountPage(LEADER())
    $('duty-lists-link')!.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('duty-lists')
    expect(router.currentRoute.value.query).toEqual({ unit_id: '21' })
  })

  it('lets the bureau pick a school or follow a link, and shows the owners as text to those who may not edit', async () => {
    await mountPage(OFFICE())
    expect(api.duties.areas).not.toHaveBeenCalled()
    expect(text('duty-areas-pick')).toContain('请先选择学校')
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.duties.areas.mockResolvedValue(areas({ can_edit: false }))
    await mountPage(INSPECTOR(), '/duties/areas?unit_id=21')
    expect(api.duties.areas).toHaveBeenCalledWith(21)
    expect($('duty-areas-save')).toBeNull()
    expect($('duty-area-owner')).toBeNull()
    expect(within(rowOf('teaching'), 'duty-area-owner-name')).toBe('周老师')
    expect(within(rowOf('canteen'), 'duty-area-owner-name')).toBe('不涉及')
    expect(within(rowOf('lab'), 'duty-area-owner-name')).toBe('未明确')
    expect(all('duty-gap')).toHaveLength(2)
  })
})
