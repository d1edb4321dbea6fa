// The document's title and language follow the page and the chosen language: <title> is
// "<page> · 校安" (WCAG 2.4.2, every page its own title) from the route's meta.title, and
// <html lang> is the console's language (3.1.1: zh-CN, or en-US when switched to English).
import { watchEffect } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'

/** "<page> · <app>", or the app's name alone for a page without a title. */
export function documentTitle(page: string, app: string): string {
  return page ? `${page} · ${app}` : app
}

/** Keeps document.title and <html lang> in step with the route and the locale (App.vue). */
export function useDocumentMeta(): void {
  const route = useRoute()
  const { t, locale } = useI18n()
  watchEffect(() => {
    document.documentElement.lang = locale.value
    const key = route.meta.title
    document.title = documentTitle(key ? t(key) : '', t('common.appName'))
  })
}
