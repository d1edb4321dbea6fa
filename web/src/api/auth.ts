import { http, request, type Page } from './http'

export type ScopeKind = 'own' | 'own_unit' | 'unit_and_below' | 'custom' | 'all'

export interface Me {
  user: { id: number; username: string; display_name: string }
  unit: { id: number; name: string; kind: string }
  roles: { code: string; name: string }[]
  permissions: string[]
  scope: { kind: ScopeKind; unit_paths: string[] }
  csrf_token: string
  must_change_password: boolean
  must_enroll_totp: boolean
}

export interface LoginInput {
  username: string
  password: string
  totp?: string
}

export interface SessionInfo {
  id: string
  created_at: string
  last_seen_at: string
  source: string
  user_agent: string
  current: boolean
}

export interface TotpEnrollment {
  secret: string
  otpauth_uri: string
}

export interface ApiToken {
  id: number
  name: string
  permissions: string[]
  created_at: string
  expires_at: string
  revoked_at: string | null
  last_used_at: string | null
}

export interface ApiTokenCreated extends ApiToken {
  token: string
}

export const authApi = {
  login: (input: LoginInput) =>
    request<Me>('POST', '/api/v1/auth/login', { body: input, allowUnauthenticated: true }),
  logout: () => http.post<void>('/api/v1/auth/logout'),
  me: () => request<Me>('GET', '/api/v1/auth/me', { allowUnauthenticated: true }),
  /** Whether the cookie holds a session: always 200, so the login page logs no error. */
  session: () =>
    request<(Me & { authenticated: true }) | { authenticated: false }>('GET', '/api/v1/auth/session', {
      allowUnauthenticated: true,
    }),
  changePassword: (old_password: string, new_password: string) =>
    request<void>('POST', '/api/v1/auth/password', {
      body: { old_password, new_password },
      allowUnauthenticated: true,
    }),
  sessions: () => http.get<Page<SessionInfo>>('/api/v1/auth/sessions'),
  endSession: (id: string) => http.del(`/api/v1/auth/sessions/${encodeURIComponent(id)}`),
  enrollTotp: () => http.post<TotpEnrollment>('/api/v1/auth/totp/enroll'),
  confirmTotp: (code: string) => http.post<void>('/api/v1/auth/totp/confirm', { code }),
  disableTotp: (password: string) =>
    request<void>('POST', '/api/v1/auth/totp/disable', {
      body: { password },
      allowUnauthenticated: true,
    }),
  tokens: () => http.get<Page<ApiToken>>('/api/v1/auth/tokens'),
  createToken: (name: string, permissions: string[], expires_in_days: number) =>
    http.post<ApiTokenCreated>('/api/v1/auth/tokens', { name, permissions, expires_in_days }),
  revokeToken: (id: number) => http.del(`/api/v1/auth/tokens/${id}`),
}
