import { afterEach, describe, expect, it, vi } from 'vitest'
import { DUTY_RULES, DUTY_STATES, dutiesApi } from '@/api/duties'
import { ApiError, onSessionExpired, setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: BodyInit | null | undefined
  headers: Record<string, string>
}

function stubFetch(respond: (url: string, method: string) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body, headers: init.headers as Record<string, string> })
      return respond(url, init.method ?? 'GET')
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })
const file = (name: string) =>
  new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
  onSessionExpired(() => {})
})

describe('duties api: 安全责任', () => {
  it('names the states and the rules in the pages’ order', () => {
    expect(DUTY_STATES).toEqual(['signed', 'unsigned', 'outdated'])
    expect(DUTY_RULES).toEqual(['duty.signed', 'duty.areas'])
  })

  it('reads the templates, a school’s lists (a school user’s own without unit_id), a list, the user’s own, the areas and the board', async () => {
    const calls = stubFetch(() => json({}))
    await dutiesApi.templates()
    await dutiesApi.lists(21)
    await dutiesApi.lists()
    await dutiesApi.list(7)
    await dutiesApi.mine()
    await dutiesApi.areas(21)
    await dutiesApi.board()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/duties/templates',
      'GET /api/v1/duties/lists?unit_id=21',
      'GET /api/v1/duties/lists',
      'GET /api/v1/duties/lists/7',
      'GET /api/v1/duties/mine',
      'GET /api/v1/duties/areas/21',
      'GET /api/v1/duties/board',
    ])
  })

  it('writes a template, a list and the areas as JSON with the CSRF header and the version read', async () => {
    setCsrfToken('tok')
    const calls = stubFetch((_url, method) => json({ id: 1 }, method === 'POST' ? 201 : 200))
    await dutiesApi.saveTemplate('principal', { items: ['对学校安全工作全面负责'], version: 2 })
    await dutiesApi.createList({ unit_id: 21, user_id: 9, posts: ['principal'], local_items: [] })
    await dutiesApi.updateList(7, { posts: ['principal', 'safety_vp'], local_items: ['分管食堂'], version: 3 })
    await dutiesApi.saveAreas(21, { version: 1, areas: [{ area: 'canteen', applicable: false, owner_user_id: null }] })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/v1/duties/templates/principal',
      'POST /api/v1/duties/lists',
      'PUT /api/v1/duties/lists/7',
      'PUT /api/v1/duties/areas/21',
    ])
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'tok')).toBe(true)
    expect(JSON.parse(String(calls[0].body))).toEqual({ items: ['对学校安全工作全面负责'], version: 2 })
    expect(JSON.parse(String(calls[2].body))).toMatchObject({ version: 3, local_items: ['分管食堂'] })
    expect(JSON.parse(String(calls[3].body)).areas[0]).toEqual({ area: 'canteen', applicable: false, owner_user_id: null })
  })

  it('signs with the version read and the password; a wrong password does not end the session', async () => {
    setCsrfToken('tok')
    const expired = vi.fn()
    onSessionExpired(expired)
    let answer = json({ id: 7, state: 'signed' })
    const calls = stubFetch(() => answer)
    await dutiesApi.sign(7, { version: 3, password: 'Secret-1' })
    expect(`${calls[0].method} ${calls[0].url}`).toBe('POST /api/v1/duties/lists/7/sign')
    expect(JSON.parse(String(calls[0].body))).toEqual({ version: 3, password: 'Secret-1' })
    expect(calls[0].headers['X-CSRF-Token']).toBe('tok')

    answer = json({ error: { code: 'unauthenticated', message: '密码不正确，签字未生效', details: [{ field: 'password', reason: '密码不正确，签字未生效' }] } }, 401)
    const e = await dutiesApi.sign(7, { version: 3, password: 'wrong' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).details[0].field).toBe('password')
    expect(expired).not.toHaveBeenCalled()
  })

  it('downloads a school’s lists and the board as workbooks with the server’s names', async () => {
    const calls = stubFetch((url) => file(url.includes('/board/') ? '责任落实看板.xlsx' : '安全工作职责清单.xlsx'))
    expect((await dutiesApi.exportLists(21)).filename).toBe('安全工作职责清单.xlsx')
    expect((await dutiesApi.exportLists()).filename).toBe('安全工作职责清单.xlsx')
    expect((await dutiesApi.exportBoard()).filename).toBe('责任落实看板.xlsx')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/duties/lists/export?unit_id=21', '/api/v1/duties/lists/export', '/api/v1/duties/board/export'])
  })

  it('reads 安全述职 of a school and a year (a school user’s own school, this year, without them)', async () => {
    const calls = stubFetch(() => json({ unit_id: 21, year: 2025 }))
    expect(await dutiesApi.year(21, 2025)).toEqual({ unit_id: 21, year: 2025 })
    await dutiesApi.year(21)
    await dutiesApi.year(undefined, 2024)
    await dutiesApi.year()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/duties/year?unit_id=21&year=2025',
      'GET /api/v1/duties/year?unit_id=21',
      'GET /api/v1/duties/year?year=2024',
      'GET /api/v1/duties/year',
    ])
  })

  it('downloads 安全述职 as a workbook with the server’s name', async () => {
    const calls = stubFetch(() => file('安全述职.xlsx'))
    expect((await dutiesApi.yearExport(21, 2025)).filename).toBe('安全述职.xlsx')
    expect((await dutiesApi.yearExport()).filename).toBe('安全述职.xlsx')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/duties/year/export?unit_id=21&year=2025', '/api/v1/duties/year/export'])
  })

  it('tells a year refused (422 year) and a school outside the scope (404) as errors', async () => {
    let answer = json({ error: { code: 'invalid_argument', message: '字段 year 无效：年份须在 2000 至 2026 之间', details: [{ field: 'year', reason: '年份须在 2000 至 2026 之间' }] } }, 422)
    stubFetch(() => answer)
    const e = await dutiesApi.year(21, 1999).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(422)
    expect((e as ApiError).details[0].field).toBe('year')
    answer = json({ error: { code: 'not_found', message: '学校不存在或不在您的管辖范围内', details: [] } }, 404)
    expect(((await dutiesApi.year(99).catch((x: unknown) => x)) as ApiError).status).toBe(404)
  })
})

describe('duties api: 科室述职', () => {
  it('reads a section’s year (a section user’s own section, this year, without them)', async () => {
    const calls = stubFetch(() => json({ section_id: 3, year: 2025 }))
    expect(await dutiesApi.sectionYear(3, 2025)).toEqual({ section_id: 3, year: 2025 })
    await dutiesApi.sectionYear(3)
    await dutiesApi.sectionYear(undefined, 2024)
    await dutiesApi.sectionYear()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/duties/year/section?section_id=3&year=2025',
      'GET /api/v1/duties/year/section?section_id=3',
      'GET /api/v1/duties/year/section?year=2024',
      'GET /api/v1/duties/year/section',
    ])
  })

  it('downloads 科室述职 as a workbook with the server’s name', async () => {
    const calls = stubFetch(() => file('科室述职.xlsx'))
    expect((await dutiesApi.sectionYearExport(3, 2025)).filename).toBe('科室述职.xlsx')
    expect((await dutiesApi.sectionYearExport()).filename).toBe('科室述职.xlsx')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/duties/year/section/export?section_id=3&year=2025', '/api/v1/duties/year/section/export'])
  })

  it('tells a bureau user without a section (422 section_id), a school (403) and another section (404) as errors', async () => {
    let answer = json({ error: { code: 'invalid_argument', message: '字段 section_id 无效：请选择科室', details: [{ field: 'section_id', reason: '请选择科室' }] } }, 422)
    stubFetch(() => answer)
    const e = await dutiesApi.sectionYear().catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(422)
    expect((e as ApiError).details[0].field).toBe('section_id')
    answer = json({ error: { code: 'forbidden', message: '无权查看科室述职', details: [] } }, 403)
    expect(((await dutiesApi.sectionYear().catch((x: unknown) => x)) as ApiError).status).toBe(403)
    answer = json({ error: { code: 'not_found', message: '科室不存在', details: [] } }, 404)
    expect(((await dutiesApi.sectionYear(99).catch((x: unknown) => x)) as ApiError).status).toBe(404)
  })
})
