// Records of the drill pages' tests, as the server sends them.
import type { Drill } from '@/api/drills'
import type { DrillPlan } from '@/api/drillPlans'
import type { RuleBoardRow, RuleFinding } from '@/api/rules'

export const drill: Drill = {
  id: 29,
  school_id: 21,
  school_name: '示范区双桥小学',
  kind: 'fire',
  kind_label: '消防疏散',
  title: '',
  date: '2026-10-16',
  start_time: '10:46',
  night: false,
  announced: true,
  evacuation: true,
  whole_school: true,
  scope_note: '',
  building_id: 31,
  building: '教学楼',
  floors: 5,
  commander: '黄丽华',
  students: 1120,
  staff: 86,
  signal_time: '10:48:00',
  all_out_time: '10:49:11',
  evacuation_seconds: 71,
  headcount_ok: true,
  headcount_note: '',
  injuries: 0,
  problems: [
    { text: '二楼楼梯口堆放杂物', hazard_id: 301 },
    { text: '广播声音偏小', hazard_id: null },
  ],
  actions: '清理楼梯口',
  recorded_by: 'school1_safety',
  created_at: '2026-10-16T03:00:00.000Z',
  updated_at: '2026-10-16T03:00:00.000Z',
}

export function finding(over: Partial<RuleFinding> = {}): RuleFinding {
  return {
    id: 1,
    rule_id: 'drill.monthly',
    rule_version: 1,
    params_version: 0,
    params: 'min_count=1',
    subject_type: 'school',
    subject_id: 21,
    school_id: 21,
    school_name: '示范区双桥小学',
    period_key: '2026-12',
    period_label: '2026年12月',
    period_first: '2026-12-01',
    period_last: '2026-12-31',
    so_far: true,
    outcome: 'due',
    outcome_label: '待完成',
    reason: '2026年12月需应急疏散演练 1 次，已记录 0 次',
    evidence: [],
    evaluated_at: '2026-12-03T19:27:21.533Z',
    ...over,
  }
}

export function boardRow(over: Partial<RuleBoardRow> = {}): RuleBoardRow {
  return {
    rule_id: 'drill.monthly',
    title: '每个教学月应急疏散演练（幼儿园每季度）',
    module: 'drill',
    measure: 13,
    period: 'month',
    period_label: '2026年12月',
    periods: ['2026-12', '2026-Q4'],
    schools: 40,
    unjudged: 0,
    counts: { pass: 9, due: 31, fail: 0, warn: 0, na: 0 },
    ...over,
  }
}

/** A drill plan due this week (演练计划). */
export function plan(over: Partial<DrillPlan> = {}): DrillPlan {
  return {
    id: 5,
    school_id: 21,
    school_name: '示范区双桥小学',
    kind: 'fire',
    title: '冬季消防疏散演练',
    date: '2026-12-18',
    start_time: '10:00',
    night: false,
    whole_school: true,
    scope_note: '',
    commander: '黄丽华',
    note: '',
    drill_id: null,
    status: 'due',
    created_by: 'school1_safety',
    created_at: '2026-12-01T02:00:00.000Z',
    updated_at: '2026-12-01T02:00:00.000Z',
    ...over,
  }
}
