/* Map frames load as they come near the screen, so maps further down a chapter do not
   hold up its first paint (Lighthouse measured the difference). Without
   IntersectionObserver they load at once. Safe to run more than once. */
(function () {
  var frames = document.querySelectorAll("iframe[data-src]");

  function load(frame) {
    if (!frame.getAttribute("src")) frame.setAttribute("src", frame.dataset.src);
  }

  if (!("IntersectionObserver" in window)) {
    frames.forEach(load);
    return;
  }
  var watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        load(entry.target);
        watcher.unobserve(entry.target);
      }
    });
  }, { rootMargin: "300px 0px" });
  frames.forEach(function (frame) {
    if (!frame.dataset.watched) {
      frame.dataset.watched = "yes";
      watcher.observe(frame);
    }
  });
})();
