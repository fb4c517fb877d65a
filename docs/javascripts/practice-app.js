// Practice mode's app: spaced repetition over the answered questions. api/practice.json lists the questions;
// each card's answers (api/practice/<id>.json) are fetched when the card is shown. Scheduling is FSRS (ts-fsrs,
// vendored) through practice-srs.js; the mock interview and the review log are practice-mock.js and
// practice-log.js. practice.js, on every page, loads all of them on the practice page only and calls setUp.
(function () {
  "use strict";

  var DIFFICULTIES = ["easy", "medium", "hard"];
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
    var sel = { topics: list("topics", topicIds), difficulty: list("difficulty", DIFFICULTIES) };
    if (!sel.topics.length) sel.topics = topicIds.slice();
    if (!sel.difficulty.length) sel.difficulty = DIFFICULTIES.slice();
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
    ["mock", "minutes"].forEach(function (name) { params.delete(name); }); // leaving a mock interview
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function matches(q, sel) {
    return sel.topics.indexOf(q.topic) >= 0 && sel.difficulty.indexOf(q.difficulty) >= 0;
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

  function now() {
    return new Date();
  }

  // ---- the session in progress survives a reload: its order of new cards and its card are kept for this tab

  var SESSION_KEY = "qbank.practice.session.v2";

  function saveSession(order, current) {
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ order: order, current: current, search: location.search }));
    } catch (e) {
      /* storage blocked: a reload starts at the selection, as before */
    }
  }

  function clearSession() {
    try { sessionStorage.removeItem(SESSION_KEY); } catch (e) { /* nothing to clear */ }
  }

  function savedSession(byId) {
    try {
      var saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null");
      if (!saved || !Array.isArray(saved.order) || saved.search !== location.search) return null;
      var order = saved.order.filter(function (id) { return typeof id === "string" && byId.has(id); });
      return order.length ? { order: order, current: byId.has(saved.current) ? saved.current : null } : null;
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
    var byId = new Map(questions.map(function (q) { return [q.id, q]; }));
    var loaded = QBSrs.load(now());
    var state = { app: app, base: base, data: data, questions: questions, topics: topics, topicIds: topicIds, byId: byId, model: loaded.model, problem: loaded.problem };
    state.sel = readSelection(topicIds);
    state.ctx = context(state);
    if (window.QBMock && QBMock.fromUrl(state.ctx)) return;
    var resume = savedSession(byId);
    if (resume) runSession(state, resume.order, resume.current);
    else showSetup(state);
  }

  // What the mock interview and the review log (practice-mock.js, practice-log.js) may use.
  function context(state) {
    function saved(result) {
      state.problem = result.ok ? null : result.problem;
      return result;
    }
    return {
      app: state.app,
      data: state.data,
      base: state.base,
      byId: state.byId,
      now: now,
      srs: {
        model: function () { return state.model; },
        commit: function (change) {
          // Re-read first, as a rating does, so reviews saved in another tab since this page loaded are kept.
          var fresh = QBSrs.load(now());
          if (!fresh.problem) state.model = fresh.model;
          change(state.model);
          return saved(QBSrs.save(state.model));
        },
        replace: function (model) {
          state.model = model;
          return saved(QBSrs.save(model));
        },
      },
      ui: {
        el: el,
        plural: plural,
        shuffle: shuffle,
        answerOf: function (q) { return answerOf(q, state.base); },
        fixLinks: function (root) { fixLinks(root, state.base); focusableScrollers(root); },
        checklist: checklist,
        showSetup: function () { writeSelection(state.sel, state.topicIds); showSetup(state); },
      },
    };
  }

  // ---- self-grading: the key points as a checklist --------------------------------------------------------

  var checklistCount = 0;

  function checklist(pointsHtml, onchange) {
    checklistCount += 1;
    var name = "qb-kp-" + checklistCount;
    var boxes = [];
    var items = (pointsHtml || []).map(function (html, i) {
      var id = name + "-" + i;
      var box = el("input", { type: "checkbox", id: id, onchange: function () { if (onchange) onchange(); } });
      boxes.push(box);
      return el("li", { class: "qb-check" }, [box, el("label", { for: id, html: html })]);
    });
    var element = el("fieldset", { class: "qb-checklist" }, [
      el("legend", { text: "What a strong answer covers: tick what yours did" }),
      el("ul", {}, items),
    ]);
    return {
      element: element,
      total: boxes.length,
      ticked: function () { return boxes.filter(function (b) { return b.checked; }).length; },
    };
  }

  // ---- the setup screen: what is due, what to practise, settings, progress ---------------------------------

  function checkbox(name, value, text, checked, onchange) {
    var id = "qb-" + name + "-" + value;
    return el("div", { class: "qb-choice" }, [
      el("input", { type: "checkbox", id: id, name: name, value: value, checked: checked, onchange: onchange }),
      el("label", { for: id, text: text }),
    ]);
  }

  function problemNote(state) {
    return state.problem ? el("p", { class: "qb-practice__problem", role: "alert", text: state.problem }) : null;
  }

  function keysNotice(state) {
    if (!state.model.noticePending) return null;
    var carried = state.model.migrated;
    var box = el("div", { class: "admonition info qb-practice__notice", role: "note" }, [
      el("p", { class: "admonition-title", text: "Practice now schedules your reviews" }),
      el("p", {}, [
        "After each answer, rate how well you knew it: ", el("kbd", { text: "1" }), " Again, ", el("kbd", { text: "2" }), " Hard, ",
        el("kbd", { text: "3" }), " Good, ", el("kbd", { text: "4" }), " Easy. Key 1 used to mean “knew it”; it now means Again. " +
        "Each question comes back just before you would forget it.",
      ]),
      carried ? el("p", { text: plural(carried, "question") + " you marked before carried over: those you knew come back over the next 14 days, and your review-again pile is due now." }) : null,
      el("p", {}, [el("button", { type: "button", class: "md-button qb-small", text: "Got it", onclick: function () {
        state.model.noticePending = false;
        var result = QBSrs.save(state.model);
        state.problem = result.ok ? null : result.problem;
        showSetup(state);
      } })]),
    ]);
    return box;
  }

  function showSetup(state) {
    session = null;
    clearSession();
    intro(state.app, true);
    var sel = state.sel;
    var model = state.model;

    function chosen(name) {
      return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (i) { return i.value; });
    }
    function update() {
      sel.topics = chosen("topic");
      sel.difficulty = chosen("difficulty");
      writeSelection(sel, state.topicIds);
      var t = now();
      var ids = state.questions.filter(function (q) { return matches(q, sel); }).map(function (q) { return q.id; });
      var due = QBSrs.dueBy(model, ids, +t).length;
      var dueLater = QBSrs.dueToday(model, ids, t).length - due;
      var fresh = ids.filter(function (id) { return QBSrs.isNew(model, id); }).length;
      var left = QBSrs.newLeftToday(model, t);
      var parts = [(due + dueLater) + " due today" + (dueLater > 0 ? " (" + dueLater + " of them later)" : "")];
      parts.push(Math.min(fresh, left) + " new (" + fresh + " unseen, " + left + " new left today)");
      status.textContent = ids.length ? parts.join(" · ") : "No questions match this selection.";
      startButton.disabled = !ids.length || (due === 0 && Math.min(fresh, left) === 0);
      if (ids.length && startButton.disabled) status.textContent += ". Nothing to review now: come back later, raise the new-card limit, or choose more topics.";
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
      if (!startButton.disabled) form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
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
        settingsFieldset(state, update),
      ]),
    ]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var ids = state.questions.filter(function (q) { return matches(q, sel); }).map(function (q) { return q.id; });
      if (ids.length) runSession(state, shuffle(ids), null);
    });

    state.app.replaceChildren.apply(state.app, [problemNote(state), keysNotice(state), form,
      window.QBMock ? QBMock.setupSection(state.ctx) : null, progressSection(state)].filter(Boolean));
    update();
  }

  function settingsFieldset(state, update) {
    function field(id, label, attrs, value, apply) {
      var input = el("input", Object.assign({ id: id, type: "number", value: String(value), inputmode: "decimal" }, attrs));
      input.addEventListener("change", function () {
        var settings = Object.assign({}, state.model.settings);
        apply(settings, input.value);
        state.model.settings = QBSrs.clampSettings(settings);
        input.value = String(apply === setRetention ? state.model.settings.retention : state.model.settings.newPerDay);
        QBSrs.replay(state.model); // a new retention reschedules every card from its reviews
        var result = QBSrs.save(state.model);
        state.problem = result.ok ? null : result.problem;
        update();
      });
      return el("div", { class: "qb-field" }, [el("label", { for: id, text: label }), input]);
    }
    function setNew(s, v) { s.newPerDay = v; }
    function setRetention(s, v) { s.retention = v; }
    return el("fieldset", { class: "qb-practice__settings" }, [
      el("legend", { text: "Schedule" }),
      field("qb-new-per-day", "New questions per day", { min: "0", max: "9999", step: "1" }, state.model.settings.newPerDay, setNew),
      field("qb-retention", "Desired retention (0.70–0.97)", { min: "0.7", max: "0.97", step: "0.01" }, state.model.settings.retention, setRetention),
    ]);
  }

  // ---- progress: per topic, reviews per day, measured retention, leeches ----------------------------------

  function progressSection(state) {
    var model = state.model;
    var t = now();
    function counts(qs) {
      var ids = qs.map(function (q) { return q.id; });
      var seen = ids.filter(function (id) { return !QBSrs.isNew(model, id); }).length;
      return [qs.length, seen, QBSrs.dueToday(model, ids, t).length];
    }
    var rows = state.topics.map(function (topic) {
      return [topic.title].concat(counts(state.questions.filter(function (q) { return q.topic === topic.id; })));
    });
    var total = ["All topics"].concat(counts(state.questions));
    function row(cells) {
      return el("tr", {}, cells.map(function (c, i) {
        return el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : {}, [String(c)]);
      }));
    }
    var table = el("table", {}, [
      el("caption", { text: "Answered questions per topic, how many you have studied, and how many are due today" }),
      el("thead", {}, [el("tr", {}, ["Topic", "Questions", "Studied", "Due today"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows.map(row)),
      el("tfoot", {}, [row(total)]),
    ]);
    var measured = QBSrs.retention(model);
    var reset = el("button", {
      type: "button",
      class: "md-button qb-small",
      text: "Reset progress",
      onclick: function () {
        if (!window.confirm("Forget every review you made in practice mode on this browser? Export your review log first to keep it.")) return;
        state.model = QBSrs.empty();
        var result = QBSrs.save(state.model);
        state.problem = result.ok ? null : result.problem;
        showSetup(state);
      },
    });
    return el("section", { class: "qb-practice__progress", "aria-labelledby": "qb-progress-title" }, [
      el("h2", { id: "qb-progress-title", text: "Your progress" }),
      el("p", { class: "qb-practice__retention", text: measured.total
        ? "Measured retention: " + Math.round(measured.rate * 100) + "% of " + plural(measured.total, "review") + " of studied cards were not forgotten (target " + Math.round(model.settings.retention * 100) + "%)."
        : "Measured retention appears once cards you studied come back for review." }),
      reviewChart(QBSrs.reviewsPerDay(model, t, 30)),
      el("div", { class: "md-typeset__scrollwrap" }, [el("div", { class: "md-typeset__table" }, [table])]), // scrolls on a phone, as the theme's tables do
      leechList(state),
      window.QBLog ? QBLog.section(state.ctx) : null,
      el("p", {}, [reset]),
    ]);
  }

  // Reviews per day for 30 days, as a small inline SVG: one bar a day, with a text equivalent for screen readers.
  function reviewChart(days) {
    var NS = "http://www.w3.org/2000/svg";
    var max = Math.max(1, Math.max.apply(null, days.map(function (d) { return d.n; })));
    var total = days.reduce(function (a, d) { return a + d.n; }, 0);
    var w = 300, h = 60, bar = w / days.length;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + (h + 2));
    svg.setAttribute("class", "qb-chart");
    svg.setAttribute("role", "img");
    var busiest = days.reduce(function (a, d) { return d.n > a.n ? d : a; }, days[0]);
    var label = "Reviews per day, last 30 days: " + plural(total, "review") + " in all" +
      (total ? "; most on " + new Date(busiest.day).toLocaleDateString() + " (" + busiest.n + ")" : "") + ".";
    svg.setAttribute("aria-label", label);
    days.forEach(function (d, i) {
      var r = document.createElementNS(NS, "rect");
      var bh = d.n ? Math.max(2, (d.n / max) * h) : 1;
      r.setAttribute("x", String(i * bar + 1));
      r.setAttribute("y", String(h - bh + 1));
      r.setAttribute("width", String(Math.max(1, bar - 2)));
      r.setAttribute("height", String(bh));
      r.setAttribute("class", d.n ? "qb-chart__bar" : "qb-chart__empty");
      var title = document.createElementNS(NS, "title");
      title.textContent = new Date(d.day).toLocaleDateString() + ": " + plural(d.n, "review");
      r.appendChild(title);
      svg.appendChild(r);
    });
    return el("figure", { class: "qb-practice__chart" }, [svg, el("figcaption", { text: label })]);
  }

  function leechList(state) {
    var ids = QBSrs.leeches(state.model).filter(function (id) { return state.byId.has(id); });
    if (!ids.length) return null;
    return el("section", { class: "qb-practice__leeches", "aria-labelledby": "qb-leech-title" }, [
      el("h3", { id: "qb-leech-title", text: "Leeches: forgotten " + QBSrs.LEECH_LAPSES + " times or more" }),
      el("p", { text: "Drilling these again rarely helps. Read each full answer, then rebuild it in your own words." }),
      el("ul", {}, ids.map(function (id) {
        var q = state.byId.get(id);
        var a = el("a", { href: new URL(q.url, state.base).href, text: q.question });
        return el("li", {}, [a, " (" + plural(state.model.cards.get(id).lapses, "lapse") + ")"]);
      })),
    ]);
  }

  // ---- a session: due cards first, then new ones within the day's limit, until nothing is left for now -------

  function interval(ms) {
    var m = Math.round(ms / 60000);
    if (m < 1) return "<1m";
    if (m < 60) return m + "m";
    var h = Math.round(m / 60);
    if (h < 24) return h + "h";
    var d = Math.round(m / 1440);
    if (d < 31) return d + "d";
    if (d < 365) return Math.round(d / 30) + "mo";
    return (d / 365).toFixed(1) + "y";
  }

  function runSession(state, order, current) {
    intro(state.app, false);
    var ids = order.filter(function (id) { return state.byId.has(id); });
    var card = el("div", { class: "qb-card", role: "region", "aria-live": "polite", "aria-label": "Practice card", tabindex: "-1" });
    var controls = el("div", { class: "qb-card__controls" });
    var end = el("button", { type: "button", class: "md-button qb-small", text: "End session", onclick: function () { finish(); } });
    var problem = el("p", { class: "qb-practice__problem", role: "alert" });
    state.app.replaceChildren(problem, card, controls, el("p", {}, [end]));
    session = { app: state.app, revealed: false, done: false, reviewed: 0, again: 0, reveal: reveal, rate: rate, suggested: null, checks: null, id: null };

    function showProblem() {
      problem.textContent = state.problem || "";
      problem.hidden = !state.problem;
    }

    function show(id) {
      var t = now();
      var pick = id && state.byId.has(id) ? { id: id, kind: QBSrs.isNew(state.model, id) ? "new" : "due" } : QBSrs.next(state.model, ids, t, ids);
      if (!pick) return finish();
      var q = state.byId.get(pick.id);
      session.id = pick.id;
      session.revealed = false;
      session.checks = null;
      saveSession(ids, pick.id);
      answerOf(q, state.base).catch(function () { /* reported when the answer is revealed */ }); // ready at reveal
      var due = QBSrs.dueBy(state.model, ids, +t).length;
      var fresh = Math.min(QBSrs.newLeftToday(state.model, t), ids.filter(function (i) { return QBSrs.isNew(state.model, i); }).length);
      var known = state.model.cards.get(pick.id);
      var leech = known && known.lapses >= QBSrs.LEECH_LAPSES ? " · leech: read the full answer" : "";
      card.replaceChildren(
        el("p", { class: "qb-card__meta", text: (pick.kind === "new" ? "New" : pick.kind === "learning" ? "Learning" : "Review") + " · " + q.topic_title + " · " + q.difficulty + " · " + due + " due, " + fresh + " new left" + leech }),
        el("h2", { class: "qb-card__question", text: q.question })
      );
      controls.replaceChildren(el("button", { type: "button", class: "md-button md-button--primary", onclick: reveal }, ["Reveal answer ", el("kbd", { text: "Space" })]));
      showProblem();
      card.focus({ preventScroll: false });
    }

    function reveal() {
      if (session.revealed || session.done) return;
      session.revealed = true;
      var q = state.byId.get(session.id);
      var body = el("div", { class: "qb-card__body", "aria-busy": "true" }, [el("p", { text: "Loading the answer…" })]);
      var answer = el("div", { class: "qb-card__answer" }, [
        body,
        el("p", { class: "qb-card__link" }, [el("a", { href: q.url, text: "Open this question on its page" })]),
      ]);
      var buttons = [];
      var previews = QBSrs.preview(state.model, session.id, now());
      QBSrs.RATINGS.forEach(function (name, i) {
        buttons.push(el("button", { type: "button", class: "md-button qb-rate", "data-rating": String(i + 1), "aria-describedby": "qb-rate-" + (i + 1),
          onclick: function () { rate(i + 1); } }, [
          name, el("kbd", { text: String(i + 1) }), el("span", { class: "qb-rate__next", id: "qb-rate-" + (i + 1), text: interval(previews[i]) }),
        ]));
      });
      function suggest() {
        var checks = session.checks;
        var rating = checks && checks.total ? QBSrs.suggest(checks.ticked(), checks.total) : null;
        session.suggested = rating;
        buttons.forEach(function (b, i) {
          var on = rating === i + 1;
          b.classList.toggle("md-button--primary", on);
          b.classList.toggle("qb-rate--suggested", on);
          if (on) b.setAttribute("aria-label", b.textContent.replace(/\d.*$/, "") + " (suggested)");
          else b.removeAttribute("aria-label");
        });
        hint.textContent = rating ? "Suggested from your ticks: " + QBSrs.RATINGS[rating - 1] + " (" + checks.ticked() + " of " + checks.total + "). Press Enter to accept it, or rate with 1–4." : "";
      }
      var hint = el("p", { class: "qb-card__hint", role: "status" });
      answerOf(q, state.base).then(
        function (a) {
          var parts = [el("h3", { text: "Short answer" }), el("div", { class: "qb-card__short", html: a.short_html })];
          if (a.key_points_html && a.key_points_html.length) {
            session.checks = checklist(a.key_points_html, suggest);
            parts.push(session.checks.element, hint);
          }
          if (a.solution_html) {
            parts.push(el("h3", { text: "Reference solution" }), el("div", { class: "qb-card__solution", html: a.solution_html }));
          }
          if (a.detailed_html) {
            parts.push(el("h3", { text: "Detailed answer" }), el("div", { class: "qb-card__detailed", html: a.detailed_html }));
          }
          body.replaceChildren.apply(body, parts);
          fixLinks(body, state.base);
          focusableScrollers(body);
          body.removeAttribute("aria-busy");
          suggest();
        },
        function () {
          body.replaceChildren(el("p", { role: "alert", text: "The answer could not be loaded; it is on the question's page." }));
          body.removeAttribute("aria-busy");
        }
      );
      fixLinks(answer, state.base);
      card.appendChild(answer);
      controls.replaceChildren.apply(controls, buttons);
    }

    function rate(rating) {
      if (!session.revealed || session.done) return;
      var checks = session.checks;
      var extra = { source: "practice" };
      if (checks && checks.total) {
        extra.ticked = checks.ticked();
        extra.points = checks.total;
      }
      // Re-read before writing, so reviews made in another tab are not lost.
      var fresh = QBSrs.load(now());
      if (!fresh.problem) state.model = fresh.model;
      QBSrs.rate(state.model, session.id, rating, now(), extra);
      var result = QBSrs.save(state.model);
      state.problem = result.ok ? null : result.problem;
      session.reviewed += 1;
      if (rating === 1) session.again += 1;
      show(null);
    }

    function finish() {
      session.done = true;
      clearSession();
      var t = now();
      var later = QBSrs.dueToday(state.model, ids, t).length;
      var summary = el("div", { class: "qb-card", role: "region", "aria-live": "polite", "aria-label": "Session summary", tabindex: "-1" }, [
        el("h2", { text: "Done for now" }),
        el("p", { text: "You reviewed " + plural(session.reviewed, "question") + (session.reviewed ? " and forgot " + session.again : "") + ". " +
          (later ? plural(later, "card") + " in this set come back later today." : "Nothing else in this set is due today.") }),
      ]);
      var buttons = [el("button", { type: "button", class: "md-button md-button--primary", text: "Back to the selection", onclick: function () { showSetup(state); } })];
      state.app.replaceChildren.apply(state.app, [problemNote(state), summary, el("div", { class: "qb-card__controls" }, buttons)].filter(Boolean));
      summary.focus();
    }

    show(current);
  }

  // Code and formulas wider than the card scroll sideways; as on the theme's pages, a keyboard must be able to
  // reach them to scroll them (WCAG 2.1.1). Only those that do overflow get a tab stop.
  function focusableScrollers(root) {
    root.querySelectorAll("pre > code, .arithmatex").forEach(function (node) {
      if (node.scrollWidth > node.clientWidth + 1) node.setAttribute("tabindex", "0");
    });
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

  function typing(t) {
    if (!t) return false;
    if (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName)) return true;
    return t.tagName === "INPUT" && !/^(checkbox|radio|button|submit)$/.test(t.type); // a ticked box still takes 1–4
  }

  function onKey(e) {
    if (!session || session.done || !session.app.isConnected) return;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    var t = e.target;
    if (typing(t)) return;
    if (e.key === " ") {
      // A focused button, link, checkbox or summary handles Space itself.
      if (session.revealed || (t && /^(BUTTON|A|SUMMARY|INPUT)$/.test(t.tagName))) return;
      e.preventDefault();
      session.reveal();
    } else if (/^[1-4]$/.test(e.key) && session.revealed) {
      e.preventDefault();
      session.rate(+e.key);
    } else if (e.key === "Enter" && session.revealed && session.suggested && !(t && /^(BUTTON|A|SUMMARY)$/.test(t.tagName))) {
      e.preventDefault();
      session.rate(session.suggested);
    }
  }

  if (!window.__qbPracticeKeys) {
    window.__qbPracticeKeys = true;
    document.addEventListener("keydown", onKey);
  }

  window.QBPracticeApp = {
    // Called by practice.js once per arrival on the practice page (a full load or an instant navigation).
    setUp: function (anchor) {
      session = null;
      setUp(anchor);
    },
  };
})();
