// Practice mode's review log: export it (JSON to move or keep it, CSV for the FSRS optimiser) and import a
// JSON export, merged with what this browser already has. Loaded on the practice page only, after
// practice-srs.js; practice-app.js calls QBLog.section(ctx) and puts the section at the end of the setup screen.
//
// Everything happens in the page: a download is a Blob handed to the browser, an import reads a file the person
// picked. Nothing is sent anywhere. Question ids are only ever keys of a Map, never of a plain object, so an id
// such as "__proto__" in a file is just a string that names no question.
(function () {
  "use strict";

  var FORMAT = "genai-interview-bank/review-log";
  var FORMAT_VERSION = 1;
  var MAX_BYTES = 5 * 1024 * 1024;
  var MAX_MOVES = 20; // how many moves in a row an id may follow (a loop in the moved list stops here)
  var CSV_HEADER = ["card_id", "review_time", "review_rating", "review_state", "review_duration", "question_id"];

  var flash = null; // a result to show after practice-app.js redraws the setup screen: {text, alert}

  function own(object, key) {
    return object != null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key);
  }

  // The same scheduler as practice-srs.js, so a replay here gives the states the saved schedules came from.
  function scheduler(settings) {
    return window.FSRS.fsrs(window.FSRS.generatorParameters({ request_retention: settings.retention, enable_fuzz: true }));
  }

  // ---- export ----------------------------------------------------------------------------------------------

  function exportJSON(model, now) {
    var log = model.log.slice().sort(function (a, b) { return a.time - b.time; });
    return {
      format: FORMAT,
      format_version: FORMAT_VERSION,
      exported_at: new Date(+now).toISOString(),
      settings: { newPerDay: model.settings.newPerDay, retention: model.settings.retention },
      seeds: Array.from(model.seeds, function (e) { return [e[0], QBSrs.cardToJSON(e[1])]; }),
      reviews: log.map(QBSrs.cleanReview),
    };
  }

  // Each review with the card's state just before it (0 New, 1 Learning, 2 Review, 3 Relearning), by replaying
  // the log in time order from the seeds.
  function withStates(model) {
    var f = scheduler(model.settings);
    var cards = new Map();
    model.seeds.forEach(function (card, id) { cards.set(id, card); });
    var log = model.log.slice().sort(function (a, b) { return a.time - b.time; }); // stable, like replay
    return log.map(function (r) {
      var card = cards.get(r.card) || window.FSRS.createEmptyCard(new Date(r.time));
      var state = card.state;
      cards.set(r.card, f.next(card, new Date(r.time), r.rating).card);
      return { review: r, state: state };
    });
  }

  function csvField(value) {
    var s = String(value);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // The columns the FSRS optimiser reads, plus question_id: card_id is the question's 1-based position among
  // the ids in the log, sorted, so the same log always numbers its cards the same way.
  function exportCSV(model) {
    var rows = withStates(model);
    var ids = Array.from(new Set(rows.map(function (x) { return x.review.card; }))).sort();
    var number = new Map(ids.map(function (id, i) { return [id, i + 1]; }));
    var lines = [CSV_HEADER.join(",")];
    rows.forEach(function (x) {
      var r = x.review;
      lines.push([number.get(r.card), r.time, r.rating, x.state, 0, csvField(r.card)].join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function day(now) {
    var d = new Date(+now);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    // A link outside the document: its click reaches no page handler (instant navigation included).
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // ---- import: read and check a file ------------------------------------------------------------------------

  // {file} or {problem}: the file's reviews and seeds, checked but not yet mapped to this bank's questions.
  function parse(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { problem: "This file is not valid JSON, so it is not a review log. Nothing was changed." };
    }
    if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== FORMAT) {
      return { problem: "This file is not a review log from GenAI Interview Bank (its format is not “" + FORMAT + "”). Nothing was changed." };
    }
    if (data.format_version !== FORMAT_VERSION) {
      return { problem: "This review log is in format version " + String(data.format_version).slice(0, 20) +
        ", which this page cannot read (it reads version " + FORMAT_VERSION + "). Nothing was changed." };
    }
    if (!Array.isArray(data.reviews) || (data.seeds != null && !Array.isArray(data.seeds))) {
      return { problem: "This review log is damaged (its reviews or seeds are not lists). Nothing was changed." };
    }
    var seeds = [];
    try {
      (data.seeds || []).forEach(function (e) {
        if (!Array.isArray(e) || typeof e[0] !== "string" || !e[0] || !e[1] || typeof e[1] !== "object") throw new Error("a seed is not an [id, card] pair");
        seeds.push([e[0], QBSrs.cardFromJSON(e[1])]);
      });
    } catch (e) {
      return { problem: "This review log is damaged (" + e.message + "). Nothing was changed." };
    }
    var reviews = [], invalid = 0;
    data.reviews.forEach(function (r) {
      if (r && typeof r === "object" && typeof r.time === "number" && QBSrs.validReview(r)) reviews.push(QBSrs.cleanReview(r));
      else invalid += 1;
    });
    return { file: { seeds: seeds, reviews: reviews, invalid: invalid, exportedAt: typeof data.exported_at === "string" ? data.exported_at : null } };
  }

  // Where an id points in this bank today: itself, the id it moved to, or null (retired or unknown).
  function resolve(id, moved, byId) {
    var seen = new Set();
    while (own(moved, id) && !seen.has(id) && seen.size < MAX_MOVES) {
      seen.add(id);
      var to = moved[id];
      if (typeof to !== "string" || to === "retired") return null;
      id = to;
    }
    return byId.has(id) ? id : null;
  }

  // What merging `file` into `model` gives, without touching `model`: a new model and the counts to show.
  function plan(model, file, moved, byId) {
    var mapped = 0, dropped = 0, already = 0, droppedSeeds = 0;
    var have = new Map(); // id -> Set of review times already in the log
    function mark(r) {
      if (!have.has(r.card)) have.set(r.card, new Set());
      have.get(r.card).add(r.time);
    }
    model.log.forEach(mark);
    var added = [];
    file.reviews.forEach(function (r) {
      var id = resolve(r.card, moved, byId);
      if (id === null) {
        dropped += 1;
        return;
      }
      if (have.has(id) && have.get(id).has(r.time)) {
        already += 1;
        return;
      }
      if (id !== r.card) mapped += 1;
      var review = QBSrs.cleanReview(Object.assign({}, r, { card: id }));
      mark(review);
      added.push(review);
    });
    var seeds = new Map(model.seeds);
    var newSeeds = 0;
    file.seeds.forEach(function (e) {
      var id = resolve(e[0], moved, byId);
      if (id === null) droppedSeeds += 1;
      else if (!seeds.has(id)) {
        seeds.set(id, e[1]);
        newSeeds += 1;
      }
    });
    var merged = QBSrs.empty();
    merged.settings = { newPerDay: model.settings.newPerDay, retention: model.settings.retention }; // this browser's settings stay
    merged.seeds = seeds;
    merged.log = model.log.concat(added);
    merged.noticePending = model.noticePending;
    merged.migrated = model.migrated;
    QBSrs.replay(merged);
    return {
      model: merged, added: added.length, already: already, dropped: dropped, mapped: mapped, newSeeds: newSeeds,
      droppedSeeds: droppedSeeds, invalid: file.invalid, changes: added.length + newSeeds,
    };
  }

  // ---- the backup of the state before an import -------------------------------------------------------------

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  // {saved_at: ms, state: the saved state exactly as it was stored, or null when nothing was stored}
  function readBackup() {
    var ls = storage();
    if (!ls) return null;
    try {
      var b = JSON.parse(ls.getItem(QBSrs.BACKUP) || "null");
      return b && typeof b === "object" && isFinite(b.saved_at) && (b.state === null || typeof b.state === "string") ? b : null;
    } catch (e) {
      return null;
    }
  }

  function writeBackup(model, now) {
    var ls = storage();
    if (!ls) return "this browser does not allow saving here";
    try {
      // The stored string itself, so a restore gives back the same bytes; the live model when nothing is stored.
      var stored = ls.getItem(QBSrs.STORE);
      var state = stored !== null ? stored : JSON.stringify(QBSrs.serialise(model));
      ls.setItem(QBSrs.BACKUP, JSON.stringify({ saved_at: +now, state: state }));
      return null;
    } catch (e) {
      return e && e.name === "QuotaExceededError" ? "browser storage is full" : e.message;
    }
  }

  // ---- the section on the setup screen -----------------------------------------------------------------------

  function section(ctx) {
    var el = ctx.ui.el, plural = ctx.ui.plural;
    var moved = ctx.data && ctx.data.moved && typeof ctx.data.moved === "object" ? ctx.data.moved : {};
    var model = ctx.srs.model();
    var questions = new Set(model.log.map(function (r) { return r.card; })).size;

    var status = el("p", { class: "qb-log__status", role: "status", "aria-live": "polite", tabindex: "-1" });
    var alertBox = el("div", { class: "qb-log__alert", tabindex: "-1" });
    var preview = el("div", { class: "qb-log__preview", hidden: true });
    var fileInput = el("input", { type: "file", id: "qb-log-file", accept: ".json,application/json", onchange: picked });

    function say(text) {
      alertBox.replaceChildren();
      status.textContent = text;
    }
    function warn(text) {
      status.textContent = "";
      alertBox.replaceChildren(el("p", { role: "alert", text: text }));
    }
    function redraw(text, isAlert) {
      flash = { text: text, alert: !!isAlert };
      ctx.ui.showSetup();
    }

    function exportAs(kind) {
      var m = ctx.srs.model(), now = ctx.now();
      if (kind === "json") {
        download("qbank-review-log-" + day(now) + ".json", "application/json", JSON.stringify(exportJSON(m, now), null, 1) + "\n");
        say("Exported " + plural(m.log.length, "review") + " as JSON.");
      } else {
        download("qbank-review-log-" + day(now) + ".csv", "text/csv", exportCSV(m));
        say("Exported " + plural(m.log.length, "review") + " as CSV.");
      }
    }

    function summary(p) {
      var parts = [plural(p.added, "review") + " to add", p.already + " already here",
        p.dropped + " dropped for unknown or retired questions", p.mapped + " mapped from moved ids"];
      var text = parts.join(", ") + ".";
      if (p.newSeeds) text += " " + plural(p.newSeeds, "question") + " bring" + (p.newSeeds === 1 ? "s" : "") + " their starting schedule from before the review log.";
      if (p.droppedSeeds) text += " " + plural(p.droppedSeeds, "starting schedule") + " dropped for unknown or retired questions.";
      if (p.invalid) text += " " + p.invalid + (p.invalid === 1 ? " entry" : " entries") + " skipped as not valid reviews.";
      return text;
    }

    function closePreview() {
      preview.hidden = true;
      preview.replaceChildren();
      fileInput.value = "";
    }

    function picked() {
      var file = fileInput.files && fileInput.files[0];
      closePreview();
      if (!file) return;
      if (file.size > MAX_BYTES) {
        warn("This file is " + (file.size / 1048576).toFixed(1) + " MB; a review log can be at most 5 MB. Nothing was changed.");
        return;
      }
      say("Reading " + file.name + "…");
      file.text().then(function (text) {
        var parsed = parse(text);
        if (parsed.problem) {
          warn(parsed.problem);
          return;
        }
        showPreview(file.name, parsed.file);
      }, function () {
        warn("The file could not be read. Nothing was changed.");
      });
    }

    function showPreview(name, file) {
      var p = plan(ctx.srs.model(), file, moved, ctx.byId);
      var title = el("h3", { id: "qb-log-preview-title", text: "Import " + name + "?" });
      var text = el("p", { id: "qb-log-counts", class: "qb-log__counts", text: summary(p) });
      var buttons = [];
      if (p.changes) {
        buttons.push(el("button", { type: "button", class: "md-button md-button--primary qb-small", text: "Import", "aria-describedby": "qb-log-counts", onclick: function () { commit(file); } }));
      } else {
        text.appendChild(document.createTextNode(" Nothing new to import."));
      }
      buttons.push(el("button", { type: "button", class: "md-button qb-small", text: "Cancel", onclick: function () {
        closePreview();
        say("Import cancelled. Nothing was changed.");
        fileInput.focus();
      } }));
      preview.setAttribute("role", "group");
      preview.setAttribute("aria-labelledby", "qb-log-preview-title");
      preview.replaceChildren(title, text, el("p", { class: "qb-log__buttons" }, buttons));
      preview.hidden = false;
      say("");
      (buttons[0] || title).focus();
    }

    function commit(file) {
      // Planned again against the live state, in case a review was saved since the preview.
      var current = ctx.srs.model();
      var p = plan(current, file, moved, ctx.byId);
      var failed = writeBackup(current, ctx.now());
      if (failed) {
        warn("The import was stopped because a backup of your current state could not be saved (" + failed + "). Nothing was changed.");
        return;
      }
      var result = ctx.srs.replace(p.model);
      var text = "Imported " + plural(p.added, "review") + " (" + p.already + " already here, " + p.dropped +
        " dropped for unknown or retired questions, " + p.mapped + " mapped from moved ids). Schedules were recomputed from the merged log.";
      if (!result.ok) redraw(text + " " + result.problem, true);
      else redraw(text, false);
    }

    function restore() {
      var b = readBackup();
      if (!b) {
        warn("There is no saved state from before an import.");
        return;
      }
      var restored;
      try {
        restored = b.state === null ? QBSrs.empty() : QBSrs.deserialise(JSON.parse(b.state));
      } catch (e) {
        warn("The saved state from before the import could not be read (" + e.message + "). Nothing was changed.");
        return;
      }
      var result = ctx.srs.replace(restored);
      if (!result.ok) {
        warn(result.problem);
        return;
      }
      var ls = storage();
      try {
        // The exact bytes that were stored before the import (or nothing, if nothing was).
        if (b.state === null) ls.removeItem(QBSrs.STORE);
        else ls.setItem(QBSrs.STORE, b.state);
        ls.removeItem(QBSrs.BACKUP);
      } catch (e) {
        /* the restored model is saved already, in its own words */
      }
      redraw("Restored your practice state from before the import (" + new Date(b.saved_at).toLocaleString() + ").", false);
    }

    var backup = readBackup();
    var intro = model.log.length
      ? plural(model.log.length, "review") + " of " + plural(questions, "question") + ", saved in this browser only."
      : "No reviews yet. Your reviews are saved in this browser only.";
    var children = [
      el("h2", { id: "qb-log-title", text: "Your review log" }),
      el("p", { text: intro + " Export them to keep a copy or to move them to another browser; the file stays on your machine." }),
      el("p", { class: "qb-log__buttons" }, [
        el("button", { type: "button", class: "md-button qb-small", text: "Export as JSON", onclick: function () { exportAs("json"); } }),
        el("button", { type: "button", class: "md-button qb-small", text: "Export as CSV", "aria-describedby": "qb-log-csv-note", onclick: function () { exportAs("csv"); } }),
      ]),
      el("p", { id: "qb-log-csv-note", class: "qb-log__note", text: "The CSV has the columns the FSRS optimiser reads, to fit scheduling parameters to your own reviews." }),
      el("div", { class: "qb-log__import" }, [
        el("label", { for: "qb-log-file", text: "Import a review log" }),
        fileInput,
        el("span", { class: "qb-log__note", text: "A JSON export, at most 5 MB. It is merged with the reviews here; you see what changes before anything does." }),
      ]),
      preview,
      alertBox,
      status,
    ];
    if (backup) {
      children.push(el("p", { class: "qb-log__restore" }, [
        el("button", { type: "button", class: "md-button qb-small", text: "Restore the state from before the import", onclick: restore }),
        " ",
        el("span", { class: "qb-log__note", text: "(saved " + new Date(backup.saved_at).toLocaleString() + ")" }),
      ]));
    }
    var node = el("section", { class: "qb-log", "aria-labelledby": "qb-log-title" }, children);

    if (flash) {
      var shown = flash;
      flash = null;
      if (shown.alert) warn(shown.text);
      else say(shown.text);
      // Keyboard and screen-reader users land on the result once the setup screen is back on the page.
      setTimeout(function () {
        if (node.isConnected) (shown.alert ? alertBox : status).focus();
      }, 0);
    }
    return node;
  }

  window.QBLog = {
    FORMAT: FORMAT,
    FORMAT_VERSION: FORMAT_VERSION,
    MAX_BYTES: MAX_BYTES,
    CSV_HEADER: CSV_HEADER,
    section: section,
    exportJSON: exportJSON,
    exportCSV: exportCSV,
    parse: parse,
    plan: plan,
    resolve: resolve,
  };
})();
