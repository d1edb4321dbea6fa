// 科室监管事项: every section's items in a table (cards on a phone) — 科室, 类别/学段, 监管事项, 对应措施 as
// 措施1、20、21, 岗位, 责任人 with 不在岗 —, filtered by section (the server's) or by measure (a link's);
// for the bureau's safety office 新增监管事项 (the section's people, 管学段 with its stage, the measures
// with their titles) with the console's checks, the server's reasons at their fields and a stale
// version read again, 修改 with the version read, 删除 asked first, 导入; 导出 for everyone; read only
// for a section head; 无权访问 when the server refuses the unit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { OFFICE, SECTION_HEAD, coverage, supervisionItem, supervisionItems } from './fixtures'

const api = vi.hoisted(() => ({
  duties: {
    supervision: vi.fn(),
    createSupervision: vi.fn(),
    updateSupervision: vi.fn(),
    deleteSupervision: vi.fn(),
    exportSupervision: vi.fn(),
    coverage: vi.fn(),
  },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import SupervisionItems from '../SupervisionItems.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

let router: Router
const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [
  ['/duties/supervision', 'duty-supervision'],
  ['/duties/supervision/coverage', 'duty-supervision-coverage'],
]

async function mountPage(me: Me, path = '/duties/supervision') {
  const at = await mountPageAt(SupervisionItems, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const rowOf = (id: number) => $(`supervision-row-${id}`)?.closest('tr') as HTMLElement
const cellOf = (id: number, test: string) => rowOf(id)?.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
/** The items the table shows, by id. */
const shownIds = () => [...document.querySelectorAll('[data-test="supervision-table"] [data-test^="supervision-row-"]')].map((e) => Number(e.getAttribute('data-id')))
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

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'duty.stale' : status === 403 ? 'permission_denied' : 'invalid_argument', message, details }, null)
}

async function confirm(): Promise<void> {
  await vi.waitFor(() => expect(document.body.querySelector('[data-test="confirm-ok"]')).not.toBeNull())
  document.body.querySelector<HTMLButtonElement>('[data-test="confirm-ok"]')!.click()
  await settle()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.saveDownload]) fn.mockReset()
  api.duties.supervision.mockImplementation(async () => supervisionItems())
  api.duties.coverage.mockResolvedValue(coverage())
  api.duties.exportSupervision.mockResolvedValue({ blob: new Blob(['x']), filename: '科室监管事项.xlsx' })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('科室监管事项: what the page shows', () => {
  it('lists every item: the section, kind and stage, the matter, the measures, the post and the person', async () => {
    await mountPage(OFFICE())
    expect(api.duties.supervision).toHaveBeenCalledWith(undefined)
    expect([...document.querySelectorAll('[data-test="supervision-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '科室',
      '类别/学段',
      '监管事项',
      '对应措施',
      '岗位',
      '责任人',
      '操作',
    ])
    expect(shownIds()).toEqual([1, 2, 3])
    expect(text('supervision-row-1')).toBe('安全管理科')
    expect(cellOf(1, 'row-kind')).toBe('管业务')
    expect(cellOf(2, 'row-kind')).toBe('管学段·小学')
    expect(cellOf(2, 'row-title')).toBe('指导督促小学落实安全主体责任')
    expect(cellOf(2, 'row-detail')).toBe('每学期检查一次小学安全工作职责清单签订')
    expect(cellOf(2, 'row-measures')).toBe('措施1、20、21')
    expect(cellOf(2, 'row-post')).toBe('科长')
    expect(cellOf(2, 'row-person')).toBe('基础教育科 郑科长')
    expect(rowOf(2).querySelector('[data-test="row-inactive"]')).toBeNull()
    expect(cellOf(3, 'row-inactive')).toBe('不在岗')
    expect(rowOf(3).querySelector('[data-test="row-inactive"]')?.className).toContain('el-tag--danger')
    expect($('supervision-add')).not.toBeNull()
    expect($('supervision-import')).not.toBeNull()
    expect($('supervision-delete-2')?.getAttribute('aria-label')).toBe('删除监管事项：指导督促小学落实安全主体责任')
    expect($('supervision-readonly')).toBeNull()
  })

  it('is read only for a section head: no 新增, 导入, 修改 or 删除; 导出 stays', async () => {
    api.duties.supervision.mockResolvedValue(supervisionItems({ can_edit: false }))
    await mountPage(SECTION_HEAD())
    expect(shownIds()).toEqual([1, 2, 3])
    for (const gone of ['supervision-add', 'supervision-import', 'supervision-edit-2', 'supervision-delete-2']) expect($(gone), gone).toBeNull()
    expect($('supervision-export')).not.toBeNull()
    expect(text('supervision-readonly')).toContain('由教育局安全管理部门统一维护')
  })

  it('keeps a section’s items (the server’s filter), and those of a measure a link names', async () => {
    const w = await mountPage(OFFICE())
    await pick(w, 'ElSelect', 'supervision-section', 3)
    api.duties.supervision.mockResolvedValue(supervisionItems({ items: supervisionItems().items.filter((i) => i.section_id === 3) }))
    await click($('search'))
    expect(api.duties.supervision).toHaveBeenLastCalledWith(3)
    expect(shownIds()).toEqual([2, 3])
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.duties.supervision.mockResolvedValue(supervisionItems())
    await mountPage(OFFICE(), '/duties/supervision?measure=20&section_id=3')
    expect(api.duties.supervision).toHaveBeenLastCalledWith(3)
    expect(shownIds()).toEqual([2, 3])
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    await mountPage(OFFICE(), '/duties/supervision?measure=3')
    expect(shownIds()).toEqual([])
    expect(document.querySelector('[data-test="supervision-table"] .el-table__empty-text')?.textContent).toContain('暂无监管事项')
  })

  it('exports 科室监管事项.xlsx and opens 措施覆盖', async () => {
    await mountPage(SECTION_HEAD())
    await click($('supervision-export'))
    expect(api.duties.exportSupervision).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '科室监管事项.xlsx' })
    await click($('supervision-coverage-link'))
    expect(router.currentRoute.value.name).toBe('duty-supervision-coverage')
  })

  it('opens the import with its template and its note', async () => {
    await mountPage(OFFICE())
    await click($('supervision-import'))
    expect($('import-dialog')).not.toBeNull()
    expect(text('supervision-import-note')).toContain('对应措施（如 1、5、8）')
  })

  it('shows 无权访问 when the server refuses the unit', async () => {
    api.duties.supervision.mockRejectedValue(apiError(403, [], '监管事项由教育局及其内设科室查看和维护'))
    await mountPage(SECTION_HEAD())
    expect($('forbidden')).not.toBeNull()
    expect($('supervision-table')).toBeNull()
    expect(document.querySelector('.el-message--error')).toBeNull()
  })

  it('shows a card an item on a phone, its actions within reach', async () => {
    window.innerWidth = 375
    await mountPage(OFFICE())
    expect($('supervision-table')).toBeNull()
    expect($('supervision-cards')).not.toBeNull()
    const card = $('supervision-card-3')!
    expect(card.querySelector('[data-test="row-title"]')?.textContent?.trim()).toBe('指导初中落实 1530 安全教育提醒')
    expect(card.querySelector('[data-test="row-kind"]')?.textContent?.trim()).toBe('管学段·初中')
    expect(card.querySelector('[data-test="row-measures"]')?.textContent?.trim()).toBe('措施20')
    expect(card.querySelector('[data-test="row-post"]')?.textContent?.trim()).toBe('副科长')
    expect(card.querySelector('[data-test="row-person"]')?.textContent?.trim()).toBe('基础教育科 赵副科长')
    expect(card.querySelector('[data-test="row-inactive"]')?.textContent?.trim()).toBe('不在岗')
    expect(card.querySelector('[data-test="supervision-edit-3"]')).not.toBeNull()
    expect(card.querySelector('[data-test="supervision-delete-3"]')).not.toBeNull()
    await click($('supervision-add'))
    expect($('supervision-dialog')?.classList.contains('el-drawer')).toBe(true)
  })
})

describe('科室监管事项: adding, changing and deleting', () => {
  it('adds an item: the console’s checks first, the section’s people, 管学段 with a stage, the measures with their titles', async () => {
    api.duties.createSupervision.mockResolvedValue(supervisionItem({ id: 9, title: '建立部门联席会议' }))
    const w = await mountPage(OFFICE())
    await click($('supervision-add'))
    expect($('supervision-dialog')?.classList.contains('el-dialog')).toBe(true)
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('新增监管事项')
    expect(api.duties.coverage).toHaveBeenCalledTimes(1)
    const measures = component(w, 'ElSelect', 'supervision-form-measures').findAllComponents({ name: 'ElOption' })
    expect(measures).toHaveLength(21)
    expect(measures[2].props('label')).toBe('措施 3 建立部门联席会议，推动齐抓共管')
    // The people of the section chosen: none before.
    expect(component(w, 'ElSelect', 'supervision-form-person').findAllComponents({ name: 'ElOption' })).toHaveLength(0)
    expect(component(w, 'ElSelect', 'supervision-form-person').props('noDataText')).toBe('请先选择科室')
    expect($('supervision-form-stage')).toBeNull()

    await click($('supervision-save'))
    expect(api.duties.createSupervision).not.toHaveBeenCalled()
    expect(errorOf('supervision-form-section')).toBe('请选择科室')
    expect(errorOf('supervision-form-measures')).toBe('请选择至少一项对应措施')
    expect(errorOf('supervision-form-title')).toBe('请填写监管事项')

    await pick(w, 'ElSelect', 'supervision-form-section', 3)
    expect(errorOf('supervision-form-section')).toBe('')
    expect(
      component(w, 'ElSelect', 'supervision-form-person')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['基础教育科 郑科长', '基础教育科 王副科长'])
    await pick(w, 'ElSelect', 'supervision-form-person', 10)
    await pick(w, 'ElRadioGroup', 'supervision-form-kind', 'stage')
    expect($('supervision-form-stage')).not.toBeNull()
    await click($('supervision-save'))
    expect(errorOf('supervision-form-stage')).toBe('请选择学段')
    await pick(w, 'ElSelect', 'supervision-form-stage', 'junior')
    await type('supervision-form-title', ' 建立部门联席会议 ')
    await type('supervision-form-post', '副科长')
    await pick(w, 'ElSelect', 'supervision-form-measures', [16, 3])
    // Another section: the person chosen is not of it.
    await pick(w, 'ElSelect', 'supervision-form-section', 2)
    await click($('supervision-save'))
    expect(errorOf('supervision-form-person')).toBe('请选择责任人')
    await pick(w, 'ElSelect', 'supervision-form-person', 8)
    api.duties.supervision.mockClear()
    await click($('supervision-save'))
    expect(api.duties.createSupervision).toHaveBeenCalledWith({
      section_id: 2,
      kind: 'stage',
      stage: 'junior',
      title: '建立部门联席会议',
      detail: '',
      measures: [3, 16],
      post: '副科长',
      person_user_id: 8,
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已新增监管事项“建立部门联席会议”')
    expect(api.duties.supervision).toHaveBeenCalledTimes(1)
  })

  it('sends 管业务 without a stage, and shows the server’s reasons at their fields and others above the form', async () => {
    api.duties.createSupervision.mockRejectedValue(
      apiError(422, [
        { field: 'person_user_id', reason: '责任人应为安全管理科的在用账号' },
        { field: 'measures[0]', reason: '措施编号应为 1–21' },
        { field: 'bureau', reason: '教育局不存在' },
      ]),
    )
    const w = await mountPage(OFFICE())
    await click($('supervision-add'))
    await pick(w, 'ElSelect', 'supervision-form-section', 2)
    await pick(w, 'ElSelect', 'supervision-form-person', 8)
    await pick(w, 'ElRadioGroup', 'supervision-form-kind', 'stage')
    await pick(w, 'ElSelect', 'supervision-form-stage', 'primary')
    await pick(w, 'ElRadioGroup', 'supervision-form-kind', 'business')
    expect($('supervision-form-stage')).toBeNull()
    await type('supervision-form-title', '协调接送学生车辆治理')
    await type('supervision-form-post', '科长')
    await pick(w, 'ElSelect', 'supervision-form-measures', [16])
    await click($('supervision-save'))
    expect(api.duties.createSupervision).toHaveBeenCalledWith(expect.objectContaining({ kind: 'business', stage: '', measures: [16] }))
    expect(errorOf('supervision-form-person')).toBe('责任人应为安全管理科的在用账号')
    expect(errorOf('supervision-form-measures')).toBe('措施编号应为 1–21')
    expect(text('supervision-errors')).toContain('教育局不存在')
    expect($('supervision-dialog')).not.toBeNull()
    // A field's reason goes once it changes.
    await pick(w, 'ElSelect', 'supervision-form-measures', [3, 16])
    expect(errorOf('supervision-form-measures')).toBe('')
  })

  it('changes an item with the version read, keeping its person who left among the choices', async () => {
    api.duties.updateSupervision.mockResolvedValue(supervisionItem({ id: 3, version: 3 }))
    const w = await mountPage(OFFICE())
    await click($('supervision-edit-3'))
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('修改监管事项')
    expect(
      component(w, 'ElSelect', 'supervision-form-person')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['基础教育科 郑科长', '基础教育科 王副科长', '基础教育科 赵副科长（不在岗）'])
    await pick(w, 'ElSelect', 'supervision-form-person', 9)
    await click($('supervision-save'))
    expect(api.duties.updateSupervision).toHaveBeenCalledWith(3, {
      section_id: 3,
      kind: 'stage',
      stage: 'junior',
      title: '指导初中落实 1530 安全教育提醒',
      detail: '',
      measures: [20],
      post: '副科长',
      person_user_id: 9,
      version: 1,
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已保存监管事项')
  })

  it('says when the item was changed elsewhere first, closes the form and reads the items again', async () => {
    api.duties.updateSupervision.mockRejectedValue(apiError(409, [{ field: 'duty.stale', reason: '监管事项刚被他人修改，请刷新后再试' }], '监管事项刚被他人修改，请刷新后再试'))
    const w = await mountPage(OFFICE())
    await click($('supervision-edit-2'))
    const dialog = w.findComponent({ name: 'SupervisionDialog' })
    expect(dialog.props('modelValue')).toBe(true)
    api.duties.supervision.mockClear()
    await click($('supervision-save'))
    expect(document.querySelector('.el-message--warning')?.textContent).toContain('监管事项刚被他人修改，已重新读取')
    expect(api.duties.supervision).toHaveBeenCalledTimes(1)
    expect(dialog.props('modelValue')).toBe(false)
  })

  it('deletes an item at the version read, once asked', async () => {
    api.duties.deleteSupervision.mockResolvedValue(undefined)
    await mountPage(OFFICE())
    await click($('supervision-delete-2'))
    expect(document.body.querySelector('[data-test="confirm-box"]')?.textContent).toContain('指导督促小学落实安全主体责任')
    api.duties.supervision.mockResolvedValue(supervisionItems({ items: supervisionItems().items.filter((i) => i.id !== 2) }))
    await confirm()
    expect(api.duties.deleteSupervision).toHaveBeenCalledWith(2, 1)
    await vi.waitFor(() => expect(shownIds()).toEqual([1, 3]))
  })
})
