import { http } from './http'

export interface CodeCount {
  code: string
  label: string
  count: number
}

export interface HomeBoard {
  scope: { kind: string; unit_name: string }
  schools: {
    total: number
    boarding: number
    by_stage: CodeCount[]
    by_location_type: CodeCount[]
    by_ownership: CodeCount[]
  } | null
  generated_at: string
}

export const boardsApi = {
  home: () => http.get<HomeBoard>('/api/v1/boards/home'),
}
