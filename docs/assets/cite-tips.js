/* A citation's tip shows above its marker; where that would run under the header or off
   the top of the screen (a marker near the top), it shows below instead. One listener on
   the document serves every page, instant navigation included. */
(function () {
  if (window.citeTipsReady) return;
  window.citeTipsReady = true;

  function place(event) {
    var cite = event.target.closest && event.target.closest("sup.cite");
    var tip = cite && cite.querySelector(".cite-tip");
    if (!tip || getComputedStyle(tip).position === "fixed") return;
    tip.classList.remove("cite-tip--below");
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (tip.getBoundingClientRect().top < top) tip.classList.add("cite-tip--below");
  }

  document.addEventListener("focusin", place);
  document.addEventListener("mouseover", place);
})();
