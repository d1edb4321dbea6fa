// The staff of a unit, to choose a person by name and role (GET /api/v1/staff): the caller's own
// unit by default, any unit in the caller's scope by id; active accounts only.
import { http, type Page } from './http'

export interface StaffMember {
  user_id: number
  username: string
  display_name: string
  unit_id: number
  unit_name: string
  roles: { code: string; name: string }[]
}

export const staffApi = {
  list: (unitId?: number, q?: string) => http.get<Page<StaffMember>>('/api/v1/staff', { unit_id: unitId, q: q || undefined }),
}

/** How a person reads in a list: 王芳（安全干部、班主任）. */
export function staffLabel(m: StaffMember): string {
  const name = m.display_name || m.username
  const roles = m.roles.map((r) => r.name).join('、')
  return roles ? `${name}（${roles}）` : name
}
