import { afterEach, describe, expect, it, vi } from 'vitest'
import { eduLettersApi, parentLetterPath, publicLettersApi } from '@/api/eduLetters'
import { ApiError, setCsrfToken } from '@/api/http'

interface Call {
  url: string
  method: string
  body: unknown
  credentials: RequestCredentials | undefined
  headers: Record<string, string>
}

function stubFetch(respond: (url: string, method: string) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET'
      calls.push({
        url,
        method,
        body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
        credentials: init.credentials,
        headers: init.headers as Record<string, string>,
      })
      return respond(url, method)
    }),
  )
  return calls
}

const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { 'Content-Type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('edu api: letters to the parents', () => {
  it('reads the letters, a letter, its classes, its receipts and the board with only the parameters set', async () => {
    const calls = stubFetch(() => json({ items: [], total: 0 }))
    await eduLettersApi.list()
    await eduLettersApi.list({ school_id: 21, school_year: 2026, term: 2, status: 'published', page: 2, page_size: 20 })
    await eduLettersApi.get(5)
    await eduLettersApi.classes(5)
    await eduLettersApi.receipts(5)
    await eduLettersApi.receipts(5, 7)
    await eduLettersApi.board()
    await eduLettersApi.board({ school_year: 2026, term: 1 })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/edu/letters',
      'GET /api/v1/edu/letters?school_id=21&school_year=2026&term=2&status=published&page=2&page_size=20',
      'GET /api/v1/edu/letters/5',
      'GET /api/v1/edu/letters/5/classes',
      'GET /api/v1/edu/letters/5/receipts',
      'GET /api/v1/edu/letters/5/receipts?class_id=7',
      'GET /api/v1/edu/letters/board',
      'GET /api/v1/edu/letters/board?school_year=2026&term=1',
    ])
    // The console's routes go with the session.
    expect(calls.every((c) => c.credentials === 'same-origin')).toBe(true)
  })

  it('writes, publishes, closes and deletes at the contract’s routes with its bodies and the CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => (m === 'DELETE' ? new Response(null, { status: 204 }) : json({ id: 6 })))
    const body = { school_id: 21, school_year: 2026, term: 2, title: '寒假安全致家长的一封信', body: '各位家长：\n寒假将至……', closes_on: '2027-02-20' }
    await eduLettersApi.create(body)
    await eduLettersApi.update(6, { version: 3, title: body.title, body: body.body, closes_on: '' })
    await eduLettersApi.publish(6)
    await eduLettersApi.close(6)
    await eduLettersApi.remove(6)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/edu/letters',
      'PUT /api/v1/edu/letters/6',
      'POST /api/v1/edu/letters/6/publish',
      'POST /api/v1/edu/letters/6/close',
      'DELETE /api/v1/edu/letters/6',
    ])
    expect(calls[0].body).toEqual(body)
    expect(calls[1].body).toEqual({ version: 3, title: body.title, body: body.body, closes_on: '' })
    expect(calls[2].body).toBeUndefined()
    expect(calls.every((c) => c.headers['X-CSRF-Token'] === 'csrf-1')).toBe(true)
  })

  it('reads and confirms a parents’ letter without the session: no cookie, no CSRF header', async () => {
    setCsrfToken('csrf-1')
    const calls = stubFetch((_u, m) => (m === 'POST' ? json({ first: true, student_name: '张三', at: '2027-02-20T01:00:00Z' }, 201) : json({ title: '信' })))
    await publicLettersApi.get('Ab3_x-9')
    const r = await publicLettersApi.confirm('Ab3_x-9', { student_name: '张三', relation: 'mother' })
    expect(r).toEqual({ first: true, student_name: '张三', at: '2027-02-20T01:00:00Z' })
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/public/letters/Ab3_x-9', 'POST /api/v1/public/letters/Ab3_x-9/receipts'])
    expect(calls[1].body).toEqual({ student_name: '张三', relation: 'mother' })
    for (const c of calls) {
      expect(c.credentials).toBe('omit')
      expect(c.headers['X-CSRF-Token']).toBeUndefined()
    }
    // A token is a path segment, never more.
    await publicLettersApi.get('a/b?c')
    expect(calls[2].url).toBe('/api/v1/public/letters/a%2Fb%3Fc')
    expect(parentLetterPath('a/b')).toBe('/p/letters/a%2Fb')
  })

  it('turns a refused receipt into an ApiError naming its reason', async () => {
    stubFetch(() => json({ error: { code: 'conflict', message: '本班回执已满', details: [{ field: 'letter.full', reason: '回执数已超过班级人数' }] } }, 409))
    const e = await publicLettersApi.confirm('t', { student_name: '张三', relation: 'mother' }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).status).toBe(409)
    expect((e as ApiError).fieldErrors()).toEqual({ 'letter.full': '回执数已超过班级人数' })
  })
})
