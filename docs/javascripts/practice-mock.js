// The mock interview on the practice page: a timed run through a random draw of questions, graded by the key
// points the person ticks, ending in a summary per question and per topic. practice.js loads this file on the
// practice page only (after practice-srs.js) and calls it through window.QBMock:
//   QBMock.setupSection(ctx) -> the "Mock interview" section of the setup screen;
//   QBMock.fromUrl(ctx)      -> runs the interview named in the address (?mock=<id>,<id>&minutes=4), or false.
// The draw is in the address, in order, so a shared link gives the same interview after the bank grows; ids
// that moved are followed through practice.json's "moved", and retired or unknown ones are skipped with a note.
// A mock never changes the review schedule unless the person asks for the missed questions to be added.
(function () {
  "use strict";

  var COUNT = { min: 5, max: 20, initial: 8 };
  var MINUTES = { min: 1, max: 30, initial: 4 };
  var MAX_IDS = 50; // a longer list in an address is cut, so a hand-made link cannot make a huge page
  var DIFFICULTIES = ["easy", "medium", "hard"];
  var TICK_MS = 250;
  var live = null; // the interview on screen, read by the one key handler; null when none

  // ---- pure parts: the address, the draw, the clock and the summary (no page access) -----------------------

  function clamp(value, range) {
    var n = Math.round(+value);
    if (!isFinite(n)) return range.initial;
    return Math.min(range.max, Math.max(range.min, n));
  }

  // {ids, minutes} from a query string, or null when it names no mock interview.
  function parse(search) {
    var params = new URLSearchParams(search || "");
    if (!params.has("mock")) return null;
    var seen = new Set();
    var ids = (params.get("mock") || "").split(",").map(function (s) { return s.trim(); }).filter(function (id) {
      if (!id || seen.has(id)) return false;
      seen.add(id);
      return true;
    }).slice(0, MAX_IDS);
    var minutes = params.has("minutes") ? clamp(params.get("minutes"), MINUTES) : MINUTES.initial;
    return { ids: ids, minutes: minutes };
  }

  // The query string of an interview. Ids are slugs; encoding keeps anything else from breaking the list.
  function query(ids, minutes) {
    return "?mock=" + ids.map(encodeURIComponent).join(",") + "&minutes=" + minutes;
  }

  // The questions an address names, in its order: an id not in the bank is followed through `moved` (old ->
  // new, possibly in several steps); one that ends "retired", or nowhere, is skipped and counted.
  function resolve(ids, byId, moved) {
    moved = moved || {};
    var out = [], seen = new Set(), retired = 0, unknown = 0, followed = 0;
    ids.forEach(function (id) {
      var current = id, steps = 0;
      while (!byId.has(current) && Object.prototype.hasOwnProperty.call(moved, current) && steps < 20) {
        current = moved[current];
        steps += 1;
        if (current === "retired") break;
      }
      if (byId.has(current)) {
        if (steps) followed += 1;
        if (!seen.has(current)) {
          seen.add(current);
          out.push(byId.get(current));
        }
      } else if (current === "retired") {
        retired += 1;
      } else {
        unknown += 1;
      }
    });
    return { questions: out, retired: retired, unknown: unknown, followed: followed };
  }

  // The sentence about skipped questions, or null when none was skipped.
  function skipNote(resolved, plural) {
    var skipped = resolved.retired + resolved.unknown;
    if (!skipped) return null;
    var why = [];
    if (resolved.retired) why.push(resolved.retired + " retired from the bank");
    if (resolved.unknown) why.push(resolved.unknown + " not found in this copy of the bank");
    return plural(skipped, "question") + " in this link " + (skipped === 1 ? "was" : "were") + " skipped (" + why.join(", ")
      + "). The rest of the interview runs as shared.";
  }

  function matching(questions, topics, difficulties) {
    return questions.filter(function (q) {
      return topics.indexOf(q.topic) >= 0 && difficulties.indexOf(q.difficulty) >= 0;
    });
  }

  function draw(questions, count, shuffle) {
    return shuffle(questions).slice(0, count).map(function (q) { return q.id; });
  }

  function twoDigits(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function duration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(s / 60) + ":" + twoDigits(s % 60);
  }

  // The countdown's face: whole seconds left rounded up ("4:00" at the start), "0:00" when time is up, then
  // the time over ("+0:12").
  function clock(limitMs, elapsedMs) {
    var left = limitMs - elapsedMs;
    if (left > 0) {
      var s = Math.ceil(left / 1000);
      return { over: false, text: Math.floor(s / 60) + ":" + twoDigits(s % 60) };
    }
    return { over: true, text: -left < 1000 ? "0:00" : "+" + duration(-left) };
  }

  function share(ticked, total) {
    return total ? ticked / total : null;
  }

  function percent(ratio) {
    return ratio == null ? "—" : Math.round(ratio * 100) + "%";
  }

  // results: [{q, revealed, ms, ticked, total}] (ticked/total null when not graded).
  // -> {questions: results, topics: [{id, title, questions, graded, ticked, total, share}] weakest first,
  //     ticked, total, missed: [result]} where a missed question has fewer than half of its points ticked.
  function summarise(results) {
    var topics = new Map(), ticked = 0, total = 0;
    results.forEach(function (r) {
      var t = topics.get(r.q.topic);
      if (!t) {
        t = { id: r.q.topic, title: r.q.topic_title || r.q.topic, questions: 0, graded: 0, ticked: 0, total: 0, share: null };
        topics.set(r.q.topic, t);
      }
      t.questions += 1;
      if (r.total) {
        t.graded += 1;
        t.ticked += r.ticked;
        t.total += r.total;
        ticked += r.ticked;
        total += r.total;
      }
    });
    var list = Array.from(topics.values());
    list.forEach(function (t) { t.share = share(t.ticked, t.total); });
    list.sort(function (a, b) {
      if (a.share == null || b.share == null) return (a.share == null) - (b.share == null) || a.title.localeCompare(b.title);
      return a.share - b.share || a.title.localeCompare(b.title);
    });
    var missed = results.filter(function (r) { return r.total && r.ticked / r.total < 0.5; });
    return { questions: results, topics: list, ticked: ticked, total: total, missed: missed };
  }

  // ---- the page -----------------------------------------------------------------------------------------

  function stopLive() {
    if (live) live.stop();
    live = null;
  }

  // The page's introduction matters at setup; during an interview it would push the card down the screen.
  // practice-app.js shows it again when it draws its setup.
  function intro(app, show) {
    for (var n = app.previousElementSibling; n; n = n.previousElementSibling) {
      if (n.tagName === "H1") break;
      if (n.id !== "qb-practice") n.classList.toggle("qb-practice__intro-hidden", !show);
    }
  }

  function replaceAddress(search) {
    history.replaceState(history.state, "", location.pathname + search + location.hash);
  }

  function shareUrl(ids, minutes) {
    return new URL(location.pathname + query(ids, minutes), location.href).href;
  }

  function tableWrap(el, table) {
    // Material wraps the tables of a page in these when it loads; a table drawn later gets them here, so it
    // scrolls inside its own box on a narrow screen instead of pushing the page sideways.
    return el("div", { class: "md-typeset__scrollwrap" }, [el("div", { class: "md-typeset__table" }, [table])]);
  }

  // ---- the setup: topics, difficulties, number of questions and minutes, then Start --------------------------

  function setupSection(ctx) {
    var el = ctx.ui.el, plural = ctx.ui.plural;
    var questions = ctx.data.questions;
    var topics = ctx.data.topics.filter(function (t) {
      return questions.some(function (q) { return q.topic === t.id; });
    });

    function box(name, value, text) {
      var id = "qb-mock-" + name + "-" + value;
      return el("div", { class: "qb-choice" }, [
        el("input", { type: "checkbox", id: id, name: "qb-mock-" + name, value: value, checked: true, onchange: update }),
        el("label", { for: id, text: text }),
      ]);
    }
    function chosen(name) {
      return Array.prototype.map.call(form.querySelectorAll('input[name="qb-mock-' + name + '"]:checked'), function (i) { return i.value; });
    }
    function setAll(on) {
      form.querySelectorAll('input[name="qb-mock-topic"]').forEach(function (i) { i.checked = on; });
      update();
    }
    function number(id, label, range) {
      return el("div", { class: "qb-mock-setup__field" }, [
        el("label", { for: id, text: label }),
        el("input", { type: "number", id: id, min: range.min, max: range.max, step: 1, value: range.initial, inputmode: "numeric", oninput: update, onchange: update }),
      ]);
    }

    var topicBoxes = topics.map(function (t) {
      var n = questions.filter(function (q) { return q.topic === t.id; }).length;
      return box("topic", t.id, t.title + " (" + n + ")");
    });
    var difficultyBoxes = DIFFICULTIES.map(function (d) {
      var n = questions.filter(function (q) { return q.difficulty === d; }).length;
      return box("difficulty", d, d.charAt(0).toUpperCase() + d.slice(1) + " (" + n + ")");
    });
    var filtersSummary = el("summary", {});
    var status = el("p", { class: "qb-mock-setup__status", role: "status", "aria-live": "polite" });
    var start = el("button", { type: "submit", class: "md-button md-button--primary", text: "Start mock interview" });
    var form = el("form", { class: "qb-mock-setup__form", novalidate: true, "aria-labelledby": "qb-mock-title" }, [
      el("details", { class: "qb-mock-setup__filters" }, [
        filtersSummary,
        el("fieldset", { class: "qb-practice__topics" }, [el("legend", { text: "Topics" })].concat(topicBoxes, [
          el("div", { class: "qb-practice__bulk" }, [
            el("button", { type: "button", class: "md-button qb-small", text: "All topics", onclick: function () { setAll(true); } }),
            el("button", { type: "button", class: "md-button qb-small", text: "No topics", onclick: function () { setAll(false); } }),
          ]),
        ])),
        el("fieldset", {}, [el("legend", { text: "Difficulty" })].concat(difficultyBoxes)),
      ]),
      el("div", { class: "qb-mock-setup__numbers" }, [
        number("qb-mock-count", "Questions", COUNT),
        number("qb-mock-minutes", "Minutes per question", MINUTES),
      ]),
      el("div", { class: "qb-practice__go" }, [start, status]),
    ]);

    function update() {
      var t = chosen("topic"), d = chosen("difficulty");
      filtersSummary.textContent = "Topics: " + (t.length === topics.length ? "all" : t.length + " of " + topics.length)
        + " · Difficulty: " + (d.length === DIFFICULTIES.length ? "all" : d.join(", ") || "none");
      var n = matching(questions, t, d).length;
      var count = Math.min(clamp(form.querySelector("#qb-mock-count").value, COUNT), n);
      var minutes = clamp(form.querySelector("#qb-mock-minutes").value, MINUTES);
      status.textContent = n
        ? plural(count, "question") + " drawn from " + n + ", " + plural(minutes, "minute") + " each."
        : "No questions match these topics and difficulties.";
      start.disabled = n === 0;
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var pool = matching(questions, chosen("topic"), chosen("difficulty"));
      if (!pool.length) return;
      var countInput = form.querySelector("#qb-mock-count"), minutesInput = form.querySelector("#qb-mock-minutes");
      var count = clamp(countInput.value, COUNT), minutes = clamp(minutesInput.value, MINUTES);
      countInput.value = count; // an out-of-range number shows what was used
      minutesInput.value = minutes;
      var ids = draw(pool, count, ctx.ui.shuffle);
      replaceAddress(query(ids, minutes));
      run(ctx, ids, minutes);
    });

    update();
    return el("section", { class: "qb-mock-setup", "aria-labelledby": "qb-mock-title" }, [
      el("h2", { id: "qb-mock-title", text: "Mock interview" }),
      el("p", { text: "A timed run through a random draw of questions, one at a time. Answer aloud, reveal the key points, "
        + "tick the ones you covered, and get a summary by question and topic. It does not change your review schedule "
        + "unless you ask it to." }),
      form,
    ]);
  }

  function fromUrl(ctx) {
    var plan = parse(location.search);
    if (!plan) return false;
    run(ctx, plan.ids, plan.minutes);
    return true;
  }

  // ---- the interview ----------------------------------------------------------------------------------------

  function run(ctx, ids, minutes) {
    stopLive();
    var el = ctx.ui.el, plural = ctx.ui.plural, app = ctx.app;
    var resolved = resolve(ids, ctx.byId, ctx.data.moved);
    var note = skipNote(resolved, plural);
    var queue = resolved.questions;
    var limitMs = minutes * 60000;
    var link = shareUrl(ids, minutes);
    intro(app, false);

    function back() {
      stopLive();
      ctx.ui.showSetup();
    }

    if (!queue.length) {
      var empty = el("div", { class: "qb-card qb-mock", role: "region", "aria-label": "Mock interview", tabindex: "-1" }, [
        el("h2", { text: "Mock interview" }),
        el("p", { role: "alert", text: ids.length ? "None of the questions in this link is in this copy of the bank. " + (note || "")
          : "This link names no questions." }),
        el("p", {}, [el("button", { type: "button", class: "md-button md-button--primary", text: "Back to practice", onclick: back })]),
      ]);
      app.replaceChildren(empty);
      empty.focus();
      return;
    }

    var results = queue.map(function (q) { return { q: q, shown: false, revealed: false, ms: null, ticked: null, total: null, checklist: null }; });
    var index = 0, shownAt = 0, timer = null, upAnnounced = false;
    var state = { root: null, phase: "question", reveal: reveal, next: next, stop: stop };

    var meta = el("p", { class: "qb-card__meta" });
    var face = el("span", { class: "qb-mock__time", role: "timer", "aria-label": "Time left on this question", "aria-atomic": "true" });
    var faceLabel = el("span", { class: "qb-mock__time-label", "aria-hidden": "true", text: "Time left" });
    var clockBox = el("div", { class: "qb-mock__clock" }, [faceLabel, face]);
    var question = el("h2", { class: "qb-card__question" });
    var status = el("p", { class: "qb-mock__status", role: "status", "aria-live": "polite" });
    var answerBox = el("div", { class: "qb-mock__answer" });
    var card = el("div", { class: "qb-card qb-mock", role: "region", "aria-label": "Mock interview question", tabindex: "-1" }, [
      el("div", { class: "qb-mock__bar" }, [meta, clockBox]),
      question,
      status,
      answerBox,
    ]);
    var controls = el("div", { class: "qb-card__controls" });
    var end = el("button", { type: "button", class: "md-button qb-small", text: "End interview", onclick: function () { finish(); } });
    var children = [];
    if (note) children.push(el("p", { class: "qb-mock__note", role: "note", text: note }));
    children.push(card, controls, el("p", { class: "qb-mock__end" }, [end]));
    app.replaceChildren.apply(app, children);
    state.root = card;
    live = state;

    function nowMs() {
      return +ctx.now();
    }

    function stop() {
      if (timer != null) clearInterval(timer);
      timer = null;
    }

    function tick() {
      if (!card.isConnected) {
        // The app was rebuilt or the page left: this interview is gone.
        stop();
        if (live === state) live = null;
        return;
      }
      var c = clock(limitMs, nowMs() - shownAt);
      if (face.textContent !== c.text) face.textContent = c.text;
      if (c.over && !upAnnounced) {
        upAnnounced = true;
        clockBox.classList.add("qb-mock__clock--over");
        faceLabel.textContent = "Time is up";
        face.setAttribute("aria-label", "Time over the limit on this question");
        status.textContent = "Time is up. Keep going: the clock now counts the time over.";
      }
    }

    function show() {
      var q = queue[index];
      var r = results[index];
      r.shown = true;
      state.phase = "question";
      shownAt = nowMs();
      upAnnounced = false;
      clockBox.classList.remove("qb-mock__clock--over");
      faceLabel.textContent = "Time left";
      face.setAttribute("aria-label", "Time left on this question");
      meta.textContent = "Question " + (index + 1) + " of " + queue.length + " · " + q.topic_title + " · " + q.difficulty;
      question.textContent = q.question;
      status.textContent = "";
      answerBox.replaceChildren();
      ctx.ui.answerOf(q).catch(function () { /* reported at the reveal */ }); // ready when it is revealed
      controls.replaceChildren(el("button", { type: "button", class: "md-button md-button--primary", onclick: reveal }, ["Reveal answer ", el("kbd", { text: "Space" })]));
      tick();
      stop();
      timer = setInterval(tick, TICK_MS);
      card.focus({ preventScroll: false });
    }

    function reveal() {
      if (live !== state || state.phase !== "question") return;
      var q = queue[index], r = results[index];
      r.revealed = true;
      r.ms = nowMs() - shownAt;
      stop();
      var c = clock(limitMs, r.ms);
      face.textContent = c.text;
      faceLabel.textContent = c.over ? "Over the limit by" : "Answered with time left";
      face.setAttribute("aria-label", c.over ? "Time over the limit" : "Time left when the answer was revealed");
      state.phase = "revealed";
      status.textContent = "Answered in " + duration(r.ms) + ". Tick the key points you covered.";

      var body = el("div", { class: "qb-card__body", "aria-busy": "true" }, [el("p", { text: "Loading the answer…" })]);
      var pageLink = el("p", { class: "qb-card__link" }, [el("a", { href: new URL(q.url, ctx.base).href, text: "Open this question on its page" })]);
      var answer = el("div", { class: "qb-card__answer", tabindex: "-1", "aria-label": "Answer" }, [body, pageLink]);
      answerBox.replaceChildren(answer);
      ctx.ui.answerOf(q).then(
        function (a) {
          if (!body.isConnected) return;
          var parts = [el("h3", { text: "Short answer" }), el("div", { class: "qb-card__short", html: a.short_html })];
          var points = a.key_points_html || [];
          if (points.length) {
            var list = ctx.ui.checklist(points);
            r.checklist = list;
            r.total = list.total;
            parts.push(list.element); // its legend asks for the ticks
          }
          if (a.solution_html) {
            parts.push(el("details", { class: "qb-mock__more" }, [el("summary", { text: "Reference solution" }), el("div", { class: "qb-card__solution", html: a.solution_html })]));
          }
          if (a.detailed_html) {
            parts.push(el("details", { class: "qb-mock__more" }, [el("summary", { text: "Detailed answer" }), el("div", { class: "qb-card__detailed", html: a.detailed_html })]));
          }
          body.replaceChildren.apply(body, parts);
          ctx.ui.fixLinks(body);
          body.removeAttribute("aria-busy");
        },
        function () {
          if (!body.isConnected) return;
          body.replaceChildren(el("p", { role: "alert", text: "The answer could not be loaded; it is on the question's page." }));
          body.removeAttribute("aria-busy");
        }
      );
      var last = index === queue.length - 1;
      controls.replaceChildren(el("button", { type: "button", class: "md-button md-button--primary", onclick: next },
        [last ? "Finish and see the summary " : "Next question ", el("kbd", { text: "Enter" })]));
      answer.focus({ preventScroll: true });
    }

    // The ticks count when the person moves on; reading them then keeps late ticks.
    function grade(r) {
      if (r.checklist) {
        r.ticked = r.checklist.ticked();
        r.total = r.checklist.total;
        r.checklist = null;
      }
    }

    function next() {
      if (live !== state || state.phase !== "revealed") return;
      grade(results[index]);
      index += 1;
      if (index < queue.length) show();
      else finish();
    }

    function finish() {
      if (live !== state || state.phase === "summary") return;
      var r = results[index];
      if (r && r.shown && !r.revealed) r.ms = nowMs() - shownAt;
      if (r) grade(r);
      stop();
      state.phase = "summary";
      summary(ctx, results.filter(function (x) { return x.shown; }), queue.length, minutes, link, note, back);
    }

    show();
  }

  // ---- the summary ------------------------------------------------------------------------------------------

  function summary(ctx, results, planned, minutes, link, note, back) {
    var el = ctx.ui.el, plural = ctx.ui.plural;
    var s = summarise(results);
    var limitMs = minutes * 60000;

    function points(r) {
      if (!r.revealed) return "not revealed";
      if (!r.total) return "—";
      return r.ticked + "/" + r.total + " (" + percent(r.ticked / r.total) + ")";
    }
    function time(r) {
      if (r.ms == null) return "—";
      var text = duration(r.ms);
      return r.ms > limitMs ? text + " (+" + duration(r.ms - limitMs) + " over)" : text;
    }

    var questionRows = results.map(function (r, i) {
      var q = r.q;
      return el("tr", { "data-id": q.id }, [
        el("td", { text: String(i + 1) }),
        el("th", { scope: "row" }, [
          el("a", { href: new URL(q.url, ctx.base).href, text: q.question }),
          el("span", { class: "qb-mock__row-meta", text: q.topic_title + " · " + q.difficulty }),
        ]),
        el("td", { class: "qb-mock__points", text: points(r) }),
        el("td", { class: "qb-mock__time-used", text: time(r) }),
      ]);
    });
    var questionTable = el("table", {}, [
      el("caption", { text: "Key points covered and time per question (limit " + plural(minutes, "minute") + ")" }),
      el("thead", {}, [el("tr", {}, ["#", "Question", "Key points", "Time"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, questionRows),
    ]);
    var topicRows = s.topics.map(function (t) {
      return el("tr", { "data-topic": t.id }, [
        el("th", { scope: "row", text: t.title }),
        el("td", { text: String(t.questions) }),
        el("td", { text: t.total ? t.ticked + "/" + t.total : "—" }),
        el("td", { text: percent(t.share) }),
      ]);
    });
    var topicTable = el("table", {}, [
      el("caption", { text: "Coverage per topic, weakest first" }),
      el("thead", {}, [el("tr", {}, ["Topic", "Questions", "Key points", "Coverage"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, topicRows),
    ]);

    var graded = s.topics.filter(function (t) { return t.share != null; });
    var weakest = graded.filter(function (t) { return t.share < 1; }).slice(0, 3);
    var totalMs = results.reduce(function (sum, r) { return sum + (r.ms || 0); }, 0);
    var answered = results.filter(function (r) { return r.revealed; }).length;
    var overview = "You answered " + answered + " of " + plural(planned, "question") + " in " + duration(totalMs)
      + (s.total ? " and covered " + s.ticked + " of " + s.total + " key points (" + percent(s.ticked / s.total) + ")." : ".");

    var parts = [el("h2", { text: "Interview summary" }), el("p", { class: "qb-mock__overview", text: overview })];
    if (note) parts.push(el("p", { class: "qb-mock__note", role: "note", text: note }));
    if (graded.length) {
      parts.push(el("p", { class: "qb-mock__weakest" }, weakest.length
        ? ["Weakest topics: " + weakest.map(function (t) { return t.title + " (" + percent(t.share) + ")"; }).join(", ") + "."]
        : ["You covered every key point in every topic."]));
    }
    parts.push(
      el("h3", { text: "By topic" }), tableWrap(el, topicTable),
      el("h3", { text: "By question" }), tableWrap(el, questionTable)
    );

    // Reviews: only on request, and only the questions below half of their key points.
    var reviewStatus = el("p", { class: "qb-mock__review-status", role: "status", "aria-live": "polite" });
    var addButton = el("button", {
      type: "button",
      class: "md-button md-button--primary",
      text: "Add the missed questions to my reviews" + (s.missed.length ? " (" + s.missed.length + ")" : ""),
      disabled: s.missed.length === 0,
      onclick: function () {
        addButton.disabled = true;
        var at = ctx.now();
        var result = ctx.srs.commit(function (model) {
          s.missed.forEach(function (r) {
            window.QBSrs.rate(model, r.q.id, 1, at, { source: "mock", ticked: r.ticked, points: r.total });
          });
        });
        var added = plural(s.missed.length, "question");
        reviewStatus.textContent = result && result.ok === false
          ? "Added " + added + " to your reviews for this visit only: " + (result.problem || "they could not be saved.")
          : "Added " + added + " to your reviews: " + (s.missed.length === 1 ? "it is" : "they are") + " due again soon.";
      },
    });
    reviewStatus.textContent = s.missed.length
      ? plural(s.missed.length, "question") + " had fewer than half of " + (s.missed.length === 1 ? "its" : "their")
        + " key points ticked. This interview has not changed your review schedule."
      : "No question fell below half of its key points. This interview has not changed your review schedule.";

    var linkField = el("input", { type: "text", id: "qb-mock-link", class: "qb-mock__link", readonly: true, value: link });
    var copyStatus = el("span", { class: "qb-mock__copy-status", role: "status", "aria-live": "polite" });
    var copyButton = el("button", {
      type: "button",
      class: "md-button qb-small",
      text: "Copy link to this interview",
      onclick: function () {
        function manual() {
          linkField.focus();
          linkField.select();
          copyStatus.textContent = "Select the link and copy it.";
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(link).then(function () { copyStatus.textContent = "Link copied."; }, manual);
        } else {
          manual();
        }
      },
    });

    var card = el("div", { class: "qb-card qb-mock qb-mock--summary", role: "region", "aria-label": "Mock interview summary", tabindex: "-1" },
      parts.concat([
        el("div", { class: "qb-mock__share" }, [
          el("label", { for: "qb-mock-link", text: "Link to this interview (the same questions in the same order)" }),
          linkField,
          el("div", {}, [copyButton, copyStatus]),
        ]),
        reviewStatus,
      ]));
    var controls = el("div", { class: "qb-card__controls" }, [
      addButton,
      el("button", { type: "button", class: "md-button", text: "Back to practice", onclick: back }),
    ]);
    ctx.app.replaceChildren(card, controls);
    card.focus({ preventScroll: false });
  }

  // ---- keys: one listener for the whole visit, acting only on an interview on screen ------------------------

  function typing(t) {
    if (!t || !t.tagName) return false;
    if (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName)) return true;
    return t.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/i.test(t.type);
  }

  function onKey(e) {
    if (!live || !live.root || !live.root.isConnected || live.phase === "summary") return;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
    var t = e.target;
    if (typing(t)) return;
    // A focused control handles Space (a checkbox ticks) and Enter (a button presses, a link opens) itself;
    // Enter on a ticked checkbox moves on.
    var tag = t && t.tagName ? t.tagName : "";
    if (e.key === " ") {
      if (live.phase !== "question" || /^(BUTTON|A|SUMMARY|INPUT)$/.test(tag)) return;
      e.preventDefault();
      live.reveal();
    } else if (e.key === "Enter" || e.key === "n") {
      if (live.phase !== "revealed" || (e.key === "Enter" && /^(BUTTON|A|SUMMARY)$/.test(tag))) return;
      e.preventDefault();
      e.stopPropagation(); // Material's own "n" (next page) listens on window and would leave the page
      live.next();
    }
  }

  if (!window.__qbMockKeys) {
    window.__qbMockKeys = true;
    document.addEventListener("keydown", onKey);
  }

  window.QBMock = {
    COUNT: COUNT,
    MINUTES: MINUTES,
    setupSection: setupSection,
    fromUrl: fromUrl,
    // The pure parts, for tests and the review log.
    parse: parse,
    query: query,
    resolve: resolve,
    skipNote: skipNote,
    matching: matching,
    draw: draw,
    clock: clock,
    duration: duration,
    summarise: summarise,
  };
})();
