// The server's permission strings (domain/auth/auth.hpp), named once for the console.
export const perm = {
  regionRead: 'region:read',
  regionWrite: 'region:write',
  unitRead: 'unit:read',
  unitWrite: 'unit:write',
  departmentRead: 'department:read',
  departmentWrite: 'department:write',
  schoolRead: 'school:read',
  schoolWrite: 'school:write',
  schoolImport: 'school:import',
  schoolExport: 'school:export',
  userRead: 'user:read',
  userWrite: 'user:write',
  roleRead: 'role:read',
  roleWrite: 'role:write',
  policyRead: 'policy:read',
  policyWrite: 'policy:write',
  auditRead: 'audit:read',
  auditExport: 'audit:export',
  hazardRead: 'hazard:read',
  hazardReport: 'hazard:report',
  hazardAssign: 'hazard:assign',
  hazardRectify: 'hazard:rectify',
  hazardVerify: 'hazard:verify',
  hazardClose: 'hazard:close',
  hazardReopen: 'hazard:reopen',
  hazardSupervise: 'hazard:supervise',
  hazardReply: 'hazard:reply',
  hazardConfigure: 'hazard:configure',
  calendarRead: 'calendar:read',
  calendarWrite: 'calendar:write',
  calendarHolidays: 'calendar:holidays',
  drillRead: 'drill:read',
  drillRecord: 'drill:record',
  rulesRead: 'rules:read',
  rulesConfigure: 'rules:configure',
  checklistRead: 'checklist:read',
  checklistManage: 'checklist:manage',
  patrolRead: 'patrol:read',
  patrolManage: 'patrol:manage',
  patrolRecord: 'patrol:record',
  campaignRead: 'campaign:read',
  campaignManage: 'campaign:manage',
  campaignInspect: 'campaign:inspect',
  campaignFill: 'campaign:fill',
  securityRead: 'security:read',
  securityRecord: 'security:record',
  whistleRead: 'whistle:read',
  whistleRaise: 'whistle:raise',
  whistleRespond: 'whistle:respond',
  whistleRoute: 'whistle:route',
  eduRead: 'edu:read',
  eduClasses: 'edu:classes',
  eduCheckin: 'edu:checkin',
  /**
   * Record, edit and delete safety education activities, the letters to the parents and the water
   * near a school (reading them is edu:read).
   */
  eduLessons: 'edu:lessons',
  /**
   * Edit the unit's 1530 reminder texts and put them back (reading them is edu:read), issue the
   * drowning warning campaigns and the 联防联控 tasks.
   */
  eduContent: 'edu:content',
  /** A department's liaison reports on the bureau's 联防联控 tasks given to the department. */
  eduJoint: 'edu:joint',
  /** 校车台账 and 校车底数: the school-bus providers, vehicles, drivers, monitors and routes. */
  busRead: 'bus:read',
  /** Register and edit the school-bus providers, vehicles, drivers, monitors and routes (a school its own). */
  busManage: 'bus:manage',
  /** 校园交通: the campus vehicles, the e-bikes registered and the entries refused at the gates. */
  trafficRead: 'traffic:read',
  /** Register and edit the campus vehicles and e-bikes (a school its own). */
  trafficManage: 'traffic:manage',
  /** 门岗核验: check a vehicle or e-bike at the school's gate, a refusal recorded (a school's leader and safety officer). */
  trafficGate: 'traffic:gate',
  /** 应急体系: a school's emergency command structure, minimal emergency unit, card and plans; the bureau's overview. */
  emergencyRead: 'emergency:read',
  /** Write a school's emergency command structure, minimal emergency unit, card and plans (a school its own). */
  emergencyManage: 'emergency:manage',
  /** 安全培训: a school's key-post staff (due for rotation training), its training sessions; the bureau's 轮训看板. */
  trainingRead: 'training:read',
  /** Register and edit a school's key-post staff, record and delete its training sessions (a school its own). */
  trainingManage: 'training:manage',
  /** 安全责任: a school's duty lists, its 三管三必须 owners, the duty templates; the bureau's 责任落实看板. */
  dutyRead: 'duty:read',
  /** Draw up and change a school's duty lists, name its business areas' owners (a school its own). */
  dutyManage: 'duty:manage',
  /** Revise the district's duty templates per post (the bureau's safety office). */
  dutyTemplate: 'duty:template',
  /**
   * 未成年人信息: approve, refuse and revoke the grants (查阅授权) by which users above a school read its
   * students' records (a school's leader, their own school); read the yearly access report.
   */
  minorsGrant: 'minors:grant',
} as const
