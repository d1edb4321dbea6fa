// Accessibility (WCAG 2.1 AA, GB/T 37668-2019): axe-core on every page of the console at desk width (1440 px),
// each page's title, heading and language, with its dialogs and menus open (a11y-tour.mjs).
import { DESKTOP } from './harness.mjs'
import { axeTour, useTourServer } from './a11y-tour.mjs'

useTourServer()
axeTour(DESKTOP)
