// Spaced repetition for practice mode: the saved state, its migration from the old marks, the review log, and
// scheduling through FSRS (ts-fsrs, vendored, loaded before this file on the practice page only).
// Nothing here touches the page, so the browser tests can drive it directly with a controlled clock.
//
// The review log is the truth. A card's schedule is what FSRS gives when its reviews are replayed in time order
// from its seed (an empty card, or the state a card migrated with), so an import that merges two logs ends
// with the same schedules as if every review had happened on one browser.
(function () {
  "use strict";

  var STORE = "qbank.practice.v2";
  var OLD_STORE = "qbank.practice.v1";
  var BACKUP = "qbank.practice.v2.backup";
  var DEFAULTS = { newPerDay: 15, retention: 0.9 };
  var LEECH_LAPSES = 8;
  var LEARN_AHEAD_MS = 20 * 60 * 1000; // as in Anki: with nothing else left, learning cards due this soon are shown
  var MIGRATION_SPREAD_DAYS = 14;
  var DAY_MS = 86400000;
  var RATINGS = ["Again", "Hard", "Good", "Easy"]; // ts-fsrs Rating 1..4

  function F() {
    if (!window.FSRS) throw new Error("the scheduler (ts-fsrs) is not loaded");
    return window.FSRS;
  }

  function scheduler(settings) {
    return F().fsrs(F().generatorParameters({ request_retention: settings.retention, enable_fuzz: true }));
  }

  // ---- cards as JSON: Dates become epoch milliseconds ---------------------------------------------------

  function cardToJSON(c) {
    return {
      due: +c.due, stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
      scheduled_days: c.scheduled_days, learning_steps: c.learning_steps || 0, reps: c.reps, lapses: c.lapses,
      state: c.state, last_review: c.last_review ? +c.last_review : null,
    };
  }

  function cardFromJSON(j) {
    var c = {
      due: new Date(j.due), stability: +j.stability, difficulty: +j.difficulty, elapsed_days: +j.elapsed_days || 0,
      scheduled_days: +j.scheduled_days || 0, learning_steps: +j.learning_steps || 0, reps: +j.reps || 0,
      lapses: +j.lapses || 0, state: +j.state,
    };
    if (j.last_review != null) c.last_review = new Date(j.last_review);
    if (!isFinite(+c.due) || !isFinite(c.stability) || !isFinite(c.difficulty) || [0, 1, 2, 3].indexOf(c.state) < 0) {
      throw new Error("a card's saved state is not valid");
    }
    return c;
  }

  // ---- the model ----------------------------------------------------------------------------------------
  // {settings, seeds: Map id -> card, log: [review], cards: Map id -> card, measured: {passed, total},
  //  noticePending, migrated}
  // A review: {card: id, time: ms, rating: 1-4, source: "practice" | "mock", ticked: int | null, points: int | null}

  function empty() {
    return { settings: { newPerDay: DEFAULTS.newPerDay, retention: DEFAULTS.retention }, seeds: new Map(), log: [], cards: new Map(), measured: { passed: 0, total: 0 }, noticePending: false, migrated: 0 };
  }

  function validReview(r) {
    return r && typeof r.card === "string" && r.card && isFinite(r.time) && [1, 2, 3, 4].indexOf(r.rating) >= 0;
  }

  function cleanReview(r) {
    var out = { card: r.card, time: Math.round(+r.time), rating: r.rating, source: r.source === "mock" ? "mock" : "practice" };
    if (Number.isInteger(r.ticked) && Number.isInteger(r.points) && r.points > 0 && r.ticked >= 0 && r.ticked <= r.points) {
      out.ticked = r.ticked;
      out.points = r.points;
    }
    return out;
  }

  function clampSettings(s) {
    var n = Math.round(+((s || {}).newPerDay));
    var r = +((s || {}).retention);
    return {
      newPerDay: isFinite(n) ? Math.min(9999, Math.max(0, n)) : DEFAULTS.newPerDay,
      retention: isFinite(r) ? Math.min(0.97, Math.max(0.7, Math.round(r * 100) / 100)) : DEFAULTS.retention,
    };
  }

  // The saved form: plain JSON with arrays of [id, value] pairs, so no id (not even "__proto__") becomes a key.
  function serialise(model) {
    return {
      version: 2,
      settings: model.settings,
      seeds: Array.from(model.seeds, function (e) { return [e[0], cardToJSON(e[1])]; }),
      log: model.log,
      notice_pending: !!model.noticePending,
      migrated: model.migrated || 0,
    };
  }

  function deserialise(data) {
    if (!data || data.version !== 2 || !Array.isArray(data.seeds) || !Array.isArray(data.log)) throw new Error("not a version 2 practice state");
    var model = empty();
    model.settings = clampSettings(data.settings);
    data.seeds.forEach(function (e) {
      if (Array.isArray(e) && typeof e[0] === "string") model.seeds.set(e[0], cardFromJSON(e[1]));
    });
    model.log = data.log.filter(validReview).map(cleanReview);
    model.noticePending = !!data.notice_pending;
    model.migrated = data.migrated | 0;
    replay(model);
    return model;
  }

  // ---- scheduling ------------------------------------------------------------------------------------------

  function byTime(a, b) {
    return a.time - b.time; // Array.prototype.sort is stable: same-time reviews keep their order
  }

  // Recompute every card from its seed and its reviews in time order.
  function replay(model) {
    var f = scheduler(model.settings);
    model.log.sort(byTime);
    var cards = new Map();
    model.seeds.forEach(function (card, id) { cards.set(id, card); });
    model.measured = { passed: 0, total: 0 };
    model.log.forEach(function (r) {
      var card = cards.get(r.card);
      countReview(model, card, r.rating);
      cards.set(r.card, f.next(card || F().createEmptyCard(new Date(r.time)), new Date(r.time), r.rating).card);
    });
    model.cards = cards;
    return model;
  }

  function rate(model, id, rating, now, extra) {
    var review = cleanReview(Object.assign({ card: id, time: +now, rating: rating }, extra || {}));
    var last = model.log[model.log.length - 1];
    if (last && last.time > review.time) {
      // A clock that went backwards: keep the log in order by replaying.
      model.log.push(review);
      replay(model);
    } else {
      var card = model.cards.get(id);
      countReview(model, card, rating);
      model.cards.set(id, scheduler(model.settings).next(card || F().createEmptyCard(new Date(review.time)), new Date(review.time), rating).card);
      model.log.push(review);
    }
    return model.cards.get(id);
  }

  // What each rating would schedule now, for the labels under the buttons ("10m", "3d").
  function preview(model, id, now) {
    var card = model.cards.get(id) || F().createEmptyCard(now);
    var f = scheduler(model.settings);
    return [1, 2, 3, 4].map(function (rating) { return f.next(card, now, rating).card.due - now; });
  }

  function startOfDay(now) {
    var d = new Date(now);
    d.setHours(0, 0, 0, 0);
    return +d;
  }

  function endOfDay(now) {
    return startOfDay(now) + DAY_MS; // DST shifts by an hour at most twice a year; the due count tolerates it
  }

  function isNew(model, id) {
    return !model.cards.has(id);
  }

  // Cards first seen today (their first review was today and they had no seed): the new-card limit counts them.
  function newSeenToday(model, now) {
    var from = startOfDay(now), to = endOfDay(now), first = new Map();
    model.log.forEach(function (r) {
      if (!model.seeds.has(r.card) && !first.has(r.card)) first.set(r.card, r.time);
    });
    var n = 0;
    first.forEach(function (t) { if (t >= from && t < to) n += 1; });
    return n;
  }

  function newLeftToday(model, now) {
    return Math.max(0, model.settings.newPerDay - newSeenToday(model, now));
  }

  // The ids among `ids` that are due by `until` (ms), earliest first.
  function dueBy(model, ids, until) {
    return ids.filter(function (id) {
      var c = model.cards.get(id);
      return c && +c.due <= until;
    }).sort(function (a, b) { return model.cards.get(a).due - model.cards.get(b).due; });
  }

  function dueToday(model, ids, now) {
    return dueBy(model, ids, endOfDay(now) - 1);
  }

  // The next card of a session over `ids`: a due card, else a new one while the day's limit allows, else a
  // learning card due within the learn-ahead window. Null when the session is done for now.
  function next(model, ids, now, newOrder) {
    var due = dueBy(model, ids, +now);
    if (due.length) return { id: due[0], kind: "due" };
    if (newLeftToday(model, now) > 0) {
      var fresh = (newOrder || ids).filter(function (id) { return isNew(model, id) && ids.indexOf(id) >= 0; });
      if (fresh.length) return { id: fresh[0], kind: "new" };
    }
    var soon = dueBy(model, ids, +now + LEARN_AHEAD_MS).filter(function (id) {
      var s = model.cards.get(id).state;
      return s === 1 || s === 3;
    });
    if (soon.length) return { id: soon[0], kind: "learning" };
    return null;
  }

  function leeches(model) {
    var out = [];
    model.cards.forEach(function (c, id) { if (c.lapses >= LEECH_LAPSES) out.push(id); });
    return out.sort();
  }

  // ---- statistics -------------------------------------------------------------------------------------------

  // Reviews per local day for the last `days` days, oldest first: [{day: ms at midnight, n}].
  function reviewsPerDay(model, now, days) {
    var today = startOfDay(now), out = [];
    for (var i = days - 1; i >= 0; i--) {
      var d = new Date(today);
      d.setDate(d.getDate() - i);
      out.push({ day: +d, n: 0 });
    }
    var first = out[0].day;
    model.log.forEach(function (r) {
      if (r.time < first || r.time >= today + DAY_MS) return;
      for (var k = out.length - 1; k >= 0; k--) {
        if (r.time >= out[k].day) { out[k].n += 1; break; }
      }
    });
    return out;
  }

  // Measured retention: of the reviews of cards already in review (not learning), the share not rated Again.
  // Counted while the log is replayed or a rating is added, so the statistics need no second replay.
  function countReview(model, before, rating) {
    if (before && before.state === 2) {
      model.measured.total += 1;
      if (rating > 1) model.measured.passed += 1;
    }
  }

  function retention(model) {
    var m = model.measured;
    return { passed: m.passed, total: m.total, rate: m.total ? m.passed / m.total : null };
  }

  // ---- the suggested rating from the key points a person ticked ---------------------------------------------

  function suggest(ticked, points) {
    if (!points) return null;
    var share = ticked / points;
    if (share >= 1) return 4;
    if (share >= 0.75) return 3;
    if (share >= 0.5) return 2;
    return 1;
  }

  // ---- migration from version 1: {marks: {id: "known" | "review"}}, without dates ---------------------------

  function migrate(old, now) {
    var model = empty();
    var marks = old && old.marks && typeof old.marks === "object" ? old.marks : {};
    var known = Object.keys(marks).filter(function (id) { return marks[id] === "known"; }).sort();
    var review = Object.keys(marks).filter(function (id) { return marks[id] === "review"; }).sort();
    // A card the person knew is a review card whose first interval ends somewhere in the next 14 days, spread
    // evenly, so they do not all fall due on one day. FSRS's stability is the interval at 90% retention.
    known.forEach(function (id, i) {
      var days = 1 + Math.floor((i * MIGRATION_SPREAD_DAYS) / Math.max(1, known.length));
      model.seeds.set(id, {
        due: new Date(+now + days * DAY_MS), stability: days, difficulty: 5, elapsed_days: 0, scheduled_days: days,
        learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: new Date(+now),
      });
    });
    // A card on the review pile is due now.
    review.forEach(function (id) {
      model.seeds.set(id, {
        due: new Date(+now), stability: 1, difficulty: 6, elapsed_days: 0, scheduled_days: 0,
        learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: new Date(+now - DAY_MS),
      });
    });
    model.noticePending = true; // the keys changed: 1 meant "knew it", it now means Again
    model.migrated = known.length + review.length;
    replay(model);
    return model;
  }

  // ---- storage: load never loses the old state, save reports failure instead of throwing ---------------------

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  // {model, problem}: problem is null, or a sentence to show (storage unavailable, or a state it cannot read).
  function load(now) {
    var ls = storage();
    if (!ls) return { model: empty(), problem: "This browser does not allow saved progress here, so this session's reviews last until you leave the page." };
    var raw;
    try {
      raw = ls.getItem(STORE);
    } catch (e) {
      return { model: empty(), problem: "Saved progress could not be read, so this session's reviews last until you leave the page." };
    }
    if (raw) {
      try {
        return { model: deserialise(JSON.parse(raw)), problem: null };
      } catch (e) {
        return { model: empty(), problem: "Your saved progress could not be read (" + e.message + "). It is kept untouched; reviews from now on are saved over it only after your next rating." };
      }
    }
    var old = null;
    try {
      old = JSON.parse(ls.getItem(OLD_STORE) || "null");
    } catch (e) {
      old = null;
    }
    if (old && old.marks && typeof old.marks === "object" && Object.keys(old.marks).length) {
      var model = migrate(old, now);
      // The old state stays as it was; the new one is written whole, in one setItem.
      var saved = save(model);
      return { model: model, problem: saved.ok ? null : saved.problem };
    }
    return { model: empty(), problem: null };
  }

  function save(model) {
    var ls = storage();
    if (!ls) return { ok: false, problem: "This browser does not allow saved progress here, so reviews last until you leave the page." };
    try {
      ls.setItem(STORE, JSON.stringify(serialise(model)));
      return { ok: true, problem: null };
    } catch (e) {
      return { ok: false, problem: "Your progress could not be saved (" + (e && e.name === "QuotaExceededError" ? "browser storage is full" : e.message) + "). This session keeps working; export your review log to keep it." };
    }
  }

  window.QBSrs = {
    STORE: STORE,
    OLD_STORE: OLD_STORE,
    BACKUP: BACKUP,
    DEFAULTS: DEFAULTS,
    LEECH_LAPSES: LEECH_LAPSES,
    RATINGS: RATINGS,
    DAY_MS: DAY_MS,
    empty: empty,
    load: load,
    save: save,
    serialise: serialise,
    deserialise: deserialise,
    migrate: migrate,
    replay: replay,
    rate: rate,
    preview: preview,
    next: next,
    isNew: isNew,
    dueToday: dueToday,
    dueBy: dueBy,
    newSeenToday: newSeenToday,
    newLeftToday: newLeftToday,
    leeches: leeches,
    reviewsPerDay: reviewsPerDay,
    retention: retention,
    suggest: suggest,
    clampSettings: clampSettings,
    cleanReview: cleanReview,
    validReview: validReview,
    cardToJSON: cardToJSON,
    cardFromJSON: cardFromJSON,
    startOfDay: startOfDay,
    endOfDay: endOfDay,
  };
})();
