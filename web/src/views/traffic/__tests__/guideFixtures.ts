// 交通安全一校一策 as the API answers, for the demo district's 示范区双桥小学 (id 21): a guide not written
// yet (version 0, 未制定), and one written — 南门 (人车共用) and 北门 (车辆通道), 一年级's arrival at 南门
// and dismissal, a drop-off zone, a 护学岗, the police's duty and two road-facility needs, the first
// sent in whistle 32 — in each state; and 一校一策总览 of three schools.
import type { GuideOverview, GuideOverviewRow, TrafficGuide } from '@/api/traffic'

const empty: TrafficGuide = {
  unit_id: 21,
  unit_name: '示范区双桥小学',
  gates: [],
  peaks: [],
  zones: [],
  separation: '',
  posts: [],
  police_unit: '',
  police_duty: '',
  early_arrival: '',
  after_school: '',
  needs: [],
  published_on: '',
  published_by: '',
  published_by_name: '',
  published_version: 0,
  version: 0,
  updated_by: '',
  updated_at: null,
  state: 'none',
  state_label: '未制定',
  term_label: '2026—2027学年第一学期',
  unsent_needs: 0,
  can_edit: true,
  can_send_needs: false,
}

/** Not written yet. */
export const newGuide = (over: Partial<TrafficGuide> = {}): TrafficGuide => ({ ...JSON.parse(JSON.stringify(empty)), ...over })

/** Written, published this semester (version 4, published with it), a need sent and one not. */
export function guide(over: Partial<TrafficGuide> = {}): TrafficGuide {
  return {
    ...JSON.parse(JSON.stringify(empty)),
    gates: [
      { name: '南门', use: 'both', use_label: '人车共用', hours: '07:00—08:00，16:00—17:00' },
      { name: '北门', use: 'vehicles', use_label: '车辆通道', hours: '' },
    ],
    peaks: [
      { grade: '一年级', kind: 'arrival', kind_label: '入校', from: '07:30', to: '07:50', gate: '南门' },
      { grade: '一年级', kind: 'dismissal', kind_label: '放学', from: '16:00', to: '16:20', gate: '' },
    ],
    zones: [
      { kind: 'drop_off', kind_label: '临时停靠区', name: '南门东侧临时停靠区', location: '人民路南侧' },
      { kind: 'parking', kind_label: '停车区', name: '教工停车场', location: '北门内' },
    ],
    separation: '学生从南门步行出入，车辆从北门进出。',
    posts: [{ place: '南门路口', from: '07:20', to: '08:00', people: '王老师、家长志愿者2人' }],
    police_unit: '城关交警中队',
    police_duty: '高峰时段派1名民警在南门路口疏导交通。',
    early_arrival: '7:20前到校的学生在门卫室旁等候。',
    after_school: '放学后不在校门口逗留。',
    needs: [
      { kind: 'crossing', kind_label: '人行横道', location: '南门前人民路', description: '需施划人行横道', whistle_id: 32 },
      { kind: 'speed_hump', kind_label: '减速带', location: '北门前', description: '', whistle_id: null },
    ],
    published_on: '2026-12-07',
    published_by: 'school1_safety',
    published_by_name: '安全干部',
    published_version: 4,
    version: 4,
    updated_by: 'school1_safety',
    updated_at: '2026-12-07T01:00:00Z',
    state: 'current',
    state_label: '本学期已发布',
    unsent_needs: 1,
    can_send_needs: true,
    ...over,
  }
}

export function overviewRow(over: Partial<GuideOverviewRow> = {}): GuideOverviewRow {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    state: 'current',
    state_label: '本学期已发布',
    term_label: '2026—2027学年第一学期',
    published_on: '2026-12-07',
    gates: 2,
    posts: 1,
    needs: 2,
    needs_sent: 1,
    ...over,
  }
}

export function overview(items: GuideOverviewRow[] = defaultRows()): GuideOverview {
  return { items, counts: { none: 38, draft: 1, changed: 0, outdated: 0, current: 1 } }
}

export const defaultRows = (): GuideOverviewRow[] => [
  overviewRow({
    unit_id: 42,
    unit_name: '示范区丰收第2高级中学',
    state: 'none',
    state_label: '未制定',
    published_on: '',
    gates: 0,
    posts: 0,
    needs: 0,
    needs_sent: 0,
  }),
  overviewRow(),
  overviewRow({ unit_id: 22, unit_name: '示范区青石第2小学', state: 'draft', state_label: '未发布', published_on: '', gates: 1, posts: 0, needs: 0, needs_sent: 0 }),
]
