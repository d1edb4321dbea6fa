import type { Whistle, WhistleAssignment, WhistleEvent } from '@/api/whistles'

export function assignment(over: Partial<WhistleAssignment> = {}): WhistleAssignment {
  return {
    department_id: 30,
    department_name: '示范区交警大队',
    state: 'pending',
    state_label: '待报到',
    ack_due: '2026-12-06T01:02:03Z',
    acknowledged_at: null,
    acknowledged_by: null,
    feedback_due: '2026-12-11',
    feedback_due_provisional: false,
    last_feedback_at: null,
    answered_at: null,
    ack_overdue: false,
    feedback_overdue: false,
    escalated: false,
    ...over,
  }
}

export function event(over: Partial<WhistleEvent> = {}): WhistleEvent {
  return {
    id: 1,
    kind: 'raised',
    kind_label: '吹哨',
    department_id: null,
    department_name: '',
    note: '',
    actor: 'school1_safety',
    actor_name: '安全干部',
    at: '2026-12-05T01:02:03Z',
    files: [],
    ...over,
  }
}

export function whistle(over: Partial<Whistle> = {}): Whistle {
  return {
    id: 12,
    school_id: 21,
    school_name: '示范区双桥小学',
    title: '校门口缺少人行横道',
    description: '放学时学生横穿解放路',
    category: 'traffic',
    category_label: '道路交通',
    place: 'around',
    place_label: '校园周边',
    location: '校门外解放路',
    severity: 'general',
    severity_label: '一般',
    interim_measures: '',
    state: 'waiting',
    state_label: '待报到',
    raised_by: 'school1_safety',
    raised_by_name: '安全干部',
    raised_at: '2026-12-05T01:02:03Z',
    closed_at: null,
    overdue: false,
    version: 1,
    files: [],
    assignments: [assignment()],
    events: [
      event(),
      event({ id: 2, kind: 'routed', kind_label: '派送部门', department_id: 30, department_name: '示范区交警大队', actor: 'system', actor_name: '系统' }),
    ],
    can: { acknowledge: false, feedback: false, confirm: false, send_back: false, route: false },
    ...over,
  }
}
