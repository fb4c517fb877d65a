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

  // Download links on hand-written pages (the data format page) show their size, as the home page's do.
  function sizes() {
    document.querySelectorAll('article a[href$=".json"], article a[href$=".apkg"], article a[href$=".zip"]').forEach(function (a) {
      if (a.dataset.qbSize || /\d (KB|MB)\)/.test(a.parentNode.textContent)) return;
      a.dataset.qbSize = "1";
      fetch(a.href, { method: "HEAD", credentials: "same-origin" }).then(function (r) {
        var n = Number(r.headers.get("content-length"));
        if (!r.ok || !n) return;
        var text = n < 1e6 ? Math.max(1, Math.round(n / 1e3)) + " KB" : (n / 1e6).toFixed(1) + " MB";
        a.insertAdjacentText("afterend", " (" + text + ")");
      }, function () { /* offline or blocked: the link still works without its size */ });
    });
  }

  function ready() {
    label();
    forward();
    copyLinks();
    sizes();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(ready);
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
})();
