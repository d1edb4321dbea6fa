// Column choices for RightToolbar whose labels follow the UI language.
import { reactive, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ColumnOption } from '@/components/RightToolbar.vue'

export interface ColumnDef {
  key: string
  /** i18n key of the column header. */
  labelKey: string
  visible: boolean
}

export function useColumns(defs: ColumnDef[]): { columns: ColumnOption[]; show: (key: string) => boolean } {
  const { t } = useI18n()
  const columns = reactive<ColumnOption[]>(defs.map((d) => ({ key: d.key, label: '', visible: d.visible })))
  watchEffect(() => {
    columns.forEach((c, i) => {
      c.label = t(defs[i].labelKey)
    })
  })
  const show = (key: string): boolean => columns.find((c) => c.key === key)?.visible ?? true
  return { columns, show }
}
