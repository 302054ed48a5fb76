import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { computed, defineComponent, h } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { ElConfigProvider, ElDatePickerPanel } from 'element-plus'
import { elementLocale, intlLocale, setLocale, UI_LOCALES } from './index'

/**
 * Calendars start on Monday in every language, English included, and speak the agent's language: the
 * date picker's own pack (Element Plus) and the week's first day (dayjs) follow `setLocale`.
 */
const Calendar = defineComponent(() => {
  const locale = computed(() => elementLocale.value)
  return () => h(ElConfigProvider, { locale: locale.value }, () => h(ElDatePickerPanel, { modelValue: new Date(2026, 10, 21) }))
})

/** Monday's short name in a locale, from Intl (2026-11-23 is a Monday). */
const mondayIn = (locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(new Date(2026, 10, 23))

afterEach(async () => setLocale('en'))

describe('date pickers', () => {
  it.each(UI_LOCALES)('%s: the week starts on Monday, with the language’s own day names', async (locale) => {
    await setLocale(locale)
    const wrapper = mount(Calendar, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    const heads = wrapper.findAll('.el-date-table th').map((th) => th.text().toLowerCase().replace(/\.$/, ''))
    expect(heads).toHaveLength(7)
    // dayjs and Intl abbreviate differently ("ma" / "man."): compare the first two letters.
    expect(heads[0]!.slice(0, 2)).toBe(mondayIn(intlLocale()).toLowerCase().slice(0, 2))
    wrapper.unmount()
  })
})
