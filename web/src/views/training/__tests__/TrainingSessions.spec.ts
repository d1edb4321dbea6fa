// 培训记录: a school user's own school's sessions, the bureau's searched school (or ?unit_id=), by kind
// (also ?kind=); each with its date, kind, hours and attendance (a table on a desk, cards on a phone);
// 记录培训 with the attendees ticked from the key staff in post, the console's own checks and the
// server's reasons at their fields; a session's details with its attendees, 签到表导入 through the shared
// import dialog (each refused row listed; once written the session and the list read again) and 删除.
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
import { OFFICE, OFFICER, TEACHER, session, sessionList, staffList } from './fixtures'

const api = vi.hoisted(() => ({
  training: {
    staff: vi.fn(),
    createStaff: vi.fn(),
    updateStaff: vi.fn(),
    sessions: vi.fn(),
    session: vi.fn(),
    createSession: vi.fn(),
    deleteSession: vi.fn(),
    signInTemplate: vi.fn(),
    signIn: vi.fn(),
    board: vi.fn(),
    exportBoard: vi.fn(),
  },
  schools: { list: vi.fn() },
  confirm: vi.fn(),
}))

vi.mock('@/api/training', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/training')>()
  return { ...real, trainingApi: api.training }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import TrainingSessions from '../TrainingSessions.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const mounted: VueWrapper[] = []
const desk = window.innerWidth

async function mountPage(me: Me, path = '/training/sessions') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/training/sessions', name: 'training-sessions', component: Stub }],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(TrainingSessions, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  mounted.push(w)
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const text = (test: string) => $(test)?.textContent?.trim() ?? ''
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-test="table"] .el-table__body tr')]
const cell = (row: HTMLElement, test: string) => row.querySelector(`[data-test="${test}"]`)?.textContent?.trim()

async function type(test: string, v: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('input, textarea') ? found : found?.querySelector('input, textarea')) as HTMLInputElement
  expect(el, test).toBeTruthy()
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => !!(x.element as Element).closest?.(`[data-test="${test}"]`))
  expect(c, test).toBeTruthy()
  return c!
}

async function pickFile(name: string): Promise<File> {
  const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
  const f = new File(['PK'], name)
  Object.defineProperty(input, 'files', { value: [f], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
  return f
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: 'invalid_argument', message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.training), api.schools.list, api.confirm]) fn.mockReset()
  api.training.sessions.mockImplementation(async (_unit: number, kind?: string) => {
    const all = sessionList()
    return kind ? { ...all, items: all.items.filter((s) => s.kind === kind) } : all
  })
  api.training.session.mockImplementation(async (id: number) => sessionList().items.find((s) => s.id === id) ?? session({ id }))
  api.training.staff.mockImplementation(async () => staffList())
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

describe('培训记录: the list', () => {
  it('lists a school user’s own school’s sessions, newest first, with their kind, hours and attendance', async () => {
    await mountPage(OFFICER())
    expect(api.training.sessions).toHaveBeenCalledWith(21, '')
    expect($('search-school_id')).toBeNull()
    expect(text('training-school-name')).toBe('示范区双桥小学的培训记录')
    expect(rows()).toHaveLength(2)
    const first = rows()[0]
    expect(cell(first, 'training-session-open')).toBe('寒假安保培训')
    expect(cell(first, 'row-kind')).toBe('假期安保培训（突发冲撞、侵害处置）')
    expect(cell(first, 'row-hours')).toBe('1.5 学时')
    expect(cell(first, 'row-attendance')).toBe('重点岗位 1 人，其他 30 人')
    expect(first.textContent).toContain('2026-11-20')
    expect(first.textContent).toContain('城关派出所 李警官')
    expect($('training-session-add')).not.toBeNull()
  })

  it('filters by kind, also from a link', async () => {
    const w = await mountPage(OFFICER())
    component(w, 'ElSelect', 'search-kind').vm.$emit('update:modelValue', 'topic')
    await settle()
    await click($('search'))
    expect(api.training.sessions).toHaveBeenLastCalledWith(21, 'topic')
    expect(rows().map((r) => cell(r, 'training-session-open'))).toEqual(['实验室安全专题培训'])
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.training.sessions.mockClear()
    await mountPage(OFFICER(), '/training/sessions?kind=holiday')
    expect(api.training.sessions).toHaveBeenCalledWith(21, 'holiday')
  })

  it('lets the bureau search a school, or opens the one a link names', async () => {
    const w = await mountPage(OFFICE())
    expect(api.training.sessions).not.toHaveBeenCalled()
    expect($('training-pick')).not.toBeNull()
    expect($('training-session-add')).toBeNull()
    component(w, 'ElSelect', 'search-school_id').vm.$emit('update:modelValue', 22)
    await settle()
    await click($('search'))
    expect(api.training.sessions).toHaveBeenCalledWith(22, '')
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.training.sessions.mockClear()
    await mountPage(OFFICE(), '/training/sessions?unit_id=21')
    expect(api.training.sessions).toHaveBeenCalledWith(21, '')
    expect(rows()).toHaveLength(2)
  })

  it('pages the sessions it was given all at once', async () => {
    const many = Array.from({ length: 12 }, (_, i) => session({ id: 100 + i, title: `培训 ${i + 1}` }))
    api.training.sessions.mockResolvedValue(sessionList({ items: many }))
    await mountPage(OFFICER())
    expect(rows()).toHaveLength(10)
    expect(document.body.textContent).toMatch(/(共|Total) 12/)
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    await mountPage(OFFICER())
    const cards = all('card')
    expect(cards).toHaveLength(2)
    expect(cards[0].querySelector('[data-test="training-session-open"]')?.textContent?.trim()).toBe('寒假安保培训')
    expect(cards[0].querySelector('[data-test="card-attendance"]')?.textContent?.trim()).toBe('重点岗位 1 人，其他 30 人')
  })

  it('lets those who may not record read the sessions and their details only', async () => {
    api.training.sessions.mockResolvedValue(sessionList({ can_edit: false }))
    await mountPage(TEACHER())
    expect($('training-session-add')).toBeNull()
    await click(all('training-session-open')[0])
    expect(text('training-session-title')).toBe('寒假安保培训')
    expect($('training-signin-import')).toBeNull()
    expect($('training-session-delete')).toBeNull()
  })
})

describe('培训记录: recording a session', () => {
  it('ticks the attendees from the key staff in post, checks the form, and reads the list again', async () => {
    api.training.createSession.mockResolvedValue(session({ id: 9, title: '冬季重点岗位轮训', kind: 'rotation' }))
    const w = await mountPage(OFFICER())
    await click($('training-session-add'))
    expect(api.training.staff).toHaveBeenCalledWith(21)
    expect($('training-session-dialog')).not.toBeNull()
    // Those in post only: 赵丽 has left hers.
    expect(all('training-session-dialog').length).toBe(1)
    expect($('session-staff-1')).not.toBeNull()
    expect($('session-staff-3')).not.toBeNull()
    expect($('session-staff-4')).toBeNull()
    expect($('session-staff-1')?.textContent).toContain('逾期')
    expect(component(w, 'ElRadioGroup', 'session-field-kind').props('modelValue')).toBe('rotation')

    await click($('session-save'))
    expect(api.training.createSession).not.toHaveBeenCalled()
    expect(errorOf('session-field-title')).toBe('请填写培训主题')
    expect(errorOf('session-field-staff_ids')).toBe('请选择参训人员或填写其他参训人数')

    await type('session-field-title', ' 冬季重点岗位轮训 ')
    await click($('session-staff-1')?.querySelector('input'))
    expect(text('session-staff-count')).toBe('已选 1 人')
    expect(errorOf('session-field-staff_ids')).toBe('')
    await type('session-field-trainer', '区消防救援大队 王教官')
    api.training.sessions.mockClear()
    await click($('session-save'))
    expect(api.training.createSession).toHaveBeenCalledTimes(1)
    expect(api.training.createSession.mock.calls[0][0]).toEqual({
      unit_id: 21,
      title: '冬季重点岗位轮训',
      kind: 'rotation',
      held_on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      hours: 2,
      trainer: '区消防救援大队 王教官',
      place: '',
      staff_ids: [1],
      other_count: 0,
      note: '',
    })
    expect(api.training.sessions).toHaveBeenCalledWith(21, '')
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已记录')
  })

  it('ticks everyone in post at once, and none again', async () => {
    await mountPage(OFFICER())
    await click($('training-session-add'))
    await click($('session-staff-all'))
    expect(text('session-staff-count')).toBe('已选 3 人')
    expect(text('session-staff-all')).toBe('全不选')
    await click($('session-staff-all'))
    expect(text('session-staff-count')).toBe('已选 0 人')
  })

  it('shows the server’s reasons at their fields (an attendee at the list), the others above the form', async () => {
    api.training.createSession.mockRejectedValue(
      apiError(422, [
        { field: 'staff_ids[0]', reason: '参训人员须为本校在岗的重点岗位人员' },
        { field: 'hours', reason: '学时须为 0.5 至 40 之间，以半小时计' },
        { field: 'unit_id', reason: '只能登记本校的培训' },
      ]),
    )
    await mountPage(OFFICER())
    await click($('training-session-add'))
    await type('session-field-title', '冬季轮训')
    await click($('session-staff-2')?.querySelector('input'))
    await click($('session-save'))
    expect(errorOf('session-field-staff_ids')).toBe('参训人员须为本校在岗的重点岗位人员')
    expect(errorOf('session-field-hours')).toBe('学时须为 0.5 至 40 之间，以半小时计')
    expect(text('training-session-errors')).toContain('只能登记本校的培训')
  })
})

describe('培训记录: a session’s details', () => {
  it('reads the session afresh and lists its attendees', async () => {
    await mountPage(OFFICER())
    await click(all('training-session-open')[0])
    expect(api.training.session).toHaveBeenCalledWith(8)
    expect($('training-session-drawer')).not.toBeNull()
    expect(text('training-session-title')).toBe('寒假安保培训')
    expect(text('training-session-kind')).toBe('假期安保培训（突发冲撞、侵害处置）')
    expect(text('training-session-held_on')).toBe('2026-11-20')
    expect(text('training-session-hours')).toBe('1.5 学时')
    expect(text('training-session-place')).toBe('学校报告厅')
    expect(text('training-session-others')).toBe('30 人')
    expect(text('training-session-created')).toContain('赵敏')
    expect(all('training-session-attendee').map((a) => a.textContent?.replace(/\s+/g, ''))).toEqual(['王磊安保'])
  })

  it('imports a sign-in sheet: refused rows listed; once written the session and the list read again', async () => {
    await mountPage(OFFICER())
    await click(all('training-session-open')[0])
    await click($('training-signin-import'))
    expect(document.querySelector('[data-test="import-dialog"] .el-dialog__title')?.textContent).toBe('导入签到表')
    expect(text('training-signin-note')).toContain('按“姓名”与本校在岗重点岗位人员对应')
    expect(text('template')).toBe('下载签到表模板')

    api.training.signIn.mockResolvedValueOnce({ rows: 2, matched: 0, others: 0, applied: false, errors: [{ row: 3, field: '姓名', reason: '姓名不能为空' }] })
    const bad = await pickFile('签到表.xlsx')
    await click($('import-start'))
    expect(api.training.signIn).toHaveBeenCalledWith(8, bad)
    expect(text('import-summary')).toBe('共 1 行有错误，未写入任何数据，请修改后重新导入')
    const errorRows = [...document.querySelectorAll('[data-test="import-errors"] .el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()).join('|'),
    )
    expect(errorRows).toEqual(['3|姓名|姓名不能为空'])

    api.training.signIn.mockResolvedValueOnce({ rows: 3, matched: 1, others: 2, applied: true, errors: [] })
    api.training.session.mockResolvedValueOnce(
      session({ staff_ids: [3, 1], attendees: [{ id: 3, name: '王磊', post_label: '安保' }, { id: 1, name: '张强', post_label: '消防安全' }], other_count: 32 }),
    )
    api.training.sessions.mockClear()
    await pickFile('签到表.xlsx')
    await click($('import-start'))
    expect(text('import-summary')).toBe('导入完成：共 3 行，1 人为重点岗位人员，其他 2 人')
    expect(api.training.session).toHaveBeenLastCalledWith(8)
    expect(all('training-session-attendee').map((a) => a.querySelector('.attendee-name')?.textContent)).toEqual(['王磊', '张强'])
    expect(text('training-session-others')).toBe('32 人')
    expect(api.training.sessions).toHaveBeenCalledWith(21, '')
  })

  it('deletes a session once confirmed, and reads the list again', async () => {
    api.confirm.mockResolvedValueOnce(false).mockResolvedValueOnce(true)
    api.training.deleteSession.mockResolvedValue(undefined)
    await mountPage(OFFICER())
    await click(all('training-session-open')[0])
    await click($('training-session-delete'))
    expect(api.confirm).toHaveBeenCalledWith('确定删除“寒假安保培训”吗？此操作不可恢复。')
    expect(api.training.deleteSession).not.toHaveBeenCalled()
    api.training.sessions.mockClear()
    await click($('training-session-delete'))
    expect(api.training.deleteSession).toHaveBeenCalledWith(8)
    expect(api.training.sessions).toHaveBeenCalledWith(21, '')
  })

  it('says so when the session is gone', async () => {
    api.training.session.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    await mountPage(OFFICER())
    await click(all('training-session-open')[0])
    expect(text('training-session-gone')).toBe('该培训记录不存在或已删除')
    expect($('training-signin-import')).toBeNull()
  })
})
