/* Material's edition switch names its button "Select version", a name that leaves out the
   edition the button shows (axe: label-content-name-mismatch): let the button be named by
   what it shows. Material adds the switch after the page loads, so watch the header only. */
(function () {
  var header = document.querySelector(".md-header__title");
  if (!header) return;
  function name() {
    header.querySelectorAll(".md-version__current[aria-label]").forEach(function (button) {
      button.removeAttribute("aria-label");
    });
  }
  new MutationObserver(name).observe(header, { childList: true, subtree: true });
  name();
})();
