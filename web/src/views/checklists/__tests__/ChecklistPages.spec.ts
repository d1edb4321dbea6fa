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
import { dictionaries, own, row, shipped } from './fixtures'

const api = vi.hoisted(() => ({
  checklists: { list: vi.fn(), versions: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), copy: vi.fn(), export: vi.fn() },
  save: vi.fn(),
}))

vi.mock('@/api/checklists', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/checklists')>()
  return { ...real, checklistsApi: api.checklists }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.save }
})

import ChecklistList from '../ChecklistList.vue'
import ChecklistDetail from '../ChecklistDetail.vue'
import ChecklistForm from '../ChecklistForm.vue'

vi.setConfig({ testTimeout: 60_000 })

const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const MANAGE = ['checklist:read', 'checklist:manage']
const READ = ['checklist:read']

function user(permissions: string[], unit = BUREAU): Me {
  return {
    user: { id: 3, username: unit === BUREAU ? 'safety_office' : 'school1_safety', display_name: '安全干部' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'unit_and_below', unit_paths: ['/1/'] },
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
  useDictStore().data = dictionaries
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/checklists', name: 'checklists', component: Stub },
      { path: '/checklists/new', name: 'checklist-new', component: Stub },
      { path: '/checklists/:id(\\d+)', name: 'checklist-detail', component: Stub },
      { path: '/checklists/:id(\\d+)/edit', name: 'checklist-edit', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

function el(test: string): HTMLElement | null {
  return document.querySelector(`[data-test="${test}"]`)
}

function input(test: string): HTMLInputElement | HTMLTextAreaElement {
  return el(test) as HTMLInputElement | HTMLTextAreaElement
}

function type(test: string, value: string): void {
  const i = input(test)
  i.value = value
  i.dispatchEvent(new Event('input'))
}

function errorOf(test: string): string {
  const item = el(test)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

function choose(w: VueWrapper, test: string, value: unknown): void {
  const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === test)
  if (!select) throw new Error(`no select ${test}`)
  select.vm.$emit('update:modelValue', value)
}

function messages(): string {
  return [...document.querySelectorAll('.el-message')].map((m) => m.textContent?.trim()).join(' | ')
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.checklists)) fn.mockReset()
  api.save.mockReset()
  api.checklists.list.mockResolvedValue({
    items: [row(shipped()), row(own(2), { applies: { stages: ['primary'], location_types: [], boarding: null } })],
    total: 2,
  })
  api.checklists.get.mockResolvedValue(shipped())
  api.checklists.versions.mockResolvedValue({ items: [row(shipped())], total: 1 })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('ChecklistList', () => {
  it('lists the newest version of each template with its owner, items and schools', async () => {
    const { w } = await mountPage(ChecklistList, '/checklists', user(MANAGE))
    expect(api.checklists.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    const rows = w.findAll('[data-test="table"] .el-table__body-wrapper tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="row-link"]').text()).toBe('学生宿舍消防安全检查表')
    expect(rows[0].find('[data-test="row-link"]').attributes('href')).toBe('/checklists/1')
    expect(rows[0].find('[data-test="row-version"]').text()).toBe('第 1 版')
    expect(rows[0].find('[data-test="row-owner"]').text()).toBe('系统内置')
    expect(rows[0].find('[data-test="row-items"]').text()).toBe('4')
    expect(rows[0].find('[data-test="row-applies"]').text()).toBe('仅寄宿制学校')
    expect(rows[1].find('[data-test="row-version"]').text()).toBe('第 2 版')
    expect(rows[1].find('[data-test="row-owner"]').text()).toBe('示范区教育局')
    expect(rows[1].find('[data-test="row-applies"]').text()).toBe('小学')
    expect(w.find('[data-test="add"]').text()).toBe('新建检查表')
    expect(w.find('[data-test="import"]').exists()).toBe(true)
    expect(w.findAll('[data-test="row-copy"]')[0].attributes('aria-label')).toBe('复制为本单位：学生宿舍消防安全检查表')
  })

  it('searches by keyword', async () => {
    const { w } = await mountPage(ChecklistList, '/checklists', user(READ, SCHOOL))
    await w.find('[data-test="search-q"]').setValue(' 宿舍 ')
    await w.find('[data-test="search-q"]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(api.checklists.list).toHaveBeenLastCalledWith({ q: '宿舍', page: 1, page_size: 10 })
  })

  it('copies a template as the unit’s own under the proposed name and opens the copy', async () => {
    const { w, router } = await mountPage(ChecklistList, '/checklists', user(MANAGE))
    await w.findAll('[data-test="row-copy"]')[0].trigger('click')
    await flushPromises()
    expect(el('copy-source')?.textContent).toBe('复制“学生宿舍消防安全检查表”第 1 版（系统内置）')
    expect(input('copy-name').value).toBe('学生宿舍消防安全检查表（示范区教育局）')
    api.checklists.copy.mockResolvedValue(own(1))
    el('copy-confirm')?.click()
    await flushPromises()
    expect(api.checklists.copy).toHaveBeenCalledWith(1, '学生宿舍消防安全检查表（示范区教育局）')
    expect(router.currentRoute.value.fullPath).toBe('/checklists/11')
  })

  it('exports a template’s items', async () => {
    const { w } = await mountPage(ChecklistList, '/checklists', user(READ, SCHOOL))
    const file = { blob: new Blob(['x']), filename: '检查表.xlsx' }
    api.checklists.export.mockResolvedValue(file)
    await w.findAll('[data-test="row-export"]')[1].trigger('click')
    await flushPromises()
    expect(api.checklists.export).toHaveBeenCalledWith(12)
    expect(api.save).toHaveBeenCalledWith(file)
  })

  it('offers a reader neither 新建, 导入 nor 复制', async () => {
    const { w } = await mountPage(ChecklistList, '/checklists', user(READ, SCHOOL))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="import"]').exists()).toBe(false)
    expect(w.find('[data-test="row-copy"]').exists()).toBe(false)
    expect(w.findAll('[data-test="row-export"]')).toHaveLength(2)
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(ChecklistList, '/checklists', user(READ, SCHOOL))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const card = w.find('[data-test="checklist-12"]')
    expect(card.find('h2').text()).toBe('学生宿舍消防安全检查表（示范区教育局）')
    expect(card.find('[data-test="row-version"]').text()).toBe('第 2 版')
    expect(card.find('[data-test="row-owner"]').text()).toBe('示范区教育局')
    expect(card.find('[data-test="row-view"]').attributes('href')).toBe('/checklists/12')
    expect(card.find('[data-test="row-copy"]').exists()).toBe(false)
  })

  it('imports a new template under its name: the refused rows listed, an applied import linked', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    try {
      const { w, router } = await mountPage(ChecklistList, '/checklists', user(MANAGE))
      await w.find('[data-test="import"]').trigger('click')
      await flushPromises()
      expect(el('import-hint')?.textContent).toContain('不合格时隐患等级')
      const file = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
      Object.defineProperty(file, 'files', { value: [new File(['编号'], '检查表.csv', { type: 'text/csv' })], configurable: true })
      file.dispatchEvent(new Event('change'))
      await flushPromises()
      type('import-name', '宿舍夜间巡查表')
      await flushPromises()

      fetchMock.mockResolvedValueOnce(
        new Response(
          JSON.stringify({ rows: 2, created: 0, updated: 0, failed: 1, applied: false, errors: [{ row: 3, column: '隐患类别', reason: '“外星入侵”不在可选范围内' }] }),
          { status: 422, headers: { 'Content-Type': 'application/json' } },
        ),
      )
      el('import-start')?.click()
      await flushPromises()
      const url = String(fetchMock.mock.calls[0][0])
      expect(url).toMatch(/^\/api\/v1\/checklist-templates\/import\?/)
      expect(Object.fromEntries(new URLSearchParams(url.split('?')[1]))).toEqual({ name: '宿舍夜间巡查表', format: 'csv' })
      expect(el('import-errors')?.textContent).toContain('“外星入侵”不在可选范围内')
      expect(el('import-created')).toBeNull()
      expect(api.checklists.list).toHaveBeenCalledTimes(1)

      fetchMock.mockResolvedValueOnce(
        new Response(JSON.stringify({ rows: 2, created: 2, updated: 0, failed: 0, applied: true, errors: [], template: row(own(1, { id: 30, name: '宿舍夜间巡查表' })) }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      )
      el('import-start')?.click()
      await flushPromises()
      expect(el('import-summary')?.textContent).toContain('导入完成')
      expect(el('import-created')?.textContent).toContain('宿舍夜间巡查表')
      expect(api.checklists.list).toHaveBeenCalledTimes(2)
      el('import-open')?.click()
      await flushPromises()
      expect(router.currentRoute.value.fullPath).toBe('/checklists/30')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('ChecklistDetail', () => {
  it('shows a shipped template, its items by place, without 修订; the bureau may copy it', async () => {
    const { w } = await mountPage(ChecklistDetail, '/checklists/1', user(MANAGE))
    expect(api.checklists.get).toHaveBeenCalledWith(1)
    expect(api.checklists.versions).toHaveBeenCalledWith('fire.dormitory')
    expect(w.find('[data-test="checklist-name"]').text()).toBe('学生宿舍消防安全检查表')
    expect(w.find('[data-test="checklist-version"]').text()).toBe('第 1 版')
    expect(w.find('[data-test="checklist-owner"]').text()).toBe('系统内置')
    expect(w.find('[data-test="checklist-applies"]').text()).toBe('仅寄宿制学校')
    expect(w.find('[data-test="checklist-shipped-hint"]').text()).toContain('请先复制为本单位的检查表')
    expect(w.find('[data-test="checklist-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="checklist-import"]').exists()).toBe(false)
    expect(w.find('[data-test="checklist-copy"]').exists()).toBe(true)
    expect(w.find('[data-test="checklist-export"]').exists()).toBe(true)
    expect(w.find('[data-test="checklist-old-version"]').exists()).toBe(false)
    // Grouped by place, in the order the places come.
    const groups = w.findAll('section.group')
    expect(groups.map((g) => g.attributes('data-test'))).toEqual(['place-dormitory', 'place-school'])
    expect(groups[0].find('h4').text()).toBe('学生宿舍（3 项）')
    expect(groups[0].findAll('[data-test="item-key"]').map((k) => k.text())).toEqual(['D01', 'D02', 'D08'])
    expect(w.find('[data-test="item-limit-D08"]').text()).toBe('≥ 1.1 米')
    // In the template's order.
    await w.find('[data-test="arrange-order"] input').setValue(true)
    await flushPromises()
    expect(w.findAll('[data-test="item-key"]').map((k) => k.text())).toEqual(['D01', 'D02', 'P01', 'D08'])
  })

  it('offers 修订 and 导入新版本 on the unit’s own newest version', async () => {
    api.checklists.get.mockResolvedValue(own(2))
    api.checklists.versions.mockResolvedValue({ items: [row(own(1, { latest: false, can_edit: false })), row(own(2))], total: 2 })
    const { w, router } = await mountPage(ChecklistDetail, '/checklists/12', user(MANAGE))
    expect(w.find('[data-test="checklist-shipped-hint"]').exists()).toBe(false)
    await w.find('[data-test="checklist-edit"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/checklists/12/edit')
  })

  it('imports a new version of the unit’s own template and opens it', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    try {
      api.checklists.get.mockResolvedValue(own(2))
      api.checklists.versions.mockResolvedValue({ items: [row(own(1, { latest: false, can_edit: false })), row(own(2))], total: 2 })
      const { w, router } = await mountPage(ChecklistDetail, '/checklists/12', user(MANAGE))
      await w.find('[data-test="checklist-import"]').trigger('click')
      await flushPromises()
      expect(el('import-hint')?.textContent).toContain('保存为第 3 版')
      const file = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
      Object.defineProperty(file, 'files', { value: [new File(['编号'], '检查表.xlsx')], configurable: true })
      file.dispatchEvent(new Event('change'))
      await flushPromises()
      fetchMock.mockResolvedValueOnce(
        new Response(JSON.stringify({ rows: 4, created: 4, updated: 0, failed: 0, applied: true, errors: [], template: row(own(3)) }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      )
      el('import-start')?.click()
      await flushPromises()
      const url = String(fetchMock.mock.calls[0][0])
      expect(url).toMatch(/^\/api\/v1\/checklist-templates\/import\?/)
      expect(Object.fromEntries(new URLSearchParams(url.split('?')[1]))).toEqual({ template_id: '12', format: 'xlsx' })
      expect(messages()).toContain('已导入为第 3 版（4 个检查项）')
      expect(router.currentRoute.value.fullPath).toBe('/checklists/13')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('says which version is the newest on an old one, and switches between versions', async () => {
    api.checklists.get.mockResolvedValue(own(1, { latest: false, can_edit: false, items: [own(1).items[0]] }))
    api.checklists.versions.mockResolvedValue({ items: [row(own(1, { latest: false, can_edit: false })), row(own(2))], total: 2 })
    const { w, router } = await mountPage(ChecklistDetail, '/checklists/11', user(MANAGE))
    expect(w.find('[data-test="checklist-old-version"]').text()).toContain('这是第 1 版，最新为第 2 版')
    expect(w.find('[data-test="checklist-newest-link"]').attributes('href')).toBe('/checklists/12')
    expect(w.find('[data-test="checklist-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="checklist-import"]').exists()).toBe(false)
    const options = [...document.querySelectorAll('[data-test^="version-option-"]')].map((o) => o.textContent?.trim())
    expect(options).toEqual(['第 1 版 · 2026-12-01', '第 2 版 · 2026-12-01（最新）'])
    choose(w, 'checklist-versions', 12)
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/checklists/12')
  })

  it('shows a reader no 修订, 复制 nor 导入, only 导出', async () => {
    api.checklists.get.mockResolvedValue(own(2, { can_edit: false }))
    const { w } = await mountPage(ChecklistDetail, '/checklists/12', user(READ, SCHOOL))
    expect(w.find('[data-test="checklist-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="checklist-copy"]').exists()).toBe(false)
    expect(w.find('[data-test="checklist-import"]').exists()).toBe(false)
    expect(w.find('[data-test="checklist-export"]').exists()).toBe(true)
  })

  it('shows items as cards on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(ChecklistDetail, '/checklists/1', user(READ, SCHOOL))
    expect(w.find('[data-test="items-table"]').exists()).toBe(false)
    expect(w.find('[data-test="item-D08"]').text()).toContain('≥ 1.1 米')
  })

  it('answers a template out of reach as not found', async () => {
    api.checklists.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '检查表不存在', details: [] }, null))
    const { w } = await mountPage(ChecklistDetail, '/checklists/99', user(READ, SCHOOL))
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
    expect(w.find('[data-test="checklist-detail"]').exists()).toBe(false)
  })
})

describe('ChecklistForm', () => {
  it('revises an item and opens the new version it was saved as', async () => {
    api.checklists.get.mockResolvedValue(own(1))
    const { w, router } = await mountPage(ChecklistForm, '/checklists/11/edit', user(MANAGE))
    expect(input('field-name').value).toBe('学生宿舍消防安全检查表（示范区教育局）')
    expect(input('item-0-text').value).toBe('疏散通道、安全出口畅通，无堵塞、锁闭')
    // Limits and unit only on the number item.
    expect(el('item-3-min')).not.toBeNull()
    expect(input('item-3-unit').value).toBe('米')
    expect(el('item-0-min')).toBeNull()
    expect(el('field-code')).toBeNull()
    // The whole school is a place of its own, shown by name.
    expect(el('item-2-place')?.textContent).toContain('全校')
    expect(el('item-0-place')?.textContent).toContain('学生宿舍')
    type('item-0-text', '疏散通道畅通，夜间不上锁')
    api.checklists.update.mockResolvedValue(own(2, { id: 12 }))
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.checklists.update).toHaveBeenCalledTimes(1)
    const [id, body] = api.checklists.update.mock.calls[0]
    expect(id).toBe(11)
    expect(body.items[0].text).toBe('疏散通道畅通，夜间不上锁')
    expect(body.items).toHaveLength(4)
    expect(body).not.toHaveProperty('code')
    expect(messages()).toContain('已保存为第 2 版')
    expect(router.currentRoute.value.fullPath).toBe('/checklists/12')
  })

  it('says 已保存 when only the name changed (the same version)', async () => {
    api.checklists.get.mockResolvedValue(own(1))
    const { w, router } = await mountPage(ChecklistForm, '/checklists/11/edit', user(MANAGE))
    type('field-name', '宿舍消防检查表')
    api.checklists.update.mockResolvedValue(own(1, { name: '宿舍消防检查表' }))
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(messages()).toContain('已保存')
    expect(messages()).not.toContain('第 1 版')
    expect(router.currentRoute.value.fullPath).toBe('/checklists/11')
  })

  it('places the server’s reasons beside their item’s fields', async () => {
    api.checklists.get.mockResolvedValue(own(1))
    const { w } = await mountPage(ChecklistForm, '/checklists/11/edit', user(MANAGE))
    api.checklists.update.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '参数无效',
          details: [
            { field: 'items[1].text', reason: '不能超过 500 个字' },
            { field: 'items[3].max', reason: '上限不能小于下限' },
            { field: 'applies.stages', reason: '“x”不是学段' },
            { field: 'items[9]', reason: '须为对象' },
          ],
        },
        null,
      ),
    )
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(errorOf('item-1-text')).toBe('不能超过 500 个字')
    expect(errorOf('item-3-max')).toBe('上限不能小于下限')
    expect(errorOf('field-stages')).toBe('“x”不是学段')
    expect(errorOf('item-0-text')).toBe('')
    expect(w.find('[data-test="item-1"] h3').text()).toContain('1 处需修改')
    expect(w.find('[data-test="form-errors"]').text()).toContain('items[9]：须为对象')
  })

  it('adds, moves and removes items; a number item keeps limits only while a number', async () => {
    api.checklists.get.mockResolvedValue(own(1))
    const { w } = await mountPage(ChecklistForm, '/checklists/11/edit', user(MANAGE))
    await w.find('[data-test="add-item"]').trigger('click')
    await flushPromises()
    expect(input('item-4-key').value).toBe('D09')
    type('item-4-text', '宿舍楼每层配置灭火器')
    await w.find('[data-test="item-4-up"]').trigger('click')
    await flushPromises()
    expect(input('item-3-key').value).toBe('D09')
    expect(input('item-4-key').value).toBe('D08')
    expect((el('item-0-up') as HTMLButtonElement).disabled).toBe(true)
    expect((el('item-4-down') as HTMLButtonElement).disabled).toBe(true)
    await w.find('[data-test="item-1-remove"]').trigger('click')
    await flushPromises()
    // The number item is no longer one: its limits go.
    choose(w, 'item-3-answer', 'pass_fail')
    await flushPromises()
    expect(el('item-3-min')).toBeNull()
    api.checklists.update.mockResolvedValue(own(2))
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    const body = api.checklists.update.mock.calls[0][1]
    expect(body.items.map((i: { key: string }) => i.key)).toEqual(['D01', 'P01', 'D09', 'D08'])
    expect(body.items[2].text).toBe('宿舍楼每层配置灭火器')
    expect(body.items[3]).toMatchObject({ answer: 'pass_fail', min: null, max: null, unit: '' })
  })

  it('checks a new template before sending, then creates it and opens it', async () => {
    const { w, router } = await mountPage(ChecklistForm, '/checklists/new', user(MANAGE))
    expect(el('field-code')).not.toBeNull()
    expect(input('item-0-key').value).toBe('A01')
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.checklists.create).not.toHaveBeenCalled()
    expect(errorOf('field-name')).toBe('请填写检查表名称')
    expect(errorOf('item-0-text')).toBe('请填写检查内容')
    expect(errorOf('item-0-domain')).toBe('请选择隐患类别')

    type('field-name', '宿舍夜间巡查表')
    type('item-0-text', '宿管人员在岗')
    choose(w, 'item-0-domain', 'fire')
    choose(w, 'item-0-place', 'dormitory')
    await w.find('[data-test="boarding-yes"] input').setValue(true)
    api.checklists.create.mockResolvedValue(own(1, { id: 40, name: '宿舍夜间巡查表' }))
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.checklists.create).toHaveBeenCalledTimes(1)
    expect(api.checklists.create.mock.calls[0][0]).toEqual({
      name: '宿舍夜间巡查表',
      description: '',
      applies: { stages: [], location_types: [], boarding: true },
      items: [
        {
          key: 'A01',
          text: '宿管人员在岗',
          domain: 'fire',
          place_kind: 'dormitory',
          answer: 'pass_fail',
          min: null,
          max: null,
          unit: '',
          photo_required: false,
          failure_level: 'general',
          basis: '',
        },
      ],
    })
    expect(router.currentRoute.value.fullPath).toBe('/checklists/40')
  })

  it('does not save a shipped template: it says to copy it first', async () => {
    api.checklists.get.mockResolvedValue(shipped())
    const { w } = await mountPage(ChecklistForm, '/checklists/1/edit', user(MANAGE))
    expect(w.find('[data-test="checklist-form-locked"]').text()).toContain('请先复制为本单位的检查表')
    expect((el('save') as HTMLButtonElement).disabled).toBe(true)
  })

  it('reloads with the notice when the server refuses an old version', async () => {
    api.checklists.get.mockResolvedValue(own(1))
    const { w } = await mountPage(ChecklistForm, '/checklists/11/edit', user(MANAGE))
    api.checklists.get.mockResolvedValue(own(1, { latest: false, can_edit: false }))
    api.checklists.update.mockRejectedValue(
      new ApiError(
        409,
        {
          code: 'failed_precondition',
          message: '这是旧版本（第 1 版），只能在最新版本上修订',
          details: [{ field: 'checklist.not_latest', reason: '这是旧版本（第 1 版），只能在最新版本上修订' }],
        },
        null,
      ),
    )
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.checklists.get).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="checklist-form-locked"]').text()).toContain('只能在最新版本上修订')
    expect(w.find('[data-test="form-errors"]').exists()).toBe(false)
  })
})
