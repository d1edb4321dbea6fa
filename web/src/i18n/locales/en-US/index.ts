// One file per area of the console; en-US has the same files and keys (a test checks).
import common from './common'
import menu from './menu'
import login from './login'
import layout from './layout'
import profile from './profile'
import home from './home'
import org from './org'
import admin from './admin'
import error from './error'
import hazard from './hazard'
import calendar from './calendar'
import rules from './rules'
import drill from './drill'
import plan from './plan'
import checklist from './checklist'
import patrol from './patrol'

export default { common, menu, login, layout, profile, home, org, admin, error, hazard, calendar, rules, drill, plan, checklist, patrol }
