// Accessibility (WCAG 2.1 AA, GB/T 37668-2019): axe-core on every page of the console on a phone (375 px),
// each page's title, heading and language, with its dialogs and menus open (a11y-tour.mjs).
import { PHONE } from './harness.mjs'
import { axeTour, useTourServer } from './a11y-tour.mjs'

useTourServer()
axeTour(PHONE)
