/* Search: the header's box queries Pagefind's index of every answered question (site/pagefind/, written by
   `qbank build`). Nothing is fetched until the box first gets focus; then pagefind/pagefind.js is imported from
   this site (same origin, relative to the site root, so the site works under a sub-path and offline) and a
   results panel with topic, difficulty and tag filters is added under the box.
   Keys: "/" or "s" focus the box, arrow keys move through results, Enter opens one, Escape closes. */
(function () {
  "use strict";
  var script = document.currentScript;
  // This file is <root>/javascripts/search.js; the root is resolved once, so it stays right after Material's
  // instant navigation moves to pages at other depths.
  var root = new URL("..", script && script.src ? script.src : location.href).href;
  var DEBOUNCE_MS = 120;
  var SHOWN = 8;
  var FILTERS = [
    ["topic", "All topics", "Limit search to a topic"],
    ["difficulty", "All levels", "Limit search to a level"],
    ["tag", "All tags", "Limit search to a tag"],
  ];
  var FILTERS_AFTER_MS = 5000;
  var pagefind = null, loading = null, filtersLoading = null, panel = null, active = -1, sequence = 0, timer = 0;

  // British spellings folded to American ones, as the index was (scripts/qbank/site/spelling.py, the same
  // rules; tests/browser/test_search_relevance.py checks that both fold every word of the bank alike).
  var ISE = /^([a-z]{2,}?)is(e|es|ed|ing|er|ers|ation|ations|able)$/;
  var ISE_ROOTS = ("ad adv advert an appr appra ar bru chast chem circumc compr comprom conc cr cru dem desp dev disgu " +
    "exc exerc expert franch gu improv inc merchand mort parad pra pract prec prem prom ra repr rev superv surpr " +
    "telev treat val").split(" ");
  var ISE_ROOT_ENDS = ["o", "w", "perv", "rpr", "prom"];
  var YSE = /^(analy|cataly|paraly|hydroly|dialy|electroly)s(e|es|ed|ing|er|ers)$/;
  var OUR = /^(behavi|col|fav|flav|harb|hon|hum|lab|neighb|rum|vap|endeav|savi|vig|rig|cand|splend|ard|arm)our(s|ed|ing|ite|ites|al|ally|able|less|ful|er|ers)?$/;
  var RE = /^(cent|met|lit|fib|theat|spect|calib|sab|lust|somb)r(e|es|ed|ing)$/;
  var RE_ENDS = { e: "", es: "s", ed: "ed", ing: "ing" };
  var LL = /^(model|label|travel|cancel|fuel|level|tunnel|channel|funnel|signal|total|marshal|dial|counsel|pedal|rival|equal|jewel|parcel|marvel|quarrel|shovel|unravel|relabel|remodel)l(ed|ing|er|ers)$/;
  var WORDS = {
    artefact: "artifact", artefacts: "artifacts", catalogue: "catalog", catalogues: "catalogs", analogue: "analog",
    analogues: "analogs", dialogue: "dialog", dialogues: "dialogs", licence: "license", licences: "licenses",
    defence: "defense", defences: "defenses", offence: "offense", programme: "program", programmes: "programs",
    judgement: "judgment", judgements: "judgments", acknowledgement: "acknowledgment", ageing: "aging", grey: "gray",
    sceptical: "skeptical", fulfil: "fulfill", fulfils: "fulfills", enrol: "enroll", enrols: "enrolls", mould: "mold",
    practise: "practice", practised: "practiced", practising: "practicing",
  };

  function foldLower(word) {
    if (Object.prototype.hasOwnProperty.call(WORDS, word)) return WORDS[word];
    var m = ISE.exec(word);
    if (m && ISE_ROOTS.indexOf(m[1]) < 0 && !ISE_ROOT_ENDS.some(function (end) { return m[1].slice(-end.length) === end; })) {
      return m[1] + "iz" + m[2];
    }
    if ((m = YSE.exec(word))) return m[1] + "z" + m[2];
    if ((m = OUR.exec(word))) return m[1] + "or" + (m[2] || "");
    if ((m = RE.exec(word))) return m[1] + "er" + RE_ENDS[m[2]];
    if ((m = LL.exec(word))) return m[1] + m[2];
    return word;
  }

  function fold(text) {
    return String(text).replace(/[A-Za-z]+/g, function (word) {
      var lower = word.toLowerCase(), folded = foldLower(lower);
      if (folded === lower) return word;
      if (word.length > 1 && word === word.toUpperCase()) return folded.toUpperCase();
      return word[0] !== lower[0] ? folded[0].toUpperCase() + folded.slice(1) : folded;
    });
  }
  window.QBSearch = { fold: fold };

  function box() { return document.querySelector("[data-qb-search] input"); }

  function load() {
    if (!loading) {
      loading = import(root + "pagefind/pagefind.js").then(function (pf) {
        // No worker: the index is small enough to search on the main thread, and the worker would be one more
        // script (41 KB) fetched before the first result, which a slow phone connection feels most.
        return Promise.resolve(pf.options({ baseUrl: new URL(root).pathname, noWorker: true })).then(function () {
          pf.init();
          pagefind = pf;
          return pf;
        });
      });
    }
    return loading;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpts mark matches with <mark>; everything else is shown as text.
  function excerpt(node, html) {
    String(html || "").split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      var text = part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      if (text) node.appendChild(marked ? el("mark", {}, text) : document.createTextNode(text));
      return marked;
    }, false);
  }

  function build(input) {
    var wrap = input.closest("[data-qb-search]");
    panel = el("div", { class: "qb-search__panel", hidden: "" });
    var filters = el("div", { class: "qb-search__filters" });
    FILTERS.forEach(function (f) {
      var select = el("select", { "data-filter": f[0], "aria-label": f[2] });
      select.appendChild(el("option", { value: "" }, f[1]));
      select.addEventListener("change", function () { run(0); input.focus(); });
      filters.appendChild(select);
    });
    panel.appendChild(filters);
    panel.appendChild(el("p", { class: "qb-search__status", role: "status", "aria-live": "polite" }));
    panel.appendChild(el("ul", { class: "qb-search__results", id: "qb-search-results", role: "listbox", "aria-label": "Search results" }));
    wrap.appendChild(panel);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", "qb-search-results");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    panel.addEventListener("mousedown", function (ev) {
      if (ev.target.tagName !== "SELECT" && ev.target.tagName !== "OPTION") ev.preventDefault();  // keep focus in the box
    });
    panel.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) close(false);
    });
    panel.querySelectorAll("select[data-filter]").forEach(function (select) {
      select.addEventListener("focus", loadFilters);
      select.addEventListener("pointerdown", loadFilters);
    });
    // The filter lists wait for the first results (or a pause, or a filter's focus): on a large bank they are
    // the biggest files of the index, and a slow phone would otherwise fetch and decode them before the
    // first result.
    setTimeout(loadFilters, FILTERS_AFTER_MS);
    load().catch(function () { status("Search could not be loaded."); });
  }

  function loadFilters() {
    if (filtersLoading) return;
    filtersLoading = load().then(function (pf) { return pf.filters(); }).then(function (all) {
      panel.querySelectorAll("select[data-filter]").forEach(function (select) {
        var counts = all[select.getAttribute("data-filter")] || {};
        Object.keys(counts).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (value) {
          select.appendChild(el("option", { value: value }, value + " (" + counts[value] + ")"));
        });
      });
    }).catch(function () { status("Search could not be loaded."); });
  }

  function status(text) { if (panel) panel.querySelector(".qb-search__status").textContent = text; }

  function chosenFilters() {
    var chosen = {};
    panel.querySelectorAll("select[data-filter]").forEach(function (select) {
      if (select.value) chosen[select.getAttribute("data-filter")] = select.value;
    });
    return chosen;
  }

  function open() {
    if (!panel) return;
    panel.hidden = false;
    box().setAttribute("aria-expanded", "true");
  }

  function close(blur) {
    if (!panel) return;
    panel.hidden = true;
    var input = box();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    if (blur) input.blur();
  }

  function options() { return panel ? Array.prototype.slice.call(panel.querySelectorAll("[role=option]")) : []; }

  function highlight(index) {
    var items = options();
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    box().setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  // A new result list: the count in the status line, and no item yet (add() appends them as they arrive).
  function render(results, query) {
    var list = panel.querySelector(".qb-search__results");
    list.textContent = "";
    list.setAttribute("aria-busy", results.length ? "true" : "false");
    active = -1;
    box().removeAttribute("aria-activedescendant");
    var n = results.length, shown = Math.min(n, SHOWN);
    status(n === 0 ? "No question matches " + (query ? "“" + query + "”" : "these filters") + "." :
      n === 1 ? "1 question" : n + " questions" + (n > shown ? ", the first " + shown + " shown" : ""));
  }

  function add(data) {
    var list = panel.querySelector(".qb-search__results");
    data.forEach(function (d) {
      var item = el("li", { role: "option", id: "qb-search-result-" + list.children.length, "aria-selected": "false", class: "qb-search__result" });
      var link = el("a", { href: d.url, tabindex: "-1" });
      link.appendChild(el("span", { class: "qb-search__title" }, d.meta.title));
      var facts = [d.meta.topic].concat(d.filters.difficulty || []).join(" · ");
      link.appendChild(el("span", { class: "qb-search__facts" }, facts));
      var text = el("span", { class: "qb-search__excerpt" });
      excerpt(text, d.excerpt);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function run(delay) {
    var input = box();
    var query = input.value.trim();
    var chosen = chosenFilters();
    var seq = ++sequence;
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!query && !Object.keys(chosen).length) {
        panel.querySelector(".qb-search__results").textContent = "";
        status("Type to search every answered question.");
        return;
      }
      load().then(function (pf) {
        return pf.search(query ? fold(query) : null, { filters: chosen });
      }).then(function (search) {
        if (seq !== sequence) return null;
        var results = search.results;
        render(results, query);
        open();
        // The best result is shown as soon as its fragment arrives, then the rest, in order.
        var top = results.slice(0, SHOWN);
        return top.length && top[0].data().then(function (first) {
          if (seq !== sequence) return null;
          add([first]);
          return Promise.all(top.slice(1).map(function (r) { return r.data(); })).then(function (rest) {
            if (seq !== sequence) return;
            add(rest);
            panel.querySelector(".qb-search__results").setAttribute("aria-busy", "false");
            loadFilters();
          });
        });
      }).catch(function () { status("Search could not be loaded."); });
    }, delay);
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("focusin", function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches("[data-qb-search] input")) return;
    if (!panel || !document.contains(panel)) build(input);
    open();
    if (!input.value.trim()) status("Type to search every answered question.");
  });

  document.addEventListener("input", function (ev) {
    if (!ev.target.matches || !ev.target.matches("[data-qb-search] input")) return;
    // While the reader types, fetch the index chunks the words need; the search itself waits for a pause.
    // Words under three letters are left out: a one-letter prefix would fetch many chunks.
    var words = fold(ev.target.value).split(/\s+/).filter(function (w) { return w.length >= 3; });
    if (pagefind && words.length) pagefind.preload(words.join(" ")).catch(function () {});
    run(DEBOUNCE_MS);
  });

  document.addEventListener("keydown", function (ev) {
    var input = box();
    if (!input) return;
    if (ev.target === input) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        open();
        highlight(active + (ev.key === "ArrowDown" ? 1 : -1));
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        var items = options();
        var chosen = items[active >= 0 ? active : 0];
        if (chosen && panel && !panel.hidden) {
          close(true);
          chosen.querySelector("a").click();
        }
      } else if (ev.key === "Escape") {
        ev.preventDefault();
        close(true);
      }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    if (ev.key === "/" || ev.key === "s" || ev.key === "S") {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  }, true);

  document.addEventListener("click", function (ev) {
    if (panel && !panel.hidden && !ev.target.closest("[data-qb-search]")) close(false);
  });
})();
