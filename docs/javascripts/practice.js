// Practice mode: drill the answered questions one at a time, in random order. api/practice.json lists the
// questions; each card's answers (api/practice/<id>.json) are fetched when the card is shown.
// Material's document$ fires on the first load and after every instant navigation, so the page sets itself
// up either way; it does nothing unless the practice anchor (#qb-practice) is on the page.
(function () {
  "use strict";

  var STORE = "qbank.practice.v1";
  var DIFFICULTIES = ["easy", "medium", "hard"];
  var PILES = [
    ["all", "All matching questions"],
    ["new", "Only questions I have not marked yet"],
    ["review", "Only my review-again pile"],
  ];
  var dataCache = {}; // data URL -> promise, so returning to the page does not refetch
  var session = null; // the live session on the current page, read by the one global key handler

  // ---- small helpers -------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (key === "text") node.textContent = value;
      else if (key === "html") node.innerHTML = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else if (value !== false && value != null) node.setAttribute(key, value);
    });
    (children || []).forEach(function (child) {
      if (child != null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function shuffle(items) {
    var a = items.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  // ---- progress in localStorage: {marks: {<id>: "known" | "review"}} -------------------------------------

  function loadProgress() {
    try {
      var p = JSON.parse(localStorage.getItem(STORE) || "null");
      if (p && typeof p.marks === "object" && p.marks) return p;
    } catch (e) {
      /* unreadable or blocked storage: start afresh */
    }
    return { marks: {} };
  }

  function saveProgress(progress) {
    try {
      localStorage.setItem(STORE, JSON.stringify(progress));
    } catch (e) {
      /* storage full or blocked: progress lasts for this page only */
    }
  }

  // ---- where the data is: the page links to it, so the URL is right under any sub-path and port -------

  function dataUrl(anchor) {
    var link = anchor.querySelector('a[href$="questions.json"]');
    if (link) return link.href.replace(/questions\.json$/, "practice.json");
    var logo = document.querySelector("[data-md-component=logo]");
    return new URL("api/practice.json", logo ? logo.href : location.href).href;
  }

  function loadData(url) {
    if (!dataCache[url]) {
      dataCache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
      dataCache[url].catch(function () {
        delete dataCache[url];
      });
    }
    return dataCache[url];
  }

  // ---- the selection lives in the query string, so a practice set can be shared ---------------------

  function readSelection(topicIds) {
    var params = new URLSearchParams(location.search);
    function list(name, allowed) {
      return (params.get(name) || "").split(",").filter(function (v) {
        return allowed.indexOf(v) >= 0;
      });
    }
    var sel = { topics: list("topics", topicIds), difficulty: list("difficulty", DIFFICULTIES), pile: params.get("pile") };
    if (!sel.topics.length) sel.topics = topicIds.slice();
    if (!sel.difficulty.length) sel.difficulty = DIFFICULTIES.slice();
    if (!PILES.some(function (p) { return p[0] === sel.pile; })) sel.pile = "all";
    return sel;
  }

  function writeSelection(sel, topicIds) {
    var params = new URLSearchParams(location.search);
    function put(name, value) {
      if (value) params.set(name, value);
      else params.delete(name);
    }
    // Everything selected is the default and stays out of the URL.
    put("topics", sel.topics.length === topicIds.length ? "" : sel.topics.join(","));
    put("difficulty", sel.difficulty.length === DIFFICULTIES.length ? "" : sel.difficulty.join(","));
    put("pile", sel.pile === "all" ? "" : sel.pile);
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function matches(q, sel, marks, pile) {
    if (sel.topics.indexOf(q.topic) < 0 || sel.difficulty.indexOf(q.difficulty) < 0) return false;
    if (pile === "review") return marks[q.id] === "review";
    if (pile === "new") return !marks[q.id];
    return true;
  }

  // ---- the practice app -----------------------------------------------------------------------------------

  function setUp(anchor) {
    var app = el("div", { class: "qb-practice", id: "qb-practice-app" }, [el("p", { text: "Loading questions…" })]);
    anchor.hidden = true;
    anchor.insertAdjacentElement("afterend", app);
    var url = dataUrl(anchor);
    var base = new URL("../", url).href; // the site root: data URLs inside answers are relative to it
    loadData(url).then(
      function (data) {
        if (app.isConnected) start(app, data, base);
      },
      function (err) {
        app.replaceChildren(el("p", { role: "alert", text: "Could not load the questions (" + err.message + "). Reload the page to try again." }));
      }
    );
  }

  // ---- the session in progress survives a reload: its draw and position are kept for this tab -----------

  var SESSION_KEY = "qbank.practice.session.v1";

  function saveSession(queue, index) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ids: queue.map(function (q) { return q.id; }), index: index, search: location.search }));
    } catch (e) {
      /* storage blocked: a reload starts at the selection, as before */
    }
  }

  function clearSession() {
    try { sessionStorage.removeItem(SESSION_KEY); } catch (e) { /* nothing to clear */ }
  }

  function savedSession(questions) {
    try {
      var saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
      if (!saved || !Array.isArray(saved.ids) || saved.search !== location.search) return null;
      var byId = new Map(questions.map(function (q) { return [q.id, q]; }));
      var queue = saved.ids.map(function (id) { return byId.get(id); }).filter(Boolean);
      var index = Math.min(Math.max(0, saved.index | 0), queue.length - 1);
      return queue.length ? { queue: queue, index: index } : null;
    } catch (e) {
      return null;
    }
  }

  // The page's introduction matters at setup; during a session it would push the card down the screen.
  function intro(app, show) {
    for (var n = app.previousElementSibling; n; n = n.previousElementSibling) {
      if (n.tagName === "H1") break;
      if (n.id !== "qb-practice") n.classList.toggle("qb-practice__intro-hidden", !show);
    }
  }

  function start(app, data, base) {
    var questions = data.questions;
    var topics = data.topics.filter(function (t) {
      return questions.some(function (q) { return q.topic === t.id; });
    });
    var topicIds = topics.map(function (t) { return t.id; });
    var state = { app: app, base: base, questions: questions, topics: topics, topicIds: topicIds, progress: loadProgress() };
    state.sel = readSelection(topicIds);
    var resume = savedSession(questions);
    if (resume) runSession(state, resume.queue, resume.index);
    else showSetup(state);
  }

  function checkbox(name, value, text, checked, onchange) {
    var id = "qb-" + name + "-" + value;
    return el("div", { class: "qb-choice" }, [
      el("input", { type: "checkbox", id: id, name: name, value: value, checked: checked, onchange: onchange }),
      el("label", { for: id, text: text }),
    ]);
  }

  function showSetup(state) {
    session = null;
    clearSession();
    intro(state.app, true);
    var sel = state.sel;
    var marks = state.progress.marks;

    function chosen(name) {
      return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value; });
    }
    function update() {
      sel.topics = chosen("topic");
      sel.difficulty = chosen("difficulty");
      sel.pile = (form.querySelector('input[name="pile"]:checked') || { value: "all" }).value;
      writeSelection(sel, state.topicIds);
      PILES.forEach(function (p) {
        var n = state.questions.filter(function (q) { return matches(q, sel, marks, p[0]); }).length;
        form.querySelector('label[for="qb-pile-' + p[0] + '"]').textContent = p[1] + " (" + n + ")";
      });
      var n = state.questions.filter(function (q) { return matches(q, sel, marks, sel.pile); }).length;
      status.textContent = n ? plural(n, "question") + " in this set." : "No questions match this selection.";
      startButton.disabled = n === 0;
    }
    function setAll(name, on) {
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { i.checked = on; });
      update();
    }

    // Each topic has an "only" button: one click practises that topic alone, with the chosen difficulties.
    function only(topicId) {
      sel.topics = [topicId];
      form.querySelectorAll('input[name="topic"]').forEach(function (i) { i.checked = i.value === topicId; });
      update();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
    var topicBoxes = state.topics.map(function (t) {
      var n = state.questions.filter(function (q) { return q.topic === t.id; }).length;
      var box = checkbox("topic", t.id, t.title + " (" + n + ")", sel.topics.indexOf(t.id) >= 0, update);
      box.appendChild(el("button", { type: "button", class: "qb-only", text: "only", "aria-label": "Practise only " + t.title,
        onclick: function () { only(t.id); } }));
      return box;
    });
    var difficultyBoxes = DIFFICULTIES.map(function (d) {
      var n = state.questions.filter(function (q) { return q.difficulty === d; }).length;
      return checkbox("difficulty", d, d.charAt(0).toUpperCase() + d.slice(1) + " (" + n + ")", sel.difficulty.indexOf(d) >= 0, update);
    });
    var pileRadios = PILES.map(function (p) {
      var id = "qb-pile-" + p[0];
      return el("div", { class: "qb-choice" }, [
        el("input", { type: "radio", id: id, name: "pile", value: p[0], checked: sel.pile === p[0], onchange: update }),
        el("label", { for: id, text: p[1] }),
      ]);
    });
    var status = el("p", { class: "qb-practice__status", role: "status", "aria-live": "polite" });
    var startButton = el("button", { type: "submit", class: "md-button md-button--primary", text: "Start practice" });
    var form = el("form", { class: "qb-practice__setup", "aria-label": "Choose what to practise" }, [
      el("div", { class: "qb-practice__go" }, [startButton, status]),
      el("fieldset", { class: "qb-practice__topics" }, [el("legend", { text: "Topics" })].concat(topicBoxes, [
        el("div", { class: "qb-practice__bulk" }, [
          el("button", { type: "button", class: "md-button qb-small", text: "All topics", onclick: function () { setAll("topic", true); } }),
          el("button", { type: "button", class: "md-button qb-small", text: "No topics", onclick: function () { setAll("topic", false); } }),
        ]),
      ])),
      el("div", { class: "qb-practice__row" }, [
        el("fieldset", {}, [el("legend", { text: "Difficulty" })].concat(difficultyBoxes)),
        el("fieldset", {}, [el("legend", { text: "Questions" })].concat(pileRadios)),
      ]),
    ]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var chosenQuestions = state.questions.filter(function (q) { return matches(q, sel, marks, sel.pile); });
      if (chosenQuestions.length) runSession(state, shuffle(chosenQuestions));
    });

    state.app.replaceChildren(form, progressSection(state));
    update();
  }

  function progressSection(state) {
    var marks = state.progress.marks;
    var rows = state.topics.map(function (t) {
      var qs = state.questions.filter(function (q) { return q.topic === t.id; });
      return [t.title, qs.length, count(qs, "known"), count(qs, "review")];
    });
    function count(qs, mark) {
      return qs.filter(function (q) { return marks[q.id] === mark; }).length;
    }
    var total = ["All topics", state.questions.length, count(state.questions, "known"), count(state.questions, "review")];
    function row(cells, cellTag) {
      return el("tr", {}, cells.map(function (c, i) {
        return el(i === 0 ? "th" : cellTag, i === 0 ? { scope: "row" } : {}, [String(c)]);
      }));
    }
    var table = el("table", {}, [
      el("caption", { text: "Answered questions per topic and how you marked them" }),
      el("thead", {}, [el("tr", {}, ["Topic", "Questions", "Knew it", "Review again"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows.map(function (r) { return row(r, "td"); })),
      el("tfoot", {}, [row(total, "td")]),
    ]);
    var reset = el("button", {
      type: "button",
      class: "md-button qb-small",
      text: "Reset progress",
      onclick: function () {
        if (!window.confirm("Forget every mark you made in practice mode on this browser?")) return;
        state.progress = { marks: {} };
        saveProgress(state.progress);
        showSetup(state);
      },
    });
    return el("section", { class: "qb-practice__progress", "aria-labelledby": "qb-progress-title" }, [
      el("h2", { id: "qb-progress-title", text: "Your progress" }),
      el("div", { class: "md-typeset__table" }, [table]),
      el("p", {}, [reset]),
    ]);
  }

  function runSession(state, queue, startAt) {
    intro(state.app, false);
    var card = el("div", { class: "qb-card", role: "region", "aria-live": "polite", "aria-label": "Practice card", tabindex: "-1" });
    var controls = el("div", { class: "qb-card__controls" });
    var end = el("button", { type: "button", class: "md-button qb-small", text: "End session", onclick: function () { finish(); } });
    state.app.replaceChildren(card, controls, el("p", {}, [end]));
    session = { app: state.app, state: state, queue: queue, index: startAt || 0, revealed: false, done: false, known: 0, review: 0, reveal: reveal, mark: mark };

    function show() {
      var q = queue[session.index];
      session.revealed = false;
      saveSession(queue, session.index);
      answerOf(q, state.base).catch(function () { /* reported when the answer is revealed */ }); // ready at reveal
      card.replaceChildren(
        el("p", { class: "qb-card__meta", text: "Question " + (session.index + 1) + " of " + queue.length + " · " + q.topic_title + " · " + q.difficulty }),
        el("h2", { class: "qb-card__question", text: q.question })
      );
      controls.replaceChildren(el("button", { type: "button", class: "md-button md-button--primary", onclick: reveal }, ["Reveal answer ", el("kbd", { text: "Space" })]));
      card.focus({ preventScroll: false });
    }

    function reveal() {
      if (session.revealed || session.done) return;
      session.revealed = true;
      var q = queue[session.index];
      var body = el("div", { class: "qb-card__body", "aria-busy": "true" }, [el("p", { text: "Loading the answer…" })]);
      var answer = el("div", { class: "qb-card__answer" }, [
        body,
        el("p", { class: "qb-card__link" }, [el("a", { href: q.url, text: "Open this question on its page" })]),
      ]);
      answerOf(q, state.base).then(
        function (a) {
          var parts = [el("h3", { text: "Short answer" }), el("div", { class: "qb-card__short", html: a.short_html })];
          if (a.key_points_html && a.key_points_html.length) {
            parts.push(
              el("h3", { text: "What a strong answer covers" }),
              el("ul", { class: "qb-card__key-points" }, a.key_points_html.map(function (p) { return el("li", { html: p }); }))
            );
          }
          if (a.solution_html) {
            parts.push(el("h3", { text: "Reference solution" }), el("div", { class: "qb-card__solution", html: a.solution_html }));
          }
          if (a.detailed_html) {
            parts.push(el("h3", { text: "Detailed answer" }), el("div", { class: "qb-card__detailed", html: a.detailed_html }));
          }
          body.replaceChildren.apply(body, parts);
          fixLinks(body, state.base);
          body.removeAttribute("aria-busy");
        },
        function () {
          body.replaceChildren(el("p", { role: "alert", text: "The answer could not be loaded; it is on the question's page." }));
          body.removeAttribute("aria-busy");
        }
      );
      fixLinks(answer, state.base);
      card.appendChild(answer);
      controls.replaceChildren(
        el("button", { type: "button", class: "md-button md-button--primary", onclick: function () { mark("known"); } }, ["Knew it ", el("kbd", { text: "1" })]),
        el("button", { type: "button", class: "md-button", onclick: function () { mark("review"); } }, ["Review again ", el("kbd", { text: "2" })])
      );
    }

    function mark(value) {
      if (!session.revealed || session.done) return;
      var q = queue[session.index];
      // Re-read before writing, so marks made in another tab are not lost.
      state.progress = loadProgress();
      state.progress.marks[q.id] = value;
      saveProgress(state.progress);
      session[value] += 1;
      session.index += 1;
      if (session.index < queue.length) show();
      else finish();
    }

    function finish() {
      session.done = true;
      clearSession();
      var marks = state.progress.marks;
      var pile = state.questions.filter(function (q) { return marks[q.id] === "review"; });
      var marked = session.known + session.review;
      var summary = el("div", { class: "qb-card", role: "region", "aria-live": "polite", "aria-label": "Session summary", tabindex: "-1" }, [
        el("h2", { text: "Session finished" }),
        el("p", { text: "You marked " + plural(marked, "question") + ": " + session.known + " knew it, " + session.review + " to review again. "
          + plural(pile.length, "question") + " in your review pile." }),
      ]);
      var buttons = [el("button", { type: "button", class: "md-button md-button--primary", text: "Back to the selection", onclick: function () { showSetup(state); } })];
      if (pile.length) {
        buttons.push(el("button", {
          type: "button",
          class: "md-button",
          text: "Drill the review pile (" + pile.length + ")",
          onclick: function () { state.sel.pile = "review"; state.sel.topics = state.topicIds.slice(); state.sel.difficulty = DIFFICULTIES.slice();
            writeSelection(state.sel, state.topicIds); runSession(state, shuffle(pile)); },
        }));
      }
      state.app.replaceChildren(summary, el("div", { class: "qb-card__controls" }, buttons));
      summary.focus();
    }

    show();
  }

  function fixLinks(root, base) {
    // Links in the practice data are relative to the site root; this page sits one level below it.
    root.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) a.setAttribute("href", new URL(href, base).href);
    });
  }

  // A card's answers, {short_html, detailed_html} with maths already MathML; loadData fetches each file once.
  function answerOf(q, base) {
    return loadData(new URL(q.answer, base).href);
  }

  // ---- keys: bound once for the whole visit, acting only on a live session ---------------------------

  function onKey(e) {
    if (!session || session.done || !session.app.isConnected) return;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === " ") {
      // A focused button, link or summary handles Space itself.
      if (session.revealed || (t && /^(BUTTON|A|SUMMARY)$/.test(t.tagName))) return;
      e.preventDefault();
      session.reveal();
    } else if ((e.key === "1" || e.key === "2") && session.revealed) {
      e.preventDefault();
      session.mark(e.key === "1" ? "known" : "review");
    }
  }

  function init() {
    var anchor = document.getElementById("qb-practice");
    if (!anchor || anchor.dataset.qbReady) return;
    anchor.dataset.qbReady = "1";
    session = null;
    setUp(anchor);
  }

  if (!window.__qbPracticeKeys) {
    window.__qbPracticeKeys = true;
    document.addEventListener("keydown", onKey);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
