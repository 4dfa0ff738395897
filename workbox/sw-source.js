/* One edition's service worker: it saves the edition for reading with no network, once the
   reader asks ("Save this edition for offline reading", assets/save-offline.js registers it).

   macros/offline/worker.py writes it beside the edition's index.html with Workbox's
   injectManifest (workbox-build, pinned in workbox/package.json), which puts the precache
   list in the one place below that names it: every page, asset, map document and the search index
   of the edition, each with a revision hash, so a newer edition's worker saves what changed.
   Before that, worker.py fills in the two names in at-signs: the list of Workbox's own modules
   (from the same pinned packages, served beside the edition, each URL with its content hash,
   so a newer Workbox makes a newer worker) and the "not saved" page, both relative to this
   file. */
importScripts(...@MODULES@);

// A newer edition's worker waits, and the saved copy keeps working, until the reader updates.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});
// Once saved, the page that saved it is served from the copy too (its search, its maps).
workbox.core.clientsClaim();

// Every saved page at its usual address, whatever its query (Material's search highlight ?h=).
workbox.precaching.precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: "index.html", ignoreURLParametersMatching: [/.*/] });
workbox.precaching.cleanupOutdatedCaches();

// Any other page (another edition, say) comes from the network; with the network off, the
// reader gets this edition's "not saved" page, which names the page asked for. Files that are
// not pages (downloads) fail as they would without a worker.
const NOT_SAVED = new URL("@NOT_SAVED@", self.location.href);
const PAGE_PATH = /(\/|\.html?|\/[^/.]*)$/;
workbox.routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && PAGE_PATH.test(url.pathname),
  new workbox.strategies.NetworkOnly({
    plugins: [{
      handlerDidError: async ({ request }) => {
        const page = new URL(NOT_SAVED.href);
        page.searchParams.set("page", request.url);
        return Response.redirect(page.href, 303);
      },
    }],
  })
);
