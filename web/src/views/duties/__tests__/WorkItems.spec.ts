// 全区工作: the bureau's items in a table (cards on a phone) — 类别, 工作名称 linking to the item, 对应措施,
// 牵头科室, 周期 as 每月25日 with its range, 下达对象 as 全部学校（3 所）, 下一到期, 完成情况 with the units
// overdue —, filtered by kind (the server's) or by unit (a link's); for the safety office 部署工作 (the
// console's checks, 全部学校 / 全部科室, the server's reasons at their fields, a stale version read again),
// 修改 with the version read, 删除 asked first, 导入; 导出 for everyone; read only for a section head;
// 无权访问 when the server refuses the unit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { OFFICE, SECTION_HEAD } from './fixtures'
import { workItems, workRow, workRows } from './workFixtures'

const api = vi.hoisted(() => ({
  work: {
    list: vi.fn(),
    create: vi.fn(),
    update: vi.fn(),
    remove: vi.fn(),
    exportItems: vi.fn(),
  },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/dutyWork', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/dutyWork')>()
  return { ...real, workApi: api.work }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import WorkItems from '../WorkItems.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

let router: Router
const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [
  ['/duties/work', 'duty-work'],
  ['/duties/work/board', 'duty-work-board'],
  ['/duties/work/:id', 'duty-work-item'],
]

async function mountPage(me: Me, path = '/duties/work') {
  const at = await mountPageAt(WorkItems, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const rowOf = (id: number) => $(`work-row-${id}`)?.closest('tr') as HTMLElement
const cellOf = (id: number, test: string) => rowOf(id)?.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
/** The items the table shows, by id. */
const shownIds = () => [...document.querySelectorAll('[data-test="work-table"] [data-test^="work-row-"]')].map((e) => Number(e.getAttribute('data-id')))
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

async function type(test: string, v: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('input, textarea') ? found : found?.querySelector('input, textarea')) as HTMLInputElement
  expect(el, test).toBeTruthy()
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

/** A component of the page or its dialog (teleported: found from the page's tree by its data-test). */
function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

async function pick(w: VueWrapper, name: string, test: string, value: unknown): Promise<void> {
  component(w, name, test).vm.$emit('update:modelValue', value)
  await settle()
}

/** An Element Plus date picker inside the wrapper `test`. */
async function pickDate(w: VueWrapper, test: string, value: string): Promise<void> {
  const picker = w.findAllComponents({ name: 'ElDatePicker' }).find((c) => c.element.parentElement?.getAttribute('data-test') === test || c.element.closest?.(`[data-test="${test}"]`))
  expect(picker, test).toBeTruthy()
  picker!.vm.$emit('update:modelValue', value)
  await settle()
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败', code?: string): ApiError {
  return new ApiError(status, { code: code ?? (status === 409 ? 'duty.stale' : status === 403 ? 'permission_denied' : 'invalid_argument'), message, details }, null)
}

async function confirm(): Promise<void> {
  await vi.waitFor(() => expect(document.body.querySelector('[data-test="confirm-ok"]')).not.toBeNull())
  document.body.querySelector<HTMLButtonElement>('[data-test="confirm-ok"]')!.click()
  await settle()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.work), api.saveDownload]) fn.mockReset()
  api.work.list.mockImplementation(async () => workItems())
  api.work.exportItems.mockResolvedValue({ blob: new Blob(['x']), filename: '全区工作.xlsx' })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('全区工作: what the page shows', () => {
  it('lists every item: the kind, the name, the measures, the lead section, the schedule, the units, the next day and the progress', async () => {
    await mountPage(OFFICE())
    expect(api.work.list).toHaveBeenCalledWith(undefined)
    expect([...document.querySelectorAll('[data-test="work-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '类别',
      '工作名称',
      '对应措施',
      '牵头科室',
      '周期',
      '下达对象',
      '下一到期',
      '完成情况',
      '操作',
    ])
    expect(shownIds()).toEqual([1, 2, 3])
    expect(text('work-row-1')).toBe('开学安全检查')
    expect($('work-row-1')?.getAttribute('href')).toBe('/duties/work/1')
    expect(cellOf(1, 'row-kind')).toBe('共性任务')
    expect(rowOf(1).querySelector('[data-test="row-kind"]')?.className).toContain('el-tag--primary')
    expect(cellOf(2, 'row-kind')).toBe('重点事项')
    expect(cellOf(1, 'row-measures')).toBe('措施6、11')
    expect(cellOf(1, 'row-lead')).toBe('安全管理科')
    expect(cellOf(1, 'row-schedule')).toBe('每月25日')
    expect(cellOf(1, 'row-range')).toBe('2026-07-01 至 2026-12-31')
    expect(cellOf(2, 'row-schedule')).toBe('一次性 2026-10-10 截止')
    expect(rowOf(2).querySelector('[data-test="row-range"]')).toBeNull()
    expect(cellOf(3, 'row-schedule')).toBe('每周五')
    expect(cellOf(1, 'row-targets')).toBe('全部学校（3 所）')
    expect(rowOf(1).querySelector('[data-test="row-targets"]')?.getAttribute('title')).toBe('示范区双桥小学、示范区实验中学、示范区城南幼儿园')
    expect(cellOf(2, 'row-targets')).toBe('2 个单位')
    expect(cellOf(3, 'row-targets')).toBe('全部科室（3 个）')
    expect(cellOf(1, 'row-next')).toBe('2026-10-23')
    expect(cellOf(1, 'row-rate')).toBe('67%')
    expect(cellOf(1, 'row-overdue')).toBe('2 个单位逾期')
    expect(cellOf(2, 'row-rate')).toBe('—')
    expect(cellOf(2, 'row-overdue')).toBe('无逾期')
    expect(rowOf(1).querySelector('.el-progress')?.getAttribute('aria-label')).toBe('开学安全检查的完成率：67%')
    expect($('work-add')).not.toBeNull()
    expect($('work-import')).not.toBeNull()
    expect($('work-delete-2')?.getAttribute('aria-label')).toBe('删除工作：防溺水专项行动')
    expect($('work-readonly')).toBeNull()
  })

  it('is read only for a section head: no 部署, 导入, 修改 or 删除; 导出 and the board stay', async () => {
    api.work.list.mockResolvedValue(workItems({ can_edit: false }))
    await mountPage(SECTION_HEAD())
    expect(shownIds()).toEqual([1, 2, 3])
    for (const gone of ['work-add', 'work-import', 'work-edit-2', 'work-delete-2']) expect($(gone), gone).toBeNull()
    expect($('work-export')).not.toBeNull()
    expect(text('work-readonly')).toContain('由教育局安全管理部门统一部署')
  })

  it('keeps a kind (the server’s filter), and the items deployed to a unit a link names', async () => {
    const w = await mountPage(OFFICE())
    await pick(w, 'ElSelect', 'work-kind', 'key')
    api.work.list.mockResolvedValue(workItems({ items: workRows().filter((i) => i.kind === 'key') }))
    await click($('search'))
    expect(api.work.list).toHaveBeenLastCalledWith('key')
    expect(shownIds()).toEqual([2])
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.work.list.mockResolvedValue(workItems())
    await mountPage(OFFICE(), '/duties/work?unit_id=4&kind=routine')
    expect(api.work.list).toHaveBeenLastCalledWith('routine')
    expect(shownIds()).toEqual([3])
    expect(text('work-unit-filter')).toContain('只看下达学前教育科的工作')
    await click($('work-unit-clear'))
    expect(shownIds()).toEqual([1, 2, 3])
    expect(router.currentRoute.value.fullPath).toBe('/duties/work?kind=routine')
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    await mountPage(OFFICE(), '/duties/work?unit_id=99')
    expect(shownIds()).toEqual([])
    expect(document.querySelector('[data-test="work-table"] .el-table__empty-text')?.textContent).toContain('暂无下达该单位的工作')
  })

  it('exports 全区工作.xlsx and opens the board', async () => {
    await mountPage(SECTION_HEAD())
    await click($('work-export'))
    expect(api.work.exportItems).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '全区工作.xlsx' })
    await click($('work-board-link'))
    expect(router.currentRoute.value.name).toBe('duty-work-board')
  })

  it('opens the import with its template and its note', async () => {
    await mountPage(OFFICE())
    await click($('work-import'))
    expect($('import-dialog')).not.toBeNull()
    expect(text('work-import-note')).toContain('下达对象（全部学校、全部科室')
  })

  it('shows 无权访问 when the server refuses the unit', async () => {
    api.work.list.mockRejectedValue(apiError(403, [], '全区工作由教育局及其内设科室部署和查看'))
    await mountPage(SECTION_HEAD())
    expect($('forbidden')).not.toBeNull()
    expect($('work-table')).toBeNull()
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('shows a card an item on a phone, its actions within reach, the form as a drawer', async () => {
    window.innerWidth = 375
    await mountPage(OFFICE())
    expect($('work-table')).toBeNull()
    expect($('work-cards')).not.toBeNull()
    const card = $('work-card-1')!
    expect(card.querySelector('[data-test="row-title"]')?.textContent?.trim()).toBe('开学安全检查')
    expect(card.querySelector('[data-test="row-title"]')?.getAttribute('href')).toBe('/duties/work/1')
    expect(card.querySelector('[data-test="row-schedule"]')?.textContent?.trim()).toBe('每月25日')
    expect(card.querySelector('[data-test="row-targets"]')?.textContent?.trim()).toBe('全部学校（3 所）')
    expect(card.querySelector('[data-test="row-overdue"]')?.textContent?.trim()).toBe('2 个单位逾期')
    expect(card.querySelector('[data-test="work-edit-1"]')).not.toBeNull()
    expect(card.querySelector('[data-test="work-delete-1"]')).not.toBeNull()
    await click($('work-add'))
    expect($('work-dialog')?.classList.contains('el-drawer')).toBe(true)
  })
})

describe('全区工作: deploying, changing and deleting', () => {
  it('deploys a monthly item to every school: the console’s checks first, then the body', async () => {
    api.work.create.mockResolvedValue(workRow({ id: 9, title: '秋季开学安全检查' }))
    const w = await mountPage(OFFICE())
    await click($('work-add'))
    expect($('work-dialog')?.classList.contains('el-dialog')).toBe(true)
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('部署工作')
    expect(component(w, 'ElSelect', 'work-form-measures').findAllComponents({ name: 'ElOption' })).toHaveLength(21)
    expect(
      component(w, 'ElSelect', 'work-form-lead')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['安全管理科', '基础教育科', '学前教育科'])
    expect(component(w, 'ElSelect', 'work-form-targets').findAllComponents({ name: 'ElOption' })).toHaveLength(6)
    // 每月 to start with: the day and the range, no due day.
    expect($('work-form-due')).toBeNull()
    expect($('work-form-from')).not.toBeNull()

    await click($('work-save'))
    expect(api.work.create).not.toHaveBeenCalled()
    expect(errorOf('work-form-kind')).toBe('请选择类别')
    expect(errorOf('work-form-title')).toBe('请填写工作名称')
    expect(errorOf('work-form-targets')).toBe('请选择下达的学校或科室')
    expect(errorOf('work-form-day')).toBe('请选择到期日（1–31 日）')
    expect(errorOf('work-form-from')).toBe('请选择开始日期')

    await pick(w, 'ElRadioGroup', 'work-form-kind', 'common')
    expect(errorOf('work-form-kind')).toBe('')
    await type('work-form-title', ' 秋季开学安全检查 ')
    await pick(w, 'ElSelect', 'work-form-measures', [11, 6])
    await pick(w, 'ElSelect', 'work-form-lead', 2)
    await click($('work-form-all-schools'))
    expect(text('work-form-targets-count')).toBe('已选 3 个单位')
    expect(errorOf('work-form-targets')).toBe('')
    await click($('work-form-all-sections'))
    expect(text('work-form-targets-count')).toBe('已选 6 个单位')
    await click($('work-form-clear-targets'))
    expect(text('work-form-targets-count')).toBe('已选 0 个单位')
    await click($('work-form-all-schools'))
    expect(
      component(w, 'ElSelect', 'work-form-day')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toHaveLength(31)
    await pick(w, 'ElSelect', 'work-form-day', 25)
    await pickDate(w, 'work-form-from', '2026-09-01')
    await pickDate(w, 'work-form-until', '2026-08-31')
    await click($('work-save'))
    expect(errorOf('work-form-until')).toBe('结束日期不能早于开始日期')
    await pickDate(w, 'work-form-until', '2027-01-31')
    api.work.list.mockClear()
    await click($('work-save'))
    expect(api.work.create).toHaveBeenCalledWith({
      kind: 'common',
      title: '秋季开学安全检查',
      detail: '',
      measures: [6, 11],
      lead_section_id: 2,
      targets: [21, 22, 23],
      schedule: { repeat: 'monthly', due: null, day: 25, from: '2026-09-01', until: '2027-01-31' },
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已部署工作“秋季开学安全检查”')
    expect(api.work.list).toHaveBeenCalledTimes(1)
  })

  it('asks a weekday for 每周 and a due day for 一次性, and places the server’s reasons at their fields and others above', async () => {
    api.work.create.mockRejectedValue(
      apiError(422, [
        { field: 'targets[0]', reason: '单位不存在' },
        { field: 'schedule.due', reason: '日期应写作 YYYY-MM-DD' },
        { field: 'bureau', reason: '教育局不存在' },
      ]),
    )
    const w = await mountPage(OFFICE())
    await click($('work-add'))
    await pick(w, 'ElRadioGroup', 'work-form-repeat', 'weekly')
    expect(
      component(w, 'ElSelect', 'work-form-day')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
    await pick(w, 'ElRadioGroup', 'work-form-repeat', 'once')
    expect($('work-form-day')).toBeNull()
    expect($('work-form-from')).toBeNull()
    await pick(w, 'ElRadioGroup', 'work-form-kind', 'key')
    await type('work-form-title', '防溺水专项行动')
    await pick(w, 'ElSelect', 'work-form-measures', [9])
    await pick(w, 'ElSelect', 'work-form-lead', 3)
    await pick(w, 'ElSelect', 'work-form-targets', [21, 3])
    await click($('work-save'))
    expect(errorOf('work-form-due')).toBe('请选择截止日期')
    await pickDate(w, 'work-form-due', '2026-10-10')
    await click($('work-save'))
    expect(api.work.create).toHaveBeenCalledWith(expect.objectContaining({ kind: 'key', targets: [3, 21], schedule: { repeat: 'once', due: '2026-10-10', day: 0, from: null, until: null } }))
    expect(errorOf('work-form-targets')).toBe('单位不存在')
    expect(errorOf('work-form-due')).toBe('日期应写作 YYYY-MM-DD')
    expect(text('work-errors')).toContain('教育局不存在')
    expect($('work-dialog')).not.toBeNull()
    // A field's reason goes once it changes.
    await pick(w, 'ElSelect', 'work-form-targets', [21])
    expect(errorOf('work-form-targets')).toBe('')
  })

  it('changes an item with the version read, keeping its day', async () => {
    api.work.update.mockResolvedValue(workRow({ version: 3 }))
    const w = await mountPage(OFFICE())
    await click($('work-edit-3'))
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('修改工作')
    expect(component(w, 'ElSelect', 'work-form-day').props('modelValue')).toBe(5)
    await type('work-form-title', '安全工作周报（修订）')
    await click($('work-save'))
    expect(api.work.update).toHaveBeenCalledWith(3, {
      kind: 'routine',
      title: '安全工作周报（修订）',
      detail: '',
      measures: [2],
      lead_section_id: 2,
      targets: [2, 3, 4],
      schedule: { repeat: 'weekly', due: null, day: 5, from: '2026-10-01', until: '2026-12-31' },
      version: 2,
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已保存工作')
  })

  it('says when the item was changed elsewhere first, closes the form and reads the items again', async () => {
    api.work.update.mockRejectedValue(apiError(409, [], '这项工作刚被他人修改，请刷新后再试'))
    const w = await mountPage(OFFICE())
    await click($('work-edit-1'))
    const dialog = w.findComponent({ name: 'WorkDialog' })
    expect(dialog.props('modelValue')).toBe(true)
    api.work.list.mockClear()
    await click($('work-save'))
    expect(document.querySelector('.el-message--warning')?.textContent).toContain('这项工作刚被他人修改，已重新读取')
    expect(api.work.list).toHaveBeenCalledTimes(1)
    expect(dialog.props('modelValue')).toBe(false)
  })

  it('deletes an item at the version read, once asked', async () => {
    api.work.remove.mockResolvedValue(undefined)
    await mountPage(OFFICE())
    await click($('work-delete-2'))
    expect(document.body.querySelector('[data-test="confirm-box"]')?.textContent).toContain('防溺水专项行动')
    api.work.list.mockResolvedValue(workItems({ items: workRows().filter((i) => i.id !== 2) }))
    await confirm()
    expect(api.work.remove).toHaveBeenCalledWith(2, 2)
    await vi.waitFor(() => expect(shownIds()).toEqual([1, 3]))
  })
})
