/* "Save this edition for offline reading" (issue 20), the part every online page loads: small,
   deferred, and idle until the page is. It puts the control (a <template> in the page's head,
   overrides/partials/save-offline.html) at the end of the article, or in the downloads page's
   slot; nothing on the screen moves. Nothing is downloaded and no worker registered here: the
   control's workings (save-offline-panel.js) load when the reader opens it, or at once for a
   reader who saved this edition already (then from the saved copy, to offer updates). */
(function () {
  var template = document.getElementById("save-offline-template");
  if (!template || !("serviceWorker" in navigator) || !window.caches || !window.isSecureContext) return;
  var scope = new URL(template.dataset.scope, location.href).href;

  (window.requestIdleCallback || function (run) { setTimeout(run, 1000); })(function () {
    var slot = document.querySelector("[data-save-offline-slot]");
    var host = slot || document.querySelector("article.md-content__inner");
    if (!host) return;
    var box = template.content.firstElementChild.cloneNode(true);
    if (slot) slot.replaceChildren(box);
    else host.appendChild(box);
    box.addEventListener("toggle", load);
    navigator.serviceWorker.getRegistration(scope).then(function (found) {
      if (found && found.scope === scope) load(); // the site's root covers every edition folder
    });
  }, { timeout: 5000 });

  function load() {
    if (window.saveOfflinePanel) return;
    window.saveOfflinePanel = true;
    var script = document.createElement("script");
    script.src = new URL(template.dataset.panel, location.href).href;
    document.head.appendChild(script);
  }
})();
