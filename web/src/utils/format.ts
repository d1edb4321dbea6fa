import dayjs from 'dayjs'

/** Server instants are ISO-8601 UTC; people read them in local time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso
}
