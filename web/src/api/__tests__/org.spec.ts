import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { departmentsApi, fetchAll, MAX_PAGE_SIZE, regionsApi, schoolsApi, unitsApi } from '@/api/org'

interface Call {
  url: string
  method: string
  body: unknown
}

function stubFetch(respond: (url: string, init: RequestInit) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined })
      return respond(url, init)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) =>
  new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => vi.unstubAllGlobals())

describe('org api', () => {
  it('sends only the school filters that are set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await schoolsApi.list({ q: '小学', stage: 'primary', boarding: false, page: 2, page_size: 20, sort: '-students' })
    const u = new URL(calls[0].url, 'http://x')
    expect(u.pathname).toBe('/api/v1/schools')
    expect(Object.fromEntries(u.searchParams)).toEqual({
      q: '小学',
      stage: 'primary',
      boarding: 'false',
      page: '2',
      page_size: '20',
      sort: '-students',
    })
  })

  it('posts, puts and deletes at the documented paths', async () => {
    const calls = stubFetch((_u, init) => (init.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 7 })))
    await schoolsApi.update(7, { code: 'S1', name: 'n', region_code: '990102', stage: 'primary', ownership: 'public', location_type: 'urban' })
    await unitsApi.create({ kind: 'section', name: '安全科', region_code: '990102', parent_id: 1 })
    await departmentsApi.remove(51)
    await regionsApi.rename('990102', { name: '新区' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/v1/schools/7',
      'POST /api/v1/units',
      'DELETE /api/v1/departments/51',
      'PUT /api/v1/regions/990102',
    ])
    expect(calls[1].body).toEqual({ kind: 'section', name: '安全科', region_code: '990102', parent_id: 1 })
    expect(calls[3].body).toEqual({ name: '新区' })
  })

  it('exports with the filters and the format', async () => {
    const calls = stubFetch(
      () =>
        new Response('x', {
          status: 200,
          headers: { 'Content-Disposition': "attachment; filename*=UTF-8''%E5%AD%A6%E6%A0%A1%E5%90%8D%E5%86%8C.csv" },
        }),
    )
    const file = await schoolsApi.export({ ownership: 'private', sort: 'name' }, 'csv')
    expect(file.filename).toBe('学校名册.csv')
    const u = new URL(calls[0].url, 'http://x')
    expect(u.pathname).toBe('/api/v1/schools/export')
    expect(Object.fromEntries(u.searchParams)).toEqual({ ownership: 'private', sort: 'name', format: 'csv' })
  })

  it('turns a 404 into an ApiError', async () => {
    stubFetch(() => json({ error: { code: 'not_found', message: '学校 22 不存在', details: [] } }, 404))
    await expect(schoolsApi.get(22)).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.status === 404)
  })

  it('reads every page of a long list', async () => {
    const total = MAX_PAGE_SIZE + 3
    const pages: number[] = []
    const all = await fetchAll(async (page, size) => {
      pages.push(page)
      const start = (page - 1) * size
      const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i)
      return { items, total }
    })
    expect(pages).toEqual([1, 2])
    expect(all).toHaveLength(total)
    expect(all[total - 1]).toBe(total - 1)
  })

  it('lists all units with the largest page size', async () => {
    const calls = stubFetch(() => json({ items: [{ id: 1 }], total: 1 }))
    const units = await unitsApi.listAll({ kind: 'cluster' })
    expect(units).toHaveLength(1)
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe(`/api/v1/units?kind=cluster&page=1&page_size=${MAX_PAGE_SIZE}`)
  })
})
