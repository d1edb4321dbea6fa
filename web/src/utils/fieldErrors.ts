// The server's refusal of a form saved whole (a record of lists of rows: 应急体系, 安全监管机构): 422
// with its reasons by field (several for one field joined), 409 when it was saved elsewhere since
// it was read, anything else for showError; and the field paths of a list's rows (unit[3].phone,
// members[0]) with how many reasons are about a row. Shared by the row editors (FormRows) and the
// pages and dialogs that place the reasons. Unit-tested in __tests__/fieldErrors.spec.ts.
import { ApiError } from '@/api/http'

/** A refusal of a write as an editor shows it. */
export type FieldFailure =
  /** 422: the reasons by field (one field's several reasons joined). */
  | { kind: 'fields'; errors: Record<string, string> }
  /** 409 (…stale): saved elsewhere since it was read; the server's words. */
  | { kind: 'stale'; message: string }
  | { kind: 'other' }

export function fieldFailure(e: unknown): FieldFailure {
  if (!(e instanceof ApiError)) return { kind: 'other' }
  if (e.status === 409) return { kind: 'stale', message: e.message }
  if (e.status !== 422 || e.details.length === 0) return { kind: 'other' }
  const errors: Record<string, string> = {}
  for (const d of e.details) {
    if (!d.field || !d.reason) continue
    const had = errors[d.field]
    if (!had) errors[d.field] = d.reason
    else if (!had.split('；').includes(d.reason)) errors[d.field] = `${had}；${d.reason}`
  }
  return Object.keys(errors).length ? { kind: 'fields', errors } : { kind: 'other' }
}

/** A row's field path (unit[3].phone); without a field, the row's own (plans[0]). */
export const rowPath = (list: string, i: number, field?: string): string => `${list}[${i}]${field ? `.${field}` : ''}`

/** How many of the server's reasons are about a row (the row's own and its fields'). */
export function rowErrorCount(errors: Record<string, string>, list: string, i: number): number {
  const p = rowPath(list, i)
  return Object.keys(errors).filter((k) => k === p || k.startsWith(`${p}.`)).length
}

/** The reasons a change of a list made stale: all of the list's (its rows' numbers move). */
export function clearListErrors(errors: Record<string, string>, list: string): void {
  for (const k of Object.keys(errors)) if (k === list || k.startsWith(`${list}[`)) delete errors[k]
}
