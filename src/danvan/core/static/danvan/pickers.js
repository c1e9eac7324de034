/* Searchable pickers (core.pickers, ADR 0020): keyboard additions to the autocomplete-light web component.
   Typing, ↓/↑ and Enter come with the component; here Backspace or Delete in an empty search box clears the
   chosen value, and the × of a chosen value is reachable with Tab and answers Enter or Space; and the component's
   `selected` does not throw before its result box exists. */
(function () {
  'use strict'
  // The component's `selected` reads its result box, which exists only once a search has opened it; before
  // that, anything reading the property (accessibility tools walk every element's properties) got a TypeError.
  function guard(cls) {
    Object.defineProperty(cls.prototype, 'selected', {
      configurable: true,
      get: function () { return this.box ? this.box.querySelectorAll(this.choiceSelector + '.hilight') : [] }
    })
  }
  if (window.customElements) {
    ['autocomplete-light', 'autocomplete-select-input'].forEach(function (name) {
      var cls = window.customElements.get(name)
      if (cls) guard(cls)
      else window.customElements.whenDefined(name).then(function () { guard(window.customElements.get(name)) })
    })
  }
  function clearOf(el) {
    var picker = el.closest('autocomplete-select')
    return picker && picker.querySelector('[slot=deck] [data-value]:not([data-value=""]) .clear')
  }
  document.addEventListener('keydown', function (ev) {
    var el = ev.target
    if (!el || !el.closest) return
    if (el.matches('autocomplete-select input[slot=input]') && el.value === '' &&
        (ev.key === 'Backspace' || ev.key === 'Delete')) {
      var clear = clearOf(el)
      if (clear) { ev.preventDefault(); clear.click() }
    } else if (el.matches('autocomplete-select [slot=deck] .clear') && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault()
      el.click()
    }
  })
  function label(root) {
    (root || document).querySelectorAll('autocomplete-select [slot=deck] .clear:not([tabindex])').forEach(function (c) {
      c.setAttribute('tabindex', '0')
      c.setAttribute('role', 'button')
      c.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Clear' : 'Bỏ chọn')
    })
  }
  new MutationObserver(function () { label() }).observe(document.documentElement, {childList: true, subtree: true})
  document.addEventListener('DOMContentLoaded', function () { label() })
})()
