/* Timeline filter: untick an actor to hide events that involve only unticked actors.
   Without JavaScript the filter stays hidden (site.css, .no-js) and every event stays visible.
   Safe to run more than once. */
(function () {
  function setUp(timeline) {
    if (timeline.dataset.ready) return;
    timeline.dataset.ready = "yes";
    var boxes = timeline.querySelectorAll(".timeline-filter input[name=actor]");
    var events = timeline.querySelectorAll(".timeline-event");
    var count = timeline.querySelector("[data-timeline-count]");

    function update() {
      var wanted = {};
      boxes.forEach(function (box) { wanted[box.value] = box.checked; });
      var shown = 0;
      events.forEach(function (event) {
        var actors = event.dataset.actors.split(" ");
        var visible = actors.some(function (actor) { return wanted[actor]; });
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = "Showing " + shown + " of " + events.length + " events";
    }

    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }

  document.querySelectorAll("[data-timeline]").forEach(setUp);
})();
