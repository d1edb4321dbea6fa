import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router'
import { perm } from '@/utils/permissions'
import { useSessionStore } from '@/stores/session'

// Route meta: `title` is an i18n key, `perm` the permission(s) of which one is needed (the
// guard refuses the route otherwise), `group` the sidebar group it appears under (none: not in
// the menu), `icon` an Element Plus icon name.
declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    perm?: string | string[]
    group?: MenuGroup
    icon?: string
    public?: boolean
    /**
     * A public page for people without an account (a parent's letter, /p/…): the guard does not
     * even ask the server for a session, and nothing of the console (session, menu, tabs) loads.
     */
    anonymous?: boolean
    /** Open the page as a tab (default true for layout pages). */
    tab?: boolean
    /**
     * In the menu only for users of a school (`school`), only for the others (`other`: the
     * bureaus and the departments), only for the education units above the schools
     * (`bureau`: bureaus, sections, clusters — not the departments), or only for the bureaus'
     * own offices (`office`: a bureau and its sections — not the clusters), or only for the units
     * the bureau deploys its work to (`target`: the schools and the bureau's sections), as the unit
     * of the user's account decides; none = for all.
     */
    unit?: UnitRule
    /**
     * The route itself, not only its menu entry, is for users of a unit of kind `unit`: the
     * server refuses the others (403), and the guard shows them 无权访问 as for a permission
     * they lack.
     */
    unitOnly?: boolean
    /**
     * Not in the menu for a user who holds none of `without` (and, with `unit`, whose unit is of
     * that kind, as for `unit`): pages a user could open but has no work on. The route itself
     * stays open to `perm` (links from other pages keep working).
     */
    menuHide?: MenuRule
    /** The menu's title for a user matching the rule (as `menuHide`) instead of `title`. */
    menuTitle?: MenuRule & { title: string; query?: string }
  }
}

/** The kinds of unit a page or a menu rule is for (route meta `unit`). */
export type UnitRule = 'school' | 'other' | 'bureau' | 'office' | 'target'

/** Who a menu rule applies to: holders of none of `without`, of a unit of kind `unit` if given. */
export interface MenuRule {
  without: string[]
  unit?: UnitRule
}

/** Those of a school who neither assign, verify nor close hazards (a class teacher): they report and rectify. */
const schoolReporter: MenuRule = { unit: 'school', without: [perm.hazardAssign, perm.hazardVerify, perm.hazardClose] }

/** The sidebar groups in the order of ui.md; a group shows only when it has a usable item. */
export const menuGroups = [
  'home',
  'hazards',
  'campaigns',
  'screening',
  'whistle',
  'drills',
  'education',
  'traffic',
  'training',
  'duties',
  'statistics',
  'system',
] as const
export type MenuGroup = (typeof menuGroups)[number]

/**
 * Where 本校安防台账 (/security) goes: a school user's own school's record, anyone else the board.
 * Runs after the global guard, which has read the session.
 */
export function ownSecurityRecord(): RouteLocationRaw {
  const me = useSessionStore().me
  if (me?.unit.kind === 'school') return { name: 'security-record', params: { id: String(me.unit.id) } }
  return { name: 'security-board' }
}

export const layoutChildren: RouteRecordRaw[] = [
  {
    path: 'home',
    name: 'home',
    component: () => import('@/views/home/HomeView.vue'),
    meta: { title: 'menu.home', group: 'home', icon: 'HomeFilled' },
  },
  {
    path: 'hazards',
    name: 'hazards',
    component: () => import('@/views/hazards/HazardList.vue'),
    // A school's reporter finds the ledger (their school's hazards, the ones they rectify) as 我的隐患.
    meta: {
      title: 'hazard.menu.list',
      group: 'hazards',
      icon: 'Warning',
      perm: perm.hazardRead,
      menuTitle: { ...schoolReporter, title: 'hazard.menu.mine', query: 'mine=true' },
    },
  },
  {
    path: 'hazards/new',
    name: 'hazard-new',
    component: () => import('@/views/hazards/HazardReport.vue'),
    meta: { title: 'hazard.menu.report', group: 'hazards', icon: 'Camera', perm: perm.hazardReport },
  },
  {
    path: 'hazards/:id(\\d+)',
    name: 'hazard-detail',
    component: () => import('@/views/hazards/HazardDetail.vue'),
    meta: { title: 'hazard.menu.detail', perm: perm.hazardRead },
  },
  {
    // 整改通知书 and 销号单, print-ready.
    path: 'hazards/:id(\\d+)/print/:kind(notice|closeout)',
    name: 'hazard-print',
    component: () => import('@/views/hazards/HazardPrint.vue'),
    meta: { title: 'print.menu', perm: perm.hazardRead },
  },
  {
    path: 'hazards/supervision',
    name: 'hazard-supervision',
    component: () => import('@/views/hazards/SupervisionList.vue'),
    // 督办单: the bureau's orders and a school's replies; not for a school's reporters.
    meta: {
      title: 'hazard.menu.supervision',
      group: 'hazards',
      icon: 'Bell',
      perm: perm.hazardRead,
      menuHide: { unit: 'school', without: [perm.hazardReply, perm.hazardAssign, perm.hazardSupervise] },
    },
  },
  {
    path: 'hazards/board',
    name: 'hazard-board',
    component: () => import('@/views/hazards/HazardBoard.vue'),
    meta: { title: 'hazard.menu.board', group: 'hazards', icon: 'DataAnalysis', perm: perm.hazardRead, menuHide: schoolReporter },
  },
  {
    path: 'hazards/rules',
    name: 'hazard-rules',
    component: () => import('@/views/hazards/HazardRules.vue'),
    // The district's hazard rules: in a school's menu only for those who read the rules.
    meta: {
      title: 'hazard.menu.rules',
      group: 'hazards',
      icon: 'Setting',
      perm: perm.hazardRead,
      menuHide: { unit: 'school', without: [perm.hazardConfigure, perm.rulesRead] },
    },
  },
  {
    // 检查表: the checklist templates inspections and patrols are filled from — the shipped ones and
    // the units' own, versioned (checklist:read; checklist:manage writes, copies and imports).
    path: 'checklists',
    name: 'checklists',
    component: () => import('@/views/checklists/ChecklistList.vue'),
    meta: { title: 'checklist.menu.list', group: 'hazards', icon: 'List', perm: perm.checklistRead },
  },
  {
    path: 'checklists/new',
    name: 'checklist-new',
    component: () => import('@/views/checklists/ChecklistForm.vue'),
    meta: { title: 'checklist.menu.new', perm: perm.checklistManage },
  },
  {
    path: 'checklists/:id(\\d+)',
    name: 'checklist-detail',
    component: () => import('@/views/checklists/ChecklistDetail.vue'),
    meta: { title: 'checklist.menu.detail', perm: perm.checklistRead },
  },
  {
    path: 'checklists/:id(\\d+)/edit',
    name: 'checklist-edit',
    component: () => import('@/views/checklists/ChecklistForm.vue'),
    meta: { title: 'checklist.menu.edit', perm: perm.checklistManage },
  },
  {
    // 日常巡查 (routine fire patrols of the key places, measure 11), under 隐患排查 beside the
    // checklists they are filled from: what is due (巡查任务), the plans, the patrols done; the QR
    // code at a place opens its patrol form (patrol/place/:id, built for a phone).
    path: 'patrols',
    name: 'patrols',
    component: () => import('@/views/patrols/PatrolSchedule.vue'),
    meta: { title: 'patrol.menu.schedule', group: 'hazards', icon: 'Finished', perm: perm.patrolRead },
  },
  {
    path: 'patrols/plans',
    name: 'patrol-plans',
    component: () => import('@/views/patrols/PatrolPlanList.vue'),
    meta: { title: 'patrol.menu.plans', group: 'hazards', icon: 'Postcard', perm: perm.patrolRead },
  },
  {
    path: 'patrols/records',
    name: 'patrol-records',
    component: () => import('@/views/patrols/PatrolRecordList.vue'),
    meta: { title: 'patrol.menu.records', group: 'hazards', icon: 'DocumentChecked', perm: perm.patrolRead },
  },
  {
    path: 'patrols/records/:id(\\d+)',
    name: 'patrol-record',
    component: () => import('@/views/patrols/PatrolRecordDetail.vue'),
    meta: { title: 'patrol.menu.record', perm: perm.patrolRead },
  },
  {
    // The QR codes of the plans' places, to print and post at each place.
    path: 'patrols/qr',
    name: 'patrol-qr',
    component: () => import('@/views/patrols/PatrolQrPrint.vue'),
    meta: { title: 'patrol.menu.qr', perm: perm.patrolRead },
  },
  {
    // What a place's QR code opens: its plans running today and the patrol form.
    path: 'patrol/place/:id(\\d+)',
    name: 'patrol-place',
    component: () => import('@/views/patrols/PatrolPlace.vue'),
    meta: { title: 'patrol.menu.place', perm: perm.patrolRead },
  },
  {
    // 专项行动 (inspection campaigns, measures 6, 7 and 12): the list (deploy for the bureau), the
    // bureau's campaign page, its typical-problems briefing, and one school's page (the
    // self-inspection on a phone, inspections, feedback and replies).
    path: 'campaigns',
    name: 'campaigns',
    component: () => import('@/views/campaigns/CampaignList.vue'),
    meta: { title: 'campaign.menu.list', group: 'campaigns', icon: 'Flag', perm: perm.campaignRead },
  },
  {
    path: 'campaigns/:id(\\d+)',
    name: 'campaign-detail',
    component: () => import('@/views/campaigns/CampaignDetail.vue'),
    meta: { title: 'campaign.menu.detail', perm: perm.campaignRead },
  },
  {
    // 典型问题通报: the typical problems the bureau marked, printable and as .xlsx, for the
    // district's video meeting (the deploying bureau's campaign:manage; others are told so).
    path: 'campaigns/:id(\\d+)/briefing',
    name: 'campaign-briefing',
    component: () => import('@/views/campaigns/CampaignBriefing.vue'),
    meta: { title: 'campaign.menu.briefing', perm: perm.campaignRead },
  },
  {
    path: 'campaigns/:id(\\d+)/schools/:schoolId(\\d+)',
    name: 'campaign-school',
    component: () => import('@/views/campaigns/CampaignSchool.vue'),
    meta: { title: 'campaign.menu.school', perm: perm.campaignRead },
  },
  {
    // 四个100% (measure 4): a school's staff open their own school's security record (the entry
    // redirects to it, so the sidebar item stays the school's own), the bureau the district's
    // board; a record of any school in scope opens from the board.
    path: 'security',
    name: 'security',
    component: () => import('@/views/security/SecurityRecord.vue'),
    beforeEnter: () => ownSecurityRecord(),
    meta: { title: 'security.menu.own', group: 'screening', icon: 'Monitor', perm: perm.securityRead, unit: 'school' },
  },
  {
    path: 'security/schools/:id(\\d+)',
    name: 'security-record',
    component: () => import('@/views/security/SecurityRecord.vue'),
    meta: { title: 'security.menu.record', perm: perm.securityRead },
  },
  {
    path: 'security/board',
    name: 'security-board',
    component: () => import('@/views/security/SecurityBoard.vue'),
    meta: { title: 'security.menu.board', group: 'screening', icon: 'DataBoard', perm: perm.securityRead, unit: 'other' },
  },
  {
    // 筛查轮次 (逐校筛查): the rounds the bureau opens (部署筛查, campaign:manage), a round's rates and
    // schools, and one school's screening in a round (built for a phone: a note and photos per
    // indicator, submitted once; each indicator not met raises a hazard).
    path: 'security/rounds',
    name: 'security-rounds',
    component: () => import('@/views/security/RoundList.vue'),
    meta: { title: 'security.menu.rounds', group: 'screening', icon: 'Checked', perm: perm.securityRead },
  },
  {
    path: 'security/rounds/:id(\\d+)',
    name: 'security-round',
    component: () => import('@/views/security/RoundDetail.vue'),
    meta: { title: 'security.menu.round', perm: perm.securityRead },
  },
  {
    path: 'security/rounds/:id(\\d+)/schools/:schoolId(\\d+)',
    name: 'security-screening',
    component: () => import('@/views/security/RoundSchool.vue'),
    meta: { title: 'security.menu.screening', perm: perm.securityRead },
  },
  {
    // 吹哨报到: the whistles a school raises on problems around it, routed by category to the
    // departments, who report in and answer (everyone with whistle:read: schools, the bureau,
    // department liaisons — who see only those routed to them); the bureau's statistics per
    // department and its routing table.
    path: 'whistles',
    name: 'whistles',
    component: () => import('@/views/whistles/WhistleList.vue'),
    meta: { title: 'whistle.menu.list', group: 'whistle', icon: 'Bell', perm: perm.whistleRead },
  },
  {
    path: 'whistles/:id(\\d+)',
    name: 'whistle-detail',
    component: () => import('@/views/whistles/WhistleDetail.vue'),
    meta: { title: 'whistle.menu.detail', perm: perm.whistleRead },
  },
  {
    path: 'whistles/stats',
    name: 'whistle-stats',
    component: () => import('@/views/whistles/WhistleStats.vue'),
    meta: { title: 'whistle.menu.stats', group: 'whistle', icon: 'DataAnalysis', perm: perm.whistleRead, unit: 'bureau' },
  },
  {
    // 定期报告: a school files its monthly report of open whistles (its own school), the bureau
    // reads who filed; one page, two menu entries so the departments have none.
    path: 'whistles/reports',
    name: 'whistle-reports',
    component: () => import('@/views/whistles/WhistleReports.vue'),
    meta: { title: 'whistle.menu.reports', group: 'whistle', icon: 'Tickets', perm: perm.whistleRead, unit: 'school' },
  },
  {
    path: 'whistles/reports/schools',
    name: 'whistle-report-board',
    component: () => import('@/views/whistles/WhistleReports.vue'),
    meta: { title: 'whistle.menu.reportBoard', group: 'whistle', icon: 'Tickets', perm: perm.whistleRead, unit: 'bureau' },
  },
  {
    path: 'whistles/routes',
    name: 'whistle-routes',
    component: () => import('@/views/whistles/WhistleRoutes.vue'),
    meta: { title: 'whistle.menu.routes', group: 'whistle', icon: 'Share', perm: perm.whistleRoute },
  },
  {
    path: 'drills',
    name: 'drills',
    component: () => import('@/views/drills/DrillList.vue'),
    meta: { title: 'drill.menu.list', group: 'drills', icon: 'AlarmClock', perm: perm.drillRead },
  },
  {
    // 演练计划: the drills the schools plan, recorded from the plan when held.
    path: 'drills/plans',
    name: 'drill-plans',
    component: () => import('@/views/drills/DrillPlanList.vue'),
    meta: { title: 'drill.menu.plans', group: 'drills', icon: 'Notebook', perm: perm.drillRead },
  },
  {
    path: 'drills/new',
    name: 'drill-new',
    component: () => import('@/views/drills/DrillForm.vue'),
    meta: { title: 'drill.menu.record', group: 'drills', icon: 'EditPen', perm: perm.drillRecord },
  },
  {
    path: 'drills/:id(\\d+)',
    name: 'drill-detail',
    component: () => import('@/views/drills/DrillDetail.vue'),
    meta: { title: 'drill.menu.detail', perm: perm.drillRead },
  },
  {
    path: 'drills/:id(\\d+)/edit',
    name: 'drill-edit',
    component: () => import('@/views/drills/DrillForm.vue'),
    meta: { title: 'drill.menu.edit', perm: perm.drillRecord },
  },
  {
    // The schools in scope by outcome of each drill rule (rules:read: the bureau, and a school
    // for itself).
    path: 'drills/board',
    name: 'drill-board',
    component: () => import('@/views/drills/DrillBoard.vue'),
    meta: { title: 'drill.menu.board', group: 'drills', icon: 'DataLine', perm: perm.rulesRead },
  },
  {
    // 规范落实年看板: the actions and measures of the plan in effect with their rules' outcomes and
    // the month trend (rules:read, like the drill board beside it).
    path: 'plan-board',
    name: 'plan-board',
    component: () => import('@/views/plan/PlanBoard.vue'),
    meta: { title: 'plan.menu.board', group: 'drills', icon: 'TrendCharts', perm: perm.rulesRead },
  },
  {
    // 年度计划: the plan for a year the board follows — the shipped one or a bureau's own, loaded
    // from a spreadsheet by holders of rules:configure.
    path: 'plan/year',
    name: 'plan',
    component: () => import('@/views/plan/YearPlan.vue'),
    meta: { title: 'plan.menu.year', group: 'drills', icon: 'Memo', perm: perm.rulesRead },
  },
  {
    // 1530安全提醒: a class teacher's reminders before dismissal — today's on top, checked in in two
    // taps on a phone, then those still open for a late check-in (edu:checkin); the completion of a
    // school by class or of the district by school (edu:read); the classes and their class teachers
    // (edu:read; edu:classes edits and imports), not in the menu of a school's teachers.
    path: 'edu/1530',
    name: 'edu-1530',
    component: () => import('@/views/edu/My1530.vue'),
    meta: { title: 'edu.menu.mine', group: 'education', icon: 'Clock', perm: perm.eduCheckin },
  },
  {
    path: 'edu/1530/completion',
    name: 'edu-1530-completion',
    component: () => import('@/views/edu/Completion1530.vue'),
    meta: { title: 'edu.menu.completion', group: 'education', icon: 'PieChart', perm: perm.eduRead },
  },
  {
    // 1530提醒内容: the texts the sessions suggest, by topic and age group, as in force at the
    // caller's unit (its own, a higher bureau's or the shipped default), read with edu:read; a
    // bureau edits its own and puts them back with edu:content.
    path: 'edu/1530/contents',
    name: 'edu-1530-contents',
    component: () => import('@/views/edu/Contents1530.vue'),
    meta: { title: 'edu.menu.contents', group: 'education', icon: 'ChatLineSquare', perm: perm.eduRead },
  },
  {
    path: 'edu/classes',
    name: 'edu-classes',
    component: () => import('@/views/edu/Classes.vue'),
    meta: {
      title: 'edu.menu.classes',
      group: 'education',
      icon: 'Collection',
      perm: perm.eduRead,
      menuHide: { unit: 'school', without: [perm.eduClasses] },
    },
  },
  {
    // 安全教育活动: the safety education the schools held (开学安全第一课, 防欺凌, themed lessons, the
    // dated days and months) with their photos, read with edu:read and recorded, edited and deleted
    // with edu:lessons; the education calendar judges a school's year from them, a school by date
    // and the district as a matrix of schools by item (edu:read).
    path: 'edu/lessons',
    name: 'edu-lessons',
    component: () => import('@/views/edu/Lessons.vue'),
    meta: { title: 'edu.menu.lessons', group: 'education', icon: 'Reading', perm: perm.eduRead },
  },
  {
    path: 'edu/calendar',
    name: 'edu-calendar',
    component: () => import('@/views/edu/EduCalendar.vue'),
    meta: { title: 'edu.menu.calendar', group: 'education', icon: 'Guide', perm: perm.eduRead },
  },
  {
    // 致家长的一封信: a school's letter to the parents of a term, one link (and QR code) per class
    // that the class teacher shares; the parents confirm receipt on a phone without an account
    // (/p/letters/:token, outside the layout). Read with edu:read (a class teacher: their own
    // classes' links), written, published and closed with edu:lessons; the bureau also sees the
    // receipt rates by school (各校回执率), never the names.
    path: 'edu/letters',
    name: 'edu-letters',
    component: () => import('@/views/edu/Letters.vue'),
    meta: { title: 'edu.menu.letters', group: 'education', icon: 'Message', perm: perm.eduRead },
  },
  {
    path: 'edu/letters/:id(\\d+)',
    name: 'edu-letter',
    component: () => import('@/views/edu/LetterDetail.vue'),
    meta: { title: 'edu.menu.letter', perm: perm.eduRead },
  },
  {
    // 周边水域风险 (drowning prevention): the ponds, rivers, reservoirs and other water near each
    // school with the measures in place (warning sign, fence, rescue gear, patrol); a water missing
    // one is flagged, within 1000 m of the school it is 重点. Read with edu:read (a class teacher
    // too: the water their pupils pass), recorded, edited and deleted with edu:lessons; the units
    // above the schools also see 各校水域, where the gaps are by school.
    path: 'edu/waters',
    name: 'edu-waters',
    component: () => import('@/views/edu/Waters.vue'),
    meta: { title: 'edu.menu.waters', group: 'education', icon: 'Location', perm: perm.eduRead },
  },
  {
    // 防溺水提醒 (drowning warnings): the class teachers record on their 1530 page that the class was
    // warned on the warning days the server computes (the warm season's last school days of the
    // week, more for rural, township and fringe schools; the day before a holiday or the summer
    // vacation; a campaign's days). Read with edu:read: the completion by school or, for a school,
    // by class; the bureau's 专项预警 campaigns, issued and withdrawn with edu:content.
    path: 'edu/drowning',
    name: 'edu-drowning',
    component: () => import('@/views/edu/Drowning.vue'),
    meta: { title: 'edu.menu.drowning', group: 'education', icon: 'Warning', perm: perm.eduRead },
  },
  {
    // 联防联控 (measure 10: joint drowning prevention): the bureau's safety office gives the member
    // departments (natural resources, agriculture, emergency management, water …) their tasks for
    // the season (下达任务, edu:content) and sees who has reported; a department's liaison, who holds
    // edu:joint and not edu:read, reports on the tasks given to the department. Open to either
    // permission; not in a school's menu (a school is given no tasks).
    path: 'edu/joint',
    name: 'edu-joint',
    component: () => import('@/views/edu/JointTasks.vue'),
    meta: { title: 'edu.menu.joint', group: 'education', icon: 'Connection', perm: [perm.eduRead, perm.eduJoint], unit: 'other' },
  },
  {
    path: 'edu/joint/:id(\\d+)',
    name: 'edu-joint-task',
    component: () => import('@/views/edu/JointTaskDetail.vue'),
    meta: { title: 'edu.menu.jointTask', perm: [perm.eduRead, perm.eduJoint] },
  },
  {
    path: 'calendar',
    name: 'calendar',
    component: () => import('@/views/calendar/CalendarView.vue'),
    meta: { title: 'calendar.menu.title', group: 'education', icon: 'Calendar', perm: perm.calendarRead },
  },
  {
    // 校车台账 (measure 16): each school's school-bus routes, vehicles, drivers, bus monitors (照管人员)
    // and providers, every record checked by the bus rules today (合格, 临期提醒, 不合格 with the
    // reasons). Read with bus:read (the bureau's offices, the inspectors and leaders: every school in
    // scope), registered and edited with bus:manage (the bureau's safety office; a school's leader and
    // safety officer: their own school). 校车底数: the figures by school, for the units above the schools.
    path: 'bus',
    name: 'bus',
    component: () => import('@/views/bus/BusRegistry.vue'),
    meta: { title: 'bus.menu.registry', group: 'traffic', icon: 'Van', perm: perm.busRead },
  },
  {
    path: 'bus/survey',
    name: 'bus-survey',
    component: () => import('@/views/bus/BusSurvey.vue'),
    meta: { title: 'bus.menu.survey', group: 'traffic', icon: 'DataBoard', perm: perm.busRead, unit: 'bureau' },
  },
  {
    // 校园交通 (measure 14): each school's campus vehicles (教职工, 服务, 访客: the gates, hours and days
    // they may enter), its e-bikes judged by traffic.ebike (合格, 待检查, 不合格 with the reason) and the
    // entries refused at its gates (门岗记录). Read with traffic:read, registered and edited with
    // traffic:manage (the bureau's safety office; a school's leader and safety officer: their own school).
    path: 'traffic',
    name: 'traffic-campus',
    component: () => import('@/views/traffic/TrafficRegistry.vue'),
    meta: { title: 'traffic.menu.registry', group: 'traffic', icon: 'Bicycle', perm: perm.trafficRead },
  },
  {
    // 门岗核验: a phone page for the gate (traffic:gate: a school's leader and safety officer) — the
    // plate checked at the school's gate, the answer large, a refusal recorded, today's refusals below.
    path: 'traffic/gate',
    name: 'traffic-gate',
    component: () => import('@/views/traffic/GateCheck.vue'),
    meta: { title: 'traffic.menu.gate', group: 'traffic', icon: 'Checked', perm: perm.trafficGate },
  },
  {
    // 交通安全一校一策 (measure 15): a school's guide for arrival and dismissal — its gates, the peaks
    // per grade, the zones, 人车分流, 护学岗, the police's peak duty, early arrivals and after school,
    // and the road-facility needs sent to the traffic police as a whistle. A school user's own school,
    // the bureau's any school in scope (?unit_id=…). Read with traffic:read; written and published
    // with traffic:manage; the needs sent with traffic:manage and whistle:raise.
    path: 'traffic/guide',
    name: 'traffic-guide',
    component: () => import('@/views/traffic/TrafficGuide.vue'),
    meta: { title: 'traffic.menu.guide', group: 'traffic', icon: 'Guide', perm: perm.trafficRead },
  },
  {
    // The guide for the parents, print-ready (one A4 sheet per school).
    path: 'traffic/guide/:unitId(\\d+)/print',
    name: 'traffic-guide-print',
    component: () => import('@/views/traffic/TrafficGuidePrint.vue'),
    meta: { title: 'traffic.menu.guidePrint', perm: perm.trafficRead },
  },
  {
    // 一校一策总览: every school's guide by state, for the units above the schools; exported as .xlsx.
    path: 'traffic/guides',
    name: 'traffic-guides',
    component: () => import('@/views/traffic/TrafficGuides.vue'),
    meta: { title: 'traffic.menu.guides', group: 'traffic', icon: 'DataLine', perm: perm.trafficRead, unit: 'bureau' },
  },
  {
    // 应急体系 (measure 19): a school's emergency command structure (总指挥 and the working groups),
    // its minimal emergency unit (保安员, 教职工, 周边商户志愿者), what its emergency card shows and its
    // emergency plans, with the rules' verdicts (emergency.command, emergency.unit, emergency.plan).
    // A school user's own school, the bureau's any school in scope (?unit_id=…). Read with
    // emergency:read (a teacher reads the card's content); written with emergency:manage.
    path: 'emergency',
    name: 'emergency-setup',
    component: () => import('@/views/emergency/EmergencySetup.vue'),
    meta: { title: 'emergency.menu.setup', group: 'training', icon: 'FirstAidKit', perm: perm.emergencyRead },
  },
  {
    // The school's emergency card, print-ready (one A4 sheet): the numbers to call, the command
    // structure and the minimal emergency unit with their phones.
    path: 'emergency/:unitId(\\d+)/card',
    name: 'emergency-card',
    component: () => import('@/views/emergency/EmergencyCard.vue'),
    meta: { title: 'emergency.menu.card', perm: perm.emergencyRead },
  },
  {
    // 应急体系总览: every school's setup by state (未建立, 未达标, 达标) with the rules' verdicts, for
    // the units above the schools; exported as .xlsx.
    path: 'emergency/setups',
    name: 'emergency-setups',
    component: () => import('@/views/emergency/EmergencySetups.vue'),
    meta: { title: 'emergency.menu.setups', group: 'training', icon: 'DataAnalysis', perm: perm.emergencyRead, unit: 'bureau' },
  },
  {
    // 重点岗位人员 (measures 17 and 19): a school's staff in key posts (消防安全, 基建工程, 实验室, 实习实训,
    // 安保), each with the last training attended and the day the next rotation training is due — the
    // due list, overdue first — and the verdicts of training.rotation and training.holiday. A school
    // user's own school, the bureau's any school in scope (?unit_id=…). Read with training:read;
    // registered and edited with training:manage.
    path: 'training/staff',
    name: 'training-staff',
    component: () => import('@/views/training/TrainingStaff.vue'),
    meta: { title: 'training.menu.staff', group: 'training', icon: 'User', perm: perm.trainingRead },
  },
  {
    // 培训记录: a school's training sessions (重点岗位轮训, 假期安保培训, 专题安全培训) with their attendance,
    // recorded with training:manage (attendees ticked, or a sign-in sheet imported).
    path: 'training/sessions',
    name: 'training-sessions',
    component: () => import('@/views/training/TrainingSessions.vue'),
    meta: { title: 'training.menu.sessions', group: 'training', icon: 'Notebook', perm: perm.trainingRead },
  },
  {
    // 轮训看板: every school's key-post staff overdue or due soon and the two rules' verdicts, for the
    // units above the schools; exported as .xlsx.
    path: 'training/board',
    name: 'training-board',
    component: () => import('@/views/training/TrainingBoard.vue'),
    meta: { title: 'training.menu.board', group: 'training', icon: 'TrendCharts', perm: perm.trainingRead, unit: 'bureau' },
  },
  {
    // 安全监管机构 (measure 18): the safety office of a unit — its name and its members, each full or
    // part time with their qualifications — with, for a school, the verdict of staffing.office. A
    // school user's own school; the bureau's own bureau or any school in scope (?unit_id=…). Read
    // with training:read; written whole with training:manage.
    path: 'training/offices',
    name: 'training-office',
    component: () => import('@/views/training/TrainingOffice.vue'),
    meta: { title: 'training.menu.office', group: 'training', icon: 'OfficeBuilding', perm: perm.trainingRead },
  },
  {
    // 队伍建设看板: every bureau's and school's safety office with its members, full and part time,
    // qualified, and the schools' verdicts, for the units above the schools; exported as .xlsx.
    path: 'training/offices/board',
    name: 'training-offices-board',
    component: () => import('@/views/training/TrainingOfficesBoard.vue'),
    meta: { title: 'training.menu.officesBoard', group: 'training', icon: 'DataBoard', perm: perm.trainingRead, unit: 'bureau' },
  },
  {
    // 我的职责清单 (measures 1 and 2): the signed-in user's own safety duty list — each post's duties
    // numbered — signed with their password (签订: a drawer on a phone). A login is enough (a teacher
    // holds no duty:* permission); in the menu of a school's staff.
    path: 'duties/mine',
    name: 'duty-mine',
    component: () => import('@/views/duties/MyDuty.vue'),
    meta: { title: 'duties.menu.mine', group: 'duties', icon: 'Stamp', unit: 'school' },
  },
  {
    // 职责清单: a school's duty lists (一岗双责) — 已签订 / 未签订 / 待重签 counted, the verdict of
    // duty.signed, each list's text — drawn up and changed with duty:manage, exported as .xlsx. A
    // school user's own school, the bureau's any school in scope (?unit_id=…; ?list=… opens one).
    path: 'duties/lists',
    name: 'duty-lists',
    component: () => import('@/views/duties/DutyLists.vue'),
    meta: { title: 'duties.menu.lists', group: 'duties', icon: 'Files', perm: perm.dutyRead },
  },
  {
    // 三管三必须: the owners of a school's business areas, the gaps (an area without an owner, an
    // owner without a signed list) and the verdict of duty.areas; written whole with duty:manage.
    path: 'duties/areas',
    name: 'duty-areas',
    component: () => import('@/views/duties/DutyAreas.vue'),
    meta: { title: 'duties.menu.areas', group: 'duties', icon: 'Operation', perm: perm.dutyRead },
  },
  {
    // 岗位职责模板: the district's duties of each post, versioned; revised with duty:template (the
    // bureau's safety office), every list holding the post then signed again.
    path: 'duties/templates',
    name: 'duty-templates',
    component: () => import('@/views/duties/DutyTemplates.vue'),
    meta: { title: 'duties.menu.templates', group: 'duties', icon: 'Notebook', perm: perm.dutyRead },
  },
  {
    // 安全述职: a school's year in safety for its leaders' annual report — the leaders' lists signed,
    // hazards found and closed, drills, training, supervision orders and the rules not met — of this
    // year or a past one (?year=2025), printable and exported as .xlsx. A school user's own school,
    // the bureau's any school in scope (?unit_id=…).
    path: 'duties/year',
    name: 'duty-year',
    component: () => import('@/views/duties/DutyYear.vue'),
    meta: { title: 'duties.menu.year', group: 'duties', icon: 'Memo', perm: perm.dutyRead },
  },
  {
    // 科室述职: a bureau section's year for its head's annual report — its people, its supervision items
    // and the plan's measures they serve, the district's work it led (its units' due days on time, late,
    // not done) and the work deployed to it — of this year or a past one (?year=2025), printable and
    // exported as .xlsx. A section user's own section; the bureau picks one (?section_id=3 from a link).
    // Only the bureau's own offices (403 else). 安全述职 above stays the schools' (a section reads a
    // school's there, as the bureau does).
    path: 'duties/year/section',
    name: 'duty-year-section',
    component: () => import('@/views/duties/SectionYear.vue'),
    meta: { title: 'duties.menu.sectionYear', group: 'duties', icon: 'Postcard', perm: perm.dutyRead, unit: 'office', unitOnly: true },
  },
  {
    // 责任落实看板: every school's lists signed and its 三管三必须 gaps with both rules' verdicts, for the
    // units above the schools; exported as .xlsx.
    path: 'duties/board',
    name: 'duty-board',
    component: () => import('@/views/duties/DutyBoard.vue'),
    meta: { title: 'duties.menu.board', group: 'duties', icon: 'DataBoard', perm: perm.dutyRead, unit: 'bureau' },
  },
  {
    // 科室监管事项 (measure 2): the matters each section of the bureau oversees — by stage (管学段) or by
    // business (管业务) — with the plan's measures they serve, the post and the person (不在岗 when the
    // account left the section); kept by the bureau's safety office (duty:template: 新增, 修改, 删除,
    // 导入), read by the bureau and its sections, exported as .xlsx. ?section_id=3 keeps a section's,
    // ?measure=16 those serving a measure (from 措施覆盖). Only the bureau's own offices (403 else).
    path: 'duties/supervision',
    name: 'duty-supervision',
    component: () => import('@/views/duties/SupervisionItems.vue'),
    meta: { title: 'duties.menu.supervision', group: 'duties', icon: 'Finished', perm: perm.dutyRead, unit: 'office', unitOnly: true },
  },
  {
    // 措施覆盖: which of the plan's 21 measures a section oversees with its person in place (已覆盖
    // 19/21), those with no section (无科室监管) or whose people left (责任人不在岗), and each section's
    // items and measures; exported as .xlsx. Only the bureau's own offices.
    path: 'duties/supervision/coverage',
    name: 'duty-supervision-coverage',
    component: () => import('@/views/duties/SupervisionCoverage.vue'),
    meta: { title: 'duties.menu.coverage', group: 'duties', icon: 'PieChart', perm: perm.dutyRead, unit: 'office', unitOnly: true },
  },
  {
    // 全区工作 (全区“一盘棋”, measure 3): the bureau's work items — 共性任务, 重点事项, 常规工作 — each led by a
    // section, deployed to schools and sections, due once or 每周 / 每月 / 每季度, with its completion rate
    // and the units overdue; deployed, changed, deleted and imported by the bureau's safety office
    // (duty:template), read by the bureau and its sections, exported as .xlsx. ?kind=key keeps a kind,
    // ?unit_id=21 the items deployed to a unit (from the board). Only the bureau's own offices (403 else).
    path: 'duties/work',
    name: 'duty-work',
    component: () => import('@/views/duties/WorkItems.vue'),
    meta: { title: 'duties.menu.work', group: 'duties', icon: 'Flag', perm: perm.dutyRead, unit: 'office', unitOnly: true },
  },
  {
    // 全区工作看板: the district's work by today — due days, done, done late, overdue, the rate —, by kind
    // and by unit, the most overdue first. Only the bureau's own offices.
    path: 'duties/work/board',
    name: 'duty-work-board',
    component: () => import('@/views/duties/WorkBoard.vue'),
    meta: { title: 'duties.menu.workBoard', group: 'duties', icon: 'TrendCharts', perm: perm.dutyRead, unit: 'office', unitOnly: true },
  },
  {
    // 本单位工作: the work deployed to the user's school or section, one card an item, each due day
    // reported done (报告完成) or withdrawn (撤回); in the menu of the schools and the bureau's sections.
    path: 'duties/work/mine',
    name: 'duty-work-mine',
    component: () => import('@/views/duties/MyWork.vue'),
    meta: { title: 'duties.menu.workMine', group: 'duties', icon: 'Checked', perm: perm.dutyRead, unit: 'target' },
  },
  {
    // A work item: its due days and each unit's progress (逾期未完成, 即将到期, 已完成, 逾期完成), the reports.
    path: 'duties/work/:id(\\d+)',
    name: 'duty-work-item',
    component: () => import('@/views/duties/WorkItemDetail.vue'),
    meta: { title: 'duties.menu.workItem', perm: perm.dutyRead, unit: 'office', unitOnly: true },
  },
  {
    path: 'system/org',
    name: 'org',
    component: () => import('@/views/system/org/OrgView.vue'),
    // The organisation tree is the education administration's: not in a school's or a department's menu.
    meta: {
      title: 'menu.org',
      group: 'system',
      icon: 'OfficeBuilding',
      perm: [perm.unitRead, perm.regionRead],
      unit: 'bureau',
    },
  },
  {
    path: 'system/schools',
    name: 'schools',
    component: () => import('@/views/system/schools/SchoolList.vue'),
    meta: { title: 'menu.schools', group: 'system', icon: 'School', perm: perm.schoolRead },
  },
  {
    path: 'system/schools/:id(\\d+)',
    name: 'school-detail',
    component: () => import('@/views/system/schools/SchoolDetail.vue'),
    meta: { title: 'menu.schoolDetail', perm: perm.schoolRead },
  },
  {
    path: 'system/departments',
    name: 'departments',
    component: () => import('@/views/system/departments/DepartmentList.vue'),
    meta: {
      title: 'menu.departments',
      group: 'system',
      icon: 'Connection',
      perm: perm.departmentRead,
    },
  },
  {
    // The rules engine's catalog, for everyone doing safety work (the API answers any signed-in
    // user; the menu shows it to those who hold the hazard ledger, the calendar, the drills or
    // the findings — in a school only to those who read the rules). Holders of rules:configure
    // edit the engine's values there.
    path: 'rules',
    name: 'rules',
    component: () => import('@/views/rules/RuleCatalog.vue'),
    meta: {
      title: 'menu.rules',
      group: 'system',
      icon: 'Tickets',
      perm: [perm.hazardRead, perm.calendarRead, perm.drillRead, perm.rulesRead],
      menuHide: { unit: 'school', without: [perm.rulesRead, perm.rulesConfigure, perm.hazardConfigure] },
    },
  },
  {
    path: 'system/users',
    name: 'users',
    component: () => import('@/views/system/users/UserList.vue'),
    meta: { title: 'menu.users', group: 'system', icon: 'User', perm: perm.userRead },
  },
  {
    path: 'system/roles',
    name: 'roles',
    component: () => import('@/views/system/roles/RoleList.vue'),
    meta: { title: 'menu.roles', group: 'system', icon: 'Key', perm: perm.roleRead },
  },
  {
    path: 'system/policy',
    name: 'policy',
    component: () => import('@/views/system/policy/PolicyView.vue'),
    meta: { title: 'menu.policy', group: 'system', icon: 'Lock', perm: perm.policyRead },
  },
  {
    // 未成年人信息查阅: records naming students (家长回执名单) are minors' data. A user above a school
    // asks for a time-limited grant to read them (我的申请, edu:read), the school's leader approves,
    // refuses or revokes it (待我审批, minors:grant), and the yearly access report says who read which
    // school's records (年度查阅报告, minors:grant or audit:read). Not in the menu of a school's staff
    // who decide nothing (they read their own school's records as their duties need).
    path: 'minors',
    name: 'minors',
    component: () => import('@/views/minors/MinorsGrants.vue'),
    meta: {
      title: 'minors.menu.title',
      group: 'system',
      icon: 'Hide',
      perm: [perm.eduRead, perm.minorsGrant, perm.auditRead],
      menuHide: { unit: 'school', without: [perm.minorsGrant, perm.auditRead] },
    },
  },
  {
    path: 'system/audit',
    name: 'audit',
    component: () => import('@/views/system/audit/AuditList.vue'),
    meta: { title: 'menu.audit', group: 'system', icon: 'Document', perm: perm.auditRead },
  },
  {
    path: 'profile',
    name: 'profile',
    component: () => import('@/views/profile/ProfileView.vue'),
    meta: { title: 'menu.profile' },
  },
  {
    path: 'forbidden',
    name: 'forbidden',
    component: () => import('@/views/error/ForbiddenView.vue'),
    meta: { title: 'menu.forbidden', tab: false },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/NotFoundView.vue'),
    meta: { title: 'menu.notFound', tab: false },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    // What a class's link opens for its parents: the letter and the receipt form, on a phone,
    // without an account or the console around it.
    path: '/p/letters/:token',
    name: 'parent-letter',
    component: () => import('@/views/edu/ParentLetter.vue'),
    meta: { public: true, anonymous: true, tab: false, title: 'edu.menu.parentLetter' },
  },
  {
    path: '/',
    component: () => import('@/layout/MainLayout.vue'),
    redirect: '/home',
    children: layoutChildren,
  },
]
