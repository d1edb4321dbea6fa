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
import type { Campaign, CampaignEvaluation, CampaignHazard, CampaignSchoolView, CampaignView } from '@/api/campaigns'
import type { ChecklistItem } from '@/api/checklists'
import type { Hazard } from '@/api/hazards'

const api = vi.hoisted(() => ({
  campaigns: {
    list: vi.fn(),
    deploy: vi.fn(),
    get: vi.fn(),
    schools: vi.fn(),
    school: vi.fn(),
    submit: vi.fn(),
    createTeam: vi.fn(),
    assign: vi.fn(),
    fillSheet: vi.fn(),
    sheet: vi.fn(),
    message: vi.fn(),
    board: vi.fn(),
    evaluation: vi.fn(),
    schoolEvaluation: vi.fn(),
    exportEvaluation: vi.fn(),
    hazards: vi.fn(),
    markTypical: vi.fn(),
    unmarkTypical: vi.fn(),
    exportBriefing: vi.fn(),
    close: vi.fn(),
  },
  schools: { list: vi.fn() },
  units: { listAll: vi.fn() },
  checklists: { list: vi.fn() },
  dictionaries: { all: vi.fn() },
  confirm: vi.fn(),
  save: vi.fn(),
}))

vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.save }
})

vi.mock('@/api/campaigns', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/campaigns')>()
  return { ...real, campaignsApi: api.campaigns }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools, unitsApi: api.units }
})
vi.mock('@/api/checklists', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/checklists')>()
  return { ...real, checklistsApi: api.checklists }
})
vi.mock('@/api/dictionaries', () => ({ dictionariesApi: api.dictionaries }))
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import CampaignList from '../CampaignList.vue'
import CampaignDetail from '../CampaignDetail.vue'
import CampaignSchool from '../CampaignSchool.vue'
import CampaignBriefing from '../CampaignBriefing.vue'
import CampaignHomeCard from '../components/CampaignHomeCard.vue'
import CampaignDeployDialog from '../components/CampaignDeployDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const OFFICER = ['campaign:read', 'campaign:fill', 'hazard:read', 'hazard:report']
const OFFICE = ['campaign:read', 'campaign:manage', 'campaign:inspect', 'school:read', 'checklist:read', 'hazard:read', 'hazard:report']

function user(permissions: string[], unit = SCHOOL): Me {
  return {
    user: { id: 8, username: 'u', display_name: '用户' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const DICT = {
  unit_kinds: [],
  school_stages: [{ code: 'primary', label: '小学' }],
  ownerships: [],
  location_types: [{ code: 'urban', label: '城区' }],
  department_kinds: [],
  key_place_kinds: [{ code: 'canteen', label: '食堂' }],
  scope_kinds: [],
  hazard_domains: [
    { code: 'fire', label: '消防安全' },
    { code: 'gas', label: '燃气安全' },
  ],
  hazard_levels: [
    { code: 'general', label: '一般隐患' },
    { code: 'major', label: '重大隐患' },
  ],
  hazard_sources: [],
  hazard_states: [
    { code: 'reported', label: '已上报' },
    { code: 'rectifying', label: '整改中' },
  ],
  permissions: [],
}

const campaign: Campaign = {
  id: 3,
  name: '冬季消防专项检查',
  level: 'bureau',
  level_label: '区县教育局',
  domains: ['fire'],
  domain_labels: ['消防安全'],
  template_ids: [2],
  self_from: '2026-12-05',
  self_to: '2026-12-10',
  inspect_from: '2026-12-11',
  inspect_to: '2026-12-20',
  state: 'open',
  state_label: '进行中',
  summary: '',
  owner_unit_id: 1,
  owner_name: '示范区教育局',
  created_by: 'safety_office',
  created_at: '2026-12-04T01:00:00Z',
  closed_at: null,
  school_count: 4,
  submitted_count: 1,
}

function view(roles: Partial<CampaignView['roles']> = {}): CampaignView {
  return {
    ...campaign,
    templates: [{ id: 2, code: 'fire.canteen', name: '食堂消防与燃气安全检查表', version: 1 }],
    teams: [{ id: 1, campaign_id: 3, name: '第一检查组', kind: 'bureau', kind_label: '区县教育局', members: ['inspector1'], school_ids: [21] }],
    roles: { manage: true, inspect: true, fill: false, school_id: null, team_ids: [], ...roles },
  }
}

function item(key: string, photo_required = false): ChecklistItem {
  return {
    key,
    text: `检查项 ${key}`,
    domain: 'fire',
    domain_label: '消防安全',
    place_kind: 'canteen',
    place_kind_label: '食堂',
    answer: 'pass_fail',
    answer_label: '合格/不合格',
    min: null,
    max: null,
    unit: '',
    photo_required,
    failure_level: 'general',
    failure_level_label: '一般隐患',
    basis: '',
  }
}

function schoolView(over: Partial<CampaignSchoolView> = {}): CampaignSchoolView {
  return {
    target: {
      school_id: 21,
      school_name: '示范区双桥小学',
      state: 'in_progress',
      state_label: '自查中',
      team_id: null,
      team_name: '',
      started_at: '',
      submitted_at: '',
      sheets: 1,
      failed: 0,
    },
    due: [
      { template_id: 2, template_name: '食堂消防与燃气安全检查表', key_place_id: 54, place_name: '学生食堂', place_kind: 'canteen', place_kind_label: '食堂', sheet_id: null, items: [item('C01', true), item('C02')] },
      { template_id: 2, template_name: '食堂消防与燃气安全检查表', key_place_id: null, place_name: '', place_kind: '', place_kind_label: '全校', sheet_id: 9, items: [item('C07')] },
    ],
    sheets: [],
    messages: [{ id: 1, school_id: 21, school_name: '示范区双桥小学', kind: 'feedback', kind_label: '反馈', text: '请整改灭火器', deadline: '2026-12-20', author: '安全科', username: 'safety_office', at: '2026-12-05T02:00:00Z' }],
    can_fill: true,
    can_inspect: false,
    can_feedback: false,
    can_reply: true,
    ...over,
  }
}

function hazard(id: number, over: Partial<Hazard> = {}): Hazard {
  return {
    id,
    school_id: 21,
    school_name: '示范区双桥小学',
    building_id: null,
    key_place_id: 54,
    place: '学生食堂',
    domain: 'fire',
    domain_label: '消防安全',
    level: 'general',
    level_label: 'general-label',
    title: `隐患 ${id}`,
    description: '',
    found_at: '2026-12-05T02:00:00Z',
    found_by: '安全干部',
    source: 'campaign',
    source_label: '专项检查',
    campaign_id: 3,
    responsible: '',
    owner: '',
    deadline: null,
    deadline_reason: '',
    interim_measures: '',
    five: { measures: '', responsible: '', funds: '', deadline: '', contingency_plan: '' },
    state: 'reported',
    state_label: 'reported-label',
    rectifier: '',
    rework_count: 0,
    reopen_count: 0,
    supervised: false,
    created_at: '2026-12-05T02:00:00Z',
    updated_at: '2026-12-05T02:00:00Z',
    closed_at: null,
    ...over,
  }
}

function photo(id: number, content_type = 'image/png') {
  return { id, name: `p${id}.png`, content_type, size: 100, sha256: '', url: `/api/v1/files/${id}` }
}

function campaignHazard(h: Hazard, note: string | null = null, photos = [photo(h.id * 10)]): CampaignHazard {
  return { hazard: h, typical: note === null ? null : { note, marked_by: '安全科', marked_at: '2026-12-06T02:00:00Z' }, photos }
}

/** The school's evaluation (the docs' example): 2nd of 4. */
const schoolScore: CampaignEvaluation = {
  weights: { completion: 30, self_found: 20, no_missed: 20, rectified: 20, closed: 10 },
  ranked: 4,
  scores: [{ rank: 2, school_id: 21, school_name: '示范区双桥小学', total: 60, completion: 30, self_found: 6.7, no_missed: 13.3, rectified: 6.7, closed: 3.3, hazards: 3, self_hazards: 1, missed: 1, open: 2 }],
}

const notFound = () => new ApiError(404, { code: 'not_found', message: '不存在', details: [] }, null)

const Stub = defineComponent({ template: '<div />' })

function setup(me: Me): { pinia: ReturnType<typeof createPinia>; router: Router } {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  useDictStore().data = DICT
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/campaigns', name: 'campaigns', component: Stub },
      { path: '/campaigns/:id(\\d+)', name: 'campaign-detail', component: Stub },
      { path: '/campaigns/:id(\\d+)/schools/:schoolId(\\d+)', name: 'campaign-school', component: Stub },
      { path: '/campaigns/:id(\\d+)/briefing', name: 'campaign-briefing', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  return { pinia, router }
}

async function mountPage(component: object, path: string, me: Me, props: Record<string, unknown> = {}) {
  const { pinia, router } = setup(me)
  await router.push(path)
  await router.isReady()
  const w = mount(component, { props, global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

const desk = window.innerWidth

/** Lets the form items' error transitions finish. */
const settle = async (): Promise<void> => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of Object.values(api)) {
    if (typeof group === 'function') group.mockReset()
    else for (const fn of Object.values(group)) fn.mockReset()
  }
  api.confirm.mockResolvedValue(true)
  api.dictionaries.all.mockResolvedValue(DICT)
  api.campaigns.schoolEvaluation.mockRejectedValue(notFound())
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('CampaignList', () => {
  it('lists the campaigns with their progress; the bureau deploys, opening the campaign page', async () => {
    api.campaigns.list.mockResolvedValue({ items: [campaign], total: 1, page: 1, page_size: 20 })
    const { w } = await mountPage(CampaignList, '/campaigns', user(OFFICE, BUREAU))
    expect(api.campaigns.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    expect(w.find('[data-test="add"]').text()).toBe('部署专项行动')
    expect(w.find('[data-test="campaign-3"]').attributes('href')).toBe('/campaigns/3')
    expect(w.find('[data-test="row-progress"]').text()).toContain('1 / 4 校已提交')
    expect(w.find('[data-test="row-state"]').text()).toBe('进行中')
  })

  it('a school’s staff open their own school’s page, on a phone as cards; no deploy', async () => {
    window.innerWidth = 375
    api.campaigns.list.mockResolvedValue({ items: [{ ...campaign, school_count: 1, submitted_count: 0 }], total: 1, page: 1, page_size: 20 })
    const { w } = await mountPage(CampaignList, '/campaigns', user(OFFICER))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="campaign-cards"]').exists()).toBe(true)
    expect(w.find('[data-test="campaign-3"]').attributes('href')).toBe('/campaigns/3/schools/21')
  })
})

describe('CampaignDeployDialog', () => {
  it('says what is missing, then shows the server’s reasons at their fields', async () => {
    api.checklists.list.mockResolvedValue({ items: [{ id: 2, name: '食堂消防与燃气安全检查表', owner_name: '系统内置' }], total: 1 })
    api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
    const { w } = await mountPage(CampaignDeployDialog, '/campaigns', user(OFFICE, BUREAU), { modelValue: true })
    await flushPromises()
    const dialog = () => document.querySelector('[data-test="campaign-deploy-dialog"]') as HTMLElement
    // Without unit:read the clusters are not listed, and 学区 is not offered.
    expect(api.units.listAll).not.toHaveBeenCalled()
    expect(dialog().querySelector('[data-test="deploy-stages"]')).not.toBeNull()
    expect(dialog().querySelector('[data-test="deploy-location_types"]')).not.toBeNull()
    expect(dialog().querySelector('[data-test="deploy-cluster_ids"]')).toBeNull()
    ;(dialog().querySelector('[data-test="deploy-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.campaigns.deploy).not.toHaveBeenCalled()
    const errorsText = () => Array.from(dialog().querySelectorAll('.el-form-item__error')).map((e) => e.textContent?.trim())
    expect(errorsText()).toEqual(expect.arrayContaining(['请填写名称', '请选择检查领域', '请选择检查表', '请选择起止日期']))

    // The form filled (set through the component's state), the server refuses two fields and one it has no place for.
    const vm = w.vm as unknown as { $: { setupState: { form: Record<string, unknown> } } }
    Object.assign(vm.$.setupState.form, {
      name: '冬季消防',
      domains: ['fire', 'gas'],
      template_ids: [2],
      self: ['2026-12-05', '2026-12-10'],
      inspect: ['2026-12-11', '2026-12-20'],
    })
    api.campaigns.deploy.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '字段无效',
          details: [
            { field: 'domains[1]', reason: '领域重复' },
            { field: 'self_to', reason: '自查截止日期不能早于开始日期' },
            { field: 'cluster', reason: '未知字段' },
          ],
        },
        null,
      ),
    )
    ;(dialog().querySelector('[data-test="deploy-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.campaigns.deploy).toHaveBeenCalledWith(
      expect.objectContaining({ name: '冬季消防', domains: ['fire', 'gas'], template_ids: [2], self_from: '2026-12-05', inspect_to: '2026-12-20' }),
    )
    expect(api.campaigns.deploy.mock.calls[0][0].weights).toBeUndefined()
    expect(errorsText()).toEqual(['领域重复', '自查截止日期不能早于开始日期'])
    expect(dialog().querySelector('[data-test="deploy-errors"]')?.textContent).toContain('cluster：未知字段')

    api.campaigns.deploy.mockResolvedValueOnce(view())
    ;(dialog().querySelector('[data-test="deploy-save"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(w.emitted('deployed')?.[0]).toEqual([view()])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
  })
})

describe('CampaignDeployDialog: 学区', () => {
  it('lists the bureau’s clusters, sends those picked as targets.cluster_ids and shows the server’s reason at 学区', async () => {
    api.checklists.list.mockResolvedValue({ items: [{ id: 2, name: '食堂消防与燃气安全检查表', owner_name: '系统内置' }], total: 1 })
    api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
    api.units.listAll.mockResolvedValue([
      { id: 10, kind: 'cluster', name: '城区学区' },
      { id: 12, kind: 'cluster', name: '东部学区' },
    ])
    const { w } = await mountPage(CampaignDeployDialog, '/campaigns', user([...OFFICE, 'unit:read'], BUREAU), { modelValue: true })
    await flushPromises()
    expect(api.units.listAll).toHaveBeenCalledWith(expect.objectContaining({ kind: 'cluster' }))
    const dialog = () => document.querySelector('[data-test="campaign-deploy-dialog"]') as HTMLElement
    const item = () => dialog().querySelector('[data-test="deploy-cluster_ids"]')?.closest('.el-form-item') as HTMLElement
    expect(item().querySelector('.el-form-item__label')?.textContent?.trim()).toBe('学区')
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'deploy-cluster_ids')!
    expect(select.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['城区学区', '东部学区'])

    const vm = w.vm as unknown as { $: { setupState: { form: Record<string, unknown> } } }
    Object.assign(vm.$.setupState.form, {
      name: '冬季消防',
      domains: ['fire'],
      template_ids: [2],
      self: ['2026-12-05', '2026-12-10'],
      inspect: ['2026-12-11', '2026-12-20'],
    })
    select.vm.$emit('update:modelValue', [10, 12])
    api.campaigns.deploy.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '字段无效', details: [{ field: 'targets.cluster_ids[1]', reason: '学区不在管辖范围内' }] }, null),
    )
    ;(dialog().querySelector('[data-test="deploy-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.campaigns.deploy.mock.calls[0][0].targets).toEqual({ cluster_ids: [10, 12] })
    expect(item().querySelector('.el-form-item__error')?.textContent?.trim()).toBe('学区不在管辖范围内')
    expect(dialog().querySelectorAll('.el-form-item__error')).toHaveLength(1)
    expect(dialog().querySelector('[data-test="deploy-errors"]')).toBeNull()
  })
})

describe('CampaignDetail', () => {
  it('shows the schools, the board and the evaluation, and exports it', async () => {
    api.campaigns.get.mockResolvedValue(view())
    api.campaigns.schools.mockResolvedValue({
      items: [{ school_id: 21, school_name: '示范区双桥小学', state: 'submitted', state_label: '已提交', team_id: 1, team_name: '第一检查组', started_at: '', submitted_at: '', sheets: 2, failed: 1 }],
      total: 1,
    })
    api.campaigns.board.mockResolvedValue({
      schools: 4,
      by_state: { not_started: 2, in_progress: 1, submitted: 1 },
      failed: [{ domain: 'fire', domain_label: '消防安全', place_kind: 'canteen', place_kind_label: '食堂', items: 3 }],
      hazards_open: 2,
      hazards_closed: 1,
      missed: 1,
    })
    api.campaigns.evaluation.mockResolvedValue({
      weights: { completion: 30, self_found: 20, no_missed: 20, rectified: 20, closed: 10 },
      ranked: 1,
      scores: [{ rank: 1, school_id: 21, school_name: '示范区双桥小学', total: 60, completion: 30, self_found: 6.7, no_missed: 13.3, rectified: 6.7, closed: 3.3, hazards: 3, self_hazards: 1, missed: 1, open: 2 }],
    })
    api.campaigns.exportEvaluation.mockResolvedValue({ blob: new Blob(['x']), filename: '评价.xlsx' })
    const { w } = await mountPage(CampaignDetail, '/campaigns/3', user(OFFICE, BUREAU))
    expect(w.find('[data-test="campaign-name"]').text()).toBe('冬季消防专项检查')
    expect(w.find('[data-test="school-21"]').attributes('href')).toBe('/campaigns/3/schools/21')
    expect(w.find('[data-test="school-state"]').text()).toBe('已提交')
    expect(w.find('[data-test="campaign-close"]').exists()).toBe(true)

    await w.find('#tab-board').trigger('click')
    await flushPromises()
    expect(api.campaigns.board).toHaveBeenCalledWith(3)
    expect(w.find('[data-test="board-submitted"]').text()).toBe('1')
    expect(w.find('[data-test="board-not_started"]').text()).toBe('2')
    expect(w.find('[data-test="board-missed"]').text()).toBe('1')
    expect(w.find('[data-test="board-failed"]').text()).toContain('食堂')

    await w.find('#tab-evaluation').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="score-21"]').text()).toContain('60.0')
    await w.find('[data-test="evaluation-export"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.exportEvaluation).toHaveBeenCalledWith(3)
    expect(api.save).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '评价.xlsx' })
  })

  it('an inspector on a team sees the schools and teams only', async () => {
    api.campaigns.get.mockResolvedValue(view({ manage: false, inspect: true, team_ids: [1] }))
    api.campaigns.schools.mockResolvedValue({ items: [], total: 0 })
    const { w } = await mountPage(CampaignDetail, '/campaigns/3', user(['campaign:read', 'campaign:inspect'], BUREAU))
    expect(w.find('#tab-board').exists()).toBe(false)
    expect(w.find('#tab-evaluation').exists()).toBe(false)
    expect(w.find('[data-test="campaign-close"]').exists()).toBe(false)
  })

  it('closes with a summary', async () => {
    api.campaigns.get.mockResolvedValue(view())
    api.campaigns.schools.mockResolvedValue({ items: [], total: 0 })
    api.campaigns.close.mockResolvedValue({ ...view(), state: 'closed', state_label: '已结束', summary: '完成', closed_at: '2026-12-21T01:00:00Z' })
    const { w } = await mountPage(CampaignDetail, '/campaigns/3', user(OFFICE, BUREAU))
    await w.find('[data-test="campaign-close"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector('[data-test="close-confirm"]') as HTMLButtonElement
    confirm.click()
    await settle()
    expect(api.campaigns.close).not.toHaveBeenCalled()
    expect(document.querySelector('[data-test="campaign-close-dialog"] .el-form-item__error')?.textContent?.trim()).toBe('请填写总结')
    const area = document.querySelector('textarea[data-test="close-summary"]') as HTMLTextAreaElement
    area.value = '完成'
    area.dispatchEvent(new Event('input'))
    confirm.click()
    await flushPromises()
    expect(api.campaigns.close).toHaveBeenCalledWith(3, '完成')
    expect(w.find('[data-test="campaign-state"]').text()).toBe('已结束')
  })
})

describe('CampaignDetail: typical problems', () => {
  it('lists the campaign’s hazards; marks one with a note (PUT), showing the server’s reason at the note; edits and unmarks', async () => {
    api.campaigns.get.mockResolvedValue(view())
    api.campaigns.schools.mockResolvedValue({ items: [], total: 0 })
    const first = campaignHazard(hazard(40, { title: '灭火器压力不足', level: 'major' }))
    const second = campaignHazard(hazard(41, { title: '疏散通道堆放杂物', place: '', state: 'rectifying' }), '典型：通道堵塞', [])
    api.campaigns.hazards.mockResolvedValue({ items: [first, second], total: 2 })
    const { w, router } = await mountPage(CampaignDetail, '/campaigns/3', user(OFFICE, BUREAU))
    expect(api.campaigns.hazards).not.toHaveBeenCalled()

    await w.find('#tab-typical').trigger('click')
    await flushPromises()
    expect(api.campaigns.hazards).toHaveBeenCalledWith(3)
    expect(w.find('[data-test="typical-count"]').text()).toBe('1 / 2 个隐患列为典型问题')
    const row = () => w.find('[data-test="hazard-row-40"]')
    expect(row().text()).toContain('示范区双桥小学')
    expect(row().text()).toContain('学生食堂')
    expect(row().text()).toContain('重大隐患')
    expect(row().find('[data-test="hazard-state"]').text()).toBe('已上报')
    expect(row().find('[data-test="photo-count"]').text()).toBe('1')
    expect(row().find('[data-test="typical-mark"]').text()).toBe('未列为典型')
    expect(row().find('[data-test="hazard-link-40"]').attributes('href')).toBe('/hazards/40')
    expect(w.find('[data-test="hazard-row-41"] [data-test="hazard-state"]').text()).toBe('整改中')
    expect(w.find('[data-test="hazard-row-41"] [data-test="typical-mark"]').text()).toContain('典型：通道堵塞')
    expect(w.find('[data-test="typical-mark-41"]').exists()).toBe(false)
    expect(w.find('[data-test="typical-edit-41"]').exists()).toBe(true)

    // 列为典型: the dialog with an empty note; the server refuses the note, then accepts.
    await w.find('[data-test="typical-mark-40"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[data-test="typical-dialog"]') as HTMLElement
    expect(dialog().querySelector('[data-test="typical-hazard"]')?.textContent).toContain('灭火器压力不足')
    const area = dialog().querySelector('textarea[data-test="typical-note"]') as HTMLTextAreaElement
    expect(area.value).toBe('')
    expect(area.maxLength).toBe(500)
    area.value = '  压力表指针在红区，全区食堂普遍存在  '
    area.dispatchEvent(new Event('input'))
    api.campaigns.markTypical.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '字段无效', details: [{ field: 'note', reason: '说明不能超过 500 字' }] }, null),
    )
    ;(dialog().querySelector('[data-test="typical-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.campaigns.markTypical).toHaveBeenCalledWith(3, 40, '压力表指针在红区，全区食堂普遍存在')
    expect(dialog().querySelector('.el-form-item__error')?.textContent?.trim()).toBe('说明不能超过 500 字')
    expect(dialog().querySelector('[data-test="typical-errors"]')).toBeNull()

    // A reason with no field on the form (hazard_id) shows above it.
    api.campaigns.markTypical.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '字段无效', details: [{ field: 'hazard_id', reason: '该隐患不是本专项行动发现的' }] }, null),
    )
    ;(dialog().querySelector('[data-test="typical-save"]') as HTMLButtonElement).click()
    await settle()
    expect(dialog().querySelector('[data-test="typical-errors"]')?.textContent).toContain('hazard_id：该隐患不是本专项行动发现的')
    expect(dialog().querySelector('.el-form-item__error')).toBeNull()

    api.campaigns.markTypical.mockResolvedValueOnce(campaignHazard(first.hazard, '压力表指针在红区，全区食堂普遍存在'))
    ;(dialog().querySelector('[data-test="typical-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.campaigns.markTypical).toHaveBeenCalledTimes(3)
    expect(row().find('[data-test="typical-mark"]').text()).toContain('压力表指针在红区，全区食堂普遍存在')
    expect(w.find('[data-test="typical-mark-40"]').exists()).toBe(false)
    expect(w.find('[data-test="typical-count"]').text()).toBe('2 / 2 个隐患列为典型问题')

    // 修改说明 opens the dialog with the note as it is.
    await w.find('[data-test="typical-edit-41"]').trigger('click')
    await flushPromises()
    expect((dialog().querySelector('textarea[data-test="typical-note"]') as HTMLTextAreaElement).value).toBe('典型：通道堵塞')
    expect(dialog().querySelector('.el-dialog__title')?.textContent).toBe('修改典型问题说明')
    expect(dialog().querySelector('.el-form-item__error')).toBeNull()

    // 取消典型 asks first, then DELETEs.
    api.campaigns.unmarkTypical.mockResolvedValue(undefined)
    await w.find('[data-test="typical-unmark-41"]').trigger('click')
    await flushPromises()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('疏散通道堆放杂物'))
    expect(api.campaigns.unmarkTypical).toHaveBeenCalledWith(3, 41)
    expect(w.find('[data-test="hazard-row-41"] [data-test="typical-mark"]').text()).toBe('未列为典型')
    expect(w.find('[data-test="typical-mark-41"]').exists()).toBe(true)

    // Declined: nothing sent.
    api.confirm.mockResolvedValueOnce(false)
    await w.find('[data-test="typical-unmark-40"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.unmarkTypical).toHaveBeenCalledTimes(1)

    await w.find('[data-test="open-briefing"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/campaigns/3/briefing')
  })

  it('on a phone the hazards are cards; no tab for anyone but the deploying bureau', async () => {
    window.innerWidth = 375
    api.campaigns.get.mockResolvedValue(view())
    api.campaigns.schools.mockResolvedValue({ items: [], total: 0 })
    api.campaigns.hazards.mockResolvedValue({ items: [campaignHazard(hazard(40))], total: 1 })
    const { w } = await mountPage(CampaignDetail, '/campaigns/3', user(OFFICE, BUREAU))
    await w.find('#tab-typical').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="typical-table"]').exists()).toBe(false)
    expect(w.find('li[data-test="hazard-row-40"]').exists()).toBe(true)
    expect(w.find('li[data-test="hazard-row-40"] [data-test="typical-mark-40"]').exists()).toBe(true)

    api.campaigns.get.mockResolvedValue(view({ manage: false, inspect: true, team_ids: [1] }))
    const { w: inspector } = await mountPage(CampaignDetail, '/campaigns/3', user(['campaign:read', 'campaign:inspect'], BUREAU))
    expect(inspector.find('#tab-typical').exists()).toBe(false)
    expect(api.campaigns.hazards).toHaveBeenCalledTimes(1)
  })
})

describe('CampaignBriefing', () => {
  it('lists the typical problems in the server’s order, numbered, with the note and the photos; prints and exports', async () => {
    api.campaigns.get.mockResolvedValue(view())
    // The server's order (a major hazard first, then a general one of an earlier id): kept as sent.
    const items = [
      campaignHazard(hazard(52, { title: '配电箱未上锁', level: 'major', description: '配电室门未关\n箱体未上锁', deadline: '2026-12-20' }), '重大隐患，限期整改', [
        photo(7),
        photo(8),
        photo(9, 'application/pdf'),
      ]),
      campaignHazard(hazard(40, { title: '灭火器压力不足', place: '' }), '', []),
    ]
    api.campaigns.hazards.mockResolvedValue({ items, total: 2 })
    api.campaigns.exportBriefing.mockResolvedValue({ blob: new Blob(['PK']), filename: '典型问题通报.xlsx' })
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    const { w } = await mountPage(CampaignBriefing, '/campaigns/3/briefing', user(OFFICE, BUREAU))
    expect(api.campaigns.get).toHaveBeenCalledWith(3)
    expect(api.campaigns.hazards).toHaveBeenCalledWith(3, true)
    expect(w.find('[data-test="briefing-title"]').text()).toBe('冬季消防专项检查典型问题通报')
    expect(w.find('[data-test="briefing-meta"]').text()).toBe('示范区教育局 · 共 2 个典型问题')
    expect(w.findAll('h1').length).toBe(0)

    const entries = w.findAll('li[data-test^="briefing-entry-"]')
    expect(entries.map((e) => e.attributes('data-test'))).toEqual(['briefing-entry-52', 'briefing-entry-40'])
    expect(entries.map((e) => e.find('[data-test="entry-no"]').text())).toEqual(['1.', '2.'])
    const one = entries[0]
    expect(one.find('[data-test="entry-title"]').text()).toBe('配电箱未上锁')
    expect(one.find('[data-test="entry-school"]').text()).toBe('示范区双桥小学')
    expect(one.find('[data-test="entry-place"]').text()).toBe('学生食堂')
    expect(one.find('[data-test="entry-problem"]').text()).toBe('配电室门未关\n箱体未上锁')
    expect(one.find('[data-test="entry-level"]').text()).toBe('重大隐患')
    expect(one.find('[data-test="entry-state"]').text()).toBe('已上报')
    expect(one.find('[data-test="entry-deadline"]').text()).toBe('2026-12-20')
    expect(one.find('[data-test="entry-note"]').text()).toBe('重大隐患，限期整改')
    const imgs = one.findAll('[data-test="entry-photo"] img')
    expect(imgs.map((i) => i.attributes('src'))).toEqual(['/api/v1/files/7', '/api/v1/files/8'])
    expect(imgs.map((i) => i.attributes('alt'))).toEqual(['配电箱未上锁 第 1 张', '配电箱未上锁 第 2 张'])
    expect(one.find('[data-test="entry-file"]').attributes('href')).toBe('/api/v1/files/9')
    const two = entries[1]
    expect(two.find('[data-test="entry-place"]').text()).toBe('—')
    expect(two.find('[data-test="entry-deadline"]').text()).toBe('未设定')
    expect(two.find('[data-test="entry-note"]').text()).toBe('（无说明）')
    expect(two.find('[data-test="entry-photos"]').text()).toContain('无照片')
    expect(two.find('[data-test="entry-level"]').text()).toBe('一般隐患')
    expect(w.find('.no-print [data-test="briefing-print"]').exists()).toBe(true)

    await w.find('[data-test="briefing-print"]').trigger('click')
    expect(print).toHaveBeenCalledTimes(1)
    await w.find('[data-test="briefing-export"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.exportBriefing).toHaveBeenCalledWith(3)
    expect(api.save).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '典型问题通报.xlsx' })
    print.mockRestore()
  })

  it('says so when nothing is marked yet; anyone but the deploying bureau is told it is the bureau’s', async () => {
    api.campaigns.get.mockResolvedValue(view())
    api.campaigns.hazards.mockResolvedValue({ items: [], total: 0 })
    const { w } = await mountPage(CampaignBriefing, '/campaigns/3/briefing', user(OFFICE, BUREAU))
    expect(w.find('[data-test="briefing"]').exists()).toBe(true)
    expect(w.find('[data-test="briefing-empty"]').text()).toContain('尚未列出典型问题')
    expect(w.find('[data-test="briefing-list"]').exists()).toBe(false)
    expect(w.find('[data-test="briefing-print"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test="briefing-export"]').attributes('disabled')).toBeDefined()

    api.campaigns.hazards.mockClear()
    api.campaigns.get.mockResolvedValue(view({ manage: false, inspect: true, team_ids: [1] }))
    const { w: inspector } = await mountPage(CampaignBriefing, '/campaigns/3/briefing', user(['campaign:read', 'campaign:inspect'], BUREAU))
    expect(api.campaigns.hazards).not.toHaveBeenCalled()
    expect(inspector.find('[data-test="briefing-forbidden"]').exists()).toBe(true)
    expect(inspector.find('[data-test="briefing-print"]').exists()).toBe(false)
  })

  it('a campaign that does not exist (or is out of scope) is not found', async () => {
    api.campaigns.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '不存在', details: [] }, null))
    const { w } = await mountPage(CampaignBriefing, '/campaigns/9/briefing', user(OFFICE, BUREAU))
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
    expect(api.campaigns.hazards).not.toHaveBeenCalled()
  })
})

describe('CampaignSchool', () => {
  it('lists the sheets due; fills one as the school’s self-inspection; submits once all are filled; replies', async () => {
    api.campaigns.get.mockResolvedValue(view({ manage: false, inspect: false, fill: true, school_id: 21 }))
    api.campaigns.school.mockResolvedValue(schoolView())
    const { w } = await mountPage(CampaignSchool, '/campaigns/3/schools/21', user(OFFICER))
    expect(api.campaigns.school).toHaveBeenCalledWith(3, 21)
    expect(w.find('[data-test="school-name"]').text()).toBe('示范区双桥小学')
    expect(w.findAll('li[data-test^="due-"]').length).toBe(2)
    expect(w.find('[data-test="due-2-54"] [data-test="due-state"]').text()).toBe('未填')
    expect(w.find('[data-test="due-2-0"] [data-test="due-state"]').text()).toBe('已填')
    expect(w.find('[data-test="due-2-0"] [data-test="due-fill"]').exists()).toBe(false)
    expect(w.find('[data-test="school-submit"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test="submit-hint"]').text()).toBe('还有 1 张检查表未填写')
    expect(w.find('[data-test="messages"]').text()).toContain('整改期限：2026-12-20')

    // The canteen's sheet: C01 须拍照 fails without its photo first (the form's own check).
    await w.find('[data-test="due-2-54"] [data-test="due-fill"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="campaign-fill"]').exists()).toBe(true)
    expect(w.find('[data-test="sheet-title"]').text()).toContain('学生食堂')
    await w.find('[data-test="answer-C01-fail"] input').setValue(true)
    await w.find('[data-test="answer-C02-pass"] input').setValue(true)
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.fillSheet).not.toHaveBeenCalled()
    expect(w.find('[data-test="item-C01"] [data-test="item-error-photo"]').text()).toBe('此检查项须拍照')
    await w.find('[data-test="answer-C01-na"] input').setValue(true)
    api.campaigns.fillSheet.mockResolvedValue({ id: 10 })
    api.campaigns.school.mockResolvedValue(
      schoolView({ due: schoolView().due.map((d) => ({ ...d, sheet_id: d.sheet_id ?? 10 })) }),
    )
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.fillSheet).toHaveBeenCalledWith(3, {
      school_id: 21,
      kind: 'self',
      template_id: 2,
      key_place_id: 54,
      note: '',
      answers: [
        { item_key: 'C01', value: 'na', note: '', file_ids: [] },
        { item_key: 'C02', value: 'pass', note: '', file_ids: [] },
      ],
    })
    expect(w.find('[data-test="campaign-fill"]').exists()).toBe(false)
    expect(w.find('[data-test="school-submit"]').attributes('disabled')).toBeUndefined()

    api.campaigns.submit.mockResolvedValue({})
    await w.find('[data-test="school-submit"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.submit).toHaveBeenCalledWith(3, 21)

    await w.find('[data-test="message-text"]').setValue('已更换灭火器')
    api.campaigns.message.mockResolvedValue({})
    await w.find('[data-test="message-send"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.message).toHaveBeenCalledWith(3, { school_id: 21, kind: 'reply', text: '已更换灭火器' })
  })

  it('an inspector fills an inspection sheet (the whole school: no place) and sees 自查未发现', async () => {
    api.campaigns.get.mockResolvedValue(view())
    api.campaigns.school.mockResolvedValue(
      schoolView({
        can_fill: false,
        can_reply: false,
        can_inspect: true,
        can_feedback: true,
        sheets: [
          {
            id: 12,
            campaign_id: 3,
            school_id: 21,
            school_name: '示范区双桥小学',
            kind: 'bureau',
            kind_label: '教育局检查',
            team_id: null,
            template_id: 2,
            template_name: '食堂消防与燃气安全检查表',
            template_version: 1,
            key_place_id: null,
            place_name: '',
            place_kind: '',
            place_kind_label: '全校',
            filled_by: '安全科',
            username: 'safety_office',
            filled_at: '2026-12-11T02:00:00Z',
            note: '',
            failed: 1,
            missed: ['C07'],
            answers: [{ ...item('C07'), item_key: 'C07', value: 'fail', verdict: 'fail', verdict_label: '不合格', note: '', file_ids: [], hazard_id: 40 }],
          },
        ],
      }),
    )
    const { w } = await mountPage(CampaignSchool, '/campaigns/3/schools/21', user(OFFICE, BUREAU))
    expect(w.find('[data-test="school-submit"]').exists()).toBe(false)
    expect(w.find('[data-test="sheet-12"] [data-test="answer-missed"]').text()).toBe('自查未发现')
    expect(w.find('[data-test="due-2-0"] [data-test="due-inspection"]').text()).toContain('1 项自查未发现')

    await w.find('[data-test="due-2-0"] [data-test="due-inspect"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="answer-C07-pass"] input').setValue(true)
    api.campaigns.fillSheet.mockResolvedValue({ id: 13 })
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.fillSheet).toHaveBeenCalledWith(3, {
      school_id: 21,
      kind: 'inspection',
      template_id: 2,
      note: '',
      answers: [{ item_key: 'C07', value: 'pass', note: '', file_ids: [] }],
    })

    await w.find('[data-test="message-text"]').setValue('请整改')
    api.campaigns.message.mockResolvedValue({})
    await w.find('[data-test="message-send"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.message).toHaveBeenCalledWith(3, { school_id: 21, kind: 'feedback', text: '请整改' })
  })
})

describe('CampaignSchool: a filled sheet opened whole', () => {
  it('查看 opens the sheet with every item, its answer, note and photo, and who filled it', async () => {
    api.campaigns.get.mockResolvedValue(view())
    const base = schoolView()
    const wholeSchool = { ...base.due[1], items: [item('C07'), item('C08'), { ...item('C09'), answer: 'number', unit: '个' }] }
    api.campaigns.school.mockResolvedValue(
      schoolView({
        due: [base.due[0], wholeSchool],
        sheets: [
          {
            id: 9,
            campaign_id: 3,
            school_id: 21,
            school_name: '示范区双桥小学',
            kind: 'self',
            kind_label: '学校自查',
            team_id: null,
            template_id: 2,
            template_name: '食堂消防与燃气安全检查表',
            template_version: 1,
            key_place_id: null,
            place_name: '',
            place_kind: '',
            place_kind_label: '全校',
            filled_by: '王安全',
            username: 'school1_safety',
            filled_at: '2026-12-05T02:00:00Z',
            note: '整体良好',
            failed: 1,
            missed: [],
            answers: [
              // The server's answers without their item: the texts come from the due checklist.
              { item_key: 'C09', value: '3', verdict: 'pass', verdict_label: '合格', note: '', file_ids: [], hazard_id: null },
              { item_key: 'C08', value: 'na', verdict: 'na', verdict_label: '不适用', note: '', file_ids: [], hazard_id: null },
              { item_key: 'C07', value: 'fail', verdict: 'fail', verdict_label: '不合格', note: '压力不足', file_ids: [77], hazard_id: 40 },
            ] as unknown as CampaignSchoolView['sheets'][number]['answers'],
          },
        ],
      }),
    )
    const { w } = await mountPage(CampaignSchool, '/campaigns/3/schools/21', user(OFFICER))
    const button = w.find('[data-test="due-2-0"] [data-test="sheet-view-9"]')
    expect(button.text()).toBe('查看')
    expect(button.attributes('aria-label')).toBe('查看检查表：食堂消防与燃气安全检查表 · 全校 · 学校自查')
    expect(document.querySelector('[data-test="campaign-sheet-view"]')).toBeNull()
    await button.trigger('click')
    await settle()

    const dialog = document.querySelector<HTMLElement>('[data-test="campaign-sheet-view"]')!
    expect(dialog).not.toBeNull()
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe('食堂消防与燃气安全检查表 · 全校（学校自查）')
    expect(dialog.querySelector('[data-test="sheet-info"]')?.textContent).toContain('王安全')
    expect(dialog.querySelector('[data-test="sheet-note"]')?.textContent).toBe('整体良好')
    const rows = [...dialog.querySelectorAll<HTMLElement>('li[data-test^="view-answer-"]')]
    expect(rows.map((r) => r.dataset.test)).toEqual(['view-answer-C07', 'view-answer-C08', 'view-answer-C09'])
    expect(rows.map((r) => r.querySelector('[data-test="view-text"]')?.textContent)).toEqual(['检查项 C07', '检查项 C08', '检查项 C09'])
    expect(rows.map((r) => r.querySelector('[data-test="view-verdict"]')?.textContent)).toEqual(['不合格', '不适用', '合格'])
    expect(rows[0].querySelector('[data-test="view-note"]')?.textContent).toBe('压力不足')
    expect(rows[2].querySelector('[data-test="view-value"]')?.textContent).toContain('3 个')
    expect(rows[0].querySelector('[data-test="view-hazard"]')?.textContent).toBe('隐患 #40')
    const photo = rows[0].querySelector<HTMLElement>('[data-test="view-photo"]')!
    expect(photo.tagName).toBe('BUTTON')
    expect(photo.getAttribute('aria-label')).toBe('查看照片 C07 照片 1')
    expect(photo.querySelector('img')?.getAttribute('src')).toBe('/api/v1/files/77')
    expect(rows[1].querySelector('[data-test="view-photo"]')).toBeNull()
  })

  it('is full screen on a phone', async () => {
    window.innerWidth = 375
    api.campaigns.get.mockResolvedValue(view({ inspect: true }))
    const sheet = {
      id: 12, campaign_id: 3, school_id: 21, school_name: '示范区双桥小学', kind: 'bureau', kind_label: '教育局检查', team_id: null,
      template_id: 2, template_name: '食堂消防与燃气安全检查表', template_version: 1, key_place_id: null, place_name: '', place_kind: '',
      place_kind_label: '全校', filled_by: '安全科', username: 'safety_office', filled_at: '2026-12-11T02:00:00Z', note: '', failed: 1, missed: ['C07'],
      answers: [{ ...item('C07'), item_key: 'C07', value: 'fail', verdict: 'fail', verdict_label: '不合格', note: '', file_ids: [], hazard_id: 40 }],
    }
    api.campaigns.school.mockResolvedValue(schoolView({ can_fill: false, can_reply: false, can_inspect: true, can_feedback: true, sheets: [sheet] }))
    const { w } = await mountPage(CampaignSchool, '/campaigns/3/schools/21', user(OFFICE, BUREAU))
    await w.find('[data-test="due-2-0"] [data-test="due-inspection"] [data-test="sheet-view-12"]').trigger('click')
    await settle()
    const dialog = document.querySelector<HTMLElement>('[data-test="campaign-sheet-view"]')!
    expect(dialog.classList.contains('is-fullscreen')).toBe(true)
    expect(dialog.querySelector('[data-test="view-answer-C07"] [data-test="view-missed"]')?.textContent).toBe('自查未发现')
    expect(dialog.querySelector('[data-test="sheet-missed"]')?.textContent).toBe('1 项自查未发现')
  })
})

describe('CampaignSchool: 评价得分', () => {
  it('shows the school’s score as of now: the total, its rank among the schools and each part against its weight', async () => {
    api.campaigns.get.mockResolvedValue(view({ manage: false, inspect: false, fill: true, school_id: 21 }))
    api.campaigns.school.mockResolvedValue(schoolView())
    api.campaigns.schoolEvaluation.mockResolvedValue(schoolScore)
    const { w } = await mountPage(CampaignSchool, '/campaigns/3/schools/21', user(OFFICER))
    expect(api.campaigns.schoolEvaluation).toHaveBeenCalledWith(3, 21)
    const card = w.find('[data-test="school-evaluation"]')
    expect(card.exists()).toBe(true)
    expect(card.find('h3').text()).toBe('评价得分')
    expect(card.attributes('aria-labelledby')).toBe(card.find('h3').attributes('id'))
    expect(card.find('[data-test="score-total"]').text()).toBe('60.0（满分 100）')
    expect(card.find('[data-test="score-total"]').element.previousElementSibling?.textContent).toBe('总分')
    expect(card.find('[data-test="score-rank"]').text()).toBe('第 2 名 / 共 4 所')
    const part = (k: string) => {
      const row = card.find(`[data-test="score-${k}"]`)
      return [row.find('dt').text(), row.find('dd').text()]
    }
    expect(part('completion')).toEqual(['按时完成自查', '30.0 / 30'])
    expect(part('self_found')).toEqual(['自查发现隐患', '6.7 / 20'])
    expect(part('no_missed')).toEqual(['无自查漏报', '13.3 / 20'])
    expect(part('rectified')).toEqual(['按期整改', '6.7 / 20'])
    expect(part('closed')).toEqual(['隐患已销号', '3.3 / 10'])
    expect(card.find('[data-test="score-counts"]').text()).toBe('隐患 3 个，其中自查发现 1 个、未销号 2 个；自查未发现 1 项。')
    expect(card.find('[data-test="score-note"]').text()).toContain('截至目前')

    // Reloaded with the page: after a sheet is stored, the score is asked again.
    api.campaigns.schoolEvaluation.mockResolvedValue({ ...schoolScore, scores: [{ ...schoolScore.scores[0], rank: 1, total: 70 }] })
    await w.find('[data-test="due-2-54"] [data-test="due-fill"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="answer-C01-na"] input').setValue(true)
    await w.find('[data-test="answer-C02-pass"] input').setValue(true)
    api.campaigns.fillSheet.mockResolvedValue({ id: 10 })
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.campaigns.schoolEvaluation).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="score-rank"]').text()).toBe('第 1 名 / 共 4 所')
    expect(w.find('[data-test="score-total"]').text()).toBe('70.0（满分 100）')
  })

  it('is hidden, without an error, for whoever may not see the school’s score (404 or 403); the page is shown', async () => {
    for (const status of [404, 403]) {
      document.body.innerHTML = ''
      api.campaigns.get.mockResolvedValue(view({ manage: false, inspect: true, team_ids: [1] }))
      api.campaigns.school.mockResolvedValue(schoolView({ can_fill: false, can_reply: false, can_inspect: true, can_feedback: true }))
      api.campaigns.schoolEvaluation.mockRejectedValue(new ApiError(status, { code: 'x', message: '无权查看', details: [] }, null))
      const { w } = await mountPage(CampaignSchool, '/campaigns/3/schools/21', user(['campaign:read', 'campaign:inspect'], BUREAU))
      expect(api.campaigns.schoolEvaluation).toHaveBeenCalledWith(3, 21)
      expect(w.find('[data-test="school-name"]').text()).toBe('示范区双桥小学')
      expect(w.find('[data-test="due-list"]').exists()).toBe(true)
      expect(w.find('[data-test="school-evaluation"]').exists()).toBe(false)
      expect(w.find('[data-test="not-found"]').exists()).toBe(false)
      expect(document.querySelector('.el-message')).toBeNull()
    }
  })
})

describe('CampaignHomeCard', () => {
  it('a school that self-inspects sees the campaigns not submitted, linking to its page', async () => {
    api.campaigns.list.mockResolvedValue({
      items: [
        { ...campaign, school_count: 1, submitted_count: 0 },
        { ...campaign, id: 4, name: '已提交的', school_count: 1, submitted_count: 1 },
      ],
      total: 2,
    })
    const { w } = await mountPage(CampaignHomeCard, '/home', user(OFFICER))
    expect(api.campaigns.list).toHaveBeenCalledWith({ state: 'open', page: 1, page_size: 10 })
    expect(w.find('#home-campaigns-title').text()).toBe('专项行动自查待完成')
    expect(w.find('[data-test="home-campaign-3"]').attributes('href')).toBe('/campaigns/3/schools/21')
    expect(w.find('[data-test="home-campaign-4"]').exists()).toBe(false)
  })

  it('the bureau sees the open campaigns with their progress; nothing when there is none', async () => {
    api.campaigns.list.mockResolvedValue({ items: [campaign], total: 1 })
    const { w } = await mountPage(CampaignHomeCard, '/home', user(OFFICE, BUREAU))
    expect(w.find('[data-test="home-campaign-3"]').text()).toBe('冬季消防专项检查：1 / 4 校已提交')
    expect(w.find('[data-test="home-campaign-3"]').attributes('href')).toBe('/campaigns/3')

    api.campaigns.list.mockResolvedValue({ items: [], total: 0 })
    const { w: empty } = await mountPage(CampaignHomeCard, '/home', user(OFFICE, BUREAU))
    expect(empty.find('[data-test="home-campaigns"]').exists()).toBe(false)
  })
})
