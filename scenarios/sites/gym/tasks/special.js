// Special markup: shadow DOM, iframes, canvas, clickable spans and divs without roles, hover-only controls, drag and drop.
(function () {
  "use strict";
  const { register, h, field, button, checkbox } = window.Gym;

  register("shadow-promo", "shadow-dom", "Apply the discount code {code}", (c) => {
    const code = c.r.pick(["SPRING20", "WELCOME10", "FREESHIP"]);
    const host = h("checkout-summary", { id: "summary" });
    const root = host.attachShadow({ mode: "open" });
    const inner = h("promo-box", {});
    const innerRoot = inner.attachShadow({ mode: "open" });
    let applied = null;
    const inp = h("input", { id: "promo", "aria-label": c.r.pick(["Discount code", "Promo code", "Gift card or discount code"]), placeholder: "Code" });
    const msg = h("p", { role: "status" });
    const apply = h("button", { id: "apply", type: "button", onclick: () => { applied = inp.value.trim().toUpperCase(); msg.textContent = applied === code ? "Code applied: −10%" : "This code is not valid"; if (applied !== code) c.fail("applied " + applied); c.update(); } }, "Apply");
    innerRoot.append(h("style", {}, "input{padding:6px} button{padding:6px 12px}"), inp, apply, msg);
    root.append(h("h2", {}, "Order summary"), h("p", {}, "2 items · € 58.00"), inner);
    c.root.append(h("h1", {}, "Checkout"), h("div", { class: "card" }, host));
    c.goal("Apply the discount code " + code);
    c.check(() => applied ? true : "no code applied");
    c.solve([{ op: "fill", sel: "#promo", value: code }, { op: "click", sel: "#apply" }]);
    c.wrong([{ op: "fill", sel: "#promo", value: "NOPE" }, { op: "click", sel: "#apply" }], true);
  });

  register("shadow-switch", "shadow-dom", "Turn on {setting} in the settings", (c) => {
    const names = c.r.shuffle(["notifications", "location sharing", "offline mode"]);
    const target = names[0];
    const host = h("settings-panel", {});
    const root = host.attachShadow({ mode: "open" });
    const state = {};
    names.forEach((n) => {
      state[n] = false;
      const sw = h("button", { type: "button", role: "switch", "aria-checked": "false", "data-setting": n, onclick: () => { state[n] = !state[n]; sw.setAttribute("aria-checked", String(state[n])); sw.textContent = state[n] ? "On" : "Off"; c.update(); } }, "Off");
      root.append(h("div", { style: { padding: "6px 0" } }, h("span", { style: { display: "inline-block", width: "180px" } }, n[0].toUpperCase() + n.slice(1)), sw));
    });
    c.root.append(h("h1", {}, "App settings"), h("div", { class: "card" }, host));
    c.goal("Turn on " + target + " in the settings");
    c.check(() => names.some((n) => n !== target && state[n]) ? "another setting changed" : state[target] ? true : "still off");
    c.solve([{ op: "click", sel: '[data-setting="' + target + '"]' }]);
  });

  /** A same-origin iframe whose content is built by `fill(doc)`; events inside it update the score. */
  function frame(c, title, fill) {
    const fr = h("iframe", { id: "frame", title, style: { width: "100%", height: "260px", border: "1px solid #ccd", borderRadius: "8px", background: "#fff" }, srcdoc: "<!doctype html><html><head><style>body{font-family:system-ui,sans-serif;margin:12px} label{display:block;margin:8px 0 4px;font-weight:600} input{padding:6px} button{margin-top:10px;padding:6px 12px}</style></head><body></body></html>" });
    fr.addEventListener("load", () => {
      const doc = fr.contentDocument;
      fill(doc);
      for (const t of ["click", "input", "change", "keyup"]) doc.addEventListener(t, () => setTimeout(c.update, 0), true);
    });
    return fr;
  }

  register("iframe-survey", "iframe", 'In the survey, answer {answer} to "Would you recommend us?" and submit it', (c) => {
    const answer = c.r.pick(["Yes", "No", "Not sure"]);
    let sent = null;
    const fr = frame(c, "Customer survey", (doc) => {
      const opts = ["Yes", "No", "Not sure"].map((a, i) => h("label", {}, h("input", { type: "radio", name: "rec", id: "rec-" + i, value: a }), " " + a));
      const other = ["Price", "Quality", "Service"].map((a) => h("label", {}, h("input", { type: "checkbox" }), " " + a));
      doc.body.append(h("h3", {}, "Would you recommend us?"), ...opts, h("p", {}, "What did you like most?"), ...other,
        h("button", { type: "button", id: "send", onclick: () => { const r = [...doc.querySelectorAll("input[name=rec]")].find((x) => x.checked); sent = r ? r.value : "(none)"; doc.body.append(h("p", {}, "Thank you!")); if (sent !== answer) c.fail("answered " + sent); } }, "Submit survey"));
    });
    c.root.append(h("h1", {}, "Order delivered"), h("p", {}, "Tell us how we did."), fr);
    c.goal('In the survey, answer "' + answer + '" to "Would you recommend us?" and submit it');
    c.check(() => sent ? true : "survey not sent");
    c.solve([{ frame: "#frame", op: "check", sel: "#rec-" + ["Yes", "No", "Not sure"].indexOf(answer) }, { frame: "#frame", op: "click", sel: "#send" }]);
  });

  register("iframe-card", "iframe", "Pay with the card {number}, expiry {exp}, CVC {cvc}", (c) => {
    const number = c.r.pick(["4242 4242 4242 4242", "5555 5555 5555 4444"]);
    const exp = c.r.pick(["12/29", "08/28"]), cvc = c.r.pick(["123", "737"]);
    let paid = null;
    const fr = frame(c, "Secure card payment", (doc) => {
      const f = (id, label) => h("div", {}, h("label", { for: id }, label), h("input", { id, autocomplete: "off" }));
      doc.body.append(f("cc", "Card number"), f("exp", "Expiry (MM/YY)"), f("cvc", "Security code"));
    });
    const pay = button(c, "Pay € 42.00", () => {
      const d = fr.contentDocument, v = (id) => d.getElementById(id).value.replace(/\s+/g, "");
      paid = [v("cc"), v("exp"), v("cvc")];
      if (paid.join("|") !== [number.replace(/\s+/g, ""), exp, cvc].join("|")) c.fail("paid with other card details");
      c.advance("Payment received", "Paid € 42.00 with the card ending " + (paid[0].slice(-4) || "(none)") + ".");
    });
    c.root.append(h("h1", {}, "Payment"), fr, pay.el);
    c.goal("Pay with the card " + number + ", expiry " + exp + ", CVC " + cvc);
    c.check(() => paid ? true : "not paid");
    c.solve([{ frame: "#frame", op: "fill", sel: "#cc", value: number }, { frame: "#frame", op: "fill", sel: "#exp", value: exp }, { frame: "#frame", op: "fill", sel: "#cvc", value: cvc }, { op: "click", sel: pay.sel }]);
  });

  register("canvas-menu", "canvas", "Press {label} in the game menu", (c) => {
    const labels = c.r.shuffle(["Start", "Options", "High scores", "Quit"]);
    const target = c.r.pick(labels.filter((l) => l !== "Quit"));
    const w = 480, hgt = 320, x0 = 120 + c.r.int(60);
    const boxes = labels.map((l, i) => ({ l, x: x0, y: 40 + i * 64, w: 200, h: 46 }));
    const cv = h("canvas", { id: "game", width: String(w), height: String(hgt), style: { background: "#13233a", borderRadius: "8px" } });
    const g = cv.getContext("2d");
    g.fillStyle = "#13233a"; g.fillRect(0, 0, w, hgt);
    boxes.forEach((b) => { g.fillStyle = "#f2f5fa"; g.fillRect(b.x, b.y, b.w, b.h); g.fillStyle = "#13233a"; g.font = "bold 22px sans-serif"; g.textAlign = "center"; g.textBaseline = "middle"; g.fillText(b.l, b.x + b.w / 2, b.y + b.h / 2); });
    let pressed = null;
    cv.addEventListener("click", (e) => { const r = cv.getBoundingClientRect(); const x = e.clientX - r.left, y = e.clientY - r.top; const hit = boxes.find((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h); if (hit) { pressed = hit.l; if (hit.l !== target) c.fail("pressed " + hit.l); g.fillStyle = "#13233a"; g.fillRect(0, 0, w, hgt); g.fillStyle = "#f2f5fa"; g.font = "bold 26px sans-serif"; g.textAlign = "center"; g.fillText(hit.l + "…", w / 2, hgt / 2); } });
    c.root.append(h("h1", {}, "Space Pebbles"), cv);
    c.goal("Press " + target + " in the game menu");
    c.check(() => pressed ? true : "nothing pressed");
    const b = boxes.find((x) => x.l === target);
    c.solve([{ op: "clickAt", sel: "#game", x: b.x + b.w / 2, y: b.y + b.h / 2 }]);
    const q = boxes.find((x) => x.l === "Quit");
    c.wrong([{ op: "clickAt", sel: "#game", x: q.x + 20, y: q.y + 20 }], true);
  });

  register("span-details", "clickable-span", "Show the details of the {plan} plan", (c) => {
    const plans = c.r.shuffle(["Basic", "Family", "Premium"]);
    const target = c.r.pick(plans);
    const open = new Set();
    c.root.append(h("h1", {}, "Mobile plans"), ...plans.map((p) => {
      const more = h("div", { hidden: true }, h("p", {}, "Unlimited calls, 20 GB data, EU roaming."));
      return h("div", { class: "card" }, h("h2", {}, p), h("span", { class: "clicky", "data-more": p, onclick: () => { more.hidden = false; open.add(p); } }, c.r.pick(["Show details", "More info", "See what's included"])), more);
    }));
    c.goal("Show the details of the " + target + " plan");
    c.check(() => [...open].some((p) => p !== target) ? "opened another plan" : open.has(target) ? true : "details hidden");
    c.solve([{ op: "click", sel: '[data-more="' + target + '"]' }]);
  });

  register("div-skip-tour", "clickable-span", "Skip the introduction", (c) => {
    let skipped = false, next = 0;
    const skipText = c.r.pick(["Skip", "Skip tour", "Not now"]);
    c.root.append(h("h1", {}, "Welcome to Ledger"), h("div", { class: "card" }, h("p", {}, "Let us show you around: invoices, clients and reports in three short steps."),
      h("div", { class: "row" }, h("div", { class: "btn", "data-act": "next", onclick: () => { next++; c.ack("Step " + (next + 1) + " of 3: clients."); } }, "Next →"), h("div", { class: "btn", style: { background: "#fff", color: "#24528a" }, "data-act": "skip", onclick: () => { skipped = true; c.advance("Dashboard", "No invoices yet."); } }, skipText))));
    c.goal(c.r.pick(["Skip the introduction", "Skip the tour"]));
    c.check(() => next ? "went to the next step" : skipped ? true : "not skipped");
    c.solve([{ op: "click", sel: '[data-act="skip"]' }]);
    c.wrong([{ op: "click", sel: '[data-act="next"]' }, { op: "click", sel: '[data-act="skip"]' }], true);
  });

  register("hover-download", "hover-reveal", "Download the photo {name}", (c) => {
    const names = c.r.shuffle(["beach.jpg", "harbour.jpg", "forest.jpg", "market.jpg", "bridge.jpg", "snow.jpg"]);
    const target = c.r.pick(names);
    const got = [];
    c.root.append(h("h1", {}, "Album: Summer"), h("ul", { class: "plain", style: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: "8px" } }, names.map((n) => h("li", { "data-photo": n, style: { flexDirection: "column", background: "#fff" } },
      h("div", { class: "photo", style: { width: "100%", height: "70px", background: "linear-gradient(135deg,#9cc3ff,#ffd59c)" } }), h("span", {}, n),
      h("button", { type: "button", class: "hover-only secondary", "aria-label": "Download " + n, "data-dl": n, onclick: () => { got.push(n); if (n !== target) c.fail("downloaded " + n); c.ack("Downloading " + n + "…"); } }, "⤓")))));
    c.goal("Download the photo " + target);
    c.check(() => got.length ? true : "nothing downloaded");
    c.solve([{ op: "hover", sel: '[data-photo="' + target + '"]' }, { op: "click", sel: '[data-dl="' + target + '"]' }]);
  });

  register("kanban-move", "drag-drop", 'Move the card "{card}" to {lane}', (c) => {
    const cards = c.r.shuffle(["Fix login bug", "Write release notes", "Update logo", "Call the printer"]);
    const target = c.r.pick(cards);
    const lanes = ["To do", "Doing", "Done"];
    const laneOf = Object.fromEntries(cards.map((x, i) => [x, lanes[i % 2]]));
    const dest = c.r.pick(lanes.filter((l) => l !== laneOf[target]));
    const els = {};
    const laneEls = lanes.map((l) => {
      const el = h("div", { class: "lane", "data-lane": l, role: "list", "aria-label": l }, h("strong", {}, l));
      el.addEventListener("dragover", (e) => e.preventDefault());
      el.addEventListener("drop", (e) => { e.preventDefault(); const name = e.dataTransfer.getData("text/plain"); if (els[name]) { el.append(els[name]); laneOf[name] = l; if (name !== target || l !== dest) c.fail("moved " + name + " to " + l); c.update(); } });
      return el;
    });
    cards.forEach((x) => { els[x] = h("div", { class: "cardlet", draggable: "true", role: "listitem", "data-card": x, ondragstart: (e) => e.dataTransfer.setData("text/plain", x) }, x); laneEls[lanes.indexOf(laneOf[x])].append(els[x]); });
    c.root.append(h("h1", {}, "Sprint board"), h("div", { class: "row", style: { alignItems: "stretch" } }, laneEls));
    c.goal('Move the card "' + target + '" to ' + dest);
    c.check(() => laneOf[target] === dest ? true : "it is in " + laneOf[target]);
    c.solve([{ op: "drag", sel: '[data-card="' + target + '"]', to: '[data-lane="' + dest + '"]' }]);
  });

  register("reorder-top", "drag-drop", 'Drag "{item}" to the top of the list', (c) => {
    const items = c.r.shuffle(["Milk", "Bread", "Eggs", "Apples", "Coffee"]);
    const target = items[2 + c.r.int(3)];
    const list = h("ul", { class: "plain", "aria-label": "Shopping list" });
    const draw = () => { list.replaceChildren(...items.map((x) => { const li = h("li", { draggable: "true", "data-row": x, ondragstart: (e) => e.dataTransfer.setData("text/plain", x), ondragover: (e) => e.preventDefault(), ondrop: (e) => { e.preventDefault(); const from = e.dataTransfer.getData("text/plain"); items.splice(items.indexOf(from), 1); items.splice(items.indexOf(x), 0, from); draw(); c.update(); } }, "☰ " + x); return li; })); };
    draw();
    const before = items.filter((x) => x !== target).join();
    c.root.append(h("h1", {}, "Shopping list"), h("div", { class: "card" }, list));
    c.goal('Drag "' + target + '" to the top of the list');
    c.check(() => items[0] === target && items.slice(1).join() === before ? true : "order is " + items.join(", "));
    c.solve([{ op: "drag", sel: '[data-row="' + target + '"]', to: '[data-row="' + items[0] + '"]' }]);
  });

  register("help-search-enter", "search", 'Look up "{q}" in the help centre', (c) => {
    const q = c.r.pick(["reset password", "change email", "delete account"]);
    const f = field(c, c.r.pick(["Search the help centre", "How can we help?"]), "search", { labelStyle: "placeholder" });
    let searched = null;
    const results = h("div", { role: "region", "aria-label": "Search results" });
    f.input.addEventListener("keydown", (e) => { if (e.key === "Enter") { searched = f.input.value.trim().toLowerCase(); results.replaceChildren(h("p", {}, "3 articles match \"" + f.input.value + "\""), h("ul", {}, ["How to " + searched, "Troubleshooting: " + searched, "Contact support"].map((t) => h("li", {}, h("a", { href: "#" }, t))))); } });
    c.root.append(h("h1", {}, "Help centre"), h("div", { class: "card" }, f.wrap), results);
    c.goal('Look up "' + q + '" in the help centre');
    c.check(() => searched === q ? true : searched ? "searched for " + searched : "no search");
    c.solve([{ op: "fill", sel: f.sel, value: q }, { op: "press", sel: f.sel, key: "Enter" }]);
  });
})();
