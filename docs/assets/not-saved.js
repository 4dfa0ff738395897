/* The "not saved" page (docs/not-saved.md), which the saved edition's worker opens, with the
   network off, for a page it did not save: it names that page, and links it for later. */
(function () {
  var named = document.querySelector("[data-not-saved-page]");
  var asked = new URLSearchParams(location.search).get("page");
  if (!named || !asked) return;
  var url = new URL(asked, location.href);
  if (url.origin !== location.origin) return;
  var code = document.createElement("code");
  try {
    code.textContent = decodeURI(url.pathname + url.search);
  } catch (error) {
    code.textContent = url.pathname + url.search;
  }
  named.replaceChildren("the page ", code);
  var retry = document.querySelector("[data-not-saved-retry]");
  var later = document.querySelector("[data-not-saved-later]");
  if (retry && later) {
    retry.href = url.href;
    retry.hidden = false;
    later.hidden = true;
  }
})();
