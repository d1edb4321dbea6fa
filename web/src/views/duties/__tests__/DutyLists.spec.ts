// 职责清单: a school user's own school, the bureau's pick (or ?unit_id=); 已签订 / 未签订 / 待重签 counted
// (a card chosen keeps only those), the verdict of duty.signed, the table (cards on a phone) with each
// holder's posts, state, day signed and why; a row opens the list's text in a drawer (also ?list=);
// 新建职责清单 and 修改 (the holder from the school's people, the posts, further duties one a line) with
// the console's checks, the server's reasons at their fields and a stale version read again; 导出;
// read only for those who may not edit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { INSPECTOR, LEADER, OFFICE, areas, dutyList, schoolLists, teacherList, templates } from './fixtures'

const api = vi.hoisted(() => ({
  duties: {
    lists: vi.fn(),
    exportLists: vi.fn(),
    createList: vi.fn(),
    updateList: vi.fn(),
    templates: vi.fn(),
    areas: vi.fn(),
  },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import DutyLists from '../DutyLists.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

let router: Router
const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [
  ['/duties/lists', 'duty-lists'],
  ['/duties/areas', 'duty-areas'],
  ['/duties/year', 'duty-year'],
]

async function mountPage(me: Me, path = '/duties/lists') {
  const at = await mountPageAt(DutyLists, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
const rows = () => all('duty-list-row')
const rowOf = (name: string) => rows().find((r) => within(r, 'duty-list-open') === name)!
const count = (s: string) => $(`duty-count-${s}`)?.querySelector('[data-test="stat-value"]')?.textContent?.trim()
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

/** A component inside the dialog (teleported: found from the page's tree by its data-test). */
function dialogComponent(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败', code = ''): ApiError {
  return new ApiError(status, { code: code || (status === 409 ? 'duty.stale' : 'invalid_argument'), message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.schools.list, api.saveDownload]) fn.mockReset()
  api.duties.lists.mockImplementation(async () => schoolLists())
  api.duties.templates.mockResolvedValue(templates())
  api.duties.areas.mockResolvedValue(areas())
  api.duties.exportLists.mockResolvedValue({ blob: new Blob(['x']), filename: '安全工作职责清单.xlsx' })
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区青石第2小学' },
    ],
    total: 2,
  })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('职责清单: what the page shows', () => {
  it('opens a school user’s own school: the counts, the verdict and every list with its state', async () => {
    await mountPage(LEADER())
    expect(api.duties.lists).toHaveBeenCalledWith(21)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect(text('duty-school-name')).toBe('示范区双桥小学')
    expect([count('signed'), count('unsigned'), count('outdated')]).toEqual(['1', '1', '1'])
    expect(text('duty-check-outcome')).toBe('提醒')
    expect(text('duty-check-reason')).toBe('2 份职责清单待签订（已签 1/3）')
    expect($('duty-check')?.getAttribute('data-outcome')).toBe('warn')
    expect([...document.querySelectorAll('[data-test="duty-lists-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '责任人',
      '岗位',
      '状态',
      '签订日期',
      '说明',
      '操作',
    ])
    expect(rows().map((r) => within(r, 'duty-list-open'))).toEqual(['张伟', '赵敏', '周老师'])
    expect(rows().map((r) => within(r, 'row-state'))).toEqual(['已签订', '待重签', '未签订'])
    expect(rows().map((r) => r.getAttribute('data-state'))).toEqual(['signed', 'outdated', 'unsigned'])
    expect(within(rowOf('张伟'), 'row-posts')).toBe('党组织书记、校长')
    expect(within(rowOf('张伟'), 'row-signed-on')).toBe('2026-11-03')
    expect(within(rowOf('周老师'), 'row-signed-on')).toBe('—')
    expect(within(rowOf('赵敏'), 'row-reason')).toBe('分管安全副校长职责已更新为第 2 版，需重新签订')
    expect(rowOf('周老师').querySelector('[data-test="row-state"]')?.className).toContain('el-tag--danger')
    expect($('duty-add')).not.toBeNull()
    expect(all('duty-list-edit')).toHaveLength(3)
    expect(all('duty-list-open')[0].getAttribute('aria-label')).toBe('查看张伟的职责清单')
  })

  it('keeps only the lists of a state chosen, from its card or a link', async () => {
    await mountPage(LEADER())
    await click($('duty-count-unsigned'))
    expect($('duty-count-unsigned')?.getAttribute('aria-pressed')).toBe('true')
    expect(rows().map((r) => within(r, 'duty-list-open'))).toEqual(['周老师'])
    expect(text('duty-lists-showing')).toContain('只看未签订')
    await click($('duty-count-unsigned'))
    expect(rows()).toHaveLength(3)
    await click($('duty-count-outdated'))
    await click($('duty-lists-show-all'))
    expect(rows()).toHaveLength(3)

    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''
    await mountPage(LEADER(), '/duties/lists?state=outdated')
    expect(rows().map((r) => within(r, 'duty-list-open'))).toEqual(['赵敏'])
    expect($('duty-count-outdated')?.getAttribute('aria-pressed')).toBe('true')

    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''
    api.duties.lists.mockResolvedValue(schoolLists({ lists: [dutyList()], counts: { signed: 1, unsigned: 0, outdated: 0 } }))
    await mountPage(LEADER(), '/duties/lists?state=unsigned')
    expect(rows()).toHaveLength(0)
    expect(text('duty-lists-empty')).toContain('没有未签订的职责清单')
  })

  it('opens a list’s text in a drawer from its row, and from a link', async () => {
    await mountPage(LEADER())
    await click(rowOf('张伟'))
    const drawer = $('duty-list-drawer')
    expect(drawer).not.toBeNull()
    expect(text('duty-detail-holder')).toBe('张伟')
    expect(text('duty-detail-state')).toBe('已签订')
    expect(text('duty-detail-version')).toContain('第 2 版')
    expect(all('duty-section-heading').map((h) => h.textContent?.trim())).toEqual(['党组织书记（第 1 版）', '校长（第 1 版）', '本岗位补充职责'])
    expect(all('duty-item')).toHaveLength(4)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    await mountPage(LEADER(), '/duties/lists?list=3')
    expect(text('duty-detail-holder')).toBe('周老师')
    expect(text('duty-detail-state')).toBe('未签订')
  })

  it('opens the school’s 三管三必须 and exports its lists', async () => {
    await mountPage(LEADER())
    await click($('duty-export'))
    expect(api.duties.exportLists).toHaveBeenCalledWith(21)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '安全工作职责清单.xlsx' })
    await click($('duty-areas-link'))
    expect(router.currentRoute.value.name).toBe('duty-areas')
    expect(router.currentRoute.value.query).toEqual({ unit_id: '21' })
  })

  it('opens the school’s 安全述职', async () => {
    await mountPage(LEADER())
    expect(text('duty-year-link')).toBe('安全述职')
    await click($('duty-year-link'))
    expect(router.currentRoute.value.name).toBe('duty-year')
    expect(router.currentRoute.value.query).toEqual({ unit_id: '21' })
  })

  it('lets the bureau pick a school, or opens the one a link names', async () => {
    const w = await mountPage(OFFICE())
    expect(api.duties.lists).not.toHaveBeenCalled()
    expect($('duty-pick')).not.toBeNull()
    expect(api.schools.list).toHaveBeenCalled()
    const picker = w.findAllComponents({ name: 'ElSelect' }).find((x) => !!(x.element as Element).closest?.('[data-test="duty-school"]'))
    picker!.vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.duties.lists).toHaveBeenCalledWith(22)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.duties.lists.mockClear()
    await mountPage(OFFICE(), '/duties/lists?unit_id=21')
    expect(api.duties.lists).toHaveBeenCalledWith(21)
    await router.push('/duties/lists?unit_id=22')
    await settle()
    expect(api.duties.lists).toHaveBeenLastCalledWith(22)
  })

  it('shows the lists without editing to those who may not edit them', async () => {
    api.duties.lists.mockResolvedValue(schoolLists({ can_edit: false, lists: schoolLists().lists.map((l) => ({ ...l, can_edit: false })) }))
    await mountPage(INSPECTOR(), '/duties/lists?unit_id=21')
    expect($('duty-add')).toBeNull()
    expect($('duty-list-edit')).toBeNull()
    expect(text('duty-lists-readonly')).toContain('您可以查看本校的职责清单')
    expect(rows()).toHaveLength(3)
    await click(rowOf('赵敏'))
    expect($('duty-detail-edit')).toBeNull()
  })

  it('shows a card a list on a phone', async () => {
    window.innerWidth = 375
    await mountPage(LEADER())
    expect($('duty-lists-table')).toBeNull()
    expect($('duty-lists-cards')).not.toBeNull()
    expect(rows().map((r) => within(r, 'row-state'))).toEqual(['已签订', '待重签', '未签订'])
    await click(rowOf('周老师').querySelector<HTMLElement>('[data-test="duty-list-view"]'))
    expect(text('duty-detail-holder')).toBe('周老师')
  })
})

describe('职责清单: drawing up and changing a list', () => {
  it('draws up a list: the holder from the school’s people (those with a list not offered), the posts, further duties', async () => {
    api.duties.createList.mockResolvedValue(teacherList({ id: 9, user_id: 12, holder_name: '吴老师' }))
    const w = await mountPage(LEADER())
    await click($('duty-add'))
    expect($('duty-list-dialog')?.classList.contains('el-dialog')).toBe(true)
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('新建职责清单')
    expect(api.duties.templates).toHaveBeenCalledTimes(1)
    expect(api.duties.areas).toHaveBeenCalledWith(21)
    const options = dialogComponent(w, 'ElSelect', 'duty-field-user').findAllComponents({ name: 'ElOption' })
    expect(options.map((o) => [o.props('label'), !!o.props('disabled')])).toEqual([
      ['张伟', true],
      ['赵敏', true],
      ['周老师', true],
      ['吴老师', false],
    ])
    expect(dialogComponent(w, 'ElSelect', 'duty-field-posts').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual([
      '党组织书记',
      '校长',
      '分管安全副校长',
      '班主任',
      '教师',
    ])
    // The holder and the posts first; a blank line is refused.
    await click($('duty-field-local-add'))
    await click($('duty-list-save'))
    expect(api.duties.createList).not.toHaveBeenCalled()
    expect(errorOf('duty-field-user')).toBe('请选择责任人')
    expect(errorOf('duty-field-posts')).toBe('请选择至少一个岗位')
    expect(text('duty-field-local-error-0')).toBe('请填写这条职责，或删除这一行')

    dialogComponent(w, 'ElSelect', 'duty-field-user').vm.$emit('update:modelValue', 12)
    dialogComponent(w, 'ElSelect', 'duty-field-posts').vm.$emit('update:modelValue', ['teacher', 'class_teacher'])
    await settle()
    expect(errorOf('duty-field-user')).toBe('')
    expect(errorOf('duty-field-posts')).toBe('')
    await type('duty-field-local-0', ' 负责二楼疏散引导 ')
    expect($('duty-field-local-error-0')).toBeNull()
    api.duties.lists.mockClear()
    await click($('duty-list-save'))
    expect(api.duties.createList).toHaveBeenCalledWith({ unit_id: 21, user_id: 12, posts: ['teacher', 'class_teacher'], local_items: ['负责二楼疏散引导'] })
    expect(api.duties.lists).toHaveBeenCalledWith(21)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已建立吴老师的职责清单')
  })

  it('shows the server’s reasons at the holder, the posts and the lines, and others above the form', async () => {
    api.duties.createList.mockRejectedValue(
      apiError(422, [
        { field: 'user_id', reason: '该人员已有职责清单' },
        { field: 'local_items[0]', reason: '这条职责重复' },
        { field: 'unit_id', reason: '只能为本校人员建立' },
      ]),
    )
    const w = await mountPage(LEADER())
    await click($('duty-add'))
    dialogComponent(w, 'ElSelect', 'duty-field-user').vm.$emit('update:modelValue', 12)
    dialogComponent(w, 'ElSelect', 'duty-field-posts').vm.$emit('update:modelValue', ['teacher'])
    await click($('duty-field-local-add'))
    await type('duty-field-local-0', '参与疏散演练')
    await settle()
    await click($('duty-list-save'))
    expect(errorOf('duty-field-user')).toBe('该人员已有职责清单')
    expect(text('duty-field-local-error-0')).toBe('这条职责重复')
    expect(text('duty-list-errors')).toContain('只能为本校人员建立')
    // A line's reason goes once it changes.
    await type('duty-field-local-0', '参与夜间疏散演练')
    expect($('duty-field-local-error-0')).toBeNull()
  })

  it('changes a list with the version read, from its row or its drawer', async () => {
    api.duties.updateList.mockResolvedValue(dutyList({ version: 3, state: 'outdated' }))
    const w = await mountPage(LEADER())
    await click(rowOf('张伟'))
    await click($('duty-detail-edit'))
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('修改职责清单')
    expect(text('duty-field-holder')).toBe('张伟')
    expect($('duty-field-user')).toBeNull()
    expect(text('duty-list-resign')).toContain('需重新签订')
    expect(($('duty-field-local-0')?.querySelector('textarea') ?? ($('duty-field-local-0') as HTMLTextAreaElement))?.value).toBe('每月带队检查一次学校食堂')
    dialogComponent(w, 'ElSelect', 'duty-field-posts').vm.$emit('update:modelValue', ['principal'])
    await click($('duty-field-local-remove-0'))
    await click($('duty-list-save'))
    expect(api.duties.updateList).toHaveBeenCalledWith(1, { posts: ['principal'], local_items: [], version: 2 })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('待本人重新签订')
  })

  it('says when the list was changed elsewhere first, and reads the lists again', async () => {
    api.duties.updateList.mockRejectedValue(apiError(409, [], '职责清单刚被他人修改，请刷新后再试'))
    await mountPage(LEADER())
    await click(rowOf('赵敏').querySelector<HTMLElement>('[data-test="duty-list-edit"]'))
    api.duties.lists.mockClear()
    await click($('duty-list-save'))
    expect(document.querySelector('.el-message--error')?.textContent).toContain('刚被他人修改')
    expect(api.duties.lists).toHaveBeenCalledWith(21)
  })

  it('opens the form in a drawer on a phone', async () => {
    window.innerWidth = 375
    await mountPage(LEADER())
    await click($('duty-add'))
    const frame = $('duty-list-dialog')
    expect(frame?.classList.contains('el-drawer')).toBe(true)
    expect(frame?.querySelector('[data-test="duty-field-posts"]')).not.toBeNull()
    expect(frame?.querySelector('[data-test="duty-list-save"]')).not.toBeNull()
  })
})
