// Practice mode's loader, on every page and kept small: on the practice page only, it loads the scheduler
// (ts-fsrs, vendored), the app and its two extras from this site, in order, then starts the app.
// Material's document$ fires on the first load and after every instant navigation, so the page sets itself
// up either way; it does nothing unless the practice anchor (#qb-practice) is on the page.
(function () {
  "use strict";

  var HERE = document.currentScript ? document.currentScript.src : null;
  // [file, required]: practice works without the mock interview or the review log if either fails to load.
  var SCRIPTS = [
    ["vendor/ts-fsrs/index.umd.js", true],
    ["practice-srs.js", true],
    ["practice-mock.js", false],
    ["practice-log.js", false],
    ["practice-app.js", true],
  ];
  var loading = {}; // script URL -> promise: each loads once per visit

  function load(url) {
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = url;
        tag.onload = resolve;
        tag.onerror = function () {
          delete loading[url];
          reject(new Error("could not load " + url.split("/").pop()));
        };
        document.head.appendChild(tag);
      });
    }
    return loading[url];
  }

  function loadAll() {
    var base = HERE || new URL("javascripts/", document.baseURI).href;
    return SCRIPTS.reduce(function (chain, entry) {
      return chain.then(function () {
        var done = load(new URL(entry[0], base).href);
        return entry[1] ? done : done.catch(function () { /* that section is left out */ });
      });
    }, Promise.resolve());
  }

  function init() {
    var anchor = document.getElementById("qb-practice");
    if (!anchor || anchor.dataset.qbReady) return;
    anchor.dataset.qbReady = "1";
    loadAll().then(
      function () {
        if (anchor.isConnected) window.QBPracticeApp.setUp(anchor);
      },
      function (err) {
        var note = document.createElement("p");
        note.setAttribute("role", "alert");
        note.textContent = "Practice could not start (" + err.message + "). Reload the page to try again.";
        anchor.insertAdjacentElement("afterend", note);
      }
    );
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
