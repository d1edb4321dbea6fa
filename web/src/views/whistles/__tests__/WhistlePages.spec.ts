import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import { assignment, event, whistle } from './fixtures'

const api = vi.hoisted(() => ({
  whistles: { list: vi.fn(), create: vi.fn(), get: vi.fn(), acknowledge: vi.fn(), feedback: vi.fn(), confirm: vi.fn(), sendBack: vi.fn(), route: vi.fn(), toHazard: vi.fn() },
  reports: { school: vi.fn(), file: vi.fn(), board: vi.fn() },
  routes: { get: vi.fn(), save: vi.fn() },
  stats: { get: vi.fn(), export: vi.fn() },
  saveDownload: vi.fn(),
  upload: vi.fn(),
}))

vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})
vi.mock('@/api/files', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/files')>()
  return { ...real, filesApi: { ...real.filesApi, upload: api.upload } }
})
vi.mock('@/api/whistles', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/whistles')>()
  return { ...real, whistlesApi: api.whistles, whistleRoutesApi: api.routes, whistleStatsApi: api.stats, whistleReportsApi: api.reports }
})

import WhistleList from '../WhistleList.vue'
import WhistleDetail from '../WhistleDetail.vue'
import WhistleRoutes from '../WhistleRoutes.vue'
import WhistleStats from '../WhistleStats.vue'
import WhistleReports from '../WhistleReports.vue'
import WhistleHomeCard from '../components/WhistleHomeCard.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const TRAFFIC = { id: 30, name: '示范区交警大队', kind: 'department' }
const SCHOOL_PERMS = ['whistle:read', 'whistle:raise']
const LIAISON_PERMS = ['whistle:read', 'whistle:respond']
const BUREAU_PERMS = ['whistle:read', 'whistle:route']

function user(permissions: string[], unit = SCHOOL): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const Stub = defineComponent({ template: '<div />' })
/** Element Plus shows a form item's error after a 100 ms debounce. */
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  useDictStore().data = {
    unit_kinds: [],
    school_stages: [],
    ownerships: [],
    location_types: [],
    department_kinds: [],
    key_place_kinds: [],
    scope_kinds: [],
    whistle_categories: [
      { code: 'traffic', label: '道路交通' },
      { code: 'public_order', label: '周边治安' },
    ],
    whistle_places: [
      { code: 'campus', label: '校内' },
      { code: 'around', label: '校园周边' },
    ],
    whistle_severities: [
      { code: 'general', label: '一般' },
      { code: 'major', label: '重大' },
    ],
    whistle_states: [{ code: 'waiting', label: '待报到' }],
    hazard_domains: [
      { code: 'traffic', label: '交通安全' },
      { code: 'surroundings', label: '周边环境' },
    ],
    hazard_levels: [
      { code: 'general', label: '一般隐患' },
      { code: 'major', label: '重大隐患' },
    ],
    permissions: [],
  }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/whistles', name: 'whistles', component: Stub },
      { path: '/whistles/:id(\\d+)', name: 'whistle-detail', component: Stub },
      { path: '/whistles/stats', name: 'whistle-stats', component: Stub },
      { path: '/whistles/routes', name: 'whistle-routes', component: Stub },
      { path: '/whistles/reports', name: 'whistle-reports', component: Stub },
      { path: '/whistles/reports/schools', name: 'whistle-report-board', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

const $ = (test: string) => document.querySelector(`[data-test="${test}"]`)

/** The error text of the form item around a field (dialogs are teleported: read the document). */
function errorOf(test: string): string {
  const item = $(test)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement | HTMLTextAreaElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

function pick(w: VueWrapper, test: string, value: unknown): void {
  const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === test)
  expect(select, test).toBeTruthy()
  select!.vm.$emit('update:modelValue', value)
}

async function click(test: string): Promise<void> {
  ;($(test) as HTMLElement).click()
  await settle()
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of [api.whistles, api.routes, api.stats, api.reports]) for (const fn of Object.values(group)) fn.mockReset()
  api.saveDownload.mockReset()
  api.upload.mockReset()
  api.whistles.list.mockResolvedValue({
    items: [
      whistle({ events: [] }),
      whistle({ id: 13, title: '校门前河道无护栏', severity: 'major', severity_label: '重大', overdue: true, category: 'water', category_label: '水域', events: [] }),
    ],
    total: 2,
  })
  api.whistles.get.mockResolvedValue(whistle())
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('WhistleList', () => {
  it('lists the whistles with their departments, the 重大 and overdue tags, and 吹哨 for a school', async () => {
    const { w } = await mountPage(WhistleList, '/whistles', user(SCHOOL_PERMS))
    expect(api.whistles.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    const rows = w.findAll('[data-test="table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('校门口缺少人行横道')
    expect(rows[0].text()).toContain('示范区交警大队：待报到')
    expect(rows[0].find('[data-test="row-major"]').exists()).toBe(false)
    expect(rows[1].find('[data-test="row-major"]').text()).toBe('重大')
    expect(rows[1].find('[data-test="row-overdue"]').text()).toBe('超期')
    expect(w.find('[data-test="add"]').text()).toBe('吹哨')
  })

  it('filters 待我处理 from a link, and offers no 吹哨 to a department', async () => {
    const { w } = await mountPage(WhistleList, '/whistles?todo=1', user(LIAISON_PERMS, TRAFFIC))
    expect(api.whistles.list).toHaveBeenCalledWith({ todo: 1, page: 1, page_size: 10 })
    expect(w.find('[data-test="add"]').exists()).toBe(false)
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(WhistleList, '/whistles', user(SCHOOL_PERMS))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const card = w.find('[data-test="card"] [data-test="whistle-13"]')
    expect(card.find('h2').text()).toBe('校门前河道无护栏')
    expect(card.find('h2 a').attributes('href')).toBe('/whistles/13')
    expect(card.find('[data-test="row-major"]').exists()).toBe(true)
    expect(card.find('[data-test="row-overdue"]').exists()).toBe(true)
  })

  it('raises a whistle: interim measures asked when 重大, the server’s reasons beside their fields', async () => {
    const { w, router } = await mountPage(WhistleList, '/whistles', user(SCHOOL_PERMS))
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(($('field-school') as HTMLInputElement).value).toBe('示范区双桥小学')
    pick(w, 'field-category', 'traffic')
    await type('field-title', '校门口缺少人行横道')
    await type('field-location', '校门外解放路')
    ;($('severity-major')?.querySelector('input') as HTMLInputElement).click()
    await settle()
    expect($('major-hint')).toBeTruthy()
    // Client side: 重大 needs the interim measures.
    await click('raise-submit')
    expect(api.whistles.create).not.toHaveBeenCalled()
    expect(errorOf('field-interim_measures')).toBe('重大事项须填写临时措施')

    await type('field-interim_measures', '安排教师护导')
    api.whistles.create.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '请检查输入',
          details: [
            { field: 'location', reason: '请写明具体位置' },
            { field: 'school_id', reason: '只能为本校吹哨' },
            { field: 'version', reason: '已被修改' },
          ],
        },
        null,
      ),
    )
    await click('raise-submit')
    expect(api.whistles.create).toHaveBeenCalledWith({
      school_id: 21,
      title: '校门口缺少人行横道',
      description: '',
      category: 'traffic',
      place: 'around',
      location: '校门外解放路',
      severity: 'major',
      interim_measures: '安排教师护导',
      file_ids: [],
    })
    expect(errorOf('field-location')).toBe('请写明具体位置')
    expect(errorOf('field-school')).toBe('只能为本校吹哨')
    expect($('raise-errors')?.textContent).toContain('已被修改')

    api.whistles.create.mockResolvedValueOnce(whistle({ id: 14 }))
    await click('raise-submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/whistles/14')
  })
})

describe('WhistleDetail', () => {
  it('shows the facts, each department with its times in China and the history; no buttons without `can`', async () => {
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(SCHOOL_PERMS))
    expect(api.whistles.get).toHaveBeenCalledWith(12)
    expect(w.find('[data-test="whistle-title"]').text()).toBe('校门口缺少人行横道')
    expect(w.find('[data-test="whistle-state"]').text()).toBe('待报到')
    const a = w.find('[data-test="assignment-30"]')
    expect(a.find('[data-test="assignment-department"]').text()).toBe('示范区交警大队')
    expect(a.find('[data-test="assignment-ack-due"]').text()).toBe('2026-12-06 09:02')
    expect(a.find('[data-test="assignment-feedback-due"]').text()).toBe('2026-12-11')
    expect(a.find('[data-test="assignment-provisional"]').exists()).toBe(false)
    expect(w.findAll('[data-test="event-kind"]').map((e) => e.text())).toEqual(['吹哨', '派送部门'])
    expect(w.find('[data-test="actions"]').exists()).toBe(false)
  })

  it('marks overdue and provisional deadlines', async () => {
    api.whistles.get.mockResolvedValue(
      whistle({ overdue: true, assignments: [assignment({ ack_overdue: true, feedback_due_provisional: true, escalated: true })] }),
    )
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(SCHOOL_PERMS))
    expect(w.find('[data-test="whistle-overdue"]').text()).toBe('超期')
    expect(w.find('[data-test="assignment-ack-overdue"]').text()).toBe('报到超期')
    expect(w.find('[data-test="assignment-provisional"]').text()).toBe('暂按周一至周五推算')
    expect(w.find('[data-test="assignment-escalated"]').exists()).toBe(true)
    expect(w.find('[data-test="assignment-leader-escalated"]').exists()).toBe(false)
  })

  it('marks a part told to the district leadership', async () => {
    api.whistles.get.mockResolvedValue(
      whistle({ overdue: true, assignments: [assignment({ ack_overdue: true, escalated: true, leader_escalated: true })] }),
    )
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(SCHOOL_PERMS))
    expect(w.find('[data-test="assignment-leader-escalated"]').text()).toBe('已报区领导')
  })

  it('offers a department 报到 and the feedback from `can`, and sends the result with its note', async () => {
    api.whistles.get.mockResolvedValue(whistle({ can: { acknowledge: true, feedback: true, confirm: false, send_back: false, route: false } }))
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(LIAISON_PERMS, TRAFFIC))
    expect(w.findAll('[data-test="actions"] button').map((b) => b.attributes('data-test'))).toEqual(['action-acknowledge', 'action-feedback', 'action-result'])

    api.whistles.acknowledge.mockResolvedValue(whistle({ state: 'in_progress', state_label: '处理中', can: { acknowledge: false, feedback: true, confirm: false, send_back: false, route: false } }))
    await w.find('[data-test="action-acknowledge"]').trigger('click')
    await settle()
    await click('action-submit')
    expect(api.whistles.acknowledge).toHaveBeenCalledWith(12, undefined)
    expect(w.find('[data-test="whistle-state"]').text()).toBe('处理中')
    expect(w.findAll('[data-test="actions"] button').map((b) => b.attributes('data-test'))).toEqual(['action-feedback', 'action-result'])

    await w.find('[data-test="action-result"]').trigger('click')
    await settle()
    await click('action-submit')
    expect(api.whistles.feedback).not.toHaveBeenCalled()
    expect(errorOf('field-note')).toBe('请填写说明')
    await type('field-note', '已施划人行横道')
    api.whistles.feedback.mockResolvedValue(whistle({ state: 'answered', state_label: '待学校确认' }))
    await click('action-submit')
    expect(api.whistles.feedback).toHaveBeenCalledWith(12, '已施划人行横道', true, [])
    expect(w.find('[data-test="whistle-state"]').text()).toBe('待学校确认')
  })

  it('sends a department’s progress with the photos uploaded in the dialog, their reason beside them', async () => {
    api.whistles.get.mockResolvedValue(whistle({ state: 'in_progress', can: { acknowledge: true, feedback: true, confirm: false, send_back: false, route: false } }))
    let n = 40
    api.upload.mockImplementation(async (_f: Blob, name: string) => ({ id: ++n, name, content_type: 'image/jpeg', size: 1, sha256: '', url: `/api/v1/files/${n}` }))
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(LIAISON_PERMS, TRAFFIC))
    // 报到 brings no photos.
    await w.find('[data-test="action-acknowledge"]').trigger('click')
    await settle()
    expect($('photo-input')).toBeNull()
    ;(document.querySelector('[data-test="action-dialog"] .el-dialog__footer button') as HTMLElement).click()
    await settle()

    await w.find('[data-test="action-feedback"]').trigger('click')
    await settle()
    expect($('field-photos')?.querySelector('.el-form-item__label')?.textContent).toBe('现场照片（选填，最多 9 张）')
    await type('field-note', '已协调路政，下周施划')
    const input = $('photo-input') as HTMLInputElement
    const chosen = [new File(['x'], '路口.jpg', { type: 'image/jpeg' }), new File(['y'], '车流.jpg', { type: 'image/jpeg' })]
    Object.defineProperty(input, 'files', { value: chosen, configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(api.upload).toHaveBeenCalledTimes(2)
    const thumbs = Array.from(document.querySelectorAll('[data-test="photo-thumb"] .photo-thumb'))
    expect(thumbs.map((b) => b.getAttribute('aria-label'))).toEqual(['查看照片 路口.jpg', '查看照片 车流.jpg'])

    api.whistles.feedback.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'file_ids[1]', reason: '照片不存在或已被使用' }] }, null),
    )
    await click('action-submit')
    expect(api.whistles.feedback).toHaveBeenCalledWith(12, '已协调路政，下周施划', false, [41, 42])
    expect(errorOf('photo-input')).toBe('照片不存在或已被使用')
    expect($('dialog-errors')).toBeNull()

    api.whistles.feedback.mockResolvedValueOnce(whistle({ state: 'in_progress', state_label: '处理中', can: { acknowledge: false, feedback: true, confirm: false, send_back: false, route: false } }))
    await click('action-submit')
    expect(api.whistles.feedback).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="whistle-state"]').text()).toBe('处理中')
    // The next step starts without the photos already sent.
    await w.find('[data-test="action-result"]').trigger('click')
    await settle()
    expect(document.querySelectorAll('[data-test="photo-thumb"]')).toHaveLength(0)
  })

  it('shows the photos a department attached on its step of the history, on a phone', async () => {
    window.innerWidth = 375
    api.whistles.get.mockResolvedValue(
      whistle({
        state: 'answered',
        files: [{ id: 50, name: '校门口.jpg', content_type: 'image/jpeg', size: 3 }],
        events: [
          event(),
          event({ id: 2, kind: 'routed', kind_label: '派送部门', department_id: 30, department_name: '示范区交警大队' }),
          event({
            id: 3,
            kind: 'result',
            kind_label: '反馈结果',
            department_id: 30,
            department_name: '示范区交警大队',
            note: '已施划人行横道',
            actor: 'dept2_liaison',
            actor_name: '交警联络员',
            files: [
              { id: 51, name: '施划后.jpg', content_type: 'image/jpeg', size: 1 },
              { id: 52, name: '施划后（北侧）.png', content_type: 'image/png', size: 1 },
              { id: 53, name: '验收单.pdf', content_type: 'application/pdf', size: 2 },
            ],
          }),
        ],
      }),
    )
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(SCHOOL_PERMS))
    const items = w.findAll('[data-test="timeline-item"]')
    expect(items).toHaveLength(3)
    expect(items[0].find('[data-test="event-files"]').exists()).toBe(false)
    expect(items[1].find('[data-test="event-files"]').exists()).toBe(false)
    const files = items[2].findAll('[data-test="event-file"]')
    expect(files.map((f) => f.element.tagName)).toEqual(['BUTTON', 'BUTTON', 'A'])
    expect(files[0].attributes('aria-label')).toBe('查看照片 施划后.jpg')
    expect(files[0].find('img').attributes('src')).toBe('/api/v1/files/51')
    expect(files[1].find('img').attributes('src')).toBe('/api/v1/files/52')
    expect(files[2].attributes('href')).toBe('/api/v1/files/53')
    expect(files[2].text()).toBe('验收单.pdf')
    // The school's own photo stays with the facts, not on a step.
    expect(w.findAll('[data-test="whistle-file"]')).toHaveLength(1)
    expect(w.find('[data-test="timeline"]').findAll('[data-test="event-file"]')).toHaveLength(3)
  })

  it('offers the school 确认办结 and 退回重办 (a note required, the server’s reason beside it)', async () => {
    api.whistles.get.mockResolvedValue(whistle({ state: 'answered', can: { acknowledge: false, feedback: false, confirm: true, send_back: true, route: false } }))
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(SCHOOL_PERMS))
    expect(w.findAll('[data-test="actions"] button').map((b) => b.attributes('data-test'))).toEqual(['action-confirm', 'action-send_back'])
    await w.find('[data-test="action-send_back"]').trigger('click')
    await settle()
    await type('field-note', '仍未施划')
    api.whistles.sendBack.mockRejectedValue(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'note', reason: '请写明退回原因' }] }, null),
    )
    await click('action-submit')
    expect(api.whistles.sendBack).toHaveBeenCalledWith(12, '仍未施划')
    expect(errorOf('field-note')).toBe('请写明退回原因')
  })

  it('lets the bureau add departments not yet on the whistle', async () => {
    api.whistles.get.mockResolvedValue(whistle({ can: { acknowledge: false, feedback: false, confirm: false, send_back: false, route: true } }))
    api.routes.get.mockResolvedValue({
      bureau_id: 1,
      bureau_name: '示范区教育局',
      items: [],
      departments: [
        { id: 30, name: '示范区交警大队', department_kind: 'traffic_police', department_kind_label: '交警' },
        { id: 31, name: '示范区公安分局', department_kind: 'police', department_kind_label: '公安' },
      ],
    })
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(BUREAU_PERMS, BUREAU))
    await w.find('[data-test="action-route"]').trigger('click')
    await settle()
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'field-department_ids')!
    expect(select.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['示范区公安分局'])
    select.vm.$emit('update:modelValue', [31])
    api.whistles.route.mockResolvedValue(whistle())
    await click('action-submit')
    expect(api.whistles.route).toHaveBeenCalledWith(12, [31])
  })

  it('turns the whistle into a school hazard when `can.hazard`, then links 关联隐患 #N', async () => {
    api.whistles.get.mockResolvedValue(whistle({ state: 'closed', state_label: '已办结', can: { acknowledge: false, feedback: false, confirm: false, send_back: false, route: false, hazard: true } }))
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user([...SCHOOL_PERMS, 'hazard:read', 'hazard:report']))
    expect(w.findAll('[data-test="actions"] button').map((b) => b.attributes('data-test'))).toEqual(['to-hazard'])
    expect(w.find('[data-test="whistle-hazard"]').exists()).toBe(false)
    await w.find('[data-test="to-hazard"]').trigger('click')
    await settle()
    expect($('hazard-dialog')).toBeTruthy()
    // Nothing chosen: the server's defaults.
    api.whistles.toHazard.mockResolvedValueOnce(whistle({ hazard_id: 77, can: { acknowledge: false, feedback: false, confirm: false, send_back: false, route: false, hazard: false } }))
    pick(w, 'field-level', 'major')
    await click('hazard-submit')
    expect(api.whistles.toHazard).toHaveBeenCalledWith(12, { level: 'major' })
    const link = w.find('[data-test="whistle-hazard"]')
    expect(link.text()).toBe('隐患 #77')
    expect(link.attributes('href')).toBe('/hazards/77')
    expect(w.find('[data-test="to-hazard"]').exists()).toBe(false)
  })

  it('offers no 转为本校隐患 without `can.hazard`, and names the hazard without hazard:read', async () => {
    api.whistles.get.mockResolvedValue(whistle({ hazard_id: 5 }))
    const { w } = await mountPage(WhistleDetail, '/whistles/12', user(LIAISON_PERMS, TRAFFIC))
    expect(w.find('[data-test="to-hazard"]').exists()).toBe(false)
    expect(w.find('[data-test="whistle-hazard"]').element.tagName).toBe('SPAN')
    expect(w.find('[data-test="whistle-hazard"]').text()).toBe('隐患 #5')
  })

  it('shows 404 as not found', async () => {
    api.whistles.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '不存在', details: [] }, null))
    const { w } = await mountPage(WhistleDetail, '/whistles/99', user(SCHOOL_PERMS))
    expect(w.find('[data-test="whistle-detail"]').exists()).toBe(false)
    expect(w.text()).toContain('不存在')
  })
})

describe('WhistleRoutes', () => {
  it('shows each category with its departments and 默认, and saves the table', async () => {
    const routing = {
      bureau_id: 1,
      bureau_name: '示范区教育局',
      items: [
        { category: 'traffic', category_label: '道路交通', department_ids: [30], departments: [{ id: 30, name: '示范区交警大队' }], custom: false },
        { category: 'public_order', category_label: '周边治安', department_ids: [31], departments: [{ id: 31, name: '示范区公安分局' }], custom: true },
      ],
      departments: [
        { id: 30, name: '示范区交警大队', department_kind: 'traffic_police', department_kind_label: '交警' },
        { id: 31, name: '示范区公安分局', department_kind: 'police', department_kind_label: '公安' },
      ],
    }
    api.routes.get.mockResolvedValue(routing)
    api.routes.save.mockResolvedValue({ ...routing, items: routing.items.map((i) => ({ ...i, department_ids: [30, 31], custom: true })) })
    const { w } = await mountPage(WhistleRoutes, '/whistles/routes', user(BUREAU_PERMS, BUREAU))
    expect(w.find('[data-test="route-traffic-default"]').exists()).toBe(true)
    expect(w.find('[data-test="route-public_order-default"]').exists()).toBe(false)
    expect(w.find('[data-test="routes-save"]').attributes('disabled')).toBeDefined()
    pick(w, 'route-traffic', [30, 31])
    await flushPromises()
    await w.find('[data-test="routes-save"]').trigger('click')
    await flushPromises()
    expect(api.routes.save).toHaveBeenCalledWith([
      { category: 'traffic', department_ids: [30, 31] },
      { category: 'public_order', department_ids: [31] },
    ])
    expect(w.find('[data-test="route-traffic-default"]').exists()).toBe(false)
  })
})

describe('WhistleStats', () => {
  it('shows each department and the totals, and exports the period', async () => {
    const row = {
      department_id: 30,
      department_name: '示范区交警大队',
      received: 4,
      acknowledged: 3,
      acknowledged_on_time: 2,
      ack_overdue: 1,
      average_ack_hours: 5.25,
      answered: 2,
      closed: 1,
      average_close_days: null,
      open: 3,
      feedback_overdue: 0,
    }
    api.stats.get.mockResolvedValue({ from: '2026-01-01', to: '2026-12-05', items: [row], totals: { ...row, department_id: 0, department_name: '合计' } })
    api.stats.export.mockResolvedValue({ blob: new Blob(['x']), filename: '吹哨报到部门统计.xlsx' })
    const { w } = await mountPage(WhistleStats, '/whistles/stats', user(BUREAU_PERMS, BUREAU))
    const [from, to] = api.stats.get.mock.calls[0]
    expect(from).toMatch(/^\d{4}-01-01$/)
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const rows = w.findAll('[data-test="stats-table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('示范区交警大队')
    expect(rows[0].find('[data-test="stat-received"]').text()).toBe('4')
    expect(rows[0].find('[data-test="stat-average_ack_hours"]').text()).toBe('5.3')
    expect(rows[0].find('[data-test="stat-average_close_days"]').text()).toBe('—')
    expect(rows[1].find('[data-test="stat-totals"]').text()).toBe('合计')
    await w.find('[data-test="stats-export"]').trigger('click')
    await flushPromises()
    expect(api.stats.export).toHaveBeenCalledWith(from, to)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '吹哨报到部门统计.xlsx' })
  })
})

describe('WhistleHomeCard', () => {
  it('shows the whistles waiting for the user with the way to them', async () => {
    api.whistles.list.mockResolvedValue({ items: [whistle({ events: [] })], total: 3 })
    const { w } = await mountPage(WhistleHomeCard, '/home', user(LIAISON_PERMS, TRAFFIC))
    expect(api.whistles.list).toHaveBeenCalledWith({ todo: 1, page: 1, page_size: 5 })
    expect(w.find('[data-test="home-whistle-todo"]').text()).toBe('待我处理 3 件')
    expect(w.find('[data-test="home-whistle-12"]').text()).toContain('待报到')
    expect(w.find('[data-test="home-whistle-link"]').attributes('href')).toBe('/whistles?todo=1')
  })

  it('shows nothing when the API does not answer', async () => {
    api.whistles.list.mockRejectedValue(new ApiError(404, { code: 'not_found', message: 'x', details: [] }, null))
    const { w } = await mountPage(WhistleHomeCard, '/home', user(LIAISON_PERMS, TRAFFIC))
    expect(w.find('[data-test="home-whistle"]').exists()).toBe(false)
  })
})

const report = (over = {}) => ({
  school_id: 21,
  school_name: '示范区双桥小学',
  month: '2026-11',
  nil: true,
  open_count: 0,
  summary: '',
  note: '',
  filed_by: 'school1_safety',
  filed_at: '2026-11-28T02:00:00Z',
  ...over,
})

describe('WhistleReports', () => {
  const unfiled = {
    school_id: 21,
    school_name: '示范区双桥小学',
    month: '2026-12',
    current: null,
    draft: { nil: false, open_count: 2, summary: '校门口缺少人行横道（待报到）\n校门前河道无护栏（处理中）' },
    reports: [report()],
    can_file: true,
  }

  it('shows a school this month 未报送 with what it would report, files it with a note: 已报送', async () => {
    api.reports.school.mockResolvedValue(unfiled)
    const { w } = await mountPage(WhistleReports, '/whistles/reports', user(SCHOOL_PERMS))
    expect(api.reports.school).toHaveBeenCalledWith(21)
    expect(api.reports.board).not.toHaveBeenCalled()
    expect(w.find('[data-test="report-state"]').text()).toBe('未报送')
    expect(w.find('[data-test="report-draft"]').text()).toBe('2 项未办结风险')
    expect(w.findAll('[data-test="report-draft-summary"] li').map((l) => l.text())).toEqual(['校门口缺少人行横道（待报到）', '校门前河道无护栏（处理中）'])
    expect(w.find('[data-test="report-2026-11"]').text()).toBe('零报告')

    api.reports.file.mockResolvedValue({
      ...unfiled,
      current: report({ month: '2026-12', nil: false, open_count: 2, summary: unfiled.draft.summary, note: '已安排护导' }),
      reports: [report({ month: '2026-12', nil: false, open_count: 2, note: '已安排护导' }), report()],
    })
    await w.find('[data-test="report-file"]').trigger('click')
    await settle()
    await type('report-note', ' 已安排护导 ')
    await click('report-submit')
    expect(api.reports.file).toHaveBeenCalledWith(21, '已安排护导')
    expect(w.find('[data-test="report-state"]').text()).toBe('已报送')
    expect(w.find('[data-test="report-content"]').text()).toBe('2 项未办结风险')
    expect(w.find('[data-test="report-file"]').text()).toBe('重新报送')
  })

  it('offers no 报送 without can_file, and shows the history as cards on a phone', async () => {
    window.innerWidth = 375
    api.reports.school.mockResolvedValue({ ...unfiled, draft: { nil: true, open_count: 0, summary: '' }, can_file: false })
    const { w } = await mountPage(WhistleReports, '/whistles/reports', user(['whistle:read']))
    expect(w.find('[data-test="report-draft"]').text()).toBe('零报告')
    expect(w.find('[data-test="report-file"]').exists()).toBe(false)
    expect(w.find('ul[data-test="report-history"]').exists()).toBe(true)
  })

  it('shows the bureau every school of a month, 仅看未报送 keeping those not filed', async () => {
    api.reports.board.mockResolvedValue({
      month: '2026-12',
      schools: 2,
      filed: 1,
      nil: 1,
      items: [
        { school_id: 21, school_name: '示范区双桥小学', filed: true, report: report({ month: '2026-12' }) },
        { school_id: 22, school_name: '示范区第二小学', filed: false, report: null },
      ],
    })
    const { w } = await mountPage(WhistleReports, '/whistles/reports/schools', user(['whistle:read', 'whistle:route'], BUREAU))
    expect(api.reports.board).toHaveBeenCalledWith(undefined)
    expect(api.reports.school).not.toHaveBeenCalled()
    expect(w.find('[data-test="report-board-counts"]').text()).toBe('共 2 所学校，已报送 1 所（零报告 1 所），未报送 1 所')
    expect(w.find('[data-test="board-state-21"]').text()).toBe('已报送')
    expect(w.find('[data-test="board-state-22"]').text()).toBe('未报送')
    await w.find('[data-test="report-unfiled-only"] input').setValue(true)
    await flushPromises()
    expect(w.find('[data-test="board-state-21"]').exists()).toBe(false)
    expect(w.find('[data-test="board-state-22"]').exists()).toBe(true)
  })
})

describe('WhistleHomeCard, the periodic report', () => {
  it('reminds a school while this month’s report is not filed', async () => {
    api.whistles.list.mockResolvedValue({ items: [], total: 0 })
    api.reports.school.mockResolvedValue({ school_id: 21, school_name: '', month: '2026-12', current: null, draft: { nil: true, open_count: 0, summary: '' }, reports: [], can_file: true })
    const { w } = await mountPage(WhistleHomeCard, '/home', user(SCHOOL_PERMS))
    expect(api.reports.school).toHaveBeenCalledWith(21)
    expect(w.find('[data-test="home-whistle-report"]').text()).toContain('本月定期报告未报送')
    expect(w.find('[data-test="home-whistle-report-link"]').attributes('href')).toBe('/whistles/reports')
  })

  it('says nothing once filed, and asks nothing for a department', async () => {
    api.whistles.list.mockResolvedValue({ items: [], total: 0 })
    api.reports.school.mockResolvedValue({ school_id: 21, school_name: '', month: '2026-12', current: report({ month: '2026-12' }), draft: { nil: true, open_count: 0, summary: '' }, reports: [], can_file: true })
    const { w } = await mountPage(WhistleHomeCard, '/home', user(SCHOOL_PERMS))
    expect(w.find('[data-test="home-whistle-report"]').exists()).toBe(false)
    api.reports.school.mockClear()
    await mountPage(WhistleHomeCard, '/home', user(LIAISON_PERMS, TRAFFIC))
    expect(api.reports.school).not.toHaveBeenCalled()
  })
})
