// Small progressive enhancements; no inline scripts (Content-Security-Policy).
// No control changes the page on a mere change of value (WCAG 3.2.2): forms submit by their buttons.
document.body && document.body.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) event.detail.headers["X-CSRFToken"] = token.value;
});

document.addEventListener("DOMContentLoaded", () => {
  // Phones: the module menu folds behind one button, so the header stays one line high.
  const toggle = document.querySelector(".menu-toggle");
  const topbar = document.getElementById("topbar");
  if (toggle && topbar) {
    topbar.classList.add("foldable");
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      topbar.classList.toggle("open", open);
    });
  }
  // A form returned with errors: focus its error summary, so a screen reader reads it and the keyboard
  // starts there (the summary's links lead to each field).
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
    summary.scrollIntoView({block: "start"});
  }
});
