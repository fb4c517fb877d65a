// Render maths with the committed KaTeX copy, loading it only on pages that have maths. Material's document$
// fires on the first load and after every instant navigation, so maths renders either way, and a reader who
// never opens a page with maths never downloads KaTeX.
(function () {
  var base = new URL("../assets/katex/", document.currentScript.src).href;
  var loading = null;

  function load() {
    if (loading) return loading;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "katex.min.css";
    document.head.appendChild(css);
    function script(name) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + name;
        s.onload = resolve;
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    loading = script("katex.min.js").then(function () { return script("auto-render.min.js"); });
    return loading;
  }

  var OPTIONS = {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  };

  // A topic page can hold hundreds of formulas, most of them inside collapsed answers. Render only what can
  // be seen: formulas outside closed <details> now, in slices of a few milliseconds so the page stays
  // responsive, and the rest when their answer is opened or the page is printed.
  function pending(root) {
    return Array.prototype.filter.call(root.querySelectorAll(".arithmatex:not([data-qb-maths])"), function (el) {
      return !el.parentElement.closest("details:not([open])");
    });
  }

  function renderOne(el) {
    if (el.isConnected && !el.hasAttribute("data-qb-maths")) {
      el.setAttribute("data-qb-maths", "");
      renderMathInElement(el, OPTIONS);
    }
  }

  function renderSlices(blocks, from, generation) {
    if (generation !== current) return; // the reader navigated away
    var start = performance.now(), i = from;
    while (i < blocks.length && performance.now() - start < 12) renderOne(blocks[i++]);
    if (i < blocks.length) setTimeout(renderSlices, 0, blocks, i, generation);
  }

  var current = 0;
  function render() {
    var generation = ++current;
    if (!document.querySelector(".arithmatex")) return;
    load().then(function () { renderSlices(pending(document), 0, generation); });
  }

  document.addEventListener("toggle", function (ev) {
    var details = ev.target;
    if (!details.open || !details.querySelector(".arithmatex:not([data-qb-maths])")) return;
    load().then(function () { renderSlices(pending(details), 0, current); });
  }, true);

  // Printing opens every answer (site.js); render all their maths before the page is laid out for print.
  window.addEventListener("beforeprint", function () {
    if (typeof renderMathInElement === "function") {
      document.querySelectorAll(".arithmatex:not([data-qb-maths])").forEach(renderOne);
    }
  });

  // The one entry point for maths inserted at runtime (practice cards): load KaTeX if needed, then render
  // every formula inside root.
  window.qbankMaths = {
    render: function (root) {
      if (!root.querySelector(".arithmatex:not([data-qb-maths])")) return Promise.resolve();
      return load().then(function () {
        root.querySelectorAll(".arithmatex:not([data-qb-maths])").forEach(renderOne);
      });
    },
  };

  if (typeof document$ !== "undefined") {
    document$.subscribe(render);
  } else {
    document.addEventListener("DOMContentLoaded", render);
  }
})();
