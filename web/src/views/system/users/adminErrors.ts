// How the administration pages word a refused request: a rule (409 failed_precondition, e.g.
// 三员分立) or a validation error shows the server's own sentence once, not "field reason"
// pairs that repeat it. Pure except for `showAdminError`.
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'
import { showError } from '@/utils/errors'
import { i18n } from '@/i18n'

/** The sentence to show for a refused request; null when it is not an ApiError. */
export function adminErrorText(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null
  const parts = [e.message]
  for (const d of e.details) {
    if (d.reason && !parts.some((p) => p.includes(d.reason))) parts.push(d.reason)
  }
  return parts.filter(Boolean).join('；')
}

export function showAdminError(e: unknown): void {
  if (e instanceof ApiError && (e.status === 409 || e.status === 422)) {
    const label = `${i18n.global.t('common.requestId')} ${e.requestId}`
    const id = e.requestId ? (i18n.global.locale.value === 'zh-CN' ? `（${label}）` : ` (${label})`) : ''
    ElMessage.error({ message: (adminErrorText(e) ?? e.message) + id, duration: 6000, grouping: true })
    return
  }
  showError(e)
}

/** `permissions[3]` → `permissions`, so errors on list items show next to the list. */
export function collapseIndexedFields(errors: Record<string, string>): void {
  for (const key of Object.keys(errors)) {
    const m = /^([a-z_]+)\[\d+\]/.exec(key)
    if (m && !(m[1] in errors)) errors[m[1]] = errors[key]
  }
}
