// Labels of the hazard codes: the server's dictionaries, else the label the record carries, else
// the console's own names of the codes (hazard.code.*); a code nobody names shows as itself.
import type { DictName } from '@/api/dictionaries'
import { i18n } from '@/i18n'
import { useDictStore } from '@/stores/dict'
import { ruleKey } from './hazardHelpers'

type Area = 'state' | 'level' | 'domain' | 'source'

/** The console's name of a hazard code (hazard.code.<area>.<code>), if it has one. */
export function codeName(area: Area, code: string): string | undefined {
  const key = `hazard.code.${area}.${code}`
  return /^[a-z_]+$/.test(code) && i18n.global.te(key) ? i18n.global.t(key) : undefined
}

/** A timeline step (report, assign … supervision_reply, supervision_close) by name. */
export function eventName(action: string): string {
  const { t, te } = i18n.global
  if (te('tasks.event.' + action)) return t('tasks.event.' + action)
  return te('hazard.event.' + action) ? t('hazard.event.' + action) : action
}

/** An escalation rule (hazard.overdue.owner …) by name. */
export function ruleName(rule: string): string {
  const { t, te } = i18n.global
  return te(ruleKey(rule)) ? t(ruleKey(rule)) : rule
}

export function useHazardLabels() {
  const dict = useDictStore()
  function of(name: DictName, area: Area, code: string | null | undefined, fallback?: string): string {
    if (!code) return ''
    return dict.entries(name).find((e) => e.code === code)?.label ?? (fallback || codeName(area, code)) ?? code
  }
  return {
    state: (code: string | null | undefined, fallback?: string) => of('hazard_states', 'state', code, fallback),
    level: (code: string | null | undefined, fallback?: string) => of('hazard_levels', 'level', code, fallback),
    domain: (code: string | null | undefined, fallback?: string) => of('hazard_domains', 'domain', code, fallback),
    source: (code: string | null | undefined, fallback?: string) => of('hazard_sources', 'source', code, fallback),
    event: eventName,
    rule: ruleName,
  }
}
