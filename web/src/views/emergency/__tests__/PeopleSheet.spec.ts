// The people of the emergency setups in and out of Excel (应急人员): on 应急体系总览, 下载模板 and 导入人员
// for holders of emergency:manage and 导出人员 for every reader, beside the overview's own 导出; on a
// school's 应急体系, one menu 人员导入/导出 for those who edit it. The import is the shared ImportDialog
// (paths, all or nothing, the format from the file's name, the note on what is replaced): a refused
// file lists its rows (行, 列, 原因) and reloads nothing, a file refused as a whole says why, a written
// one is counted in people (写入 N 人，替换 M 人) and reloads the page. Uploads go through a stubbed
// fetch, so the paths are the ones the browser would ask for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, overview, setup, user } from './fixtures'

const api = vi.hoisted(() => ({
  emergency: { get: vi.fn(), save: vi.fn(), overview: vi.fn(), export: vi.fn(), peopleTemplate: vi.fn(), exportPeople: vi.fn() },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/emergency', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/emergency')>()
  return { ...real, emergencyApi: api.emergency }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import EmergencySetups from '../EmergencySetups.vue'
import EmergencySetup from '../EmergencySetup.vue'
import ImportDialog from '@/components/ImportDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const OFFICE = () => user(['emergency:read', 'emergency:manage', 'school:read'], BUREAU, 'safety_office')
const READER = () => user(['emergency:read', 'school:read'], BUREAU, 'bureau_reader')
const OFFICER = () => user(['emergency:read', 'emergency:manage', 'school:read'])
const TEACHER = () => user(['emergency:read', 'school:read'], undefined, 'school1_teacher')

const mounted: VueWrapper[] = []

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/emergency/setups', name: 'emergency-setups', component: Stub },
      { path: '/emergency', name: 'emergency-setup', component: Stub },
      { path: '/emergency/:unitId(\\d+)/card', name: 'emergency-card', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  mounted.push(w)
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const text = (test: string) => $(test)?.textContent?.trim() ?? ''

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function click(test: string): Promise<void> {
  const el = $(test)
  expect(el, test).not.toBeNull()
  el!.click()
  await settle()
}

async function pickFile(name: string): Promise<void> {
  const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

/** The query of the n-th request fetched. */
const queryOf = (n: number) => Object.fromEntries(new URLSearchParams(String(fetchMock.mock.calls[n][0]).split('?')[1] ?? ''))
const pathOf = (n: number) => String(fetchMock.mock.calls[n][0]).split('?')[0]
/** The rows of the dialog's error table, as 行|列|原因. */
const errorRows = () =>
  [...document.querySelectorAll('[data-test="import-errors"] .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()).join('|'),
  )

const written = { rows: 5, created: 5, updated: 0, removed: 3, failed: 0, applied: true, errors: [] }
const refused = {
  rows: 5,
  created: 0,
  updated: 0,
  removed: 0,
  failed: 1,
  applied: false,
  errors: [{ row: 3, column: '名单', reason: '须为 应急指挥体系 或 最小应急单元' }],
}

const fetchMock = vi.fn()

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.emergency), api.schools.list, api.saveDownload]) fn.mockReset()
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  api.emergency.overview.mockImplementation(async () => overview())
  api.emergency.get.mockImplementation(async () => setup())
  api.emergency.peopleTemplate.mockResolvedValue({ blob: new Blob(['x']), filename: '应急人员导入模板.xlsx' })
  api.emergency.exportPeople.mockResolvedValue({ blob: new Blob(['x']), filename: '应急人员.xlsx' })
  api.emergency.export.mockResolvedValue({ blob: new Blob(['x']), filename: '应急体系.xlsx' })
  api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('应急人员 on 应急体系总览', () => {
  it('offers 下载模板, 导入人员 and 导出人员 beside 导出 to the bureau’s safety office', async () => {
    await mountPage(EmergencySetups, '/emergency/setups', OFFICE())
    const toolbar = [...document.querySelectorAll('[data-test="emergency-setups-page"] .toolbar .el-button')].map((b) => b.textContent?.trim())
    expect(toolbar).toEqual(['导出', '下载模板', '导入人员', '导出人员'])
    expect($('import-dialog')).toBeNull()
  })

  it('offers only 导出人员 to a reader of the overview', async () => {
    const w = await mountPage(EmergencySetups, '/emergency/setups', READER())
    expect($('emergency-people-template')).toBeNull()
    expect($('emergency-people-import')).toBeNull()
    expect(text('emergency-people-export')).toBe('导出人员')
    expect(w.findComponent(ImportDialog).exists()).toBe(false)
    await click('emergency-people-export')
    expect(api.emergency.exportPeople).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '应急人员.xlsx' })
  })

  it('downloads the template, and exports the people apart from the overview', async () => {
    await mountPage(EmergencySetups, '/emergency/setups', OFFICE())
    await click('emergency-people-template')
    expect(api.emergency.peopleTemplate).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenLastCalledWith({ blob: expect.any(Blob), filename: '应急人员导入模板.xlsx' })
    await click('emergency-people-export')
    expect(api.emergency.exportPeople).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenLastCalledWith({ blob: expect.any(Blob), filename: '应急人员.xlsx' })
    expect(api.emergency.export).not.toHaveBeenCalled()
    await click('emergency-export')
    expect(api.emergency.export).toHaveBeenCalledTimes(1)
  })

  it('opens the shared import dialog: all or nothing, the people’s paths, what a file replaces', async () => {
    const w = await mountPage(EmergencySetups, '/emergency/setups', OFFICE())
    await click('emergency-people-import')
    expect(w.findComponent(ImportDialog).props()).toMatchObject({
      modelValue: true,
      what: '应急人员',
      importPath: '/api/v1/emergency/people/import',
      templatePath: '/api/v1/emergency/people/import-template',
      templateQuery: {},
      allowUpdate: false,
      allowPartial: false,
      sendFormat: true,
    })
    expect($('import-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('导入应急人员')
    expect(text('emergency-import-note')).toContain('其在文件中出现的名单（应急指挥体系、最小应急单元）整体替换为文件中的人员')
    expect(text('emergency-import-note')).toContain('应急卡信息和应急预案不变')
    expect(document.querySelectorAll('[data-test="import-dialog"] .el-checkbox')).toHaveLength(0)
    expect($('emergency-import-unsaved')).toBeNull()
    // The dialog's own template link asks the people's template.
    fetchMock.mockResolvedValueOnce(new Response(new Blob(['x']), { status: 200 }))
    $('template')!.click()
    await settle()
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/emergency/people/import-template')
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('lists the rows of a refused file and reloads nothing; a written file is counted in people and reloads the overview', async () => {
    await mountPage(EmergencySetups, '/emergency/setups', OFFICE())
    expect(api.emergency.overview).toHaveBeenCalledTimes(1)
    await click('emergency-people-import')
    await pickFile('应急人员.xlsx')

    fetchMock.mockResolvedValueOnce(json(refused, 422))
    await click('import-start')
    expect(pathOf(0)).toBe('/api/v1/emergency/people/import')
    expect(queryOf(0)).toEqual({ format: 'xlsx' })
    expect((fetchMock.mock.calls[0][1] as RequestInit).method).toBe('POST')
    expect(text('import-summary')).toBe('共 1 行有错误，未写入任何数据，请修改后重新导入')
    expect(errorRows()).toEqual(['3|名单|须为 应急指挥体系 或 最小应急单元'])
    expect(api.emergency.overview).toHaveBeenCalledTimes(1)

    fetchMock.mockResolvedValueOnce(json(written))
    await click('import-start')
    expect(text('import-summary')).toBe('导入完成：写入 5 人，替换 3 人')
    expect($('import-errors')).toBeNull()
    expect(api.emergency.overview).toHaveBeenCalledTimes(2)
  })

  it('says why a file is refused as a whole (its header row), and sends a .csv as csv', async () => {
    await mountPage(EmergencySetups, '/emergency/setups', OFFICE())
    await click('emergency-people-import')
    await pickFile('名单.csv')
    fetchMock.mockResolvedValueOnce(
      json({ error: { code: 'invalid_argument', message: '请使用应急人员导入模板', details: [{ field: 'file', reason: '请使用应急人员导入模板' }] } }, 422),
    )
    await click('import-start')
    expect(queryOf(0)).toEqual({ format: 'csv' })
    expect(text('import-summary')).toContain('文件未通过检查，未写入任何数据')
    expect(text('import-summary')).toContain('请使用应急人员导入模板')
    expect(api.emergency.overview).toHaveBeenCalledTimes(1)
  })
})

/** Opens the school page's menu and gives its entries. */
async function menuEntries(w: VueWrapper): Promise<string[]> {
  await w.find('[data-test="emergency-people"]').trigger('click')
  await settle()
  return [...document.querySelectorAll('.el-dropdown-menu [data-test^="emergency-people-"]')].map(
    (e) => `${e.getAttribute('data-test')}:${e.textContent?.trim()}`,
  )
}

describe('应急人员 on a school’s 应急体系', () => {
  it('is one menu beside 打印应急卡 for the school’s officer: 导入人员, 下载模板, 导出人员', async () => {
    const w = await mountPage(EmergencySetup, '/emergency', OFFICER())
    expect(text('emergency-people')).toBe('人员导入/导出')
    expect($('emergency-people')?.closest('.head-actions')).not.toBeNull()
    expect(await menuEntries(w)).toEqual(['emergency-people-import:导入人员', 'emergency-people-template:下载模板', 'emergency-people-export:导出人员'])
  })

  it('is not there for those who may not edit the setup', async () => {
    api.emergency.get.mockResolvedValue(setup({ can_edit: false }))
    const w = await mountPage(EmergencySetup, '/emergency', TEACHER())
    expect($('emergency-readonly')).not.toBeNull()
    expect($('emergency-people')).toBeNull()
    expect(w.findComponent(ImportDialog).exists()).toBe(false)
  })

  it('downloads the template and exports the people from the menu', async () => {
    const w = await mountPage(EmergencySetup, '/emergency', OFFICER())
    await menuEntries(w)
    await click('emergency-people-template')
    expect(api.emergency.peopleTemplate).toHaveBeenCalledTimes(1)
    await menuEntries(w)
    await click('emergency-people-export')
    expect(api.emergency.exportPeople).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenLastCalledWith({ blob: expect.any(Blob), filename: '应急人员.xlsx' })
  })

  it('imports the school’s people and reloads the setup once a file is written', async () => {
    const w = await mountPage(EmergencySetup, '/emergency', OFFICER())
    expect(api.emergency.get).toHaveBeenCalledTimes(1)
    await menuEntries(w)
    await click('emergency-people-import')
    expect(w.findComponent(ImportDialog).props('modelValue')).toBe(true)
    expect($('emergency-import-unsaved')).toBeNull()
    await pickFile('应急人员.xlsx')
    fetchMock.mockResolvedValueOnce(json(refused, 422))
    await click('import-start')
    expect(errorRows()).toEqual(['3|名单|须为 应急指挥体系 或 最小应急单元'])
    expect(api.emergency.get).toHaveBeenCalledTimes(1)

    const imported = setup({
      version: 4,
      unit: [
        { role: 'guard', role_label: '保安员', name: '孙海', post: '门卫', phone: '13905710007' },
        { role: 'volunteer', role_label: '周边商户志愿者', name: '钱进', post: '双桥便利店', phone: '13905710010' },
      ],
    })
    api.emergency.get.mockResolvedValue(imported)
    fetchMock.mockResolvedValueOnce(json({ ...written, rows: 2, created: 2 }))
    await click('import-start')
    expect(text('import-summary')).toBe('导入完成：写入 2 人，替换 3 人')
    expect(api.emergency.get).toHaveBeenCalledTimes(2)
    expect(api.emergency.get).toHaveBeenLastCalledWith(21)
    expect(($('emergency-unit-row-1-name') as HTMLInputElement | null)?.value).toBe('钱进')
    expect($('emergency-unit-row-2')).toBeNull()
  })

  it('warns in the dialog that unsaved changes give way to a written import', async () => {
    const w = await mountPage(EmergencySetup, '/emergency', OFFICER())
    await click('emergency-unit-add')
    expect(text('emergency-dirty')).toBe('有未保存的修改')
    await menuEntries(w)
    await click('emergency-people-import')
    expect(text('emergency-import-unsaved')).toContain('未保存的修改不再保留')
    await pickFile('应急人员.xlsx')
    fetchMock.mockResolvedValueOnce(json(written))
    await click('import-start')
    expect(api.emergency.get).toHaveBeenCalledTimes(2)
    expect($('emergency-dirty')).toBeNull()
    expect($('emergency-import-unsaved')).toBeNull()
  })

  it('is there for the bureau on a school it opens, the import reloading that school', async () => {
    const w = await mountPage(EmergencySetup, '/emergency?unit_id=21', OFFICE())
    expect(await menuEntries(w)).toHaveLength(3)
    await click('emergency-people-import')
    await pickFile('应急人员.xlsx')
    fetchMock.mockResolvedValueOnce(json(written))
    await click('import-start')
    expect(api.emergency.get).toHaveBeenCalledTimes(2)
    expect(api.emergency.get).toHaveBeenLastCalledWith(21)
  })
})
