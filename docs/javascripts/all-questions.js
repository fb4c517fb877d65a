// The "All questions" page: every question in one list, filtered by topic, difficulty, tag and words together.
// It loads api/index.json (one compact row per question, no answers) and draws the matches a page at a time, so
// the page stays light at any size of bank. The filters live in the query string, so a view can be shared.
// It does nothing unless the page's anchor (#qb-all-questions) is present; it runs after instant navigation too.
(function () {
  "use strict";

  var PAGE = 100; // rows drawn at a time
  var cache = {};

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (key === "text") node.textContent = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else if (value !== false && value != null) node.setAttribute(key, value);
    });
    (children || []).forEach(function (c) {
      if (c != null) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function siteRoot() {
    var logo = document.querySelector("[data-md-component=logo]");
    return new URL(".", logo ? logo.href : location.href).href;
  }

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  function select(id, label, allLabel) {
    var s = el("select", { id: id, autocomplete: "off" }, [el("option", { value: "", text: allLabel })]);
    return { field: el("div", { class: "qb-filters__field" }, [el("label", { for: id, text: label }), s]), select: s };
  }

  function start(anchor, data, root) {
    var C = {};
    data.columns.forEach(function (name, i) { C[name] = i; });
    var rows = data.questions;
    var topic = select("qb-all-topic", "Topic", "All topics");
    var difficulty = select("qb-all-difficulty", "Difficulty", "All difficulties");
    var tag = select("qb-all-tag", "Tag", "All tags");
    data.topics.forEach(function (t, i) { topic.select.appendChild(el("option", { value: t.id, "data-i": i, text: t.title })); });
    data.difficulties.forEach(function (d, i) { difficulty.select.appendChild(el("option", { value: d, "data-i": i, text: d })); });
    data.tags.forEach(function (t, i) { tag.select.appendChild(el("option", { value: t, "data-i": i, text: t })); });
    var words = el("input", { id: "qb-all-words", type: "search", autocomplete: "off", placeholder: "Words in the question" });
    var clear = el("button", { type: "button", class: "md-button qb-small", text: "Clear filters" });
    var status = el("p", { class: "qb-filters__status", role: "status", "aria-live": "polite" });
    var list = el("ol", { class: "qb-all__list" });
    var more = el("button", { type: "button", class: "md-button", hidden: true });
    var panel = el("div", { class: "qb-filters", role: "group", "aria-label": "Filter all questions" }, [
      el("div", { class: "qb-filters__row" }, [
        topic.field, difficulty.field, tag.field,
        el("div", { class: "qb-filters__field" }, [el("label", { for: "qb-all-words", text: "Words" }), words]),
        clear,
      ]),
      status,
    ]);
    var app = el("div", { class: "qb-all", id: "qb-all-app" }, [panel, list, more]);
    anchor.hidden = true;
    anchor.insertAdjacentElement("afterend", app);

    var params = new URLSearchParams(location.search);
    [[topic.select, "topic"], [difficulty.select, "difficulty"], [tag.select, "tag"]].forEach(function (pair) {
      var wanted = params.get(pair[1]) || "";
      var known = Array.prototype.some.call(pair[0].options, function (o) { return o.value === wanted; });
      pair[0].value = known ? wanted : "";
    });
    words.value = params.get("q") || "";

    var matches = [];
    var drawn = 0;

    function index(s) {
      var o = s.options[s.selectedIndex];
      return o && o.value ? Number(o.getAttribute("data-i")) : -1;
    }

    function test(row, t, d, g, terms) {
      if (t >= 0 && row[C.topic] !== t) return false;
      if (d >= 0 && row[C.difficulty] !== d) return false;
      if (g >= 0 && row[C.tags].indexOf(g) < 0) return false;
      if (terms.length) {
        var text = row[C.question].toLowerCase();
        for (var i = 0; i < terms.length; i++) if (text.indexOf(terms[i]) < 0) return false;
      }
      return true;
    }

    // Each option shows how many questions it would leave with the other filters kept, and is disabled at
    // zero, so no choice leads to an empty list.
    function recount(s, column, t, d, g, terms) {
      var counts = {};
      rows.forEach(function (row) {
        if (!test(row, column === "topic" ? -1 : t, column === "difficulty" ? -1 : d, column === "tags" ? -1 : g, terms)) return;
        var v = row[C[column]];
        (Array.isArray(v) ? v : [v]).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; });
      });
      Array.prototype.forEach.call(s.options, function (o) {
        if (!o.value) return;
        var n = counts[o.getAttribute("data-i")] || 0;
        var name = column === "topic" ? data.topics[o.getAttribute("data-i")].title : o.value;
        o.textContent = name + " (" + n + ")";
        o.disabled = n === 0 && o.value !== s.value;
      });
    }

    function row(r) {
      var page = data.pages[r[C.page]];
      var meta = [data.topics[r[C.topic]].title, data.difficulties[r[C.difficulty]]]
        .concat(r[C.tags].map(function (i) { return data.tags[i]; }))
        .join(" · ");
      return el("li", { class: "qb-all__item" }, [
        el("a", { href: root + "q/" + r[C.id] + "/", text: r[C.question] }),
        el("span", { class: "qb-all__meta", text: meta + (r[C.answered] ? "" : " · answer wanted") +
          (page.title !== data.topics[r[C.topic]].title ? " · " + page.title : "") }),
      ]);
    }

    function drawMore() {
      var chunk = matches.slice(drawn, drawn + PAGE);
      var frag = document.createDocumentFragment();
      chunk.forEach(function (r) { frag.appendChild(row(r)); });
      list.appendChild(frag);
      drawn += chunk.length;
      var left = matches.length - drawn;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(PAGE, left) + " more (" + left + " left)";
    }

    function apply() {
      var t = index(topic.select), d = index(difficulty.select), g = index(tag.select);
      var terms = words.value.toLowerCase().split(/\s+/).filter(Boolean);
      matches = rows.filter(function (r) { return test(r, t, d, g, terms); });
      recount(topic.select, "topic", t, d, g, terms);
      recount(difficulty.select, "difficulty", t, d, g, terms);
      recount(tag.select, "tags", t, d, g, terms);
      list.replaceChildren();
      drawn = 0;
      drawMore();
      status.textContent = "Showing " + matches.length + " of " + rows.length + " questions";
      clear.disabled = t < 0 && d < 0 && g < 0 && !terms.length;
      var query = new URLSearchParams(location.search);
      [["topic", topic.select.value], ["difficulty", difficulty.select.value], ["tag", tag.select.value], ["q", words.value.trim()]]
        .forEach(function (kv) {
          if (kv[1]) query.set(kv[0], kv[1]);
          else query.delete(kv[0]);
        });
      var q = query.toString();
      history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
    }

    [topic.select, difficulty.select, tag.select].forEach(function (s) { s.addEventListener("change", apply); });
    var typing;
    words.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(apply, 120);
    });
    clear.addEventListener("click", function () {
      topic.select.value = difficulty.select.value = tag.select.value = words.value = "";
      apply();
    });
    more.addEventListener("click", drawMore);
    apply();
  }

  function init() {
    var anchor = document.getElementById("qb-all-questions");
    if (!anchor || anchor.dataset.qbReady) return;
    anchor.dataset.qbReady = "1";
    var root = siteRoot();
    load(root + "api/index.json").then(
      function (data) { if (anchor.isConnected) start(anchor, data, root); },
      function () { anchor.insertAdjacentElement("afterend", el("p", { role: "alert", text: "The question list could not be loaded." })); }
    );
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
