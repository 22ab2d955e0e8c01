// Pickers: calendars, two-date ranges, a flight search, time pickers, spinners, sliders and autocomplete.
(function () {
  "use strict";
  const { register, h, field, button, formatDate, MONTHS } = window.Gym;
  const same = (a, b) => a && b && a.y === b.y && a.m === b.m && a.d === b.d;

  /** Parses dates as people type them: 2027-03-05, 05/03/2027 (day first) or "5 March 2027" / "March 5, 2027". */
  function parseDate(s, usOrder) {
    s = String(s || "").trim();
    let m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    if (m) return { y: +m[1], m: +m[2], d: +m[3] };
    m = s.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/);
    if (m) return usOrder ? { y: +m[3], m: +m[1], d: +m[2] } : { y: +m[3], m: +m[2], d: +m[1] };
    const t = s.replace(",", "").split(/\s+/);
    const mi = (w) => MONTHS.findIndex((x) => x.toLowerCase().startsWith(String(w).toLowerCase().slice(0, 3)));
    if (t.length === 3 && /^\d+$/.test(t[0]) && mi(t[1]) >= 0) return { y: +t[2], m: mi(t[1]) + 1, d: +t[0] };
    if (t.length === 3 && /^\d+$/.test(t[1]) && mi(t[0]) >= 0) return { y: +t[2], m: mi(t[0]) + 1, d: +t[1] };
    return null;
  }
  window.Gym.parseDate = parseDate;

  /** A calendar pop-up bound to a read-only field; months are turned with buttons. */
  function calendar(c, input, start) {
    let shown = { y: start.y, m: start.m };
    const pop = h("div", { class: "popup", role: "dialog", "aria-label": "Choose a date", hidden: true });
    const draw = () => {
      pop.innerHTML = "";
      const first = new Date(Date.UTC(shown.y, shown.m - 1, 1)).getUTCDay();
      const days = new Date(Date.UTC(shown.y, shown.m, 0)).getUTCDate();
      const prev = h("button", { type: "button", "aria-label": "Previous month", onclick: () => { shown = shown.m === 1 ? { y: shown.y - 1, m: 12 } : { y: shown.y, m: shown.m - 1 }; draw(); } }, "‹");
      const next = h("button", { type: "button", "aria-label": "Next month", class: "cal-next", onclick: () => { shown = shown.m === 12 ? { y: shown.y + 1, m: 1 } : { y: shown.y, m: shown.m + 1 }; draw(); } }, "›");
      const grid = h("div", { class: "cal", role: "grid" }, ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"].map((d) => h("div", { class: "muted" }, d)));
      for (let i = 0; i < first; i++) grid.append(h("div", {}));
      for (let d = 1; d <= days; d++) {
        const val = { y: shown.y, m: shown.m, d };
        grid.append(h("button", { type: "button", "data-date": formatDate(val, "iso"), "aria-label": formatDate(val, "long"), onclick: () => { input.value = formatDate(val, "short"); input.dataset.iso = formatDate(val, "iso"); pop.hidden = true; input.dispatchEvent(new Event("change", { bubbles: true })); } }, String(d)));
      }
      pop.append(h("div", { class: "row" }, prev, h("strong", { "aria-live": "polite" }, MONTHS[shown.m - 1] + " " + shown.y), next), grid);
    };
    input.readOnly = true;
    input.addEventListener("click", () => { draw(); pop.hidden = false; });
    draw();
    return pop;
  }
  window.Gym.calendar = calendar;
  const calSteps = (fieldSel, from, to) => {
    const steps = [{ op: "click", sel: fieldSel }];
    for (let k = (to.y - from.y) * 12 + (to.m - from.m); k > 0; k--) steps.push({ op: "click", sel: ".popup:not([hidden]) .cal-next" });
    steps.push({ op: "click", sel: '.popup:not([hidden]) [data-date="' + formatDate(to, "iso") + '"]' });
    return steps;
  };

  register("calendar-delivery", "date-picker", "Set the delivery date to {date} and save", (c) => {
    const target = { y: 2027, m: c.r.range(2, 4), d: c.r.range(1, 28) };
    const f = field(c, c.r.pick(["Delivery date", "Deliver on", "Preferred delivery day"]), "text", { placeholder: "Pick a date" });
    const pop = calendar(c, f.input, { y: 2027, m: 1 });
    let saved = null;
    const b = button(c, "Save", () => { saved = parseDate(f.input.dataset.iso); if (!same(saved, target)) c.fail("saved " + f.input.value); c.ack(f.input.value ? "Delivery date saved: " + f.input.value + "." : "Saved without a delivery date."); });
    c.root.append(h("h1", {}, "Your order #" + (4100 + c.seed)), h("div", { class: "card" }, h("div", { class: "rel" }, f.wrap, pop), h("div", {}, b.el)));
    c.goal("Set the delivery date to " + formatDate(target, c.r.pick(["long", "usLong"])) + " and save");
    c.check(() => saved ? true : "not saved");
    c.solve(calSteps(f.sel, { y: 2027, m: 1 }, target).concat([{ op: "click", sel: b.sel }]));
  });

  register("hotel-dates", "date-range", "Find hotels from {from} to {to}", (c) => {
    const from = c.seed === 1 ? { y: 2027, m: 3, d: 3 } : { y: 2027, m: c.r.range(3, 6), d: c.r.range(1, 20) };
    const to = c.seed === 1 ? { y: 2027, m: 3, d: 5 } : { y: from.y, m: from.m, d: from.d + c.r.range(1, 5) };
    const typed = c.r.chance(0.5);
    const fIn = field(c, c.r.pick(["Check-in", "Arrival", "From"]), "text", { placeholder: typed ? "DD/MM/YYYY" : "Add date" });
    const fOut = field(c, c.r.pick(["Check-out", "Departure", "Until"]), "text", { placeholder: typed ? "DD/MM/YYYY" : "Add date" });
    const popIn = typed ? null : calendar(c, fIn.input, { y: 2027, m: 3 });
    const popOut = typed ? null : calendar(c, fOut.input, { y: 2027, m: 3 });
    const city = field(c, "Where to?", "text", { placeholder: "City or hotel" });
    city.input.value = c.r.pick(["Lisbon", "Porto", "Madeira"]);
    const results = h("div", { role: "region", "aria-label": "Results" });
    let searched = null;
    const val = (inp) => parseDate(inp.dataset.iso || inp.value, false);
    const b = button(c, c.r.pick(["Search", "Search hotels", "Find hotels"]), () => {
      const a = val(fIn.input), d = val(fOut.input);
      if (!a || !d) { results.textContent = "Enter both dates."; return; }
      searched = { a, d };
      results.innerHTML = ""; results.append(h("h2", {}, "3 hotels in " + city.input.value + " for " + formatDate(a, "short") + " – " + formatDate(d, "short")));
      if (!same(a, from) || !same(d, to)) c.fail("searched " + formatDate(a, "iso") + " to " + formatDate(d, "iso"));
    });
    c.root.append(h("h1", {}, "Stay somewhere nice"), h("div", { class: "card" }, city.wrap, h("div", { class: "row" }, h("div", { class: "rel" }, fIn.wrap, popIn), h("div", { class: "rel" }, fOut.wrap, popOut)), b.el), results);
    c.goal("Find hotels from " + formatDate(from, c.seed === 1 ? "long" : c.r.pick(["long", "usLong"])) + " to " + formatDate(to, "long"));
    c.check(() => searched ? true : "no search yet");
    const dmy = (d) => String(d.d).padStart(2, "0") + "/" + String(d.m).padStart(2, "0") + "/" + d.y;
    const steps = typed ? [{ op: "fill", sel: fIn.sel, value: dmy(from) }, { op: "fill", sel: fOut.sel, value: dmy(to) }]
      : calSteps(fIn.sel, { y: 2027, m: 3 }, from).concat(calSteps(fOut.sel, { y: 2027, m: 3 }, to));
    c.solve(steps.concat([{ op: "click", sel: b.sel }]));
  });

  register("flight-earliest", "flight-search", "Book the earliest flight from: {from} to: {to} on {date}", (c) => {
    const routes = [["Oslo", "OSL", "Bergen", "BGO"], ["Lisbon", "LIS", "Porto", "OPO"], ["Madrid", "MAD", "Seville", "SVQ"]];
    const route = c.seed === 1 ? routes[0] : c.r.pick(routes);
    const date = c.seed === 1 ? { y: 2027, m: 3, d: 4 } : { y: 2027, m: c.r.range(3, 5), d: c.r.range(1, 28) };
    const fFrom = field(c, "From", "text", { placeholder: "City or airport" });
    const fTo = field(c, "To", "text", { placeholder: "City or airport" });
    const fDate = field(c, c.r.pick(["Departure date", "Date", "Depart"]), "date");
    const results = h("div", { role: "region", "aria-label": "Flights" });
    const matches = (v, city, code) => { v = v.trim().toLowerCase(); return v === city.toLowerCase() || v === code.toLowerCase() || v.includes("(" + code.toLowerCase() + ")"); };
    const times = c.r.shuffle(["06:40", "09:15", "12:05", "17:30", "20:55"]).slice(0, 4);
    const earliest = times.slice().sort()[0];
    const idOf = (t) => "flight-" + t.replace(":", "");
    let booked = null;
    const b = button(c, "Search flights", () => {
      results.innerHTML = "";
      if (!matches(fFrom.input.value, route[0], route[1]) || !matches(fTo.input.value, route[2], route[3]) || !same(parseDate(fDate.input.value), date)) { results.append(h("p", { role: "alert" }, "No flights found for that search.")); return; }
      results.append(h("h2", {}, route[1] + " → " + route[3] + ", " + formatDate(date, "short")));
      results.append(h("ul", { class: "plain" }, times.map((t, i) => {
        const id = idOf(t);
        return h("li", {}, h("strong", {}, t), " " + route[1] + " → " + route[3], h("span", { class: "muted" }, " " + (["SK", "DY", "TP", "IB"][i]) + " " + (300 + i * 17) + " · € " + (49 + ((i * 37 + c.seed * 11) % 90))),
          h("button", { id, type: "button", onclick: () => { booked = t; if (t !== earliest) c.fail("booked the " + t + " flight"); results.append(h("p", { role: "status" }, "Booked the " + t + " flight.")); } }, "Book"));
      })));
    });
    c.root.append(h("h1", {}, "Fly north"), h("div", { class: "card" }, h("div", { class: "row" }, fFrom.wrap, fTo.wrap), fDate.wrap, b.el), results);
    const style = c.seed === 1 ? "us" : c.r.pick(["us", "long"]);
    c.goal("Book the earliest flight from: " + route[0] + " to: " + route[3] + " on " + formatDate(date, style));
    c.check(() => booked ? true : "nothing booked");
    c.solve([{ op: "fill", sel: fFrom.sel, value: route[0] }, { op: "fill", sel: fTo.sel, value: route[3] }, { op: "fill", sel: fDate.sel, value: formatDate(date, "iso") }, { op: "click", sel: b.sel }, { op: "click", sel: "#" + idOf(earliest) }]);
    c.wrong([{ op: "fill", sel: fFrom.sel, value: route[0] }, { op: "fill", sel: fTo.sel, value: route[3] }, { op: "fill", sel: fDate.sel, value: formatDate(date, "iso") }, { op: "click", sel: b.sel }, { op: "click", sel: "#" + idOf(times.find((t) => t !== earliest)) }], true);
  });

  register("time-alarm", "time-picker", "Set the alarm for {time} and save", (c) => {
    const hour = c.r.range(5, 9), minute = c.r.pick([0, 15, 30, 45]), pm = c.r.chance(0.3);
    const mk = (label, opts) => field(c, label, "select", { options: opts });
    const fH = mk("Hour", Array.from({ length: 12 }, (_, i) => String(i + 1)));
    const fM = mk("Minute", ["00", "05", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55"]);
    const fP = mk("AM/PM", ["AM", "PM"]);
    const label = field(c, "Label", "text"); label.input.value = "Wake up";
    let saved = null;
    const b = button(c, "Save alarm", () => { saved = [fH.input.value, fM.input.value, fP.input.value].join(); if (saved !== [String(hour), String(minute).padStart(2, "0"), pm ? "PM" : "AM"].join()) c.fail("saved " + saved); c.ack("Alarm saved for " + fH.input.value + ":" + fM.input.value + " " + fP.input.value + "."); });
    c.root.append(h("h1", {}, "Alarms"), h("div", { class: "card" }, h("div", { class: "row" }, fH.wrap, fM.wrap, fP.wrap), label.wrap, b.el));
    const t = hour + ":" + String(minute).padStart(2, "0") + (pm ? " PM" : " AM");
    c.goal("Set the alarm for " + (c.r.chance(0.5) ? t : t.toLowerCase().replace(" ", "")) + " and save");
    c.check(() => saved ? true : "not saved");
    c.solve([{ op: "select", sel: fH.sel, value: String(hour) }, { op: "select", sel: fM.sel, value: String(minute).padStart(2, "0") }, { op: "select", sel: fP.sel, value: pm ? "PM" : "AM" }, { op: "click", sel: b.sel }]);
  });

  register("time-table-booking", "time-picker", "Reserve a table for {people} at {time}", (c) => {
    const people = c.r.range(2, 6), hh = c.r.range(18, 21), mm = c.r.pick(["00", "15", "30", "45"]);
    const fT = field(c, c.r.pick(["Time", "Arrival time"]), "time");
    const fP = field(c, "Party size", "select", { options: ["1", "2", "3", "4", "5", "6", "7", "8"] });
    let booked = null;
    const b = button(c, c.r.pick(["Reserve", "Book a table"]), () => { booked = fT.input.value + "|" + fP.input.value; if (booked !== hh + ":" + mm + "|" + people) c.fail("reserved " + booked); c.advance("Table reserved", "A table for " + fP.input.value + " at " + (fT.input.value || "no time given") + ". See you soon!"); });
    c.root.append(h("h1", {}, "Trattoria Nonna"), h("div", { class: "card" }, fP.wrap, fT.wrap, b.el));
    c.goal("Reserve a table for " + people + " at " + (c.r.chance(0.5) ? hh + ":" + mm : (hh - 12) + (mm === "00" ? "" : ":" + mm) + " pm"));
    c.check(() => booked ? true : "not reserved");
    c.solve([{ op: "select", sel: fP.sel, value: String(people) }, { op: "fill", sel: fT.sel, value: hh + ":" + mm }, { op: "click", sel: b.sel }]);
  });

  register("spinner-guests", "spinner", "Set the number of guests to {n} and continue", (c) => {
    const n = c.r.range(3, 7), start = 2;
    let v = start, done = null;
    const label = c.r.pick(["Guests", "Travellers", "Adults"]);
    const out = h("span", { role: "spinbutton", "aria-label": label, "aria-valuenow": String(v), "aria-valuemin": "1", "aria-valuemax": "9", tabindex: "0" }, String(v));
    const set = (x) => { v = Math.max(1, Math.min(9, x)); out.textContent = String(v); out.setAttribute("aria-valuenow", String(v)); };
    const minus = button(c, "−", () => set(v - 1), { "aria-label": "Fewer " + label.toLowerCase(), class: "secondary" });
    const plus = button(c, "+", () => set(v + 1), { "aria-label": "More " + label.toLowerCase(), class: "secondary" });
    const b = button(c, "Continue", () => { done = v; if (v !== n) c.fail("continued with " + v); c.advance("Choose your seats", v + " " + label.toLowerCase() + "."); });
    c.root.append(h("h1", {}, "Who is coming?"), h("div", { class: "card" }, h("div", { class: "row" }, h("strong", {}, label), minus.el, out, plus.el), b.el));
    c.goal("Set the number of " + label.toLowerCase() + " to " + n + " and continue");
    c.check(() => done !== null ? true : "not continued (" + v + ")");
    c.solve(Array.from({ length: n - start }, () => ({ op: "click", sel: plus.sel })).concat([{ op: "click", sel: b.sel }]));
  });

  register("quantity-update", "spinner", "Change the quantity of {item} to {n} and update the cart", (c) => {
    const items = c.r.shuffle(["Coffee mug", "Tea towel", "Notebook"]);
    const item = items[0], n = c.r.range(3, 6);
    const rows = items.map((it) => { const f = field(c, "Quantity", "number", { labelStyle: "aria" }); f.input.setAttribute("aria-label", "Quantity of " + it); f.input.value = "1"; f.input.min = "0"; return { it, f }; });
    let updated = null;
    const b = button(c, "Update cart", () => { updated = rows.map((r) => r.it + "=" + r.f.input.value).join(); const bad = rows.filter((r) => r.f.input.value !== (r.it === item ? String(n) : "1")); if (bad.length) c.fail("updated " + updated); c.ack("Cart updated: " + rows.map((r) => r.f.input.value + " × " + r.it).join(", ") + "."); });
    c.root.append(h("h1", {}, "Your cart"), h("table", {}, h("tr", {}, h("th", {}, "Item"), h("th", {}, "Quantity")), rows.map((r) => h("tr", {}, h("td", {}, r.it), h("td", {}, r.f.input)))), b.el);
    c.goal("Change the quantity of the " + item.toLowerCase() + " to " + n + " and update the cart");
    c.check(() => updated ? true : "not updated");
    c.solve([{ op: "fill", sel: rows[0].f.sel, value: String(n) }, { op: "click", sel: b.sel }]);
    c.wrong([{ op: "fill", sel: rows[1].f.sel, value: String(n) }, { op: "click", sel: b.sel }], true);
  });

  register("slider-volume", "slider", "Set the volume to {n}%", (c) => {
    const n = c.r.pick([20, 35, 60, 70, 85]);
    const id = c.uid("range");
    const label = c.r.pick(["Volume", "Master volume"]);
    const out = h("output", {}, "50");
    const input = h("input", { id, type: "range", min: "0", max: "100", step: "5", value: "50", "aria-label": label, oninput: () => { out.textContent = input.value; } });
    const bass = h("input", { type: "range", min: "0", max: "10", value: "5", "aria-label": "Bass" });
    c.root.append(h("h1", {}, "Sound"), h("div", { class: "card" }, h("div", { class: "row" }, h("span", {}, label), input, out), h("div", { class: "row" }, h("span", {}, "Bass"), bass)));
    c.goal("Set the " + label.toLowerCase() + " to " + n + "%");
    c.check(() => bass.value !== "5" ? "bass changed" : input.value === String(n) ? true : "volume is " + input.value);
    c.solve([{ op: "fill", sel: "#" + id, value: String(n) }]);
  });

  register("slider-price-filter", "slider", "Show only items up to {n} euros", (c) => {
    const n = c.r.pick([150, 200, 300, 450]);
    const id = c.uid("range");
    const out = h("output", {}, "Up to € 1000");
    const input = h("input", { id, type: "range", min: "50", max: "1000", step: "50", value: "1000", "aria-label": "Maximum price", oninput: () => { out.textContent = "Up to € " + input.value; } });
    let applied = null;
    const prices = Array.from({ length: 24 }, (_, i) => 90 + i * 40);
    const count = h("p", {}, "24 bikes");
    const b = button(c, "Apply filters", () => { applied = input.value; if (applied !== String(n)) c.fail("applied " + applied); count.textContent = prices.filter((p) => p <= Number(applied)).length + " bikes up to € " + applied; });
    c.root.append(h("h1", {}, "Bikes"), h("div", { class: "card" }, h("h2", {}, "Price"), input, out, h("div", {}, b.el)), count);
    c.goal("Show only bikes up to " + n + " euros");
    c.check(() => applied ? true : "filter not applied");
    c.solve([{ op: "fill", sel: "#" + id, value: String(n) }, { op: "click", sel: b.sel }]);
  });

  function autocomplete(c, label, values, target, goal, action, said) {
    const f = field(c, label, "text", { placeholder: "Start typing…" });
    f.input.setAttribute("role", "combobox");
    const list = h("div", { class: "options", role: "listbox", hidden: true });
    let picked = null, done = null;
    f.input.addEventListener("input", () => {
      picked = null; list.innerHTML = "";
      const q = f.input.value.trim().toLowerCase();
      const hits = q.length < 2 ? [] : values.filter((v) => v.toLowerCase().includes(q));
      hits.forEach((v, i) => list.append(h("div", { role: "option", id: "opt-" + i, onclick: () => { picked = v; f.input.value = v; list.hidden = true; } }, v)));
      list.hidden = hits.length === 0;
    });
    const b = button(c, action, () => { done = picked; if (picked !== target) c.fail(picked ? "chose " + picked : "typed text without choosing a suggestion"); c.ack(picked ? said(picked) : "Pick one of the suggestions first."); });
    c.root.append(h("div", { class: "card" }, h("div", { class: "rel" }, f.wrap, list), b.el));
    c.goal(goal);
    c.check(() => done ? true : "not done");
    c.solve([{ op: "type", sel: f.sel, value: target.slice(0, 4) }, { op: "click", sel: '[role=option]:text-is("' + target + '")' }, { op: "click", sel: b.sel }]);
  }

  register("autocomplete-destination", "autocomplete", "Choose {city} as the destination and search", (c) => {
    const cities = ["Porto, Portugal", "Portimão, Portugal", "Port Louis, Mauritius", "Paris, France", "Palermo, Italy", "Prague, Czechia"];
    const target = c.r.pick(cities.filter((x) => x.startsWith("P")));
    c.root.append(h("h1", {}, "Trips"));
    autocomplete(c, c.r.pick(["Destination", "Going to"]), cities, target, "Choose " + target.split(",")[0] + " as the destination and search", "Search", (v) => "12 trips to " + v + ".");
  });

  register("autocomplete-assignee", "autocomplete", "Assign the ticket to {person}", (c) => {
    const people = ["Maria Silva", "Mario Rossi", "Marta Nowak", "Marek Horvat", "Ana Lopes"];
    const target = c.r.pick(people.slice(0, 4));
    c.root.append(h("h1", {}, "Ticket #" + (800 + c.seed) + ": Printer on floor 2 is jammed"));
    autocomplete(c, "Assignee", people, target, "Assign the ticket to " + target, "Assign", (v) => "Assigned to " + v + ".");
  });
})();
