// Small fixes the theme leaves to the site, re-applied after every instant navigation.
(function () {
  // Accessible names for the theme's search dialog, which has none of its own.
  function label() {
    document.querySelectorAll(".md-search[role='dialog']:not([aria-label])").forEach(function (el) {
      el.setAttribute("aria-label", "Search");
    });
  }

  // Printing a page gives a study sheet: every collapsed answer is opened first, and closed again after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  // A link to topics/<topic>/#<id> made before the topic was split into subtopics lands on the topic's
  // overview, which lists every question: go on to the question's own page.
  function forward() {
    var id = location.hash.slice(1);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || document.getElementById(id)) return;
    var link = document.querySelector('article a[href$="#' + id + '"]');
    if (link && link.pathname !== location.pathname) location.replace(link.href);
  }

  // "Copy link" copies the question's permanent address, /q/<id>/, which keeps working if the question moves.
  function copyLinks() {
    document.querySelectorAll("a.qb-copy-link:not([data-qb-ready])").forEach(function (a) {
      a.dataset.qbReady = "1";
      a.setAttribute("role", "button");
      a.addEventListener("click", function (event) {
        if (!navigator.clipboard) return; // no clipboard: follow the link to the permalink instead
        event.preventDefault();
        var url = a.href.replace(/index\.html$/, "");
        navigator.clipboard.writeText(url).then(
          function () { flash(a, "Link copied"); },
          function () { location.href = a.href; }
        );
      });
    });
  }

  function flash(a, text) {
    var original = a.dataset.qbLabel || a.textContent;
    a.dataset.qbLabel = original;
    a.textContent = text;
    a.setAttribute("aria-live", "polite");
    setTimeout(function () { a.textContent = original; }, 2000);
  }

  function ready() {
    label();
    forward();
    copyLinks();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(ready);
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
})();
