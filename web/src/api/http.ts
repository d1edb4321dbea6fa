// The one request wrapper every API module goes through: JSON in and out, the session's CSRF
// header on writes, the server's error shape turned into an ApiError, and an expired session
// sent back to the login page.

export interface ApiErrorDetail {
  field: string
  reason: string
  row?: number
}

export interface ApiErrorBody {
  code: string
  message: string
  details: ApiErrorDetail[]
  request_id?: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ApiErrorDetail[]
  readonly requestId: string
  /** The whole parsed body, for answers that carry more than an error (an import report). */
  readonly body: unknown

  constructor(status: number, err: ApiErrorBody, body: unknown) {
    super(err.message)
    this.name = 'ApiError'
    this.status = status
    this.code = err.code
    this.details = err.details ?? []
    this.requestId = err.request_id ?? ''
    this.body = body
  }

  /** Field → reason, for showing server errors next to form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const d of this.details) {
      if (d.field && !(d.field in out)) out[d.field] = d.reason
    }
    return out
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  query?: Query
  /** JSON body. */
  body?: unknown
  /** Raw bytes (file uploads); sent as is. */
  raw?: Blob | ArrayBuffer
  contentType?: string
  /** Do not treat 401 as an expired session (login, re-entered credentials). */
  allowUnauthenticated?: boolean
  /**
   * A public route for people without an account (a parent's letter): sent without the session
   * cookie or the CSRF header, and a 401 is not an expired session.
   */
  anonymous?: boolean
}

let csrfToken = ''
let sessionExpired: ((message: string) => void) | null = null

export function setCsrfToken(token: string): void {
  csrfToken = token
}

/** Registered once by the app: what to do when the server says the session is gone. */
export function onSessionExpired(handler: (message: string) => void): void {
  sessionExpired = handler
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/** The headers and body of a request: JSON or raw bytes, and the CSRF header on writes. */
function prepare(method: string, opts: RequestOptions): { headers: Record<string, string>; body: BodyInit | undefined } {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.raw !== undefined) {
    body = opts.raw
    headers['Content-Type'] = opts.contentType ?? 'application/octet-stream'
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body)
    headers['Content-Type'] = 'application/json'
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken && !opts.anonymous) headers['X-CSRF-Token'] = csrfToken
  return { headers, body }
}

function networkError(): ApiError {
  return new ApiError(0, { code: 'network', message: '无法连接服务器，请检查网络', details: [] }, null)
}

/** A refused answer (its parsed body, or null) as an ApiError; an expired session is reported. */
function refusal(status: number, parsed: unknown, opts: RequestOptions): ApiError {
  const envelope = (parsed as { error?: ApiErrorBody } | null)?.error
  const err: ApiErrorBody = envelope ?? {
    code: status === 422 ? 'invalid_argument' : 'http_' + status,
    message: fallbackMessage(status),
    details: [],
  }
  if (status === 401 && !opts.allowUnauthenticated && !opts.anonymous && sessionExpired) {
    sessionExpired(err.message || '登录已失效，请重新登录')
  }
  return new ApiError(status, err, parsed)
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const { headers, body } = prepare(method, opts)
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      credentials: opts.anonymous ? 'omit' : 'same-origin',
    })
  } catch {
    throw networkError()
  }
  if (res.ok) return res
  let parsed: unknown = null
  try {
    parsed = await res.json()
  } catch {
    parsed = null
  }
  throw refusal(res.status, parsed, opts)
}

function fallbackMessage(status: number): string {
  switch (status) {
    case 401:
      return '请先登录'
    case 403:
      return '没有权限执行此操作'
    case 404:
      return '记录不存在或不在您的管辖范围内'
    case 413:
      return '文件或请求过大'
    default:
      return `请求失败（${status}）`
  }
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** How much of an upload has been sent, in whole percent (0–100). */
export type ProgressHandler = (percent: number) => void

/**
 * request() for an upload whose progress the page shows. fetch reports no upload progress, so
 * this goes through XMLHttpRequest, with what request() sends (the session cookie, the CSRF
 * header, the content type) and the same answers: the parsed JSON, or the same ApiError.
 */
export function requestWithProgress<T>(method: string, path: string, opts: RequestOptions, onProgress: ProgressHandler): Promise<T> {
  const { headers, body } = prepare(method, opts)
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, buildUrl(path, opts.query))
    // Same origin: the session cookie goes along, as with fetch's credentials: 'same-origin'.
    xhr.withCredentials = false
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v)
    let last = -1
    const report = (percent: number) => {
      const p = Math.max(0, Math.min(100, Math.floor(percent)))
      if (p === last) return
      last = p
      onProgress(p)
    }
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable && e.total > 0) report((e.loaded * 100) / e.total)
    }
    xhr.onerror = () => reject(networkError())
    xhr.onabort = () => reject(networkError())
    xhr.ontimeout = () => reject(networkError())
    xhr.onload = () => {
      const text = xhr.responseText
      if (xhr.status >= 200 && xhr.status < 300) {
        report(100)
        try {
          resolve((xhr.status === 204 || !text ? undefined : JSON.parse(text)) as T)
        } catch (e) {
          reject(e)
        }
        return
      }
      let parsed: unknown = null
      try {
        parsed = text ? JSON.parse(text) : null
      } catch {
        parsed = null
      }
      reject(refusal(xhr.status, parsed, opts))
    }
    report(0)
    xhr.send((body ?? null) as XMLHttpRequestBodyInit | null)
  })
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
}

/** A file from the server (export, template): its bytes and the name the server gave it. */
export interface Download {
  blob: Blob
  filename: string
}

export async function download(path: string, query?: Query): Promise<Download> {
  const res = await send('GET', path, { query })
  const blob = await res.blob()
  return { blob, filename: filenameOf(res.headers.get('Content-Disposition'), path) }
}

export function filenameOf(disposition: string | null, fallbackPath: string): string {
  if (disposition) {
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
    if (star) return decodeURIComponent(star[1])
    const plain = /filename="?([^";]+)"?/i.exec(disposition)
    if (plain) return plain[1]
  }
  return fallbackPath.split('/').pop() ?? 'download'
}

/** Hands a downloaded file to the browser as a saved file. */
export function saveDownload(d: Download): void {
  const url = URL.createObjectURL(d.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = d.filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The list envelope every list endpoint answers with. */
export interface Page<T> {
  items: T[]
  total: number
}
