// 致家长的一封信 as the parents open it (/p/letters/:token): the school, class, term, title and letter
// with its lines; the receipt — the student's name and the relation required, sent to the public
// route without the session cookie — confirmed ("已确认回执：张三的家长，谢谢！"), confirmed before
// (此前已确认过), a closed letter (no form), an unknown link, a full class, a closed letter found on
// sending, too many tries and a field's reason. Nothing but the public routes is asked for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import ParentLetter from '../ParentLetter.vue'
import { publicLetter } from './fixtures'

vi.setConfig({ testTimeout: 30_000 })

interface Call {
  url: string
  method: string
  body: unknown
  credentials: RequestCredentials | undefined
}

const calls: Call[] = []
let answers: Response[] = []

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}
const refusal = (status: number, code: string, message: string, field = '') =>
  json({ error: { code, message, details: field ? [{ field, reason: message }] : [] } }, status)

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  calls.length = 0
  answers = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined, credentials: init.credentials })
      const next = answers.shift()
      if (!next) throw new Error(`no answer for ${url}`)
      return next
    }),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountPage(token = 'tok7AbC') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/p/letters/:token', name: 'parent-letter', component: ParentLetter, meta: { public: true, anonymous: true } }],
  })
  await router.push(`/p/letters/${token}`)
  await router.isReady()
  const w = mount(ParentLetter, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

type Wrapper = Awaited<ReturnType<typeof mountPage>>

async function fill(w: Wrapper, name: string, relation: string | null): Promise<void> {
  await w.find('[data-test="receipt-student"]').setValue(name)
  if (relation) await w.find(`[data-test="relation-${relation}"] input`).setValue(true)
}

async function send(w: Wrapper): Promise<void> {
  // A click on the submit button submits the form, as on a phone.
  await w.find('[data-test="receipt-submit"]').trigger('click')
  await flushPromises()
}

describe('致家长的一封信: the parents’ page', () => {
  it('shows the letter and confirms a receipt: the name and relation to the public route, without the session', async () => {
    answers.push(json(publicLetter()))
    const w = await mountPage()
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/v1/public/letters/tok7AbC', credentials: 'omit' })
    expect(w.find('h1').text()).toBe('家长回执')
    expect(w.find('[data-test="letter-from"]').text()).toBe('示范区双桥小学 三年级2班')
    expect(w.find('[data-test="letter-term"]').text()).toBe('2026—2027学年第一学期')
    expect(w.find('[data-test="letter-title"]').text()).toBe('寒假安全致家长的一封信')
    // The lines as written (the page keeps them with white-space: pre-wrap).
    expect(w.find('[data-test="letter-body"]').element.textContent).toBe('各位家长：\n寒假将至，请注意以下安全事项：\n一、防溺水……')
    expect(w.findAll('[data-test^="relation-"]').map((r) => r.text())).toEqual(['父亲', '母亲', '祖父母/外祖父母', '其他监护人'])
    expect(w.find('[data-test="receipt-submit"]').text()).toBe('确认已阅读')

    // Both are required.
    await send(w)
    expect(calls).toHaveLength(1)
    expect(w.find('[data-test="receipt-student-error"]').text()).toBe('请填写学生姓名')
    expect(w.find('[data-test="receipt-relation-error"]').text()).toBe('请选择与学生的关系')

    await fill(w, ' 张三 ', 'mother')
    answers.push(json({ first: true, student_name: '张三', at: '2026-12-02T01:30:00Z' }, 201))
    await send(w)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ method: 'POST', url: '/api/v1/public/letters/tok7AbC/receipts', credentials: 'omit' })
    expect(calls[1].body).toEqual({ student_name: '张三', relation: 'mother' })
    expect(w.find('[data-test="receipt-done"]').exists()).toBe(true)
    expect(w.find('[data-test="receipt-done"]').text()).toContain('已确认回执：张三的家长，谢谢！')
    expect(w.find('[data-test="receipt-already"]').exists()).toBe(false)
    expect(w.find('[data-test="receipt-form"]').exists()).toBe(false)

    // Again for the same student: counted once, said so.
    await w.find('[data-test="receipt-again"]').trigger('click')
    expect((w.find('[data-test="receipt-student"]').element as HTMLInputElement).value).toBe('')
    await fill(w, '张三', 'father')
    answers.push(json({ first: false, student_name: '张三', at: '2026-12-02T01:30:00Z' }))
    await send(w)
    expect(w.find('[data-test="receipt-done"]').text()).toContain('已确认回执：张三的家长，谢谢！')
    expect(w.find('[data-test="receipt-already"]').text()).toBe('此前已确认过，无需重复提交。')
    // Only the public routes, never the console's (no session, no other parent's data).
    expect(calls.every((c) => c.url.startsWith('/api/v1/public/letters/') && c.credentials === 'omit')).toBe(true)
  })

  it('shows no form once the letter takes no more receipts', async () => {
    answers.push(json(publicLetter({ open: false })))
    const w = await mountPage()
    expect(w.find('[data-test="letter-title"]').text()).toBe('寒假安全致家长的一封信')
    expect(w.find('[data-test="receipt-closed"]').text()).toBe('本信的回执已截止，无需再提交回执。')
    expect(w.find('[data-test="receipt-form"]').exists()).toBe(false)
    expect(w.find('[data-test="receipt-submit"]').exists()).toBe(false)
  })

  it('says an unknown link is not valid', async () => {
    answers.push(refusal(404, 'not_found', '记录不存在'))
    const w = await mountPage('nope')
    expect(w.find('[data-test="letter-invalid"]').text()).toContain('链接无效或已失效')
    expect(w.find('[data-test="parent-letter"]').exists()).toBe(false)
    expect(w.find('[data-test="receipt-form"]').exists()).toBe(false)
  })

  it('tells the parent to contact the class teacher when the class is full, and keeps the form', async () => {
    answers.push(json(publicLetter()))
    const w = await mountPage()
    await fill(w, '李四', 'father')
    answers.push(refusal(409, 'conflict', '本班回执数已超过班级人数', 'letter.full'))
    await send(w)
    expect(w.find('[data-test="receipt-error"]').text()).toBe('本班回执人数已超过班级人数，请联系班主任核对。')
    expect(w.find('[data-test="receipt-form"]').exists()).toBe(true)
    expect(w.find('[data-test="receipt-done"]').exists()).toBe(false)
  })

  it('shows the letter closed when the receipts closed meanwhile', async () => {
    answers.push(json(publicLetter()))
    const w = await mountPage()
    await fill(w, '李四', 'guardian')
    answers.push(refusal(409, 'conflict', '回执已截止', 'letter.closed'))
    await send(w)
    expect(w.find('[data-test="receipt-form"]').exists()).toBe(false)
    expect(w.find('[data-test="receipt-closed"]').exists()).toBe(true)
  })

  it('asks to wait after too many tries, and shows a field’s reason beside it', async () => {
    answers.push(json(publicLetter()))
    const w = await mountPage()
    await fill(w, '李四', 'grandparent')
    answers.push(refusal(429, 'rate_limited', 'too many'))
    await send(w)
    expect(w.find('[data-test="receipt-error"]').text()).toBe('操作过于频繁，请稍后再试。')

    answers.push(refusal(422, 'invalid_argument', '学生姓名含有不可见的控制字符', 'student_name'))
    await send(w)
    expect(w.find('[data-test="receipt-error"]').exists()).toBe(false)
    expect(w.find('[data-test="receipt-student-error"]').text()).toBe('学生姓名含有不可见的控制字符')
  })
})
