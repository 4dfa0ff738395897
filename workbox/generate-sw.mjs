// One edition's service worker and its precache list, by Workbox's build tools (workbox-build,
// pinned in package.json beside this file). Run by macros/offline/worker.py:
//
//   node workbox/generate-sw.mjs '{"folder": EDITION, "source": WORKER_SOURCE, "worker": "sw.js", "ignore": [GLOB, ...]}'
//
// injectManifest globs the built edition, hashes every file, and writes the worker with that
// list in it. (generateSW would bundle Workbox with rollup and babel at every build: seconds
// of CPU for the same few kilobytes that its pinned modules already ship.) Prints one line of
// JSON: the precache list (URL relative to the worker, revision, bytes), which
// macros/offline/size.py weighs.
import { injectManifest } from "workbox-build/build/inject-manifest.js";

const options = JSON.parse(process.argv[2]);
let listed = [];
const keep = (entries) => {
  listed = entries.map(({ url, revision, size }) => ({ url, revision, size }));
  return { manifest: entries, warnings: [] };
};
const { warnings } = await injectManifest({
  globDirectory: options.folder,
  globPatterns: ["**/*"],
  globIgnores: options.ignore,
  globFollow: false,
  // The search index is the largest file (about 0.5 MB before compression): keep it.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  manifestTransforms: [keep],
  swSrc: options.source,
  swDest: `${options.folder}/${options.worker}`,
});

if (warnings.length) {
  console.error(warnings.join("\n"));
  process.exit(1);
}
console.log(JSON.stringify({ entries: listed }));
