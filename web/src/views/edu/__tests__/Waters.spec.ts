// 周边水域风险: the list (name, kind, distance, the four measures present or missing, 重点, the day
// last checked) and its filters (只看有缺项, 只看重点, 含已消除, kind, keyword; the school for the bureau),
// the export, who may add, edit and delete (asked first); the water form — the school's own or a
// bureau user's choice, the name, kind and distance required, the four measures with the preview of
// 重点, a future check refused, the payload, the server's reason beside its field, 仍存在 and the
// version on an edit, a conflict reloading — the bureau's 各校水域 (a school chosen lists its
// waters) and cards on a phone with the gaps spelt out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, BUREAU_RECORDER_PERMS, RECORDER_PERMS, TEACHER_PERMS, TODAY, user, water, waterBoard } from './fixtures'

const api = vi.hoisted(() => ({
  waters: { list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn(), board: vi.fn() },
  schools: { list: vi.fn() },
  confirm: vi.fn(),
  saveDownload: vi.fn(),
}))

vi.mock('@/api/eduWaters', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduWaters')>()
  return { ...real, eduWatersApi: api.waters }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import Waters from '../Waters.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, path = '/edu/waters') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/edu/waters', name: 'edu-waters', component: Stub }] })
  await router.push(path)
  await router.isReady()
  const w = mount(Waters, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogOpen = () => {
  const d = $('water-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const dialogTitle = () => $('water-dialog')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}
const select = (w: VueWrapper, test: string) => component(w, 'ElSelect', test)

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function tick(test: string, checked: boolean): Promise<void> {
  const box = document.querySelector<HTMLInputElement>(`[data-test="${test}"] input`)
  expect(box, test).toBeTruthy()
  box!.checked = checked
  box!.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function distance(w: VueWrapper, n: number | null): Promise<void> {
  component(w, 'ElInputNumber', 'water-distance').vm.$emit('update:modelValue', n)
  await flushPromises()
}

/** A measure tag's state in a row or card: present or missing. */
const measures = (root: { findAll: VueWrapper['findAll'] }) =>
  root.findAll('[data-test^="measure-"]').map((m) => `${m.attributes('data-test')!.slice('measure-'.length)}:${m.attributes('data-state')}`)

const OFFICER = () => user(RECORDER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user(BUREAU_RECORDER_PERMS, BUREAU, 'safety_office')
const desk = window.innerWidth

const ROWS = () => [
  water(),
  water({
    id: 4,
    name: '青石河',
    kind: 'river',
    kind_label: '河流',
    distance_m: 1500,
    location: '',
    fence: true,
    rescue_gear: true,
    patrol: true,
    keeper: '',
    gaps: [],
    priority: false,
    checked_on: '2026-10-08',
  }),
  water({ id: 5, name: '废弃砂坑', kind: 'pit', kind_label: '坑塘（采砂坑、废弃矿坑）', distance_m: 800, warning_sign: false, gaps: ['警示牌', '护栏', '救生设施', '巡查'], priority: false, active: false }),
]

beforeEach(() => {
  // Today in China is 2026-12-07 (only the clock is faked).
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.waters), api.schools.list, api.confirm, api.saveDownload]) fn.mockReset()
  api.waters.list.mockResolvedValue({ items: ROWS(), total: 3 })
  api.waters.board.mockResolvedValue(waterBoard())
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('周边水域风险: the list', () => {
  it('lists a school’s waters: name, kind, distance, the measures present or missing, 重点, the day checked', async () => {
    const w = await mountPage(OFFICER())
    expect(api.waters.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    // A school's staff: no school column or filter, no 各校水域.
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads).toEqual(['水域名称', '类型', '距学校', '防护措施', '重点', '管理责任单位', '最近核查', '操作'])
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(w.find('[data-test="water-tabs"]').exists()).toBe(false)
    expect(w.find('[data-test="add"]').text()).toBe('新增')
    expect(w.find('[data-test="water-intro"]').text()).toContain('距学校 1000 米以内且缺少防护措施的水域标为“重点”')

    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="row-name"]').text()).toBe('村东大塘')
    expect(rows[0].find('[data-test="row-location"]').text()).toBe('学校东侧青石村村口')
    expect(rows[0].find('[data-test="row-kind"]').text()).toBe('池塘')
    expect(rows[0].find('[data-test="row-distance"]').text()).toBe('300 米')
    expect(measures(rows[0])).toEqual(['warning_sign:present', 'fence:missing', 'rescue_gear:missing', 'patrol:missing'])
    // Present plain, missing red, and said in words besides the colour.
    const sign = rows[0].find('[data-test="measure-warning_sign"]')
    expect(sign.classes()).toContain('el-tag--info')
    expect(sign.text()).toBe('✓已有警示牌')
    const fence = rows[0].find('[data-test="measure-fence"]')
    expect(fence.classes()).toContain('el-tag--danger')
    expect(fence.text()).toBe('✕缺少护栏')
    expect(rows[0].find('[data-test="row-priority"]').text()).toBe('重点')
    expect(rows[0].find('[data-test="row-keeper"]').text()).toBe('青石村委会')
    expect(rows[0].find('[data-test="row-checked"]').text()).toBe('2026-11-20')
    // All four in place, far off: no 重点.
    expect(measures(rows[1])).toEqual(['warning_sign:present', 'fence:present', 'rescue_gear:present', 'patrol:present'])
    expect(rows[1].find('[data-test="row-priority"]').exists()).toBe(false)
    expect(rows[1].find('[data-test="row-keeper"]').text()).toBe('—')
    // Gone: 已消除, not 重点.
    expect(rows[2].find('[data-test="row-inactive"]').text()).toBe('已消除')
    expect(rows[2].find('[data-test="row-priority"]').exists()).toBe(false)
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(3)
  })

  it('filters by kind, gaps, priority, the gone ones and a keyword, and exports those filters', async () => {
    const w = await mountPage(OFFICER())
    expect(select(w, 'search-kind').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual([
      '池塘',
      '河流',
      '水库',
      '沟渠',
      '湖泊',
      '坑塘（采砂坑、废弃矿坑）',
      '其他水域',
    ])
    select(w, 'search-kind').vm.$emit('update:modelValue', 'pond')
    await tick('search-gaps', true)
    await tick('search-priority', true)
    await tick('search-inactive', true)
    await type('search-q', ' 大塘 ')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    const filters = { kind: 'pond', gaps: true, priority: true, include_inactive: true, q: '大塘' }
    expect(api.waters.list).toHaveBeenLastCalledWith({ ...filters, page: 1, page_size: 10 })

    api.waters.export.mockResolvedValue({ blob: new Blob(['x']), filename: '周边水域风险.xlsx' })
    await w.find('[data-test="export"]').trigger('click')
    await flushPromises()
    expect(api.waters.export).toHaveBeenCalledWith(filters)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('deletes after asking, then reloads', async () => {
    const w = await mountPage(OFFICER())
    api.waters.remove.mockResolvedValue(undefined)
    await w.findAll('[data-test="row-delete"]')[0].trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('村东大塘（池塘）'))
    expect(api.waters.remove).toHaveBeenCalledWith(3)
    expect(api.waters.list).toHaveBeenCalledTimes(2)

    api.confirm.mockResolvedValue(false)
    await w.findAll('[data-test="row-delete"]')[1].trigger('click')
    await settle()
    expect(api.waters.remove).toHaveBeenCalledTimes(1)
  })

  it('offers a reader without edu:lessons the list and the export only', async () => {
    const w = await mountPage(user(TEACHER_PERMS))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-delete"]').exists()).toBe(false)
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).not.toContain('操作')
  })

  it('shows one card per water on a phone, its gaps spelt out', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="card-name"]').text()).toBe('村东大塘')
    expect(cards[0].find('[data-test="card-priority"]').text()).toBe('重点')
    expect(cards[0].find('[data-test="card-kind"]').text()).toBe('池塘')
    expect(cards[0].find('[data-test="card-distance"]').text()).toBe('距学校 300 米')
    expect(cards[0].find('[data-test="card-gaps"]').text()).toBe('缺：护栏、救生设施、巡查')
    expect(measures(cards[0])).toEqual(['warning_sign:present', 'fence:missing', 'rescue_gear:missing', 'patrol:missing'])
    expect(cards[0].find('[data-test="card-keeper"]').text()).toBe('管理责任单位 青石村委会')
    expect(cards[0].find('[data-test="card-checked"]').text()).toBe('最近核查 2026-11-20')
    expect(cards[0].find('[data-test="row-edit"]').exists()).toBe(true)
    expect(cards[1].find('[data-test="card-priority"]').exists()).toBe(false)
    expect(cards[1].find('[data-test="card-gaps"]').text()).toBe('措施齐全')
    expect(cards[2].find('[data-test="card-inactive"]').text()).toBe('已消除')
    expect(cards[2].find('[data-test="card-gaps"]').exists()).toBe(false)
  })
})

describe('周边水域风险: the bureau', () => {
  it('shows the school and its filter, and 各校水域: the gaps by school, a school chosen listing its waters', async () => {
    const w = await mountPage(OFFICE())
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())[0]).toBe('学校')
    select(w, 'search-school_id').vm.$emit('update:modelValue', 22)
    await tick('search-gaps', true)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.waters.list).toHaveBeenLastCalledWith({ school_id: 22, gaps: true, page: 1, page_size: 10 })

    expect(w.find('[data-test="tab-board"]').text()).toBe('各校水域')
    await w.find('#tab-board').trigger('click')
    await settle()
    expect(api.waters.board).toHaveBeenCalledTimes(1)
    expect(w.find('[data-test="board-total-schools"] [data-test="stat-value"]').text()).toBe('2 / 4')
    expect(w.find('[data-test="board-total-gaps"] [data-test="stat-value"]').text()).toBe('3')
    expect(w.find('[data-test="board-total-priority"] [data-test="stat-value"]').text()).toBe('2')
    const rows = w.findAll('[data-test="board-table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(4)
    expect(rows[0].find('[data-test="board-school-21"]').text()).toBe('示范区双桥小学')
    expect(rows[0].classes()).toContain('water-row--priority')
    expect(rows[0].find('[data-test="board-location"]').text()).toBe('乡村')
    expect(rows[0].find('[data-test="board-waters"]').text()).toBe('3')
    expect(rows[0].find('[data-test="board-gaps"]').text()).toBe('2')
    expect(rows[0].find('[data-test="board-priority"]').text()).toBe('2')
    expect(rows[0].find('[data-test="board-nearest"]').text()).toBe('300 米')
    expect(rows[1].find('[data-test="board-priority"]').text()).toBe('0')
    // A township school with no water recorded: 未登记, highlighted.
    expect(rows[2].classes()).toContain('water-row--unrecorded')
    expect(rows[2].find('[data-test="board-unrecorded"]').text()).toBe('未登记')
    expect(rows[2].find('[data-test="board-nearest"]').text()).toBe('—')
    // An urban school with none: nothing to note.
    expect(rows[3].find('[data-test="board-unrecorded"]').exists()).toBe(false)
    expect(rows[3].find('[data-test="board-waters"]').text()).toBe('0')

    // A row chosen: the list of that school's waters, the other filters cleared.
    await rows[1].trigger('click')
    await settle()
    expect(w.find('[data-test="board-table"]').exists()).toBe(false)
    expect(api.waters.list).toHaveBeenLastCalledWith({ school_id: 22, page: 1, page_size: 10 })
    expect(select(w, 'search-school_id').props('modelValue')).toBe(22)
  })

  it('shows 各校水域 as cards at 375 px, from the link; a card chosen lists its school’s waters', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICE(), '/edu/waters?tab=board')
    expect(w.find('[data-test="board-table"]').exists()).toBe(false)
    const card = w.find('[data-test="board-card-21"]')
    expect(card.classes()).toContain('card--priority')
    expect(card.find('[data-test="board-priority"]').text()).toBe('重点水域 2')
    expect(card.find('[data-test="board-gaps"]').text()).toBe('有缺项 2')
    expect(card.find('[data-test="board-nearest"]').text()).toBe('最近距离 300 米')
    expect(w.find('[data-test="board-card-24"]').classes()).toContain('card--unrecorded')
    expect(w.find('[data-test="board-card-24"] [data-test="board-unrecorded"]').text()).toBe('未登记')
    await w.find('[data-test="board-school-24"]').trigger('click')
    await settle()
    expect(api.waters.list).toHaveBeenLastCalledWith({ school_id: 24, page: 1, page_size: 10 })
    expect(w.findAll('[data-test="card"]')).toHaveLength(3)
  })

  it('takes the school from a link', async () => {
    await mountPage(OFFICE(), '/edu/waters?school_id=21&priority=1')
    expect(api.waters.list).toHaveBeenCalledWith({ school_id: 21, priority: true, page: 1, page_size: 10 })
  })
})

describe('周边水域风险: the water form', () => {
  it('adds a water for the school: name, kind and distance required, the measures ticked, checked today', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect(dialogTitle()).toBe('新增周边水域')
    // The school is the user's own; checked today by default; still there is not asked.
    expect($('water-school-fixed')?.textContent).toBe('示范区双桥小学')
    expect(w.findAllComponents({ name: 'ElDatePicker' })[0].props('modelValue')).toBe(TODAY)
    expect($('water-active')).toBeNull()
    expect(select(w, 'water-kind').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))[5]).toBe('坑塘（采砂坑、废弃矿坑）')
    expect($('water-measures')?.textContent).toContain('设有护栏或围网')

    $('water-submit')!.click()
    await settle()
    expect(api.waters.create).not.toHaveBeenCalled()
    expect(errorOf('water-name')).toBe('请填写水域名称')
    expect(errorOf('water-kind')).toBe('请选择水域类型')
    expect(errorOf('water-distance')).toBe('请填写距学校距离（0 到 50000 米）')

    await type('water-name', ' 端到端测试塘 ')
    select(w, 'water-kind').vm.$emit('update:modelValue', 'pond')
    await distance(w, 300)
    await tick('water-warning_sign', true)
    await settle()
    // The preview: within 1000 m and missing three.
    expect($('water-preview')?.textContent).toBe('将标为“重点”：距学校 1000 米以内，缺少护栏、救生设施、巡查')
    await type('water-keeper', '青石村委会')
    // A check later than today is refused.
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '2026-12-08')
    await settle()
    $('water-submit')!.click()
    await settle()
    expect(api.waters.create).not.toHaveBeenCalled()
    expect(errorOf('water-checked')).toBe('最近核查日期不能晚于今天')
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', TODAY)
    await settle()

    api.waters.create.mockResolvedValue(water({ id: 9 }))
    $('water-submit')!.click()
    await settle()
    expect(api.waters.create).toHaveBeenCalledWith({
      school_id: 21,
      name: '端到端测试塘',
      kind: 'pond',
      distance_m: 300,
      location: '',
      warning_sign: true,
      fence: false,
      rescue_gear: false,
      patrol: false,
      keeper: '青石村委会',
      checked_on: TODAY,
      note: '',
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已新增')
    expect(dialogOpen()).toBe(false)
    expect(api.waters.list).toHaveBeenCalledTimes(2)
  })

  it('shows the server’s reason beside its field and keeps the form open', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    await type('water-name', '村东大塘')
    select(w, 'water-kind').vm.$emit('update:modelValue', 'pond')
    await distance(w, 50000)
    api.waters.create.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '请检查输入',
          details: [
            { field: 'name', reason: '水域名称含有不可见的控制字符' },
            { field: 'fence', reason: '护栏须为是或否' },
            { field: 'school', reason: '学校不在管辖范围内' },
          ],
        },
        null,
      ),
    )
    $('water-submit')!.click()
    await settle()
    expect(api.waters.create).toHaveBeenCalledWith(expect.objectContaining({ name: '村东大塘', distance_m: 50000 }))
    expect(errorOf('water-name')).toBe('水域名称含有不可见的控制字符')
    expect(errorOf('water-measures')).toBe('护栏须为是或否')
    // A reason no field shows is listed above the form.
    expect($('water-errors')?.textContent).toContain('school：学校不在管辖范围内')
    expect(dialogOpen()).toBe(true)
  })

  it('asks a bureau user for the school', async () => {
    const w = await mountPage(OFFICE())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    await type('water-name', '青石河')
    select(w, 'water-kind').vm.$emit('update:modelValue', 'river')
    await distance(w, 1500)
    $('water-submit')!.click()
    await settle()
    expect(api.waters.create).not.toHaveBeenCalled()
    expect(errorOf('water-school')).toBe('请选择学校')
    select(w, 'water-school').vm.$emit('update:modelValue', 22)
    api.waters.create.mockResolvedValue(water({ id: 10, school_id: 22 }))
    $('water-submit')!.click()
    await settle()
    expect(api.waters.create).toHaveBeenCalledWith(expect.objectContaining({ school_id: 22, name: '青石河', kind: 'river', distance_m: 1500 }))
  })

  it('edits a water with 仍存在 and the version read; all four ticked, 重点 is gone from the preview; a conflict reloads', async () => {
    const w = await mountPage(OFFICER())
    await w.findAll('[data-test="row-edit"]')[0].trigger('click')
    await settle()
    expect(dialogTitle()).toBe('修改周边水域')
    expect(($('water-name') as HTMLInputElement).value).toBe('村东大塘')
    expect(component(w, 'ElSwitch', 'water-active').props('modelValue')).toBe(true)
    expect($('water-preview')?.textContent).toContain('将标为“重点”')
    await tick('water-fence', true)
    await tick('water-rescue_gear', true)
    await tick('water-patrol', true)
    await settle()
    expect($('water-preview')?.textContent).toBe('四项防护措施均已落实')

    api.waters.update.mockRejectedValueOnce(
      new ApiError(409, { code: 'conflict', message: '该水域刚被他人修改，请刷新后再试', details: [{ field: 'edu_water.stale', reason: '版本已过期' }] }, null),
    )
    $('water-submit')!.click()
    await settle()
    expect(api.waters.update).toHaveBeenCalledWith(3, {
      name: '村东大塘',
      kind: 'pond',
      distance_m: 300,
      location: '学校东侧青石村村口',
      warning_sign: true,
      fence: true,
      rescue_gear: true,
      patrol: true,
      keeper: '青石村委会',
      checked_on: '2026-11-20',
      note: '',
      active: true,
      version: 2,
    })
    expect(document.querySelector('.el-message--error')?.textContent).toContain('该水域刚被他人修改')
    expect(dialogOpen()).toBe(false)
    expect(api.waters.list).toHaveBeenCalledTimes(2)
  })

  it('marks a water gone (仍存在 off)', async () => {
    const w = await mountPage(OFFICER())
    await w.findAll('[data-test="row-edit"]')[1].trigger('click')
    await settle()
    component(w, 'ElSwitch', 'water-active').vm.$emit('update:modelValue', false)
    await settle()
    api.waters.update.mockResolvedValue(water({ id: 4, active: false }))
    $('water-submit')!.click()
    await settle()
    expect(api.waters.update).toHaveBeenCalledWith(4, expect.objectContaining({ name: '青石河', active: false, version: 2 }))
    expect(dialogOpen()).toBe(false)
  })
})
