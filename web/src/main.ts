import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/theme.css'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import App from './App.vue'
import { createAppRouter } from './router'
import { menuIcons } from './router/menuIcons'
import { i18n } from './i18n'
import { onSessionExpired } from './api/http'
import { useSessionStore } from './stores/session'
import { ElMessage } from 'element-plus'
import './styles/main.css'

dayjs.locale(i18n.global.locale.value === 'zh-CN' ? 'zh-cn' : 'en')

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
const router = createAppRouter()
app.use(router)
app.use(i18n)
// Element Plus components come per page (vite.config.ts); only the menu's icons are named by string.
for (const [name, component] of Object.entries(menuIcons)) app.component(name, component)

// The server ended the session (idle, absolute limit, logged out elsewhere): back to login with
// the reason, and back to this page afterwards.
onSessionExpired((message) => {
  const session = useSessionStore()
  if (!session.loggedIn) return
  session.clear()
  ElMessage.warning({ message, grouping: true })
  const current = router.currentRoute.value
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath } })
  }
})

app.mount('#app')
