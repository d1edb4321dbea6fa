// What a SearchForm hands the fields inside it: searching (a text field searches on Enter).
import type { InjectionKey } from 'vue'

export const SEARCH_KEY: InjectionKey<() => void> = Symbol('search')
