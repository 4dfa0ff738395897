/* A map figure shows its picture first (drawn at build time); "Explore the live map" opens the
   live map in a frame in its place, and "Back to the picture" closes it. Without JavaScript
   the link opens the map document on its own page. Safe to run more than once. */
(function () {
  function toggle(event) {
    var link = event.currentTarget, figure = link.closest("figure.map-figure");
    var holder = figure.querySelector(".map-frame"), frame = holder.querySelector("iframe");
    event.preventDefault();
    if (frame) {
      frame.remove();
      holder.classList.remove("is-live");
      link.textContent = "Explore the live map";
      return;
    }
    frame = document.createElement("iframe");
    frame.title = link.dataset.title;
    frame.src = link.getAttribute("href");
    holder.appendChild(frame);
    holder.classList.add("is-live");
    link.textContent = "Back to the picture";
    frame.focus();
  }

  document.querySelectorAll("figure.map-figure a.map-live").forEach(function (link) {
    if (!link.dataset.ready) {
      link.dataset.ready = "yes";
      link.addEventListener("click", toggle);
    }
  });
})();
