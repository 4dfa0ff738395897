/* The workings of "Save this edition for offline reading" (issue 20), loaded by
   save-offline.js when the reader opens the control. The edition's service worker (sw.js at
   the edition's root, written at build by Workbox: macros/offline/) keeps every page, map and
   the search of this edition, so they open at their usual addresses with no network.

   Opening the control reads save-offline.json, a few hundred bytes weighed at build, to say
   what saving downloads before anything is. Saving registers the worker and counts the files
   it stores; a newer edition's worker waits, and the saved copy keeps working, until the reader
   updates; removing the copy unregisters the worker and deletes what it stored. */
(function () {
  "use strict";
  var template = document.getElementById("save-offline-template");
  var box = document.querySelector("details.save-offline");
  if (!template || !box) return;
  var options = template.dataset;
  var scope = new URL(options.scope, location.href).href;
  var worker = new URL(options.worker, location.href).href;
  var summaryUrl = new URL(options.summary, location.href).href;
  var cacheName = "workbox-precache-v2-" + scope; // the cache Workbox's precaching fills for this scope
  var edition = "edition " + options.edition;
  var registration = null, summary = null, saving = false, failed = false, removed = false;

  var title = box.querySelector("summary");
  var status = add(box, "p", { className: "save-offline__status", role: "status" });
  var progress = add(box, "progress", { className: "save-offline__progress", max: 1, value: 0, hidden: true });
  progress.setAttribute("aria-label", "Saving this edition");
  var row = add(box, "p", { className: "save-offline__actions" });
  var buttons = {
    save: button("save", "md-button md-button--primary", "Save for offline reading", save),
    update: button("update", "md-button md-button--primary", "Update the saved copy", update),
    remove: button("remove", "md-button", "Remove the saved copy", remove),
  };

  box.addEventListener("toggle", function () {
    if (box.open && !summary) readSummary();
  });
  if (box.open) readSummary();
  navigator.serviceWorker.getRegistration(scope).then(function (found) {
    if (found && found.scope === scope) watch(found); // the site's root covers every edition folder
    show();
  });

  function save() {
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
  }

  function update() {
    var waiting = registration && registration.waiting;
    if (!waiting) return;
    waiting.addEventListener("statechange", function () {
      if (waiting.state === "activated") location.reload();
    });
    waiting.postMessage({ type: "SKIP_WAITING" });
    say("Updating the saved copy…");
  }

  function remove() {
    var leaving = registration;
    registration = null;
    Promise.all([leaving ? leaving.unregister() : null, caches.delete(cacheName)]).then(function () {
      removed = true;
      show();
    });
  }

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

  function add(parent, tag, properties) {
    var element = Object.assign(document.createElement(tag), properties);
    if (properties.role) element.setAttribute("role", properties.role);
    return parent.appendChild(element);
  }

  function button(name, className, text, action) {
    var element = add(row, "button", { type: "button", className: className, textContent: text, hidden: true });
    element.dataset.saveAction = name;
    element.addEventListener("click", action);
    return element;
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
})();
