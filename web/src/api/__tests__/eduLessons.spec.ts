import { afterEach, describe, expect, it, vi } from 'vitest'
import { eduLessonsApi } from '@/api/eduLessons'

interface Call {
  url: string
  method: string
  body: unknown
}

function stubFetch(respond: (url: string) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) })
      return respond(url)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })
const file = (name: string) =>
  new Response('xlsx', { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

afterEach(() => vi.unstubAllGlobals())

describe('edu api: safety education records and the calendar', () => {
  it('reads the themes, the records and the calendar with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await eduLessonsApi.themes()
    await eduLessonsApi.themes(2025)
    await eduLessonsApi.list()
    await eduLessonsApi.list({ school_id: 21, theme: 'other', observance: 'fire_month', from: '2026-11-01', to: '2026-11-30', q: '消防', page: 2, page_size: 20, sort: '-date' })
    await eduLessonsApi.get(5)
    await eduLessonsApi.calendar()
    await eduLessonsApi.calendar({ school_id: 21, year: 2026 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/themes',
      'GET /api/v1/edu/themes?year=2025',
      'GET /api/v1/edu/lessons',
      'GET /api/v1/edu/lessons?school_id=21&theme=other&observance=fire_month&from=2026-11-01&to=2026-11-30&q=%E6%B6%88%E9%98%B2&page=2&page_size=20&sort=-date',
      'GET /api/v1/edu/lessons/5',
      'GET /api/v1/edu/calendar',
      'GET /api/v1/edu/calendar?school_id=21&year=2026',
    ])
  })

  it('exports the filters without paging or sort (the export refuses them)', async () => {
    const calls = stubFetch(() => file('安全教育活动.xlsx'))
    const d = await eduLessonsApi.export({ school_id: 21, theme: 'bullying', page: 3, page_size: 50, sort: 'school' })
    expect(calls[0].url).toBe('/api/v1/edu/lessons/export?school_id=21&theme=bullying')
    expect(d.filename).toBe('安全教育活动.xlsx')
  })

  it('records, edits and deletes at the contract’s routes with its bodies', async () => {
    const calls = stubFetch((u) => (u.endsWith('/6') && calls.at(-1)?.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 6 })))
    const body = { date: '2026-11-30', theme: 'other', observance: 'fire_month', title: '消防宣传月主题班会', whole_school: true, participants: 120 }
    await eduLessonsApi.create({ school_id: 21, ...body, file_ids: [41] })
    await eduLessonsApi.update(6, { ...body, version: 2 })
    await eduLessonsApi.remove(6)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/edu/lessons', 'PUT /api/v1/edu/lessons/6', 'DELETE /api/v1/edu/lessons/6'])
    expect(calls[0].body).toEqual({ school_id: 21, ...body, file_ids: [41] })
    expect(calls[1].body).toEqual({ ...body, version: 2 })
  })
})
