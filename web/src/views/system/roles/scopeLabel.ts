// Labels for data scopes and permission groups: the server's dictionary first, the console's own
// words while the dictionary is not (yet) loaded, the code as a last resort.
import { useI18n } from 'vue-i18n'
import { useDictStore } from '@/stores/dict'

export const scopeCodes = ['own', 'own_unit', 'unit_and_below', 'custom', 'all'] as const

export function useScopeLabel(): (code: string | null | undefined) => string {
  const { t, te } = useI18n()
  const dict = useDictStore()
  return (code) => {
    if (!code) return ''
    if (dict.entries('scope_kinds').some((e) => e.code === code)) return dict.label('scope_kinds', code)
    return te(`admin.scope.${code}`) ? t(`admin.scope.${code}`) : code
  }
}

/** A permission group's title: the dictionary's group name, or the console's word for a capability. */
export function useGroupTitle(): (name: string) => string {
  const { t, te } = useI18n()
  return (name) => (/^[a-z_]+$/.test(name) && te(`admin.capability.${name}`) ? t(`admin.capability.${name}`) : name)
}
