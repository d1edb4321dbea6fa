import { afterEach, describe, expect, it, vi } from 'vitest'
import { WATER_KINDS, WATER_MEASURES, eduWatersApi } from '@/api/eduWaters'
import { ApiError, setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: unknown
  headers: Record<string, string>
}

function stubFetch(respond: (url: string, method: string) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET'
      calls.push({ url, method, body: init.body === undefined ? undefined : JSON.parse(String(init.body)), headers: init.headers as Record<string, string> })
      return respond(url, method)
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
})

describe('edu api: water near the schools', () => {
  it('names the seven kinds with the server’s labels and the four measures in the order of the gaps', () => {
    expect(WATER_KINDS.map((k) => `${k.code}:${k.label}`)).toEqual([
      'pond:池塘',
      'river:河流',
      'reservoir:水库',
      'canal:沟渠',
      'lake:湖泊',
      'pit:坑塘（采砂坑、废弃矿坑）',
      'other:其他水域',
    ])
    expect(WATER_MEASURES).toEqual(['warning_sign', 'fence', 'rescue_gear', 'patrol'])
  })

  it('reads the waters, a water and the board with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await eduWatersApi.list()
    await eduWatersApi.list({ school_id: 21, kind: 'pond', gaps: true, priority: true, q: '大塘', include_inactive: true, page: 2, page_size: 20 })
    await eduWatersApi.get(3)
    await eduWatersApi.board()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/waters',
      'GET /api/v1/edu/waters?school_id=21&kind=pond&gaps=true&priority=true&q=%E5%A4%A7%E5%A1%98&include_inactive=true&page=2&page_size=20',
      'GET /api/v1/edu/waters/3',
      'GET /api/v1/edu/waters/board',
    ])
  })

  it('exports the filters without paging as 周边水域风险.xlsx', async () => {
    const calls = stubFetch(() => file('周边水域风险.xlsx'))
    const d = await eduWatersApi.export({ school_id: 21, gaps: true, page: 3, page_size: 50 })
    expect(calls[0].url).toBe('/api/v1/edu/waters/export?school_id=21&gaps=true')
    expect(d.filename).toBe('周边水域风险.xlsx')
  })

  it('adds, edits and deletes at the contract’s routes with its bodies and the CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => (m === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 6 }, m === 'POST' ? 201 : 200)))
    const body = {
      name: '村东大塘',
      kind: 'pond',
      distance_m: 300,
      location: '学校东侧',
      warning_sign: true,
      fence: false,
      rescue_gear: false,
      patrol: false,
      keeper: '青石村委会',
      checked_on: '2026-12-07',
      note: '',
    }
    await eduWatersApi.create({ school_id: 21, ...body })
    await eduWatersApi.update(6, { ...body, active: false, version: 2 })
    await eduWatersApi.remove(6)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/edu/waters', 'PUT /api/v1/edu/waters/6', 'DELETE /api/v1/edu/waters/6'])
    expect(calls[0].body).toEqual({ school_id: 21, ...body })
    expect(calls[1].body).toEqual({ ...body, active: false, version: 2 })
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('turns a stale edit into an ApiError naming edu_water.stale', async () => {
    stubFetch(() => json({ error: { code: 'conflict', message: '该水域刚被他人修改', details: [{ field: 'edu_water.stale', reason: '版本已过期' }] } }, 409))
    const e = await eduWatersApi.update(6, { name: 'x', kind: 'pond', distance_m: 1, location: '', warning_sign: false, fence: false, rescue_gear: false, patrol: false, keeper: '', checked_on: '2026-12-07', note: '', active: true, version: 1 }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(409)
    expect((e as ApiError).fieldErrors()).toEqual({ 'edu_water.stale': '版本已过期' })
  })
})
