/* "Save this edition for offline reading" (issue 20). The edition's service worker (sw.js at
   the edition's root, written at build by Workbox: macros/offline/) keeps every page, map
   and the search of this edition, so they open at their usual addresses with no network.

   Nothing is downloaded and no worker registered until the reader asks. At load this waits
   until the page is idle, then puts the control (a <template> in the page's head, from
   overrides/partials/save-offline.html) at the end of the article, or in the downloads
   page's slot. Opening it reads save-offline.json, a few hundred bytes weighed at build, to
   say what saving downloads before it does. A newer edition's worker waits until the reader
   updates; the saved copy keeps working meanwhile. */
(function () {
  "use strict";

  notSavedPage();

  var template = document.getElementById("save-offline");
  if (!template || !("serviceWorker" in navigator) || !window.caches || !window.isSecureContext) return;
  var options = template.dataset;
  var scope = new URL(options.scope, location.href).href;
  var worker = new URL(options.worker, location.href).href;
  var summaryUrl = new URL(options.summary, location.href).href;
  var cacheName = "workbox-precache-v2-" + scope; // the cache Workbox's precaching fills for this scope
  var edition = "edition " + options.edition;
  var box, title, status, progress, buttons = {};
  var registration = null, summary = null, saving = false, failed = false, removed = false;

  (window.requestIdleCallback || function (run) { setTimeout(run, 1000); })(mount, { timeout: 5000 });

  function mount() {
    var slot = document.querySelector("[data-save-offline-slot]");
    var host = slot || document.querySelector("article.md-content__inner");
    if (!host) return;
    box = template.content.firstElementChild.cloneNode(true);
    if (slot) slot.replaceChildren(box);
    else host.appendChild(box);
    title = box.querySelector("[data-save-title]");
    status = box.querySelector("[data-save-status]");
    progress = box.querySelector("[data-save-progress]");
    box.querySelectorAll("[data-save-action]").forEach(function (button) {
      buttons[button.dataset.saveAction] = button;
      button.addEventListener("click", actions[button.dataset.saveAction]);
    });
    box.addEventListener("toggle", function () {
      if (box.open && !summary) readSummary();
    });
    navigator.serviceWorker.getRegistration(scope).then(function (found) {
      // The site's root covers every edition folder: only this edition's own save counts.
      if (found && found.scope === scope) watch(found);
      show();
    });
  }

  var actions = {
    save: function () {
      saving = true;
      failed = removed = false;
      show();
      navigator.serviceWorker.register(worker, { scope: scope }).then(function (found) {
        watch(found);
        count();
      }, function () {
        saving = false;
        failed = true;
        show();
      });
    },
    update: function () {
      var waiting = registration && registration.waiting;
      if (!waiting) return;
      waiting.addEventListener("statechange", function () {
        if (waiting.state === "activated") location.reload();
      });
      waiting.postMessage({ type: "SKIP_WAITING" });
      say("Updating the saved copy…");
    },
    remove: function () {
      var leaving = registration;
      registration = null;
      Promise.all([leaving ? leaving.unregister() : null, caches.delete(cacheName)]).then(function () {
        removed = true;
        show();
      });
    },
  };

  function watch(found) {
    registration = found;
    found.addEventListener("updatefound", function () {
      follow(found.installing);
    });
    follow(found.installing);
    follow(found.waiting);
  }

  function follow(installing) {
    if (!installing) return;
    installing.addEventListener("statechange", function () {
      if (registration === null) return;
      if (installing.state === "activated") saving = false;
      if (installing.state === "redundant" && !registration.active) {
        saving = false;
        failed = true;
        registration = null;
      }
      show();
    });
  }

  // While the first save runs, count the files the worker has stored so far.
  function count() {
    if (!saving || !registration || registration.active) return;
    caches.open(cacheName).then(function (cache) { return cache.keys(); }).then(function (keys) {
      if (!saving || !summary) return;
      progress.value = Math.min(1, keys.length / summary.precached);
      say("Saving " + edition + ": " + keys.length + " of " + summary.precached + " files…");
      setTimeout(count, 300);
    });
  }

  function readSummary() {
    fetch(summaryUrl, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (data) {
      summary = data;
      show();
    }, function () {
      if (!registration) say("Saving needs a network connection: try again once you are online.");
    });
  }

  function show() {
    if (!box) return;
    var active = registration && registration.active;
    var waiting = active && registration.waiting;
    var installing = registration && registration.installing;
    var saved = active && !saving;
    title.textContent = waiting ? "Saved for offline reading: an update is ready"
      : saved ? "Saved for offline reading" : "Save this edition for offline reading";
    box.classList.toggle("success", Boolean(saved));
    box.classList.toggle("info", !saved);
    progress.hidden = !saving || Boolean(active);
    buttons.save.hidden = Boolean(saving || registration || !summary);
    buttons.update.hidden = !waiting;
    buttons.remove.hidden = !saved;
    if (summary) buttons.save.textContent = "Save for offline reading (" + size(summary.download) + ")";

    if (waiting) say("A newer copy of this edition is published, and its changes are downloaded. Your saved copy keeps working as it is until you update it.");
    else if (saved && installing) say("Saved on this device. Checking a newer copy of this edition…");
    else if (saved) say(capital(edition) + " is saved on this device: every page, map, the timeline, the glossary and search open at their usual addresses with no network.");
    else if (saving) say("Saving " + edition + "…");
    else if (failed) say("Saving stopped before it was done (did the network drop?): nothing was kept. Try again when you are online.");
    else if (summary) say((removed ? "The saved copy is removed. " : "") + "Saving keeps " + edition + " on this device for reading with no network: " + size(summary.download) + " to download (" + summary.compression + "-compressed, as the site sends it), " + size(summary.stored) + " kept by the browser. Nothing downloads until you choose Save.");
    else say(removed ? "The saved copy is removed." : "Checking what saving this edition downloads…");
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function size(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.ceil(bytes / 1e3) + " kB";
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The "not saved" page (docs/not-saved.md) names the page the reader asked for.
  function notSavedPage() {
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
  }
})();
