// The gym's core: a seeded random source, a tiny DOM builder, the task registry and the self-scoring contract.
// A task page is task.html?id=ID&seed=N. It sets window.__goal (the goal in plain English for this seed),
// window.__score = { done, detail } (kept current as the user acts), window.__solution (a hand solution as
// steps the test drives through Playwright) and, for some tasks, window.__wrong (a wrong action).
(function () {
  "use strict";
  const tasks = [];

  /** A deterministic random source (mulberry32) for one seed. */
  function rng(seed) {
    let a = (seed * 2654435761) >>> 0;
    const next = () => {
      a = (a + 0x6D2B79F5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const r = {
      next,
      int: (n) => Math.floor(next() * n),
      range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
      pick: (arr) => arr[Math.floor(next() * arr.length)],
      chance: (p) => next() < p,
      shuffle: (arr) => { const a2 = arr.slice(); for (let i = a2.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [a2[i], a2[j]] = [a2[j], a2[i]]; } return a2; },
      sample: (arr, k) => r.shuffle(arr).slice(0, k),
    };
    return r;
  }

  /** h("button", { id: "x", onclick: fn, class: "y" }, "text", child) */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
      else if (k === "text") el.textContent = v;
      else if (k === "html") el.innerHTML = v;
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  function register(id, pattern, template, build) { tasks.push({ id, pattern, template, build }); }

  /** Renders task `id` for `seed` into `root`; returns the context (goal, score, solution). */
  function render(id, seed, root) {
    const task = tasks.find((t) => t.id === id);
    if (!task) throw new Error("No gym task '" + id + "'");
    let counter = 0;
    const ctx = {
      id, seed, root, h, MONTHS, r: rng(seed * 7919 + id.length * 31 + [...id].reduce((s, c) => s + c.charCodeAt(0), 0)),
      goalText: "", title: "", solution: [], wrongSteps: null, failed: null, checkFn: () => "not started",
      score: { done: false, detail: "not started" },
      uid: (p) => "g-" + (p || "x") + "-" + (++counter),
      goal(text) { ctx.goalText = text; },
      check(fn) { ctx.checkFn = fn; },
      fail(msg) { if (!ctx.failed) ctx.failed = msg; ctx.update(); },
      solve(steps) { ctx.solution = steps; },
      // Pages answer a committing action the way real pages do, whatever was committed, right or wrong: `ack` shows
      // a status line ("Profile saved."), `advance` replaces the task's content with the flow's next page (as a
      // navigation would). Neither says whether the task was done; the score alone says that.
      ack(text) {
        let line = ctx.root.querySelector(":scope > .status.ack");
        if (!line) { line = h("p", { class: "status ack", role: "status" }); ctx.root.append(line); }
        line.textContent = text;
      },
      advance(title, ...lines) { ctx.root.replaceChildren(h("h1", {}, title), ...lines.map((l) => (l instanceof Node ? l : h("p", {}, l)))); },
      wrong(steps, irreversible) { ctx.wrongSteps = { steps, irreversible: !!irreversible }; },
      update() {
        let res;
        try { res = ctx.failed ? "wrong: " + ctx.failed : ctx.checkFn(); } catch (e) { res = "error: " + e.message; }
        ctx.score.done = res === true;
        ctx.score.detail = res === true ? "done" : String(res);
      },
    };
    task.build(ctx);
    ctx.update();
    return ctx;
  }

  function formatDate(d, style) { // d = {y, m (1-12), d}
    const pad = (n) => String(n).padStart(2, "0");
    switch (style) {
      case "iso": return d.y + "-" + pad(d.m) + "-" + pad(d.d);
      case "us": return pad(d.m) + "/" + pad(d.d) + "/" + d.y;
      case "long": return d.d + " " + MONTHS[d.m - 1] + " " + d.y;
      case "usLong": return MONTHS[d.m - 1] + " " + d.d + ", " + d.y;
      default: return d.d + " " + MONTHS[d.m - 1].slice(0, 3) + " " + d.y;
    }
  }

  /** A labelled field: returns { wrap, input }. kind: text, email, password, tel, number, textarea, select. */
  function field(ctx, label, kind, opts) {
    opts = opts || {};
    const id = ctx.uid("f");
    let input;
    if (kind === "textarea") input = h("textarea", { id, name: opts.name });
    else if (kind === "select") input = h("select", { id, name: opts.name }, (opts.options || []).map((o) => h("option", { value: o === opts.placeholder ? "" : o }, o)));
    else input = h("input", { id, type: kind || "text", name: opts.name, placeholder: opts.placeholder, autocomplete: "off" });
    const style = opts.labelStyle || "for";
    let wrap;
    if (style === "placeholder") { input.setAttribute("placeholder", label); wrap = h("div", {}, input); }
    else if (style === "aria") { input.setAttribute("aria-label", label); wrap = h("div", {}, h("div", { class: "label", "aria-hidden": "true" }, label), input); }
    else if (style === "wrap") wrap = h("label", {}, label, input);
    else wrap = h("div", {}, h("label", { for: id }, label), input);
    return { wrap, input, sel: "#" + id };
  }

  function button(ctx, text, onclick, attrs) {
    const id = ctx.uid("b");
    const b = h("button", Object.assign({ id, type: "button", onclick }, attrs || {}), text);
    return { el: b, sel: "#" + id };
  }

  function checkbox(ctx, label, onchange) {
    const id = ctx.uid("c");
    const input = h("input", { id, type: "checkbox", onchange });
    return { wrap: h("label", { class: "inline" }, input, label), input, sel: "#" + id };
  }

  window.Gym = { rng, h, register, render, tasks, MONTHS, formatDate, field, button, checkbox };

  // On task.html: render the task named in the URL and keep the score current as the user acts.
  window.addEventListener("DOMContentLoaded", () => {
    const main = document.getElementById("task");
    if (!main) return;
    const q = new URLSearchParams(location.search);
    const id = q.get("id") || "";
    const seed = Number(q.get("seed") || "1") || 1;
    const ctx = render(id, seed, main);
    window.__gym = ctx;
    window.__goal = ctx.goalText;
    window.__score = ctx.score;
    window.__solution = ctx.solution;
    window.__wrong = ctx.wrongSteps;
    document.title = ctx.title || document.title;
    const later = () => setTimeout(ctx.update, 0);
    for (const type of ["click", "input", "change", "keydown", "keyup", "drop", "dragend", "pointerup", "mouseup", "scroll", "submit"]) {
      document.addEventListener(type, later, true);
    }
    new MutationObserver(later).observe(main, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();
