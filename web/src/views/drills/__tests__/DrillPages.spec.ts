import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import type { DrillDetail } from '@/api/drills'
import { boardRow, drill, finding } from './fixtures'

const api = vi.hoisted(() => ({
  drills: { kinds: vi.fn(), list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn(), raiseHazard: vi.fn() },
  rules: { list: vi.fn(), get: vi.fn(), setParameters: vi.fn(), evaluate: vi.fn() },
  findings: { list: vi.fn(), export: vi.fn() },
  board: { get: vi.fn() },
  schools: { list: vi.fn(), get: vi.fn() },
  plans: { list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn() },
}))

vi.mock('@/api/drills', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/drills')>()
  return { ...real, drillsApi: api.drills }
})
vi.mock('@/api/drillPlans', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/drillPlans')>()
  return { ...real, drillPlansApi: api.plans }
})
vi.mock('@/api/rules', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/rules')>()
  return { ...real, rulesApi: api.rules, findingsApi: api.findings, ruleBoardApi: api.board }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import DrillList from '../DrillList.vue'
import DrillForm from '../DrillForm.vue'
import DrillDetailView from '../DrillDetail.vue'
import DrillBoard from '../DrillBoard.vue'
import DrillHomeCard from '../components/DrillHomeCard.vue'
import { resetDrillKinds } from '../useDrillKinds'
import { resetRuleTitles } from '@/views/rules/useRuleTitles'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const SAFETY = ['drill:read', 'drill:record', 'rules:read', 'hazard:read', 'hazard:report', 'school:read']

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

function detail(over: Partial<DrillDetail> = {}): DrillDetail {
  return {
    ...drill,
    findings: [
      finding({ id: 10, rule_id: 'drill.fire_semester', period_label: '2026—2027学年第一学期', outcome: 'pass', outcome_label: '达标', reason: '已记录 2 次' }),
      finding({ id: 11, rule_id: 'drill.time', subject_type: 'drill', period_label: '', period_key: '', outcome: 'warn', outcome_label: '提醒', params_version: 2, reason: '疏散用时 210 秒' }),
    ],
    can_edit: true,
    ...over,
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
    hazard_domains: [{ code: 'fire', label: '消防安全' }],
    hazard_levels: [],
    hazard_sources: [],
    hazard_states: [],
    permissions: [],
  }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/drills', name: 'drills', component: Stub },
      { path: '/drills/new', name: 'drill-new', component: Stub },
      { path: '/drills/plans', name: 'drill-plans', component: Stub },
      { path: '/drills/board', name: 'drill-board', component: Stub },
      { path: '/plan-board', name: 'plan-board', component: Stub },
      { path: '/drills/:id(\\d+)', name: 'drill-detail', component: Stub },
      { path: '/drills/:id(\\d+)/edit', name: 'drill-edit', component: Stub },
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

/** The error text of the form item around a field. */
function errorOf(test: string): string {
  const item = document.querySelector(`[data-test="${test}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  resetDrillKinds()
  resetRuleTitles()
  for (const group of Object.values(api)) for (const fn of Object.values(group)) fn.mockReset()
  api.drills.kinds.mockResolvedValue({
    items: [
      { code: 'fire', label: '消防疏散', evacuation: true },
      { code: 'attack', label: '防暴恐', evacuation: false },
    ],
  })
  api.drills.list.mockResolvedValue({ items: [drill], total: 1 })
  api.drills.get.mockResolvedValue(detail())
  api.rules.list.mockResolvedValue({
    items: [
      { id: 'drill.fire_semester', title: '每学期全员消防疏散演练' },
      { id: 'drill.time', title: '低层建筑疏散用时（提醒）' },
      { id: 'drill.monthly', title: '每个教学月应急疏散演练（幼儿园每季度）' },
    ],
  })
  api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
  api.plans.list.mockResolvedValue({ items: [], total: 0 })
  api.schools.get.mockResolvedValue({ id: 21, buildings: [{ id: 31, name: '教学楼', floors: 5 }], key_places: [] })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('DrillList', () => {
  it('lists the school’s drills and offers 记录演练 and export, without a school filter', async () => {
    const { w } = await mountPage(DrillList, '/drills', user(SAFETY))
    expect(api.drills.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    const row = w.find('[data-test="table"] tbody tr')
    expect(row.text()).toContain('2026-10-16')
    expect(row.text()).toContain('消防疏散')
    expect(row.text()).toContain('71 秒')
    expect(row.text()).toContain('问题 2 个')
    expect(row.text()).toContain('已转隐患 1 个')
    expect(row.find('[data-test="row-link"]').attributes('aria-label')).toBe('2026-10-16 消防疏散演练')
    expect(w.find('[data-test="add"]').text()).toBe('记录演练')
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(api.schools.list).not.toHaveBeenCalled()
  })

  it('gives the bureau the school filter, from a link too; no 记录演练 without drill:record', async () => {
    const { w } = await mountPage(DrillList, '/drills?school_id=21', user(['drill:read', 'school:read'], BUREAU))
    expect(api.drills.list).toHaveBeenCalledWith({ school_id: 21, page: 1, page_size: 10 })
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').exists()).toBe(false)
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(DrillList, '/drills', user(SAFETY))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const card = w.find('[data-test="card"] [data-test="drill-29"]')
    expect(card.find('h2').text()).toBe('2026-10-16 消防疏散演练')
    expect(card.find('h2 a').attributes('href')).toBe('/drills/29')
    expect(card.text()).toContain('学生 1120 人，教职工 86 人')
  })
})

describe('DrillForm', () => {
  it('records for the own school: fixed school, its buildings, today, and checks before sending', async () => {
    const { w } = await mountPage(DrillForm, '/drills/new', user(SAFETY))
    expect((w.find('[data-test="field-school_id"]').element as HTMLInputElement).value).toBe('示范区双桥小学')
    expect(w.find('[data-test="field-school_id"]').attributes('disabled')).toBeDefined()
    expect(api.schools.get).toHaveBeenCalledWith(21)
    expect((w.find('[data-test="field-date"] input').element as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // Nothing typed: refused before sending, the commander and the participants say why.
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.drills.create).not.toHaveBeenCalled()
    expect(errorOf('field-commander')).toBe('请填写总指挥')
    expect(errorOf('field-students')).toBe('参演学生和教职工不能都为 0')
  })

  it('adds and removes problem lines, and places the server’s reasons beside their fields', async () => {
    const { w } = await mountPage(DrillForm, '/drills/new', user(SAFETY))
    await w.find('[data-test="field-commander"]').setValue('张老师')
    const students = w.find('[data-test="field-students"] input')
    await students.setValue('500')
    await students.trigger('change')
    await w.find('[data-test="add-problem"]').trigger('click')
    await w.find('[data-test="add-problem"]').trigger('click')
    expect(w.findAll('[data-test^="field-problem-"]')).toHaveLength(2)
    await w.find('[data-test="remove-problem-1"]').trigger('click')
    expect(w.findAll('[data-test^="field-problem-"]')).toHaveLength(1)
    await w.find('[data-test="field-problem-0"]').setValue('楼梯口堵塞')
    api.drills.create.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '字段 date 无效',
          details: [
            { field: 'date', reason: '不能晚于今天（2026-12-04）' },
            { field: 'problems[0].text', reason: '过长' },
            { field: 'campaign', reason: '未知字段' },
          ],
        },
        null,
      ),
    )
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.drills.create).toHaveBeenCalledTimes(1)
    const body = api.drills.create.mock.calls[0][0]
    expect(body).toMatchObject({ school_id: 21, kind: 'fire', commander: '张老师', students: 500, problems: ['楼梯口堵塞'] })
    expect(errorOf('field-date')).toBe('不能晚于今天（2026-12-04）')
    expect(errorOf('field-problem-0')).toBe('过长')
    expect(w.find('[data-test="form-errors"]').text()).toContain('campaign：未知字段')
  })

  it('shows the time the evacuation took', async () => {
    const { w } = await mountPage(DrillForm, '/drills/29/edit', user(SAFETY))
    expect(w.find('[data-test="evacuation-seconds"]').text()).toBe('用时 71 秒（1 分 11 秒）')
  })

  it('edits a record: its values, raised problems kept as they are, no school sent', async () => {
    const { w, router } = await mountPage(DrillForm, '/drills/29/edit', user(SAFETY))
    expect(api.drills.get).toHaveBeenCalledWith(29)
    expect((w.find('[data-test="field-commander"]').element as HTMLInputElement).value).toBe('黄丽华')
    expect(w.find('[data-test="field-problem-0"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test="remove-problem-0"]').exists()).toBe(false)
    expect(w.find('[data-test="remove-problem-1"]').exists()).toBe(true)
    expect(w.text()).toContain('已转隐患 #301')
    api.drills.update.mockResolvedValue(detail())
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.drills.update).toHaveBeenCalledTimes(1)
    const [id, body] = api.drills.update.mock.calls[0]
    expect(id).toBe(29)
    expect(body).not.toHaveProperty('school_id')
    expect(body.problems).toEqual(['二楼楼梯口堆放杂物', '广播声音偏小'])
    expect(router.currentRoute.value.fullPath).toBe('/drills/29')
  })

  it('shows the photos attached to the record it edits, and sends none when none is added', async () => {
    api.drills.get.mockResolvedValue(detail({ files: [{ id: 71, name: '疏散.jpg', content_type: 'image/jpeg', size: 2048, sha256: 'ab', url: '/api/v1/files/71' }] }))
    const { w } = await mountPage(DrillForm, '/drills/29/edit', user(SAFETY))
    const attached = w.find('[data-test="drill-attached"]')
    expect(attached.find('button').attributes('aria-label')).toBe('查看照片 疏散.jpg')
    expect(w.find('[data-test="photo-input"]').exists()).toBe(true)
    api.drills.update.mockResolvedValue(detail())
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.drills.update.mock.calls[0][1]).not.toHaveProperty('file_ids')
  })

  it('says not found for a record out of scope', async () => {
    api.drills.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const { w } = await mountPage(DrillForm, '/drills/999/edit', user(SAFETY))
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
  })
})

describe('DrillDetail', () => {
  it('shows the record, its findings with versions, and its problems raised or to raise', async () => {
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(SAFETY))
    expect(w.find('[data-test="drill-title"]').text()).toBe('2026-10-16 消防疏散演练')
    expect(w.find('[data-test="drill-seconds"]').text()).toBe('用时 71 秒（1 分 11 秒）')
    const findings = w.findAll('[data-test="findings"] li')
    // The record's own finding first.
    expect(findings[0].attributes('data-test')).toBe('finding-drill.time')
    expect(findings[0].text()).toContain('提醒')
    expect(findings[0].text()).toContain('低层建筑疏散用时（提醒）')
    expect(findings[0].text()).toContain('本次演练')
    expect(findings[0].find('[data-test="finding-version"]').text()).toBe('规则第 1 版 · 参数第 2 版')
    expect(findings[1].text()).toContain('达标')
    expect(findings[1].text()).toContain('2026—2027学年第一学期')
    expect(findings[1].find('[data-test="finding-version"]').text()).toBe('规则第 1 版 · 参数第 0 版（默认值）')
    const problems = w.findAll('[data-test="drill-problems"] li')
    expect(problems[0].find('[data-test="problem-hazard"]').attributes('href')).toBe('/hazards/301')
    expect(problems[0].find('[data-test="problem-raise"]').exists()).toBe(false)
    expect(problems[1].find('[data-test="problem-raise"]').exists()).toBe(true)
    expect(w.find('[data-test="edit"]').exists()).toBe(true)
    // A raised problem keeps the record.
    expect(w.find('[data-test="delete"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test="delete-blocked"]').exists()).toBe(true)
  })

  it('shows the drill’s photos, each opening the large view', async () => {
    api.drills.get.mockResolvedValue(
      detail({ files: [{ id: 71, name: '疏散.jpg', content_type: 'image/jpeg', size: 2048, sha256: 'ab', url: '/api/v1/files/71' }, { id: 72, name: '方案.pdf', content_type: 'application/pdf', size: 4096, sha256: 'cd', url: '/api/v1/files/72' }] }),
    )
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(SAFETY))
    const files = w.findAll('[data-test="drill-file"]')
    expect(files).toHaveLength(2)
    expect(files[0].attributes('aria-label')).toBe('查看照片 疏散.jpg')
    expect(files[1].attributes('href')).toBe('/api/v1/files/72')
    expect(w.text()).toContain('演练照片（2）')
  })

  it('says when a drill has no photos', async () => {
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(SAFETY))
    expect(w.findAll('[data-test="drill-file"]')).toHaveLength(0)
    expect(w.find('[data-test="drill-files"]').text()).toBe('没有照片')
  })

  it('raises a problem as a hazard through the dialog', async () => {
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(SAFETY))
    const raised = detail({ problems: [drill.problems[0], { text: '广播声音偏小', hazard_id: 302 }] })
    api.drills.raiseHazard.mockResolvedValue(raised)
    await w.find('[data-test="problem-raise"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-test="raise-problem"]')?.textContent).toBe('广播声音偏小')
    // Without a category the dialog refuses.
    ;(document.querySelector('[data-test="raise-confirm"]') as HTMLButtonElement).click()
    await settle()
    expect(api.drills.raiseHazard).not.toHaveBeenCalled()
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'raise-domain')
    select?.vm.$emit('update:modelValue', 'fire')
    await flushPromises()
    ;(document.querySelector('[data-test="raise-confirm"]') as HTMLButtonElement).click()
    await settle()
    expect(api.drills.raiseHazard).toHaveBeenCalledWith(29, { index: 1, domain: 'fire', level: 'general' })
    expect(w.findAll('[data-test="problem-hazard"]').map((a) => a.attributes('href'))).toEqual(['/hazards/301', '/hazards/302'])
  })

  it('offers nothing to change to a reader, and no raising without hazard:report', async () => {
    api.drills.get.mockResolvedValue(detail({ can_edit: false }))
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(['drill:read']))
    expect(w.find('[data-test="edit"]').exists()).toBe(false)
    expect(w.find('[data-test="delete"]').exists()).toBe(false)
    expect(w.find('[data-test="problem-raise"]').exists()).toBe(false)
    api.drills.get.mockResolvedValue(detail())
    const other = await mountPage(DrillDetailView, '/drills/29', user(['drill:read', 'drill:record']))
    expect(other.w.find('[data-test="edit"]').exists()).toBe(true)
    expect(other.w.find('[data-test="problem-raise"]').exists()).toBe(false)
  })

  it('says not found for a drill out of scope', async () => {
    api.drills.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const { w } = await mountPage(DrillDetailView, '/drills/999', user(SAFETY))
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
  })
})

describe('DrillBoard', () => {
  const board = {
    date: '2026-12-04',
    rows: [boardRow(), boardRow({ rule_id: 'drill.fire_semester', title: '每学期全员消防疏散演练', unjudged: 1, counts: { pass: 30, due: 6, fail: 3, warn: 0, na: 0 } })],
    failing: [finding({ id: 5, school_name: '示范区云溪初级中学', school_id: 35 }), finding({ id: 6, rule_id: 'drill.fire_semester', outcome: 'fail', outcome_label: '未达标' })],
  }

  it('counts each rule’s schools by outcome and lists the failing ones; 重新判定 for rules:configure', async () => {
    api.board.get.mockResolvedValue(board)
    api.rules.evaluate.mockResolvedValue({ schools: 40 })
    const { w } = await mountPage(DrillBoard, '/drills/board', user(['rules:read', 'rules:configure'], BUREAU))
    expect(api.board.get).toHaveBeenCalledWith('drill', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/))
    const monthly = w.find('[data-test="board-row-drill.monthly"]')
    expect(monthly.text()).toContain('周期：2026年12月')
    expect(monthly.find('[data-test="count-due"] [data-test="count-value"]').text()).toBe('31')
    expect(monthly.find('[data-test="count-unjudged"]').text()).toContain('未评估')
    expect(monthly.find('[role="img"]').attributes('aria-label')).toBe(
      '每个教学月应急疏散演练（幼儿园每季度）：达标 9，待完成 31，未达标 0，不适用 0，未评估 0',
    )
    const rows = w.findAll('[data-test="failing"] tbody tr')
    expect(rows).toHaveLength(2)
    // The failure first.
    expect(rows[0].text()).toContain('未达标')
    expect(rows[1].find('[data-test="failing-school"]').attributes('href')).toBe('/drills?school_id=35')
    expect(w.find('[data-test="board-evaluate"]').exists()).toBe(true)
  })

  it('has no 重新判定 without rules:configure', async () => {
    api.board.get.mockResolvedValue(board)
    const { w } = await mountPage(DrillBoard, '/drills/board', user(['rules:read'], BUREAU))
    expect(w.find('[data-test="board-evaluate"]').exists()).toBe(false)
    expect(w.find('[data-test="board-export"]').exists()).toBe(true)
  })
})

describe('the home card', () => {
  it('lists a school’s drill requirements not met in the current periods, with 记录演练', async () => {
    api.findings.list.mockResolvedValue({
      items: [finding({ id: 1, period_first: '2000-01-01', period_last: '2999-12-31' }), finding({ id: 2, period_first: '2000-01-01', period_last: '2000-01-31', outcome: 'fail' })],
      total: 2,
    })
    const { w } = await mountPage(DrillHomeCard, '/home', user(SAFETY))
    expect(api.findings.list).toHaveBeenCalledWith({ module: 'drill', outcome: 'due,fail', subject_type: 'school', school_id: 21, page_size: 100 })
    expect(w.findAll('[data-test="home-drill-findings"] li')).toHaveLength(1)
    expect(w.find('[data-test="home-drill-record"]').attributes('href')).toBe('/drills/new')
    expect(api.board.get).not.toHaveBeenCalled()
  })

  it('says when everything is met', async () => {
    api.findings.list.mockResolvedValue({ items: [], total: 0 })
    const { w } = await mountPage(DrillHomeCard, '/home', user(SAFETY))
    expect(w.find('[data-test="home-drills-done"]').exists()).toBe(true)
  })

  it('sums up the board for the bureau', async () => {
    api.board.get.mockResolvedValue({ date: '2026-12-04', rows: [boardRow({ counts: { pass: 8, due: 31, fail: 1, warn: 0, na: 0 } })], failing: [] })
    const { w } = await mountPage(DrillHomeCard, '/home', user(['rules:read', 'drill:read'], BUREAU))
    expect(w.find('[data-test="home-drill-drill.monthly"] [data-test="home-drill-numbers"]').text()).toBe('未达标 1 所 · 待完成 31 所')
    expect(w.find('[data-test="home-drill-board-link"]').attributes('href')).toBe('/drills/board')
    expect(w.find('[data-test="home-plan-board-link"]').attributes('href')).toBe('/plan-board')
    expect(api.findings.list).not.toHaveBeenCalled()
  })

  it('shows nothing to a school teacher who does not record drills', async () => {
    const { w } = await mountPage(DrillHomeCard, '/home', user(['drill:read', 'rules:read']))
    expect(w.find('[data-test="home-drills"]').exists()).toBe(false)
    expect(api.findings.list).not.toHaveBeenCalled()
  })
})
