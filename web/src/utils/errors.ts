import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'

/** Shows an error to the user: the server's message, and its request id to quote. */
export function showError(e: unknown): void {
  if (e instanceof ApiError) {
    if (e.status === 401) return // the session handler already took the user to the login page
    const id = e.requestId ? `（请求编号 ${e.requestId}）` : ''
    // Details the message does not already say (row-level ones belong to import reports).
    const extra = e.details.filter((d) => !d.row && d.reason && !e.message.includes(d.reason))
    const detail = extra.length > 0 ? `：${extra.map((d) => `${d.field} ${d.reason}`).join('；')}` : ''
    ElMessage.error({ message: e.message + detail + id, duration: 5000, grouping: true })
    return
  }
  ElMessage.error({ message: e instanceof Error ? e.message : String(e), grouping: true })
}

/**
 * Server field errors for a form: `errors.value[field]` feeds `<el-form-item :error>`.
 * Returns true when the error was a validation error that the form now shows.
 */
export function applyFieldErrors(e: unknown, target: Record<string, string>): boolean {
  for (const k of Object.keys(target)) delete target[k]
  if (!(e instanceof ApiError) || (e.status !== 422 && e.status !== 409)) return false
  const fields = e.fieldErrors()
  if (Object.keys(fields).length === 0) return false
  Object.assign(target, fields)
  return true
}
