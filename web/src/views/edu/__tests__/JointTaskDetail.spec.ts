// 联防联控 (a task's page): what is asked, the report day, who issued it and the progress; each
// department with its state as a tag that says it, its report's counts, text and who/when — a table
// on a desk, cards on a phone; the bureau's 撤销 (asked first, back to the list); a department's
// report form (提交报告, or 更新报告 filled from its report), checked before sending, the server's
// reasons beside their fields, and the new state shown at once; its 现场照片 uploaded first and sent
// by id (the server's reason on one shown at the uploader), a report's photos shown as thumbnails on
// a desk and on a phone; a task not the caller's is not found.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { JointTask } from '@/api/eduJoint'
import type { StoredFile } from '@/api/files'
import { BUREAU, BUREAU_PERMS, DEPT1, LIAISON_PERMS, jointDepartment, jointReport, jointTask, user } from './fixtures'

const api = vi.hoisted(() => ({
  joint: { list: vi.fn(), get: vi.fn(), create: vi.fn(), remove: vi.fn(), report: vi.fn() },
  upload: vi.fn(),
  confirm: vi.fn(),
}))

vi.mock('@/api/eduJoint', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduJoint')>()
  return { ...real, eduJointApi: api.joint }
})
vi.mock('@/api/files', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/files')>()
  return { ...real, filesApi: { ...real.filesApi, upload: api.upload } }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import JointTaskDetail from '../JointTaskDetail.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

let router: Router
async function mountPage(me: Me, path = '/edu/joint/12') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edu/joint', name: 'edu-joint', component: Stub },
      { path: '/edu/joint/:id', name: 'edu-joint-task', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(JointTaskDetail, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

async function type(test: string, v: string): Promise<void> {
  const el = $(test) as HTMLTextAreaElement
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

async function count(w: VueWrapper, key: string, n: number): Promise<void> {
  component(w, 'ElInputNumber', `joint-count-${key}`).vm.$emit('update:modelValue', n)
  await flushPromises()
}

/** Chooses files in the report's photo input (each uploaded at once). */
async function choosePhotos(...names: string[]): Promise<void> {
  const input = $('joint-report-photo-input') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: names.map((n) => new File(['x'], n, { type: 'image/jpeg' })), configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

const photo = (id: number, name: string, over: Partial<StoredFile> = {}): StoredFile => ({
  id,
  name,
  content_type: 'image/jpeg',
  size: 1,
  sha256: '',
  uploaded_by: 'dept1_liaison',
  uploaded_at: '2026-07-02T01:29:00Z',
  url: `/api/v1/files/${id}`,
  ...over,
})

const OFFICE = () => user([...BUREAU_PERMS, 'edu:content'], BUREAU, 'safety_office')
const LIAISON = () => user(LIAISON_PERMS, DEPT1, 'dept1_liaison')
const desk = window.innerWidth

/** dept1 reported (12 / 8 / 2 / 1), dept2 not yet. */
const halfReported = (over: Partial<JointTask> = {}) =>
  jointTask({
    departments: [
      jointDepartment({ state: 'reported', state_label: '已报告', report: jointReport() }),
      jointDepartment({ department_id: 32, name: '示范区交警大队', kind: 'traffic_police', kind_label: '交警' }),
    ],
    reported: 1,
    can_delete: false,
    ...over,
  })

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.joint), api.upload, api.confirm]) fn.mockReset()
  api.joint.get.mockResolvedValue(halfReported())
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('联防联控 task page', () => {
  it('shows the bureau the task and each department’s state, figures, text and who reported when', async () => {
    const w = await mountPage(OFFICE())
    expect(api.joint.get).toHaveBeenCalledWith(12)
    expect(w.find('[data-test="joint-task-title"]').text()).toBe('暑期水域巡查')
    expect(w.findAll('[data-test="joint-task-kinds"] .el-tag').map((x) => x.text())).toEqual(['巡查水域', '设置警示标志'])
    expect(w.find('[data-test="joint-task-due"]').text()).toContain('2026-07-10')
    expect(w.find('[data-test="joint-task-by"]').text()).toBe('示范区教育局 周科长 下达于 2026-07-01 08:00')
    expect(w.find('[data-test="joint-progress"]').text()).toBe('已报告 1 / 2')
    expect(w.find('[data-test="joint-task-text"]').text()).toBe('每周巡查辖区河道、水塘，在危险水域设置警示标志。')
    // The bureau reports nothing: no form.
    expect(w.find('[data-test="joint-report-form"]').exists()).toBe(false)
    expect(w.find('[data-test="joint-delete"]').exists()).toBe(false)

    const heads = w.findAll('[data-test="joint-departments-table"] thead th').map((x) => x.text())
    expect(heads).toEqual(['成员单位', '状态', '巡查水域（处）', '警示标志（块）', '防护设施（处）', '发现隐患（处）', '工作情况', '报告人'])
    const dept1 = w.find('[data-test="joint-dept-31"]')
    expect(dept1.find('th').text()).toContain('示范区公安分局')
    expect(dept1.find('th').text()).toContain('公安')
    // The state says itself: a tag with words, not a colour alone.
    expect(dept1.find('[data-test="joint-state"]').text()).toBe('已报告')
    expect(dept1.find('[data-test="joint-state"]').classes()).toContain('el-tag--success')
    expect(['patrolled', 'signs', 'fences', 'hazards'].map((k) => dept1.find(`[data-test="joint-fig-${k}"]`).text())).toEqual(['12', '8', '2', '1'])
    expect(dept1.find('[data-test="joint-dept-text"]').text()).toBe('巡查河道、水塘 12 处，新设警示标志 8 块。')
    expect(dept1.find('[data-test="joint-dept-by"]').text()).toBe('联络员 报告于 2026-07-02 09:30')
    const dept2 = w.find('[data-test="joint-dept-32"]')
    expect(dept2.find('[data-test="joint-state"]').text()).toBe('待报告')
    expect(dept2.find('[data-test="joint-fig-patrolled"]').text()).toBe('—')
    expect(dept2.find('[data-test="joint-dept-by"]').text()).toBe('尚未报告')
  })

  it('says 逾期 and 逾期未报告 for a task past its day', async () => {
    api.joint.get.mockResolvedValue(
      halfReported({
        due_on: '2026-06-20',
        overdue: 1,
        departments: [
          jointDepartment({ state: 'late', state_label: '逾期报告', report: jointReport({ on: '2026-06-22' }) }),
          jointDepartment({ department_id: 32, name: '示范区交警大队', state: 'overdue', state_label: '逾期未报告' }),
        ],
      }),
    )
    const w = await mountPage(OFFICE())
    expect(w.find('[data-test="joint-overdue"]').text()).toBe('逾期 1')
    expect(w.find('[data-test="joint-task-due"]').text()).toContain('已过报告期限')
    expect(w.find('[data-test="joint-dept-31"] [data-test="joint-state"]').text()).toBe('逾期报告')
    const overdue = w.find('[data-test="joint-dept-32"] [data-test="joint-state"]')
    expect(overdue.text()).toBe('逾期未报告')
    expect(overdue.classes()).toContain('el-tag--danger')
  })

  it('withdraws a task nobody reported on once confirmed, and goes back to the list', async () => {
    api.joint.get.mockResolvedValue(jointTask())
    const w = await mountPage(OFFICE())
    const button = w.find('[data-test="joint-delete"]')
    expect(button.text()).toBe('撤销')
    api.confirm.mockResolvedValueOnce(true)
    api.joint.remove.mockResolvedValueOnce(undefined)
    await button.trigger('click')
    await settle()
    expect(api.joint.remove).toHaveBeenCalledWith(12)
    expect(router.currentRoute.value.name).toBe('edu-joint')
  })

  it('lets a department report: checked before sending, then sent, its new state shown and the form now 更新报告', async () => {
    const task = jointTask({ can_report: true, can_delete: false })
    api.joint.get.mockResolvedValue(task)
    const w = await mountPage(LIAISON())
    const form = w.find('[data-test="joint-report-form"]')
    expect(form.exists()).toBe(true)
    expect(form.find('h2').text()).toBe('本单位报告')
    expect(form.find('[data-test="joint-own-state"]').text()).toBe('待报告')
    expect(w.find('[data-test="joint-report-submit"]').text()).toBe('提交报告')
    // Its own row is marked.
    expect(w.find('[data-test="joint-dept-31"]').text()).toContain('本单位')
    expect(w.find('[data-test="joint-dept-32"]').text()).not.toContain('本单位')
    expect(component(w, 'ElInputNumber', 'joint-count-patrolled').props('min')).toBe(0)

    // Nothing written: the form says so and sends nothing.
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(api.joint.report).not.toHaveBeenCalled()
    expect(errorOf('joint-report-text')).toBe('请填写工作情况')

    await type('joint-report-text', ' 巡查河道、水塘 12 处 ')
    await count(w, 'patrolled', 12)
    await count(w, 'signs', 8)
    await count(w, 'fences', 2)
    await count(w, 'hazards', 1)
    const report = jointReport({ text: '巡查河道、水塘 12 处' })
    api.joint.report.mockResolvedValue(
      jointTask({
        can_report: true,
        can_delete: false,
        reported: 1,
        departments: [jointDepartment({ state: 'reported', state_label: '已报告', report }), task.departments[1]],
      }),
    )
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(api.joint.report).toHaveBeenCalledWith(12, { text: '巡查河道、水塘 12 处', patrolled: 12, signs: 8, fences: 2, hazards: 1 })
    const row = w.find('[data-test="joint-dept-31"]')
    expect(row.find('[data-test="joint-state"]').text()).toBe('已报告')
    expect(row.find('[data-test="joint-fig-patrolled"]').text()).toBe('12')
    expect(w.find('[data-test="joint-progress"]').text()).toBe('已报告 1 / 2')
    expect(w.find('[data-test="joint-own-state"]').text()).toBe('已报告')
    expect(w.find('[data-test="joint-report-submit"]').text()).toBe('更新报告')
    expect(w.find('[data-test="joint-report-last"]').text()).toBe('上次报告：联络员 报告于 2026-07-02 09:30')
  })

  it('fills the form from the department’s report (更新报告) and puts the server’s reasons beside their fields', async () => {
    api.joint.get.mockResolvedValue(halfReported({ can_report: true }))
    const w = await mountPage(LIAISON())
    expect(($('joint-report-text') as HTMLTextAreaElement).value).toBe('巡查河道、水塘 12 处，新设警示标志 8 块。')
    expect(['patrolled', 'signs', 'fences', 'hazards'].map((k) => component(w, 'ElInputNumber', `joint-count-${k}`).props('modelValue'))).toEqual([12, 8, 2, 1])
    expect(w.find('[data-test="joint-report-submit"]').text()).toBe('更新报告')

    api.joint.report.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'signs', reason: '须为 0 到 100000 之间的整数' }] }, null),
    )
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(errorOf('joint-count-signs')).toBe('须为 0 到 100000 之间的整数')
    expect(w.find('[data-test="joint-dept-31"] [data-test="joint-state"]').text()).toBe('已报告')

    api.joint.report.mockRejectedValueOnce(new ApiError(403, { code: 'permission_denied', message: '只有任务中的成员单位可以报告', details: [] }, null))
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(document.body.textContent).toContain('只有任务中的成员单位可以报告')
  })

  it('sends the photos uploaded with the report by id, and shows them on the department’s row once reported', async () => {
    const task = jointTask({ can_report: true, can_delete: false })
    api.joint.get.mockResolvedValue(task)
    let n = 40
    api.upload.mockImplementation(async (_f: Blob, name: string) => photo(++n, name))
    const w = await mountPage(LIAISON())
    const photos = $('joint-report-photos')
    expect(photos?.closest('.el-form-item')?.querySelector('.el-form-item__label')?.textContent?.trim()).toBe('现场照片（选填）')
    expect($('joint-report-photos-hint')?.textContent?.trim()).toBe('可拍照或选择现场照片，提交报告时一并提交')

    await type('joint-report-text', '巡查河道、水塘 12 处')
    await count(w, 'patrolled', 12)
    await choosePhotos('河道.jpg', '警示牌.jpg')
    expect(api.upload).toHaveBeenCalledTimes(2)
    expect(document.querySelectorAll('[data-test="joint-report-photos"] [data-test="photo-thumb"]')).toHaveLength(2)

    const report = jointReport({ text: '巡查河道、水塘 12 处', signs: 0, fences: 0, hazards: 0, files: [photo(41, '河道.jpg'), photo(42, '警示牌.jpg')] })
    api.joint.report.mockResolvedValue(
      jointTask({
        can_report: true,
        can_delete: false,
        reported: 1,
        departments: [jointDepartment({ state: 'reported', state_label: '已报告', report }), task.departments[1]],
      }),
    )
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(api.joint.report).toHaveBeenCalledTimes(1)
    expect(api.joint.report).toHaveBeenCalledWith(12, { text: '巡查河道、水塘 12 处', patrolled: 12, signs: 0, fences: 0, hazards: 0, file_ids: [41, 42] })
    // Sent: the uploader is empty again, the photos are on the report now.
    expect(document.querySelectorAll('[data-test="joint-report-photos"] [data-test="photo-thumb"]')).toHaveLength(0)
    const shown = w.findAll('[data-test="joint-dept-31"] [data-test="joint-dept-photo"]')
    expect(shown.map((x) => x.find('img').attributes('src'))).toEqual(['/api/v1/files/41', '/api/v1/files/42'])
    expect($('joint-report-photos-hint')?.textContent?.trim()).toBe('报告已附 2 张照片，保留不变；新选择的照片在提交时追加')

    // A later report without new photos sends none (those attached stay on the server).
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(api.joint.report).toHaveBeenCalledTimes(2)
    expect(api.joint.report.mock.calls[1][1]).not.toHaveProperty('file_ids')
  })

  it('shows the server’s reason on a photo at the uploader, and keeps the photos to send again', async () => {
    api.joint.get.mockResolvedValue(halfReported({ can_report: true }))
    api.upload.mockImplementation(async (_f: Blob, name: string) => photo(77, name))
    const w = await mountPage(LIAISON())
    await choosePhotos('河道.jpg')
    api.joint.report.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'file_ids[0]', reason: '文件已用于其他记录' }] }, null),
    )
    await w.find('[data-test="joint-report-submit"]').trigger('click')
    await settle()
    expect(api.joint.report.mock.calls[0][1].file_ids).toEqual([77])
    expect(errorOf('joint-report-photos')).toBe('文件已用于其他记录')
    // Shown at the photos, not listed above the form.
    expect($('joint-report-errors')).toBeNull()
    expect(document.querySelectorAll('[data-test="joint-report-photos"] [data-test="photo-thumb"]')).toHaveLength(1)
  })

  it('shows a report’s photos as thumbnails on a desk, a document as a link, none for a report without', async () => {
    api.joint.get.mockResolvedValue(
      halfReported({
        departments: [
          jointDepartment({
            state: 'reported',
            state_label: '已报告',
            report: jointReport({ files: [photo(41, '河道.jpg'), photo(42, '警示牌.jpg'), photo(43, '台账.pdf', { content_type: 'application/pdf' })] }),
          }),
          jointDepartment({ department_id: 32, name: '示范区交警大队', state: 'reported', state_label: '已报告', report: jointReport({ id: 6 }) }),
        ],
      }),
    )
    const w = await mountPage(OFFICE())
    const row = w.find('[data-test="joint-departments-table"] [data-test="joint-dept-31"]')
    const group = row.find('[data-test="joint-dept-files"]')
    expect(group.attributes('role')).toBe('group')
    expect(group.attributes('aria-label')).toBe('示范区公安分局的现场照片')
    const thumbs = group.findAll('[data-test="joint-dept-photo"]')
    expect(thumbs.map((x) => x.find('img').attributes('src'))).toEqual(['/api/v1/files/41', '/api/v1/files/42'])
    expect(thumbs[0].attributes('aria-label')).toContain('河道.jpg')
    const doc = group.find('[data-test="joint-dept-doc"]')
    expect(doc.text()).toBe('台账.pdf')
    expect(doc.attributes('href')).toBe('/api/v1/files/43')
    // The text stays as it was beside them.
    expect(row.find('[data-test="joint-dept-text"]').text()).toBe('巡查河道、水塘 12 处，新设警示标志 8 块。')
    // A report read from the list (no files key) shows none.
    expect(w.find('[data-test="joint-dept-32"] [data-test="joint-dept-files"]').exists()).toBe(false)

    // Opened large: the viewer goes through the department's pictures.
    await thumbs[1].trigger('click')
    await settle()
    expect(document.querySelector('.el-image-viewer__wrapper img.el-image-viewer__img')?.getAttribute('src')).toBe('/api/v1/files/42')
  })

  it('shows the departments as cards on a phone, the report form too', async () => {
    window.innerWidth = 375
    api.joint.get.mockResolvedValue(halfReported({ can_report: true }))
    const w = await mountPage(LIAISON())
    expect(w.find('[data-test="joint-departments-table"]').exists()).toBe(false)
    const card = w.find('li[data-test="joint-dept-31"]')
    expect(card.find('[data-test="joint-state"]').text()).toBe('已报告')
    expect(card.find('[data-test="joint-fig-patrolled"]').text()).toBe('12')
    expect(card.find('[data-test="joint-dept-by"]').text()).toBe('联络员 报告于 2026-07-02 09:30')
    expect(w.find('li[data-test="joint-dept-32"] [data-test="joint-dept-by"]').text()).toBe('尚未报告')
    expect(w.find('[data-test="joint-report-form"]').exists()).toBe(true)
    expect(w.find('[data-test="joint-report-photos"]').exists()).toBe(true)
  })

  it('shows a report’s photos on its card on a phone', async () => {
    window.innerWidth = 375
    api.joint.get.mockResolvedValue(
      halfReported({
        departments: [
          jointDepartment({ state: 'reported', state_label: '已报告', report: jointReport({ files: [photo(41, '河道.jpg')] }) }),
          jointDepartment({ department_id: 32, name: '示范区交警大队' }),
        ],
      }),
    )
    const w = await mountPage(OFFICE())
    const card = w.find('li[data-test="joint-dept-31"]')
    expect(card.find('[data-test="joint-dept-files"]').attributes('aria-label')).toBe('示范区公安分局的现场照片')
    expect(card.findAll('[data-test="joint-dept-photo"] img').map((x) => x.attributes('src'))).toEqual(['/api/v1/files/41'])
    expect(w.find('li[data-test="joint-dept-32"] [data-test="joint-dept-files"]').exists()).toBe(false)
  })

  it('says a task not the caller’s is not found', async () => {
    api.joint.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '联防联控任务不存在或不在您的管辖范围内', details: [] }, null))
    const w = await mountPage(LIAISON(), '/edu/joint/99')
    expect(w.find('[data-test="joint-task-title"]').exists()).toBe(false)
    expect(w.findComponent({ name: 'NotFoundPanel' }).exists()).toBe(true)
  })
})
