// 1530提醒内容: the 45 texts by topic and age group with their sources (默认 / 上级：… / 本单位修改),
// the topic filter, who may edit (edu:content where the unit can_edit), the edit dialog — the body
// sent, the server's reason under the text, a conflict reloading — and 恢复默认 (asked first, the
// DELETE's query, the row as the server answers it), and cards on a phone. The API goes through a
// stubbed fetch, so the methods, paths, queries and bodies are the ones the browser sends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { EduContentUpdate } from '@/api/eduContents'
import { AGE_GROUPS, BUREAU_PERMS, CONTENT_PERMS, CONTENT_TOPICS, SECTION, contentItem, contents, shippedText, user } from './fixtures'

const api = vi.hoisted(() => ({ confirm: vi.fn() }))
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import Contents1530 from '../Contents1530.vue'
import ContentDialog from '../components/ContentDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

interface Call {
  method: string
  url: string
  body: unknown
}

const calls: Call[] = []
/** What the stubbed server answers, by method. */
let server: {
  get: () => Response
  put: (body: EduContentUpdate) => Response
  del: (query: URLSearchParams) => Response
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const refusal = (status: number, code: string, message: string, details: { field: string; reason: string }[] = []) =>
  json({ error: { code, message, details } }, status)

const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
  const call: Call = { method: init.method ?? 'GET', url: String(url), body: init.body === undefined ? undefined : JSON.parse(String(init.body)) }
  calls.push(call)
  const u = new URL(call.url, 'http://x')
  if (u.pathname !== '/api/v1/edu/1530/contents') return refusal(404, 'not_found', '不存在')
  if (call.method === 'PUT') return server.put(call.body as EduContentUpdate)
  if (call.method === 'DELETE') return server.del(u.searchParams)
  return server.get()
})

const ofMethod = (method: string) => calls.filter((c) => c.method === method)

async function mountPage(me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const w = mount(Contents1530, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await settle()
  return w
}

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogOpen = () => {
  const d = $('content-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()
const rowsOf = (w: VueWrapper) => w.findAll('[data-test="contents-table"] .el-table__body tbody tr')
const sourceOf = (row: DOMWrapper<Element>) => row.find('[data-test="row-source"]').text()

async function typeText(value: string): Promise<void> {
  const el = $('content-text') as HTMLTextAreaElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

/** The row of a topic and age group among the 45, in the order of the lists. */
const rowIndex = (topic: string, age: string) =>
  CONTENT_TOPICS.findIndex((o) => o.code === topic) * AGE_GROUPS.length + AGE_GROUPS.findIndex((o) => o.code === age)

const EDITOR = () => user(CONTENT_PERMS, SECTION, 'section_basic')
const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  calls.length = 0
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
  api.confirm.mockReset()
  api.confirm.mockResolvedValue(true)
  server = {
    get: () => json(contents()),
    put: (b) =>
      json(
        contentItem(b.topic, b.age_group, { text: b.text, source: 'own', version: b.version + 1, updated_by: 'section_basic', updated_at: '2026-12-07T03:00:00Z' }),
      ),
    del: (q) =>
      json(
        contentItem(q.get('topic') ?? '', q.get('age_group') ?? '', {
          text: '上级修改的内容。',
          source: 'inherited',
          source_unit_name: '示范区教育局',
          updated_by: 'safety_office',
          updated_at: '2026-11-20T01:00:00Z',
        }),
      ),
  }
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('1530提醒内容: the library', () => {
  it('lists the 45 texts by topic and age group with their sources', async () => {
    const w = await mountPage(EDITOR())
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/edu/1530/contents'])
    expect($('contents-unit')?.textContent).toContain('示范区第一学区当前使用的提醒内容')
    expect($('contents-readonly')).toBeNull()
    const heads = w.findAll('[data-test="contents-table"] thead th').map((th) => th.text())
    expect(heads).toEqual(['主题', '年龄段', '提醒内容', '来源', '操作'])

    const rows = rowsOf(w)
    expect(rows).toHaveLength(45)
    // The topic once per group, spanning its five age groups.
    const topics = w.findAll('[data-test="row-topic"]')
    expect(topics.map((x) => x.text())).toEqual(CONTENT_TOPICS.map((o) => o.label))
    for (const x of topics) expect(x.element.closest('td')?.getAttribute('rowspan')).toBe('5')
    expect(rows.slice(0, 5).map((r) => r.find('[data-test="row-age"]').text())).toEqual(['幼儿园', '小学低年级', '小学高年级', '初中', '高中'])

    // Each row's source: 43 shipped, the bureau's edit, the section's own.
    const sources = rows.map(sourceOf)
    expect(sources.filter((s) => s === '默认')).toHaveLength(43)
    const inherited = rows[rowIndex('drowning', 'lower_primary')]
    expect(sourceOf(inherited)).toBe('上级：示范区教育局')
    expect(inherited.find('[data-test="row-text"]').text()).toBe('不到河边、水塘边玩耍，发现同伴落水要大声呼救。')
    const own = rows[rowIndex('traffic', 'junior')]
    expect(sourceOf(own)).toBe('本单位修改')
    expect(own.find('[data-test="row-age"]').text()).toBe('初中')
    expect(own.find('[data-test="row-text"]').text()).toBe('骑自行车不载人、不逆行，过路口下车推行。')
    expect(own.find('[data-test="row-updated"]').text()).toBe('section_basic 修改于 2026-12-01 10:30')
    const shipped = rows[rowIndex('fraud', 'senior')]
    expect(shipped.find('[data-test="row-text"]').text()).toBe(shippedText('fraud', 'senior'))
    expect(shipped.find('[data-test="row-updated"]').exists()).toBe(false)

    // 编辑 on every row, 恢复默认 only on the unit's own.
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(45)
    expect(w.findAll('[data-test="row-edit"]')[0].text()).toBe('编辑')
    const resets = w.findAll('[data-test="row-reset"]')
    expect(resets).toHaveLength(1)
    expect(resets[0].text()).toBe('恢复默认')
    expect(own.find('[data-test="row-reset"]').exists()).toBe(true)
    expect(w.findComponent(ContentDialog).exists()).toBe(true)
  })

  it('orders the texts by the lists’ topics and age groups whatever order they come in', async () => {
    server.get = () => json(contents({ items: contents().items.reverse() }))
    const w = await mountPage(EDITOR())
    const rows = rowsOf(w)
    expect(rows).toHaveLength(45)
    expect(w.findAll('[data-test="row-topic"]').map((x) => x.text())).toEqual(CONTENT_TOPICS.map((o) => o.label))
    expect(rows[0].find('[data-test="row-text"]').text()).toBe(shippedText('drowning', 'kindergarten'))
    expect(sourceOf(rows[rowIndex('traffic', 'junior')])).toBe('本单位修改')
  })

  it('shows one topic’s five texts when a topic is chosen', async () => {
    const w = await mountPage(EDITOR())
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'contents-topic')!
    expect(select.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['全部主题', ...CONTENT_TOPICS.map((o) => o.label)])
    select.vm.$emit('update:modelValue', 'traffic')
    await flushPromises()
    const rows = rowsOf(w)
    expect(rows).toHaveLength(5)
    expect(w.findAll('[data-test="row-topic"]').map((x) => x.text())).toEqual(['交通安全'])
    expect(rows.map(sourceOf)).toEqual(['默认', '默认', '默认', '本单位修改', '默认'])
    select.vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(rowsOf(w)).toHaveLength(45)
    // Filtering is the page's: nothing asked again.
    expect(ofMethod('GET')).toHaveLength(1)
  })

  it('offers no editing without edu:content', async () => {
    const w = await mountPage(user(BUREAU_PERMS, SECTION, 'section_basic'))
    expect(rowsOf(w)).toHaveLength(45)
    expect(w.findAll('[data-test="contents-table"] thead th').map((th) => th.text())).toEqual(['主题', '年龄段', '提醒内容', '来源'])
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-reset"]').exists()).toBe(false)
    expect(w.findComponent(ContentDialog).exists()).toBe(false)
    expect($('contents-readonly')?.textContent).toBe('本单位只能查看提醒内容，不能修改。')
  })

  it('offers no editing where the unit may not edit, even with edu:content', async () => {
    server.get = () => json(contents({ unit_id: 21, unit_name: '示范区双桥小学', can_edit: false }))
    const w = await mountPage(user(CONTENT_PERMS))
    expect(rowsOf(w)).toHaveLength(45)
    expect(sourceOf(rowsOf(w)[rowIndex('traffic', 'junior')])).toBe('本单位修改')
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-reset"]').exists()).toBe(false)
    expect($('contents-readonly')).not.toBeNull()
  })
})

describe('1530提醒内容: editing', () => {
  it('edits the unit’s own text with the version read and shows the saved row', async () => {
    const w = await mountPage(EDITOR())
    await rowsOf(w)[rowIndex('traffic', 'junior')].find('[data-test="row-edit"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect($('content-heading')?.textContent).toBe('交通安全 · 初中')
    expect($('content-source')?.textContent?.trim()).toBe('本单位修改')
    expect(($('content-text') as HTMLTextAreaElement).value).toBe('骑自行车不载人、不逆行，过路口下车推行。')
    expect(($('content-text') as HTMLTextAreaElement).maxLength).toBe(500)
    // The shipped text below, for reference.
    expect($('content-shipped-text')?.textContent).toBe(shippedText('traffic', 'junior'))

    await typeText('  放学路上不追逐打闹，过马路走斑马线。 ')
    $('content-submit')!.click()
    await settle()
    const puts = ofMethod('PUT')
    expect(puts).toHaveLength(1)
    expect(puts[0].url).toBe('/api/v1/edu/1530/contents')
    expect(puts[0].body).toStrictEqual({ topic: 'traffic', age_group: 'junior', text: '放学路上不追逐打闹，过马路走斑马线。', version: 3 })
    expect(dialogOpen()).toBe(false)
    // The row is the server's answer; nothing read again.
    const row = rowsOf(w)[rowIndex('traffic', 'junior')]
    expect(row.find('[data-test="row-text"]').text()).toBe('放学路上不追逐打闹，过马路走斑马线。')
    expect(row.find('[data-test="row-updated"]').text()).toBe('section_basic 修改于 2026-12-07 11:00')
    expect(ofMethod('GET')).toHaveLength(1)
  })

  it('sends version 0 for a text that was not the unit’s own, which then is', async () => {
    const w = await mountPage(EDITOR())
    const at = rowIndex('drowning', 'lower_primary')
    await rowsOf(w)[at].find('[data-test="row-edit"]').trigger('click')
    await settle()
    expect($('content-source')?.textContent?.trim()).toBe('上级：示范区教育局')
    await typeText('暑假不私自下水游泳。')
    $('content-submit')!.click()
    await settle()
    expect(ofMethod('PUT')[0].body).toStrictEqual({ topic: 'drowning', age_group: 'lower_primary', text: '暑假不私自下水游泳。', version: 0 })
    const row = rowsOf(w)[at]
    expect(sourceOf(row)).toBe('本单位修改')
    expect(row.find('[data-test="row-reset"]').exists()).toBe(true)
    expect(w.findAll('[data-test="row-reset"]')).toHaveLength(2)
  })

  it('asks for a text before sending one', async () => {
    const w = await mountPage(EDITOR())
    await rowsOf(w)[0].find('[data-test="row-edit"]').trigger('click')
    await settle()
    await typeText('   ')
    $('content-submit')!.click()
    await settle()
    expect(ofMethod('PUT')).toHaveLength(0)
    expect(errorOf('content-text')).toBe('请填写提醒内容')
  })

  it('shows the server’s reason for the text under it, and keeps the dialog open', async () => {
    server.put = () => refusal(422, 'invalid_argument', '请检查输入', [{ field: 'text', reason: '提醒内容不能超过 500 个字符' }])
    const w = await mountPage(EDITOR())
    await rowsOf(w)[rowIndex('fire', 'senior')].find('[data-test="row-edit"]').trigger('click')
    await settle()
    await typeText('不在宿舍使用大功率电器。')
    $('content-submit')!.click()
    await settle()
    expect(ofMethod('PUT')[0].body).toStrictEqual({ topic: 'fire', age_group: 'senior', text: '不在宿舍使用大功率电器。', version: 0 })
    expect(errorOf('content-text')).toBe('提醒内容不能超过 500 个字符')
    expect(dialogOpen()).toBe(true)
    // The row keeps the text in force.
    expect(rowsOf(w)[rowIndex('fire', 'senior')].find('[data-test="row-text"]').text()).toBe(shippedText('fire', 'senior'))
  })

  it('says a conflict and reads the library again', async () => {
    server.put = () => refusal(409, 'edu_content.stale', '该提醒内容刚被他人修改，请刷新后再试')
    const w = await mountPage(EDITOR())
    await rowsOf(w)[rowIndex('traffic', 'junior')].find('[data-test="row-edit"]').trigger('click')
    await settle()
    server.get = () =>
      json(contents({ items: contents().items.map((c) => (c.topic === 'traffic' && c.age_group === 'junior' ? { ...c, text: '别人保存的内容。', version: 4 } : c)) }))
    await typeText('我的修改。')
    $('content-submit')!.click()
    await settle()
    expect(ofMethod('PUT')[0].body).toStrictEqual({ topic: 'traffic', age_group: 'junior', text: '我的修改。', version: 3 })
    expect(document.querySelector('.el-message--error')?.textContent).toContain('该提醒内容刚被他人修改')
    expect(dialogOpen()).toBe(false)
    expect(ofMethod('GET')).toHaveLength(2)
    expect(rowsOf(w)[rowIndex('traffic', 'junior')].find('[data-test="row-text"]').text()).toBe('别人保存的内容。')
  })
})

describe('1530提醒内容: 恢复默认', () => {
  it('asks, then DELETEs the topic and age group and shows the text as it now stands', async () => {
    const w = await mountPage(EDITOR())
    const at = rowIndex('traffic', 'junior')
    await rowsOf(w)[at].find('[data-test="row-reset"]').trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledTimes(1)
    expect(api.confirm.mock.calls[0][0]).toContain('“交通安全 · 初中”的提醒内容恢复默认')
    const dels = ofMethod('DELETE')
    expect(dels).toHaveLength(1)
    expect(dels[0].url).toBe('/api/v1/edu/1530/contents?topic=traffic&age_group=junior')
    expect(dels[0].body).toBeUndefined()
    const row = rowsOf(w)[at]
    expect(sourceOf(row)).toBe('上级：示范区教育局')
    expect(row.find('[data-test="row-text"]').text()).toBe('上级修改的内容。')
    expect(row.find('[data-test="row-reset"]').exists()).toBe(false)
    expect(w.findAll('[data-test="row-reset"]')).toHaveLength(0)
    expect(ofMethod('GET')).toHaveLength(1)
  })

  it('back to the shipped text when no bureau above edited it', async () => {
    server.del = (q) => json(contentItem(q.get('topic') ?? '', q.get('age_group') ?? ''))
    const w = await mountPage(EDITOR())
    const at = rowIndex('traffic', 'junior')
    await rowsOf(w)[at].find('[data-test="row-reset"]').trigger('click')
    await settle()
    expect(sourceOf(rowsOf(w)[at])).toBe('默认')
    expect(rowsOf(w)[at].find('[data-test="row-text"]').text()).toBe(shippedText('traffic', 'junior'))
    expect(rowsOf(w).map(sourceOf).filter((s) => s === '默认')).toHaveLength(44)
  })

  it('does nothing when the question is declined', async () => {
    api.confirm.mockResolvedValue(false)
    const w = await mountPage(EDITOR())
    await rowsOf(w)[rowIndex('traffic', 'junior')].find('[data-test="row-reset"]').trigger('click')
    await settle()
    expect(ofMethod('DELETE')).toHaveLength(0)
    expect(sourceOf(rowsOf(w)[rowIndex('traffic', 'junior')])).toBe('本单位修改')
  })
})

describe('1530提醒内容: on a phone', () => {
  it('shows a card per age group under each topic, with the same sources and actions', async () => {
    window.innerWidth = 375
    const w = await mountPage(EDITOR())
    expect(w.find('[data-test="contents-table"]').exists()).toBe(false)
    expect(w.findAll('[data-test="group-title"]').map((x) => x.text())).toEqual(CONTENT_TOPICS.map((o) => o.label))
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(45)
    expect(cards.map((c) => c.find('[data-test="row-source"]').text()).filter((s) => s === '默认')).toHaveLength(43)
    const traffic = w.find('[data-test="group-traffic"]').findAll('[data-test="card"]')
    expect(traffic.map((c) => c.find('[data-test="card-age"]').text())).toEqual(AGE_GROUPS.map((o) => o.label))
    expect(traffic[3].find('[data-test="row-source"]').text()).toBe('本单位修改')
    expect(traffic[3].find('[data-test="card-text"]').text()).toBe('骑自行车不载人、不逆行，过路口下车推行。')
    expect(w.find('[data-test="group-drowning"]').findAll('[data-test="card"]')[1].find('[data-test="row-source"]').text()).toBe('上级：示范区教育局')
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(45)
    expect(w.findAll('[data-test="row-reset"]')).toHaveLength(1)

    await traffic[3].find('[data-test="row-reset"]').trigger('click')
    await settle()
    expect(ofMethod('DELETE')[0].url).toBe('/api/v1/edu/1530/contents?topic=traffic&age_group=junior')
    expect(w.find('[data-test="group-traffic"]').findAll('[data-test="card"]')[3].find('[data-test="row-source"]').text()).toBe('上级：示范区教育局')
  })

  it('shows the cards without actions to a reader', async () => {
    window.innerWidth = 375
    const w = await mountPage(user(BUREAU_PERMS, SECTION, 'section_basic'))
    expect(w.findAll('[data-test="card"]')).toHaveLength(45)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-reset"]').exists()).toBe(false)
  })
})

