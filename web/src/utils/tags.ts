// One colour per status code, used by every list (ui.md: statuses as coloured tags from one
// dictionary).
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

const colours: Record<string, TagType> = {
  active: 'success',
  ok: 'success',
  locked: 'danger',
  failed: 'danger',
  denied: 'warning',
  disabled: 'info',
  expired: 'info',
}

export function tagTypeOf(code: string): TagType {
  return colours[code] ?? 'primary'
}
