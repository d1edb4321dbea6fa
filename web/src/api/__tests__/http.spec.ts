import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, buildUrl, filenameOf, http, onSessionExpired, request, setCsrfToken } from '../http'

function reply(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('request wrapper', () => {
  it('sends the CSRF header on writes but not on reads', async () => {
    const fetchMock = vi.fn(async () => reply(200, { ok: true }))
    vi.stubGlobal('fetch', fetchMock)
    setCsrfToken('abc123')
    await http.get('/api/v1/schools', { page: 2, q: '', stage: undefined })
    await http.post('/api/v1/schools', { name: 'x' })
    const [getUrl, getInit] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    const [, postInit] = fetchMock.mock.calls[1] as unknown as [string, RequestInit]
    expect(getUrl).toBe('/api/v1/schools?page=2')
    expect((getInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
    expect((postInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc123')
    expect(postInit.body).toBe('{"name":"x"}')
  })

  it('turns the error envelope into an ApiError with field errors', async () => {
    vi.stubGlobal('fetch', async () =>
      reply(422, {
        error: {
          code: 'invalid_argument',
          message: '参数错误',
          details: [{ field: 'name', reason: '不能为空' }],
          request_id: 'r1',
        },
      }),
    )
    const err = await http.post('/api/v1/schools', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.status).toBe(422)
    expect(e.message).toBe('参数错误')
    expect(e.requestId).toBe('r1')
    expect(e.fieldErrors()).toEqual({ name: '不能为空' })
  })

  it('reports an expired session once to the registered handler', async () => {
    const seen: string[] = []
    onSessionExpired((m) => seen.push(m))
    vi.stubGlobal('fetch', async () =>
      reply(401, { error: { code: 'unauthenticated', message: '会话已过期，请重新登录', details: [] } }),
    )
    await expect(http.get('/api/v1/schools')).rejects.toBeInstanceOf(ApiError)
    expect(seen).toEqual(['会话已过期，请重新登录'])
  })

  it('sends a public request (a parent’s letter) without the cookie or CSRF header, and a 401 is no expired session', async () => {
    const seen: string[] = []
    onSessionExpired((m) => seen.push(m))
    setCsrfToken('abc123')
    const fetchMock = vi.fn(async () => reply(401, { error: { code: 'unauthenticated', message: '请先登录', details: [] } }))
    vi.stubGlobal('fetch', fetchMock)
    await expect(request('POST', '/api/v1/public/letters/t/receipts', { body: {}, anonymous: true })).rejects.toBeInstanceOf(ApiError)
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init.credentials).toBe('omit')
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined()
    expect(seen).toEqual([])
  })

  it('gives 204 answers as undefined', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }))
    await expect(http.del('/api/v1/schools/1')).resolves.toBeUndefined()
  })
})

describe('helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildUrl('/x', { a: 1, b: '', c: null, d: false })).toBe('/x?a=1&d=false')
    expect(buildUrl('/x')).toBe('/x')
  })
  it('prefers the UTF-8 file name of Content-Disposition', () => {
    expect(
      filenameOf(`attachment; filename="export.xlsx"; filename*=UTF-8''%E5%AD%A6%E6%A0%A1.xlsx`, '/a/b'),
    ).toBe('学校.xlsx')
    expect(filenameOf('attachment; filename="export.csv"', '/a/b')).toBe('export.csv')
    expect(filenameOf(null, '/api/v1/schools/export')).toBe('export')
  })
})
