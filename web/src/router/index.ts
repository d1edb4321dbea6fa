import { createRouter, createWebHistory, type Router } from 'vue-router'
import { routes } from './routes'
import { useSessionStore } from '@/stores/session'
import { useTabsStore } from '@/stores/tabs'

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    await session.restore()
    if (to.meta.public) {
      // A logged-in user who is not held at a gate has no business on the login page.
      if (session.loggedIn && !session.gated && to.name === 'login') return { path: '/home' }
      return true
    }
    if (!session.loggedIn) {
      return { name: 'login', query: to.fullPath !== '/home' ? { redirect: to.fullPath } : {} }
    }
    if (session.gated) return { name: 'login', query: { step: 'gate' } }
    if (!session.can(to.meta.perm)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })

  router.afterEach((to) => {
    if (to.meta.public || to.meta.tab === false || !to.name) return
    useTabsStore().open({ path: to.fullPath, name: String(to.name), title: to.meta.title ?? '' })
  })

  return router
}
