// Filters on topic pages: show only the questions of one difficulty and/or tag, and open or close every
// detailed answer at once. The build writes the controls into the page (scripts/qbank/filter_panel.py), so
// they are there at first paint; this script wires them up. The choice lives in the query string
// (?difficulty=hard&tag=rag), so it survives a reload and can be shared. Runs on the first load and after
// every instant navigation (Material's document$).
(function () {
  "use strict";

  // A question's section is its h2 and every following sibling up to the next question.
  function sectionOf(heading) {
    var nodes = [heading];
    for (var n = heading.nextElementSibling; n && !n.matches("h2.qb-question"); n = n.nextElementSibling) nodes.push(n);
    return nodes;
  }

  function init() {
    var content = document.querySelector("article.md-content__inner");
    var panel = content && content.querySelector(".qb-filters");
    if (!panel || panel.dataset.qbReady) return;
    panel.dataset.qbReady = "1";
    var headings = Array.prototype.slice.call(content.querySelectorAll("h2.qb-question"));
    var questions = headings.map(function (h) {
      return { heading: h, nodes: sectionOf(h), difficulty: h.dataset.difficulty || "", tags: (h.dataset.tags || "").split(/\s+/).filter(Boolean) };
    });
    var difficultySelect = panel.querySelector("#qb-filter-difficulty");
    var tagSelect = panel.querySelector("#qb-filter-tag");
    var status = panel.querySelector(".qb-filters__status");
    var clear = panel.querySelector("[data-qb-filter=clear]");

    // The address is the one source of the filter (a shared link, a reload); unknown values mean "all".
    var params = new URLSearchParams(location.search);
    [[difficultySelect, "difficulty"], [tagSelect, "tag"]].forEach(function (pair) {
      var wanted = params.get(pair[1]) || "";
      var known = Array.prototype.some.call(pair[0].options, function (o) { return o.value === wanted; });
      pair[0].value = known ? wanted : "";
    });
    difficultySelect.addEventListener("change", apply);
    tagSelect.addEventListener("change", apply);
    clear.addEventListener("click", function () {
      difficultySelect.value = "";
      tagSelect.value = "";
      apply();
    });
    // "Expand all" is part of the address too (?open=all), so a shared link opens the answers it showed.
    var expanded = params.get("open") === "all";
    function toggleAll(open) {
      expanded = open;
      content.querySelectorAll("details").forEach(function (d) { d.open = open; });
    }
    panel.querySelector("[data-qb-filter=expand]").addEventListener("click", function () { toggleAll(true); apply(); });
    panel.querySelector("[data-qb-filter=collapse]").addEventListener("click", function () { toggleAll(false); apply(); });

    // Each option's count follows the other filter, and an option that would show nothing is disabled, so a
    // choice never leads to an empty page ("Hard" then "kv-cache (0)").
    function recount(select, matches) {
      Array.prototype.forEach.call(select.options, function (o) {
        if (!o.value) return;
        var n = questions.filter(function (q) { return matches(q, o.value); }).length;
        var name = select === difficultySelect ? o.value.charAt(0).toUpperCase() + o.value.slice(1) : o.value;
        o.textContent = name + " (" + n + ")";
        o.disabled = n === 0 && o.value !== select.value;
      });
    }

    function apply() {
      var difficulty = difficultySelect.value;
      var tag = tagSelect.value;
      recount(tagSelect, function (q, t) { return (!difficulty || q.difficulty === difficulty) && q.tags.indexOf(t) >= 0; });
      recount(difficultySelect, function (q, d) { return q.difficulty === d && (!tag || q.tags.indexOf(tag) >= 0); });
      var shown = 0;
      questions.forEach(function (q) {
        var visible = (!difficulty || q.difficulty === difficulty) && (!tag || q.tags.indexOf(tag) >= 0);
        shown += visible ? 1 : 0;
        q.nodes.forEach(function (n) { n.hidden = !visible; });
      });
      status.textContent = "Showing " + shown + " of " + questions.length + " question" + (questions.length === 1 ? "" : "s");
      clear.disabled = !difficulty && !tag;
      var query = new URLSearchParams(location.search);
      [["difficulty", difficulty], ["tag", tag], ["open", expanded ? "all" : ""]].forEach(function (kv) {
        if (kv[1]) query.set(kv[0], kv[1]);
        else query.delete(kv[0]);
      });
      var q = query.toString();
      var here = location.pathname + (q ? "?" + q : "");
      history.replaceState(history.state, "", here + location.hash);
      syncToc(here);
    }

    // Keep the table of contents in step: hide the entries of hidden questions, and point the others at the
    // current query (Material writes the page's URL into them, which would bring back an old filter).
    function syncToc(here) {
      questions.forEach(function (q) {
        var suffix = "#" + q.heading.id;
        document.querySelectorAll('.md-nav--secondary a.md-nav__link[href$="' + CSS.escape(suffix) + '"]').forEach(function (a) {
          a.parentElement.hidden = q.nodes[0].hidden;
          a.setAttribute("href", here + suffix);
        });
      });
    }
    // The page is already laid out for "everything shown"; only touch it when a filter is active.
    if (expanded) toggleAll(true);
    if (difficultySelect.value || tagSelect.value || expanded) apply();
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
