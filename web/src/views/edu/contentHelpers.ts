// 1530提醒内容's pure parts: the library in the order of its topics and age groups, grouped by
// topic, the source as shown (默认 / 上级：… / 本单位修改) and the body of an edit.
import type { EduContentItem, EduContentOption, EduContentUpdate, EduContents } from '@/api/eduContents'
import type { TagType } from '@/utils/tags'
import { chinaTime } from '@/views/whistles/whistleHelpers'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** The most characters of a reminder text. */
export const CONTENT_MAX = 500

export const contentKey = (c: Pick<EduContentItem, 'topic' | 'age_group'>): string => `${c.topic}:${c.age_group}`

export interface ContentGroup {
  topic: string
  label: string
  items: EduContentItem[]
}

/** Where a code stands among the options; an unknown one after them all. */
function rank(options: readonly EduContentOption[], code: string): number {
  const i = options.findIndex((o) => o.code === code)
  return i < 0 ? options.length : i
}

/**
 * The items by topic (in the order of `topics`), each topic's by age group (in the order of
 * `age_groups`), only the topic asked for when one is; items of codes the lists lack come last.
 */
export function contentGroups(view: Pick<EduContents, 'topics' | 'age_groups' | 'items'>, topic = ''): ContentGroup[] {
  const items = view.items
    .filter((c) => !topic || c.topic === topic)
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        rank(view.topics, a.c.topic) - rank(view.topics, b.c.topic) ||
        rank(view.age_groups, a.c.age_group) - rank(view.age_groups, b.c.age_group) ||
        a.i - b.i,
    )
    .map(({ c }) => c)
  const groups: ContentGroup[] = []
  for (const c of items) {
    const last = groups.at(-1)
    if (last && last.topic === c.topic) last.items.push(c)
    else groups.push({ topic: c.topic, label: c.topic_label || view.topics.find((o) => o.code === c.topic)?.label || c.topic, items: [c] })
  }
  return groups
}

/** 默认 (shipped), 上级：{unit} (inherited), 本单位修改 (own). */
export function sourceText(t: Translate, c: Pick<EduContentItem, 'source' | 'source_unit_name'>): string {
  switch (c.source) {
    case 'own':
      return t('edu.contents.source.own')
    case 'inherited':
      return c.source_unit_name ? t('edu.contents.source.inherited', { unit: c.source_unit_name }) : t('edu.contents.source.inheritedPlain')
    default:
      return t('edu.contents.source.shipped')
  }
}

export function sourceTagType(source: string): TagType {
  switch (source) {
    case 'own':
      return 'success'
    case 'inherited':
      return 'warning'
    default:
      return 'info'
  }
}

/** Who last changed an edited text and when (China time), "" for a shipped one. */
export function updatedText(t: Translate, c: Pick<EduContentItem, 'source' | 'updated_by' | 'updated_at'>): string {
  if (c.source === 'shipped' || (!c.updated_by && !c.updated_at)) return ''
  return t('edu.contents.updated', { by: c.updated_by, at: chinaTime(c.updated_at) }).trim()
}

/** The edit's body: the item's topic and age group, the text, and the version read (0 unless the unit's own). */
export function contentUpdateBody(c: EduContentItem, text: string): EduContentUpdate {
  return {
    topic: c.topic,
    age_group: c.age_group,
    text: text.trim(),
    version: c.source === 'own' ? c.version : 0,
  }
}
