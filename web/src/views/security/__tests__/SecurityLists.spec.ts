// 导入/导出 of the record's lists (保安员, 一键报警, 护学岗) on the school's record and the bureau's
// board: who sees it, the import dialog each list opens (paths, query, all or nothing), the upload
// and the reload after it, and the export of each list. Requests go through a stubbed fetch, so the
// paths are the ones the browser would ask for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { securityBoard, securityRecord } from './fixtures'

const api = vi.hoisted(() => ({
  security: { get: vi.fn(), save: vi.fn(), board: vi.fn(), export: vi.fn(), rounds: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/security', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/security')>()
  return { ...real, securityApi: api.security }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import SecurityRecord from '../SecurityRecord.vue'
import SecurityBoard from '../SecurityBoard.vue'
import ImportDialog from '@/components/ImportDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const OFFICER = ['security:read', 'security:record']
const LISTS = ['guards', 'alarms', 'posts'] as const
const NAMES = { guards: '保安员', alarms: '一键报警', posts: '护学岗' }

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

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/security/schools/:id(\\d+)', name: 'security-record', component: Stub },
      { path: '/security/board', name: 'security-board', component: Stub },
      { path: '/security/rounds', name: 'security-rounds', component: Stub },
      { path: '/security/rounds/:id(\\d+)', name: 'security-round', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router], stubs: { EChart: true } }, attachTo: document.body })
  await flushPromises()
  return w
}

const q = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)

/** Opens the 导入/导出 menu and picks an entry. */
async function choose(w: VueWrapper, test: string): Promise<void> {
  await w.find('[data-test="security-lists"]').trigger('click')
  await flushPromises()
  const item = q(test)
  expect(item, test).not.toBeNull()
  item!.click()
  await flushPromises()
}

/** The entries of the menu, opened. */
async function menuEntries(w: VueWrapper): Promise<string[]> {
  await w.find('[data-test="security-lists"]').trigger('click')
  await flushPromises()
  return [...document.querySelectorAll('[data-test^="security-import-"], [data-test^="security-export-"]')]
    .map((e) => e.getAttribute('data-test') ?? '')
    .filter((t) => t !== 'security-import-note')
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

async function pickFile(name: string): Promise<void> {
  const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

const fetchMock = vi.fn()

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.security)) fn.mockReset()
  api.saveDownload.mockReset()
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  api.security.get.mockResolvedValue(securityRecord())
  api.security.board.mockResolvedValue(securityBoard())
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('导入/导出 on the school’s record', () => {
  it('is offered to those who edit the record: an import and an export of each list', async () => {
    const w = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    expect(w.find('[data-test="security-lists"]').text()).toBe('导入/导出')
    expect(await menuEntries(w)).toEqual([
      'security-import-guards',
      'security-import-alarms',
      'security-import-posts',
      'security-export-guards',
      'security-export-alarms',
      'security-export-posts',
    ])
    expect(q('security-import-alarms')?.textContent?.trim()).toBe('导入一键报警')
    expect(q('security-export-guards')?.textContent?.trim()).toBe('导出保安员名册')
  })

  it('is not offered to a reader of the record, nor when the server says the record is not theirs to edit', async () => {
    api.security.get.mockResolvedValue(securityRecord({ can_edit: false }))
    const reader = await mountPage(SecurityRecord, '/security/schools/21', user(['security:read'], BUREAU))
    expect(reader.find('[data-test="security-lists"]').exists()).toBe(false)
    expect(reader.findComponent(ImportDialog).exists()).toBe(false)
    reader.unmount()
    document.body.innerHTML = ''

    const other = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    expect(other.find('[data-test="security-lists"]').exists()).toBe(false)
  })

  it.each(LISTS)('opens the import of %s: all or nothing, the list as the query of the upload and the template', async (list) => {
    const w = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    await choose(w, `security-import-${list}`)
    const dialog = w.findComponent(ImportDialog)
    expect(dialog.props()).toMatchObject({
      modelValue: true,
      what: NAMES[list],
      importPath: '/api/v1/security/import',
      templatePath: '/api/v1/security/import-template',
      templateQuery: { list },
      extraQuery: { list },
      allowUpdate: false,
      allowPartial: false,
      sendFormat: true,
    })
    expect(q('import-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe(`导入${NAMES[list]}`)
    expect(q('security-import-note')?.textContent).toContain(`其${NAMES[list]}整体替换为文件中的行`)
    // Neither 更新已存在的记录 nor 仅导入正确的行.
    expect(document.querySelectorAll('[data-test="import-dialog"] .el-checkbox')).toHaveLength(0)

    // The template asked for is the list's.
    fetchMock.mockResolvedValueOnce(new Response(new Blob(['x']), { status: 200 }))
    q('template')!.click()
    await flushPromises()
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/v1/security/import-template?list=${list}`)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('uploads the file with its list and format; a refused file stays listed, a written one reloads the record', async () => {
    const w = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    expect(api.security.get).toHaveBeenCalledTimes(1)
    await choose(w, 'security-import-alarms')
    await pickFile('一键报警.xlsx')

    fetchMock.mockResolvedValueOnce(
      json({ rows: 2, created: 0, updated: 0, removed: 0, failed: 1, applied: false, errors: [{ row: 3, column: '联网110', reason: '应为“是”或“否”' }] }, 422),
    )
    q('import-start')!.click()
    await flushPromises()
    const [url, init] = fetchMock.mock.calls[0]
    expect(String(url).split('?')[0]).toBe('/api/v1/security/import')
    expect(Object.fromEntries(new URLSearchParams(String(url).split('?')[1]))).toEqual({ list: 'alarms', format: 'xlsx' })
    expect((init as RequestInit).method).toBe('POST')
    expect(q('import-summary')?.textContent).toContain('共 1 行有错误')
    expect(q('import-errors')?.textContent).toContain('应为“是”或“否”')
    expect(api.security.get).toHaveBeenCalledTimes(1)

    api.security.get.mockResolvedValue(securityRecord({ version: 4, alarms: [{ id: 9, location: '校门岗亭', linked_110: true, linked_bureau: true, last_test: '2026-12-01' }] }))
    fetchMock.mockResolvedValueOnce(json({ rows: 1, created: 1, updated: 0, removed: 1, failed: 0, applied: true, errors: [] }))
    q('import-start')!.click()
    await flushPromises()
    expect(q('import-summary')?.textContent).toContain('导入完成：新增 1 条，更新 0 条，删除 1 条')
    expect(api.security.get).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="view-alarm"]').text()).toContain('校门岗亭')
  })

  it('closes an open form when a list is imported: the record is shown as stored', async () => {
    const w = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    await w.find('[data-test="security-edit"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="security-form"]').exists()).toBe(true)
    await choose(w, 'security-import-guards')
    await pickFile('保安员.csv')
    fetchMock.mockResolvedValueOnce(json({ rows: 2, created: 1, updated: 1, removed: 0, failed: 0, applied: true, errors: [] }))
    q('import-start')!.click()
    await flushPromises()
    expect(Object.fromEntries(new URLSearchParams(String(fetchMock.mock.calls[0][0]).split('?')[1]))).toEqual({ list: 'guards', format: 'csv' })
    expect(api.security.get).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="security-form"]').exists()).toBe(false)
    expect(w.find('[data-test="security-view"]').exists()).toBe(true)
  })

  it.each(LISTS)('exports %s from the list’s path', async (list) => {
    const w = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    fetchMock.mockResolvedValueOnce(
      new Response(new Blob(['x']), { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('名册.xlsx')}` } }),
    )
    await choose(w, `security-export-${list}`)
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/v1/security/export?list=${list}`)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
    expect(api.saveDownload.mock.calls[0][0].filename).toBe('名册.xlsx')
    expect(w.findComponent(ImportDialog).props('modelValue')).toBe(false)
  })
})

describe('导入/导出 on the bureau’s board', () => {
  it('offers the import to holders of security:record, and reloads the board after it', async () => {
    const w = await mountPage(SecurityBoard, '/security/board', user(OFFICER, BUREAU))
    expect(api.security.board).toHaveBeenCalledTimes(1)
    expect(w.find('[data-test="security-lists"]').text()).toBe('导入/导出')
    expect(await menuEntries(w)).toHaveLength(6)
    q('security-import-posts')!.click()
    await flushPromises()
    expect(w.findComponent(ImportDialog).props()).toMatchObject({ modelValue: true, what: '护学岗', templateQuery: { list: 'posts' }, extraQuery: { list: 'posts' } })
    await pickFile('护学岗.xlsx')
    fetchMock.mockResolvedValueOnce(json({ rows: 4, created: 2, updated: 2, removed: 0, failed: 0, applied: true, errors: [] }))
    q('import-start')!.click()
    await flushPromises()
    expect(Object.fromEntries(new URLSearchParams(String(fetchMock.mock.calls[0][0]).split('?')[1]))).toEqual({ list: 'posts', format: 'xlsx' })
    // Nothing removed: the summary says no more than the counts.
    expect(q('import-summary')?.textContent?.trim()).toBe('导入完成：新增 2 条，更新 2 条')
    expect(api.security.board).toHaveBeenCalledTimes(2)
  })

  it('offers only the exports to a reader of the board', async () => {
    const w = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    expect(w.find('[data-test="security-lists"]').text()).toBe('导出台账')
    expect(await menuEntries(w)).toEqual(['security-export-guards', 'security-export-alarms', 'security-export-posts'])
    expect(w.findComponent(ImportDialog).exists()).toBe(false)
    fetchMock.mockResolvedValueOnce(new Response(new Blob(['x']), { status: 200 }))
    q('security-export-alarms')!.click()
    await flushPromises()
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/security/export?list=alarms')
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
    // The board's own export is unchanged.
    expect(api.security.export).not.toHaveBeenCalled()
  })
})
