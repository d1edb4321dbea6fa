// 全区工作 as the API answers, on 2026-09-28 in the demo bureau (示范区教育局): three schools (双桥小学 21,
// 实验中学 22, 城南幼儿园 23) and three sections (安全管理科 2, 基础教育科 3, 学前教育科 4); three items —
// 每月25日 开学安全检查 (共性任务, to every school, 2 units overdue), 一次性 2026-10-10 防溺水专项 (重点事项, to
// 双桥小学 and 基础教育科) and 每周五 安全周报 (常规工作, to every section, nothing due yet) —; an item's
// detail with its due days and units; 双桥小学's own work (a September day overdue, August's reported
// late, October's due soon); the board.
import type { MyWork, MyWorkItem, WorkBoard, WorkItem, WorkItemDetail, WorkItemRow, WorkItems, WorkTotals, WorkUnit } from '@/api/dutyWork'

export const TODAY = '2026-09-28'

export const SCHOOLS: WorkUnit[] = [
  { id: 21, name: '示范区双桥小学', kind: 'school' },
  { id: 22, name: '示范区实验中学', kind: 'school' },
  { id: 23, name: '示范区城南幼儿园', kind: 'school' },
]
export const WORK_SECTIONS: WorkUnit[] = [
  { id: 2, name: '安全管理科', kind: 'section' },
  { id: 3, name: '基础教育科', kind: 'section' },
  { id: 4, name: '学前教育科', kind: 'section' },
]

export const totals = (over: Partial<WorkTotals> = {}): WorkTotals => ({ units: 3, due: 6, done: 3, done_late: 1, overdue: 2, units_overdue: 2, rate: 4 / 6, ...over })

export function workRow(over: Partial<WorkItemRow> = {}): WorkItemRow {
  return {
    id: 1,
    kind: 'common',
    kind_label: '共性任务',
    title: '开学安全检查',
    detail: '每月检查校舍、消防和食堂，报送检查记录',
    measures: [6, 11],
    lead_section_id: 2,
    lead_section_name: '安全管理科',
    targets: [21, 22, 23],
    schedule: { repeat: 'monthly', repeat_label: '每月', due: null, day: 25, from: '2026-07-01', until: '2026-12-31' },
    version: 2,
    updated_by: 'safety_office',
    updated_at: '2026-07-01T02:00:00Z',
    target_units: SCHOOLS,
    due_days: 6,
    next_due: '2026-10-23',
    totals: totals(),
    ...over,
  }
}

export const workRows = (): WorkItemRow[] => [
  workRow(),
  workRow({
    id: 2,
    kind: 'key',
    kind_label: '重点事项',
    title: '防溺水专项行动',
    detail: '',
    measures: [9, 10],
    lead_section_id: 3,
    lead_section_name: '基础教育科',
    targets: [3, 21],
    schedule: { repeat: 'once', repeat_label: '一次性', due: '2026-10-10', day: 0, from: null, until: null },
    target_units: [WORK_SECTIONS[1], SCHOOLS[0]],
    due_days: 1,
    next_due: '2026-10-10',
    totals: totals({ units: 2, due: 0, done: 0, done_late: 0, overdue: 0, units_overdue: 0, rate: null }),
  }),
  workRow({
    id: 3,
    kind: 'routine',
    kind_label: '常规工作',
    title: '安全工作周报',
    detail: '',
    measures: [2],
    lead_section_id: 2,
    lead_section_name: '安全管理科',
    targets: [2, 3, 4],
    schedule: { repeat: 'weekly', repeat_label: '每周', due: null, day: 5, from: '2026-10-01', until: '2026-12-31' },
    target_units: WORK_SECTIONS,
    due_days: 13,
    next_due: '2026-10-09',
    totals: totals({ due: 0, done: 0, done_late: 0, overdue: 0, units_overdue: 0, rate: null }),
  }),
]

export function workItems(over: Partial<WorkItems> = {}): WorkItems {
  return {
    bureau_id: 1,
    bureau_name: '示范区教育局',
    today: TODAY,
    items: workRows(),
    sections: WORK_SECTIONS,
    schools: SCHOOLS,
    kinds: [
      { code: 'common', label: '共性任务' },
      { code: 'key', label: '重点事项' },
      { code: 'routine', label: '常规工作' },
    ],
    repeats: [
      { code: 'once', label: '一次性' },
      { code: 'weekly', label: '每周' },
      { code: 'monthly', label: '每月' },
      { code: 'quarterly', label: '每季度' },
    ],
    can_edit: true,
    ...over,
  }
}

const progress = (over: Partial<MyWorkItem['progress']> = {}): MyWorkItem['progress'] => ({
  due: 2,
  done: 1,
  done_late: 0,
  overdue: 1,
  next: '2026-09-25',
  next_state: 'overdue',
  next_state_label: '逾期未完成',
  ...over,
})

export function workDetail(over: Partial<WorkItemDetail> = {}): WorkItemDetail {
  return {
    ...workRow(),
    today: TODAY,
    dates: ['2026-07-24', '2026-08-25', '2026-09-25', '2026-10-23', '2026-11-25', '2026-12-25'],
    units: [
      { ...SCHOOLS[1], progress: progress({ due: 3, done: 1, overdue: 2, next: '2026-08-25' }) },
      { ...SCHOOLS[0], progress: progress({ due: 3, done: 1, done_late: 1, overdue: 1 }) },
      { ...SCHOOLS[2], progress: progress({ due: 3, done: 2, done_late: 1, overdue: 0, next: '2026-10-23', next_state: 'pending', next_state_label: '未到期' }) },
    ],
    reports: [
      { item_id: 1, unit_id: 21, due: '2026-07-24', done_on: '2026-07-20', note: '已检查', reported_by: '赵敏', reported_at: '2026-07-20T03:00:00Z' },
      { item_id: 1, unit_id: 21, due: '2026-08-25', done_on: '2026-08-27', note: '', reported_by: '赵敏', reported_at: '2026-08-27T03:00:00Z' },
    ],
    can_edit: true,
    ...over,
  }
}

/** The stored item of a list row. */
const itemOf = (r: WorkItemRow): WorkItem => ({
  id: r.id,
  kind: r.kind,
  kind_label: r.kind_label,
  title: r.title,
  detail: r.detail,
  measures: r.measures,
  lead_section_id: r.lead_section_id,
  lead_section_name: r.lead_section_name,
  targets: r.targets,
  schedule: r.schedule,
  version: r.version,
  updated_by: r.updated_by,
  updated_at: r.updated_at,
})

/** 双桥小学's monthly check: July on time, August late, September overdue, October to come. */
export function myItem(over: Partial<MyWorkItem> = {}): MyWorkItem {
  const item = itemOf(workRow())
  return {
    ...item,
    progress: progress({ due: 3, done: 1, done_late: 1, overdue: 1 }),
    days: [
      {
        due: '2026-07-24',
        state: 'done',
        state_label: '已完成',
        report: { item_id: 1, unit_id: 21, due: '2026-07-24', done_on: '2026-07-20', note: '已检查', reported_by: '赵敏', reported_at: '2026-07-20T03:00:00Z' },
      },
      {
        due: '2026-08-25',
        state: 'done_late',
        state_label: '逾期完成',
        report: { item_id: 1, unit_id: 21, due: '2026-08-25', done_on: '2026-08-27', note: '', reported_by: '赵敏', reported_at: '2026-08-27T03:00:00Z' },
      },
      { due: '2026-09-25', state: 'overdue', state_label: '逾期未完成', report: null },
      { due: '2026-10-23', state: 'pending', state_label: '未到期', report: null },
      { due: '2026-11-25', state: 'pending', state_label: '未到期', report: null },
    ],
    ...over,
  }
}

/** The drowning campaign: once, due 2026-09-30 (due soon), nothing reported. */
export function myOnceItem(over: Partial<MyWorkItem> = {}): MyWorkItem {
  const item = itemOf(workRows()[1])
  return {
    ...item,
    schedule: { ...item.schedule, due: '2026-09-30' },
    progress: progress({ due: 0, done: 0, overdue: 0, next: '2026-09-30', next_state: 'due_soon', next_state_label: '即将到期' }),
    days: [{ due: '2026-09-30', state: 'due_soon', state_label: '即将到期', report: null }],
    ...over,
  }
}

export function myWork(over: Partial<MyWork> = {}): MyWork {
  return { unit: SCHOOLS[0], today: TODAY, items: [myItem(), myOnceItem()], can_report: true, ...over }
}

export function workBoard(over: Partial<WorkBoard> = {}): WorkBoard {
  return {
    bureau_id: 1,
    bureau_name: '示范区教育局',
    today: TODAY,
    items: 3,
    totals: totals({ units: 6, due: 9, done: 5, done_late: 1, overdue: 3, units_overdue: 2, rate: 6 / 9 }),
    kinds: [
      { kind: 'common', label: '共性任务', items: 1, totals: totals() },
      { kind: 'key', label: '重点事项', items: 1, totals: totals({ units: 2, due: 0, done: 0, done_late: 0, overdue: 0, units_overdue: 0, rate: null }) },
      { kind: 'routine', label: '常规工作', items: 1, totals: totals({ due: 3, done: 2, done_late: 0, overdue: 1, units_overdue: 1, rate: 2 / 3 }) },
    ],
    units: [
      { ...SCHOOLS[1], items: 1, totals: totals({ units: 1, due: 3, done: 1, done_late: 0, overdue: 2, units_overdue: 1, rate: 1 / 3 }) },
      { ...WORK_SECTIONS[1], items: 3, totals: totals({ units: 1, due: 1, done: 0, done_late: 0, overdue: 1, units_overdue: 1, rate: 0 }) },
      { ...SCHOOLS[0], items: 2, totals: totals({ units: 1, due: 3, done: 3, done_late: 0, overdue: 0, units_overdue: 0, rate: 1 }) },
    ],
    ...over,
  }
}
