/* Glossary terms marked by hooks/glossary_terms.py. CSS already shows the explanation on hover and on
 * keyboard focus; this adds tap (the first tap shows it, a second tap follows the link to the glossary),
 * Escape to hide it, and keeps it inside the window. Without this script a tap opens the glossary entry. */
(function () {
  "use strict";

  var OPEN = "lc-term--open";
  var DISMISSED = "lc-term--dismissed";
  var lastPointer = "";

  function termOf(node) {
    return node instanceof Element ? node.closest(".lc-term") : null;
  }

  function fit(term) {
    var tip = term.querySelector(".lc-term__tip");
    if (!tip) return;
    tip.style.removeProperty("--lc-term-shift");
    var rect = tip.getBoundingClientRect();
    if (!rect.width) return;
    var margin = 8;
    var over = rect.right - (document.documentElement.clientWidth - margin);
    if (over > 0) tip.style.setProperty("--lc-term-shift", -Math.min(over, rect.left - margin) + "px");
  }

  function closeAll(except) {
    var open = document.querySelectorAll(".lc-term." + OPEN);
    for (var i = 0; i < open.length; i++) {
      if (open[i] !== except) open[i].classList.remove(OPEN);
    }
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "";
  }, true);

  document.addEventListener("keydown", function (event) {
    lastPointer = "";
    if (event.key !== "Escape") return;
    var shown = document.querySelectorAll(".lc-term:hover, .lc-term:focus-within, .lc-term." + OPEN);
    for (var i = 0; i < shown.length; i++) {
      shown[i].classList.remove(OPEN);
      shown[i].classList.add(DISMISSED);
    }
  });

  document.addEventListener("click", function (event) {
    var word = event.target instanceof Element ? event.target.closest(".lc-term__word") : null;
    var term = word ? termOf(word) : null;
    closeAll(term);
    if (!term) return;
    var pointer = event.pointerType || lastPointer;
    if ((pointer === "touch" || pointer === "pen") && !term.classList.contains(OPEN)) {
      event.preventDefault();
      term.classList.remove(DISMISSED);
      term.classList.add(OPEN);
      fit(term);
    }
  });

  function onEnter(event) {
    var term = termOf(event.target);
    if (term) fit(term);
  }

  function onLeave(event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) term.classList.remove(DISMISSED);
  }

  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);
  document.addEventListener("mouseout", onLeave);
  document.addEventListener("focusout", onLeave);
})();
