// Where a notification of the bell leads (unit-tested in __tests__/notificationRoute.spec.ts): the
// page of the record it is about, by the server's object_type and object_id — or null when there
// is no such page (an unknown type, a malformed id, or a record no page shows).
import type { RouteLocationRaw } from 'vue-router'

/** What of a notification decides its page. */
export interface NotificationObject {
  object_type: string
  object_id: string
}

/** A record's id as the server writes it: a positive decimal integer (no sign, point, exponent or space). */
function positiveId(v: string): string | null {
  if (typeof v !== 'string' || !/^[1-9]\d*$/.test(v)) return null
  return Number.isSafeInteger(Number(v)) ? v : null
}

/** The pages of the records with a numeric id, by the notification's object_type. */
const BY_ID: Readonly<Record<string, string>> = {
  // 隐患: assigned, rectified, verified, supervised … (object_id: the hazard).
  hazard: 'hazard-detail',
  // 专项行动 (object_id: the campaign).
  campaign: 'campaign-detail',
  // 联防联控: a task given to a department (object_id: the task).
  edu_joint_task: 'edu-joint-task',
  // 四个100%逐校筛查: a round opened (object_id: the round, src/app/security/screening.cpp); the
  // round's page lists the caller's own school, which opens its screening.
  security_round: 'security-round',
}

/**
 * The page a notification opens, or null. `rule_finding` (object_id "<rule id>@<period key>",
 * e.g. "drill.fire_semester@2026-1") opens nothing: no page takes a rule by its id (the rules
 * catalog filters by measure only, the plan board by measure and date).
 */
export function notificationRoute(n: NotificationObject): RouteLocationRaw | null {
  if (!n || typeof n.object_type !== 'string') return null
  // 未成年人信息查阅: a request to decide, or a decision on one's own (object_id: the grant); the
  // page lists both (its first tab follows the caller's permissions).
  if (n.object_type === 'minors_grant') return positiveId(n.object_id) === null ? null : { name: 'minors' }
  if (!Object.prototype.hasOwnProperty.call(BY_ID, n.object_type)) return null
  const id = positiveId(n.object_id)
  return id === null ? null : { name: BY_ID[n.object_type], params: { id } }
}
