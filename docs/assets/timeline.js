/* Timeline filter: untick an actor to hide events that involve only unticked actors; pick a
   country to show only the events that involve it (the address can pick one: ?country=KGZ).
   Without JavaScript the filter stays hidden (site.css, .no-js) and every event stays visible.
   The count says the same words as templates/timeline.html: keep the two in step.
   Safe to run more than once. */
(function () {
  function setUp(timeline) {
    if (timeline.dataset.ready) return;
    var boxes = timeline.querySelectorAll(".timeline-filter input[name=actor]");
    var country = timeline.querySelector("[data-timeline-country]");
    var events = timeline.querySelectorAll(".timeline-event");
    var count = timeline.querySelector("[data-timeline-count]");

    function update() {
      var wanted = {};
      boxes.forEach(function (box) { wanted[box.value] = box.checked; });
      var place = country ? country.value : "";
      var shown = 0;
      events.forEach(function (event) {
        var actors = event.dataset.actors.split(" ");
        var visible = actors.some(function (actor) { return wanted[actor]; }) &&
          (!place || event.dataset.countries.split(" ").indexOf(place) !== -1);
        event.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = "Showing " + shown + " of " + events.length + " events";
    }

    if (country) {
      var asked = (new URLSearchParams(window.location.search).get("country") || "").toUpperCase().replace(/[^A-Z]/g, "");
      if (asked && country.querySelector("option[value='" + asked + "']")) country.value = asked;
      country.addEventListener("change", update);
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
    timeline.dataset.ready = "yes";
  }

  document.querySelectorAll("[data-timeline]").forEach(setUp);
})();
