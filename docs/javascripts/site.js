// Small fixes the theme leaves to the site, re-applied after every instant navigation.
(function () {
  // Accessible names for the theme's search dialog, which has none of its own.
  function label() {
    document.querySelectorAll(".md-search[role='dialog']:not([aria-label])").forEach(function (el) {
      el.setAttribute("aria-label", "Search");
    });
    // A section whose title is also a page (a topic with subtopics) labels its navigation by an icon-only
    // toggle, which gives it no name: name it after the section, so every navigation landmark is distinct.
    document.querySelectorAll("nav.md-nav[aria-labelledby]:not([aria-label])").forEach(function (nav) {
      var labelEl = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (!labelEl || labelEl.textContent.trim()) return;
      var link = labelEl.parentElement && labelEl.parentElement.querySelector("a.md-nav__link");
      if (link && link.textContent.trim()) nav.setAttribute("aria-label", link.textContent.trim());
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
    setTimeout(unlandmark, 0);
  }

  // The theme wraps each code block's copy button in its own <nav>, so a page with two visible code blocks
  // (an exercise's starter and its tests) has unnamed, duplicate navigation landmarks. The button is not
  // navigation: drop the landmark role, keep the button. The theme adds the buttons as it mounts the page,
  // so this runs once the current task is done (a MutationObserver on the whole page cost more than it saved).
  function unlandmark() {
    document.querySelectorAll("article nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(ready);
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
})();
