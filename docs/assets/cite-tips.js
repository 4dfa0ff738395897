/* A citation's or a glossary term's tip shows above its marker; where that would run under
   the header or off the top of the screen (a marker near the top), it shows below instead.
   One listener on the document serves every marker: no work per marker at load. */
(function () {
  if (window.citeTipsReady) return;
  window.citeTipsReady = true;

  function place(event) {
    var host = event.target.closest && event.target.closest("sup.cite, .term-host");
    var tip = host && host.querySelector(".cite-tip, .term-tip");
    if (!tip || getComputedStyle(tip).position === "fixed") return;
    tip.classList.remove("cite-tip--below");
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (tip.getBoundingClientRect().top < top) tip.classList.add("cite-tip--below");
  }

  document.addEventListener("focusin", place);
  document.addEventListener("mouseover", place);
})();
