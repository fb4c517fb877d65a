// Filters on topic pages: show only the questions of one difficulty and/or tag, and open or close every
// detailed answer at once. The controls are added here at runtime, so the Markdown and the sanitiser never
// see them. The choice lives in the query string (?difficulty=hard&tag=rag), so it survives a reload and
// can be shared. Runs on the first load and after every instant navigation (Material's document$).
(function () {
  "use strict";

  var DIFFICULTIES = ["easy", "medium", "hard"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  // A question's section is its h2 and every following sibling up to the next question.
  function sectionOf(heading) {
    var nodes = [heading];
    for (var n = heading.nextElementSibling; n && !n.matches("h2.qb-question"); n = n.nextElementSibling) nodes.push(n);
    return nodes;
  }

  function select(id, label, options, value, onchange) {
    var box = el("select", { id: id, onchange: onchange });
    options.forEach(function (o) {
      var option = el("option", { value: o[0], text: o[1] });
      option.selected = o[0] === value;
      box.appendChild(option);
    });
    return el("div", { class: "qb-filters__field" }, [el("label", { for: id, text: label }), box]);
  }

  function init() {
    var content = document.querySelector("article.md-content__inner");
    var headings = content ? Array.prototype.slice.call(content.querySelectorAll("h2.qb-question")) : [];
    if (!headings.length || content.querySelector(".qb-filters")) return;

    var questions = headings.map(function (h) {
      return { heading: h, nodes: sectionOf(h), difficulty: h.dataset.difficulty || "", tags: (h.dataset.tags || "").split(/\s+/).filter(Boolean) };
    });
    var tagCounts = {};
    questions.forEach(function (q) {
      q.tags.forEach(function (t) { tagCounts[t] = (tagCounts[t] || 0) + 1; });
    });
    var tags = Object.keys(tagCounts).sort();

    var params = new URLSearchParams(location.search);
    var wanted = { difficulty: params.get("difficulty") || "", tag: params.get("tag") || "" };
    if (DIFFICULTIES.indexOf(wanted.difficulty) < 0) wanted.difficulty = "";
    if (!tagCounts[wanted.tag]) wanted.tag = "";

    var difficultyOptions = [["", "All difficulties"]].concat(DIFFICULTIES.map(function (d) {
      var n = questions.filter(function (q) { return q.difficulty === d; }).length;
      return [d, d.charAt(0).toUpperCase() + d.slice(1) + " (" + n + ")"];
    }));
    var tagOptions = [["", "All tags"]].concat(tags.map(function (t) { return [t, t + " (" + tagCounts[t] + ")"]; }));
    var difficultyField = select("qb-filter-difficulty", "Difficulty", difficultyOptions, wanted.difficulty, apply);
    var tagField = select("qb-filter-tag", "Tag", tagOptions, wanted.tag, apply);
    var status = el("p", { class: "qb-filters__status", role: "status", "aria-live": "polite" });
    var clear = el("button", { type: "button", class: "md-button qb-small", text: "Clear filters", onclick: function () {
      difficultyField.querySelector("select").value = "";
      tagField.querySelector("select").value = "";
      apply();
    } });
    function toggleAll(open) {
      content.querySelectorAll("details").forEach(function (d) { d.open = open; });
    }
    var expand = el("button", { type: "button", class: "md-button qb-small", text: "Expand all answers", onclick: function () { toggleAll(true); } });
    var collapse = el("button", { type: "button", class: "md-button qb-small", text: "Collapse all answers", onclick: function () { toggleAll(false); } });
    var panel = el("div", { class: "qb-filters", role: "group", "aria-label": "Filter the questions on this page" }, [
      el("div", { class: "qb-filters__row" }, [difficultyField, tagField, clear]),
      el("div", { class: "qb-filters__row" }, [expand, collapse]),
      status,
    ]);
    headings[0].parentNode.insertBefore(panel, headings[0]);

    function apply() {
      var difficulty = difficultyField.querySelector("select").value;
      var tag = tagField.querySelector("select").value;
      var shown = 0;
      questions.forEach(function (q) {
        var visible = (!difficulty || q.difficulty === difficulty) && (!tag || q.tags.indexOf(tag) >= 0);
        shown += visible ? 1 : 0;
        q.nodes.forEach(function (n) { n.hidden = !visible; });
      });
      status.textContent = "Showing " + shown + " of " + questions.length + " question" + (questions.length === 1 ? "" : "s");
      clear.disabled = !difficulty && !tag;
      var query = new URLSearchParams(location.search);
      [["difficulty", difficulty], ["tag", tag]].forEach(function (kv) {
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
    apply();
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
