// Lists and tables: pick by a criterion (shortest, cheapest, earliest, second), row actions, pagination, scrolling.
(function () {
  "use strict";
  const { register, h, field, button } = window.Gym;
  const hm = (mins) => Math.floor(mins / 60) + ":" + String(mins % 60).padStart(2, "0");
  const dur = (mins) => (mins >= 60 ? Math.floor(mins / 60) + " h " : "") + (mins % 60) + " min";

  function timetable(c, dest, rowsN) {
    const used = new Set();
    return Array.from({ length: rowsN }, (_, i) => {
      let dep; do { dep = 6 * 60 + c.r.int(14 * 12) * 5; } while (used.has(dep)); used.add(dep);
      const len = 35 + c.r.int(18) * 5 + i; // distinct durations
      return { id: "trip-" + i, dest, dep, arr: dep + len, len, line: c.r.pick(["X", "N", "E"]) + (10 + c.r.int(80)), price: (4 + c.r.int(9)) + ".50" };
    });
  }
  function pickTable(c, rows, cols, choose, label) {
    return h("table", {}, h("thead", {}, h("tr", {}, cols.map((x) => h("th", {}, x[0])), h("th", {}, ""))),
      h("tbody", {}, rows.map((r) => h("tr", {}, cols.map((x) => h("td", {}, x[1](r))), h("td", {}, h("button", { type: "button", id: r.id, class: "secondary", onclick: () => { choose(r); c.ack("Selected: the " + hm(r.dep) + " bus (line " + r.line + "), arriving " + hm(r.arr) + "."); } }, label))))));
  }

  register("bus-shortest", "table-pick", "Pick the shortest bus", (c) => {
    const rows = timetable(c, c.r.pick(["Braga", "Coimbra", "Faro"]), 5);
    const best = rows.reduce((a, b) => (b.len < a.len ? b : a));
    let chosen = null;
    const showDur = c.r.chance(0.5);
    const cols = [["Line", (r) => r.line], ["Departs", (r) => hm(r.dep)], ["Arrives", (r) => hm(r.arr)]].concat(showDur ? [["Duration", (r) => dur(r.len)]] : []).concat([["Fare", (r) => "€ " + r.price]]);
    const label = c.r.pick(["Select", "Choose", "Book"]);
    c.root.append(h("h1", {}, "Buses from Porto to " + rows[0].dest), pickTable(c, rows, cols, (r) => { chosen = r; if (r !== best) c.fail("picked the " + hm(r.dep) + " bus"); }, label));
    c.goal(c.seed === 1 ? "Pick the shortest bus" : c.r.pick(["Pick the shortest bus", "Choose the quickest bus to " + rows[0].dest, "Select the bus with the shortest journey"]));
    c.check(() => chosen ? true : "no bus chosen");
    c.solve([{ op: "click", sel: "#" + best.id }]);
    c.wrong([{ op: "click", sel: "#" + rows.find((r) => r !== best).id }], true);
  });

  register("bus-earliest", "table-pick", "Take the earliest bus after {time}", (c) => {
    const rows = c.r.shuffle(timetable(c, "Sintra", 6));
    const after = 9 * 60 + c.r.int(6) * 30;
    const ok = rows.filter((r) => r.dep >= after).sort((a, b) => a.dep - b.dep);
    const best = ok[0] || rows.slice().sort((a, b) => a.dep - b.dep)[0];
    let chosen = null;
    c.root.append(h("h1", {}, "Lisbon → Sintra"), pickTable(c, rows, [["Departs", (r) => hm(r.dep)], ["Arrives", (r) => hm(r.arr)], ["Line", (r) => r.line]], (r) => { chosen = r; if (r !== best) c.fail("picked the " + hm(r.dep) + " bus"); }, "Select"));
    c.goal(ok.length ? "Take the earliest bus leaving after " + hm(after) : "Take the earliest bus");
    c.check(() => chosen ? true : "no bus chosen");
    c.solve([{ op: "click", sel: "#" + best.id }]);
  });

  register("plan-cheapest", "cards-pick", "Choose the cheapest plan", (c) => {
    const plans = c.r.shuffle([["Basic", 9], ["Plus", 19], ["Pro", 29], ["Studio", 49]]);
    const per = c.r.pick(["month", "user / month"]);
    const best = plans.reduce((a, b) => (b[1] < a[1] ? b : a));
    let chosen = null;
    c.root.append(h("h1", {}, "Pricing"), h("div", { class: "row" }, plans.map((p) => h("div", { class: "card", style: { flex: "1" } }, h("h2", {}, p[0]), h("p", {}, h("strong", {}, "$" + p[1]), " / " + per), h("button", { type: "button", id: "plan-" + p[0], onclick: () => { chosen = p; if (p !== best) c.fail("chose " + p[0]); c.advance("Create your account", "Plan: " + p[0] + ", $" + p[1] + " / " + per + "."); } }, c.r.pick(["Choose", "Get started", "Select plan"]))))));
    c.goal(c.r.pick(["Choose the cheapest plan", "Sign up for the least expensive plan"]));
    c.check(() => chosen ? true : "no plan chosen");
    c.solve([{ op: "click", sel: "#plan-" + best[0] }]);
    c.wrong([{ op: "click", sel: "#plan-" + plans.find((p) => p !== best)[0] }], true);
  });

  register("product-cheapest", "list-pick", "Add the cheapest {kind} to the cart", (c) => {
    const kind = c.r.pick(["headphones", "backpack", "kettle"]);
    const items = c.r.shuffle([["Nordic", 79], ["Aero", 54], ["Pulse", 120], ["Terra", 61], ["Volt", 95]]).map((x, i) => ({ name: x[0] + " " + kind, price: x[1] + (c.seed % 3), id: "p" + i }));
    items.push({ name: kind + " case (accessory)", price: 12, id: "acc" });
    const real = items.filter((x) => x.id !== "acc");
    const best = real.reduce((a, b) => (b.price < a.price ? b : a));
    const cart = [];
    c.root.append(h("h1", {}, "Results for \"" + kind + "\""), h("div", {}, items.map((x) => h("div", { class: "card row" }, h("strong", { style: { flex: 1 } }, x.name), h("span", {}, "€ " + x.price + ".00"), h("button", { type: "button", id: x.id, onclick: () => { cart.push(x); if (x !== best) c.fail("added " + x.name); c.ack(x.name + " added to your cart (" + cart.length + (cart.length === 1 ? " item)." : " items).")); } }, "Add to cart")))));
    c.goal("Add the cheapest " + kind + " to the cart");
    c.check(() => cart.length ? true : "cart is empty");
    c.solve([{ op: "click", sel: "#" + best.id }]);
    c.wrong([{ op: "click", sel: "#acc" }], true);
  });

  register("second-article", "list-pick", "Open the {nth} article", (c) => {
    const nth = c.r.pick([["first", 0], ["second", 1], ["third", 2], ["last", -1]]);
    const titles = c.r.shuffle(["Ten quiet beaches", "How to pack light", "Night trains are back", "A week in the Azores", "Cheap eats in Oslo"]);
    const idx = nth[1] < 0 ? titles.length - 1 : nth[1];
    let opened = null;
    c.root.append(h("h1", {}, "Travel stories"), h("div", {}, titles.map((t, i) => h("article", { class: "card" }, h("h2", {}, h("a", { href: "#a" + i, id: "art-" + i, onclick: (e) => { e.preventDefault(); opened = i; if (i !== idx) c.fail("opened " + t); c.advance(t, (3 + i) + " min read", "Pack a light bag, take the early train and let the day unfold."); } }, t)), h("p", { class: "muted" }, (3 + i) + " min read")))));
    c.goal("Open the " + nth[0] + " article");
    c.check(() => opened !== null ? true : "nothing opened");
    c.solve([{ op: "click", sel: "#art-" + idx }]);
  });

  register("row-delete-user", "table-row-action", "Remove the user {name}", (c) => {
    const users = c.r.shuffle([["Bob Smith", "bob@example.com"], ["Bob Smithers", "bsm@example.com"], ["Alice Wong", "alice@example.com"], ["Carla Diaz", "carla@example.com"], ["Rob Smith", "rob@example.com"]]);
    const target = c.r.pick(users.filter((u) => u[0] !== "Bob Smithers"));
    const left = users.slice();
    const body = h("tbody", {});
    const draw = () => { body.innerHTML = ""; left.forEach((u, i) => body.append(h("tr", {}, h("td", {}, u[0]), h("td", {}, u[1]), h("td", {}, h("button", { type: "button", class: "secondary", "data-user": u[0], onclick: () => { if (confirm("Remove " + u[0] + "?")) { left.splice(left.indexOf(u), 1); if (u !== target) c.fail("removed " + u[0]); draw(); } } }, c.r.pick(["Remove", "Delete"])))))); };
    draw();
    c.root.append(h("h1", {}, "Team members"), h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Email"), h("th", {}, ""))), body));
    c.goal(c.r.pick(["Remove the user " + target[0], "Delete " + target[0] + " from the team"]));
    c.check(() => left.includes(target) ? "still listed" : true);
    c.solve([{ op: "dialog", accept: true }, { op: "click", sel: '[data-user="' + target[0] + '"]' }]);
    c.wrong([{ op: "dialog", accept: true }, { op: "click", sel: '[data-user="' + users.find((u) => u !== target)[0] + '"]' }], true);
  });

  register("row-edit-stock", "table-row-action", "Set the stock for {city} to {n}", (c) => {
    const cities = c.r.shuffle(["Porto", "Lisbon", "Faro", "Braga"]);
    const city = cities[c.r.int(4)], n = c.r.range(5, 40);
    const stock = Object.fromEntries(cities.map((x) => [x, 10 + c.r.int(50)]));
    const initial = Object.assign({}, stock);
    const body = h("tbody", {});
    const draw = () => {
      body.innerHTML = "";
      cities.forEach((x) => {
        const cell = h("td", {}, String(stock[x]));
        const edit = h("button", { type: "button", class: "secondary", "data-edit": x, onclick: () => {
          const inp = h("input", { type: "number", "aria-label": "Stock for " + x, value: String(stock[x]), "data-input": x });
          const save = h("button", { type: "button", "data-save": x, onclick: () => { stock[x] = Number(inp.value); if (x !== city) c.fail("changed " + x); draw(); } }, "Save");
          cell.replaceChildren(inp, save);
        } }, "Edit");
        body.append(h("tr", {}, h("td", {}, x), cell, h("td", {}, edit)));
      });
    };
    draw();
    c.root.append(h("h1", {}, "Warehouse stock"), h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Store"), h("th", {}, "Stock"), h("th", {}, ""))), body));
    c.goal(c.r.pick(["Set the stock for " + city + " to " + n, "In the row for " + city + ", change the stock to " + n]));
    c.check(() => stock[city] === n ? true : city + " has " + stock[city]);
    c.solve([{ op: "click", sel: '[data-edit="' + city + '"]' }, { op: "fill", sel: '[data-input="' + city + '"]', value: String(n) }, { op: "click", sel: '[data-save="' + city + '"]' }]);
    void initial;
  });

  register("pagination-order", "pagination", "Open order #{n}", (c) => {
    const per = 5, pages = 4;
    const orders = Array.from({ length: per * pages }, (_, i) => 10400 + i * 3 + (c.seed % 3));
    const target = orders[per * (1 + c.r.int(pages - 1)) + c.r.int(per)];
    let page = 0, opened = null;
    const body = h("ul", { class: "plain" });
    const nav = h("nav", { "aria-label": "Pagination", class: "row" });
    const draw = () => {
      body.innerHTML = "";
      orders.slice(page * per, page * per + per).forEach((o) => body.append(h("li", {}, h("a", { href: "#o" + o, "data-order": String(o), onclick: (e) => { e.preventDefault(); opened = o; if (o !== target) c.fail("opened #" + o); c.advance("Order #" + o, (2 + (o % 7)) + " items · delivered"); } }, "Order #" + o), h("span", { class: "muted" }, " · " + (2 + (o % 7)) + " items"))));
      nav.innerHTML = "";
      nav.append(h("button", { type: "button", class: "secondary", disabled: page === 0, onclick: () => { page--; draw(); } }, "Previous"));
      for (let p = 0; p < pages; p++) nav.append(h("button", { type: "button", class: "secondary", "data-page": String(p + 1), "aria-current": p === page ? "page" : null, onclick: () => { page = p; draw(); } }, String(p + 1)));
      nav.append(h("button", { type: "button", class: "secondary", disabled: page === pages - 1, onclick: () => { page++; draw(); } }, "Next"));
    };
    draw();
    c.root.append(h("h1", {}, "Your orders"), body, nav);
    c.goal("Open order #" + target);
    c.check(() => opened ? true : "not opened");
    c.solve([{ op: "click", sel: '[data-page="' + (Math.floor(orders.indexOf(target) / per) + 1) + '"]' }, { op: "click", sel: '[data-order="' + target + '"]' }]);
  });

  register("scroll-favourite", "scrolling-list", 'Add "{plant}" to my favourites', (c) => {
    const names = ["Aloe", "Basil", "Begonia", "Cactus", "Calathea", "Dracaena", "Fern", "Ficus", "Jade plant", "Ivy", "Lavender", "Mint", "Monstera", "Orchid", "Peace lily", "Pothos", "Rosemary", "Snake plant", "Spider plant", "Thyme", "Yucca", "Zebra plant", "ZZ plant"];
    const plant = c.r.pick(names.slice(-6));
    const favs = new Set();
    const box = h("div", { class: "scroller", role: "list", "aria-label": "Plants" }, names.map((n, i) => h("div", { role: "listitem", class: "row", style: { padding: "8px", borderBottom: "1px solid #eee" } }, h("span", { style: { flex: 1 } }, n), h("button", { type: "button", class: "secondary", id: "fav-" + i, "aria-label": "Add " + n + " to favourites", onclick: (e) => { favs.add(n); e.target.textContent = "♥"; if (n !== plant) c.fail("favourited " + n); } }, "♡"))));
    c.root.append(h("h1", {}, "Plant shop"), box);
    c.goal('Add "' + plant + '" to my favourites');
    c.check(() => favs.has(plant) ? true : "not a favourite yet");
    c.solve([{ op: "click", sel: "#fav-" + names.indexOf(plant) }]);
  });

  register("load-more-review", "load-more", "Mark the review by {name} as helpful", (c) => {
    const people = c.r.shuffle(["Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kai", "Lea"]);
    const target = people[8 + c.r.int(4)];
    let shown = 4, helpful = null;
    const list = h("div", {});
    const more = button(c, c.r.pick(["Show more reviews", "Load more"]), () => { shown += 4; draw(); }, { class: "secondary" });
    const draw = () => { list.innerHTML = ""; people.slice(0, shown).forEach((p, i) => list.append(h("div", { class: "card" }, h("strong", {}, p), h("p", {}, ["Good.", "Fine for the price.", "Would buy again.", "Too small for me."][i % 4]), h("button", { type: "button", class: "secondary", "data-helpful": p, "aria-pressed": String(helpful === p), onclick: () => { helpful = p; if (p !== target) c.fail("marked " + p); draw(); } }, helpful === p ? "Helpful ✓" : "Helpful")))); more.el.hidden = shown >= people.length; };
    draw();
    c.root.append(h("h1", {}, "Reviews (12)"), list, more.el);
    c.goal("Mark the review by " + target + " as helpful");
    c.check(() => helpful ? true : "not marked");
    const clicks = Math.ceil((people.indexOf(target) + 1 - 4) / 4);
    c.solve(Array.from({ length: clicks }, () => ({ op: "click", sel: more.sel })).concat([{ op: "click", sel: '[data-helpful="' + target + '"]' }]));
  });

  register("sort-table-date", "sortable-table", "Sort the payments by date, {dir} first", (c) => {
    const newest = c.r.chance(0.5);
    const rows = c.r.shuffle(["2027-01-04", "2027-02-11", "2026-12-20", "2027-03-01"]);
    let sort = null;
    const body = h("tbody", {});
    const draw = (list) => { body.innerHTML = ""; list.forEach((d, i) => body.append(h("tr", {}, h("td", {}, d), h("td", {}, "€ " + (20 + i * 7))))); };
    const th = h("th", { "aria-sort": "none" }, h("button", { type: "button", class: "link", id: "sort-date", onclick: () => { sort = sort === "ascending" ? "descending" : "ascending"; th.setAttribute("aria-sort", sort); draw(rows.slice().sort((a, b) => (sort === "ascending" ? a.localeCompare(b) : b.localeCompare(a)))); } }, "Date"));
    draw(rows);
    c.root.append(h("h1", {}, "Payments"), h("table", {}, h("thead", {}, h("tr", {}, th, h("th", {}, "Amount"))), body));
    c.goal("Sort the payments by date, " + (newest ? "newest" : "oldest") + " first");
    c.check(() => sort === (newest ? "descending" : "ascending") ? true : "sort is " + (sort || "none"));
    c.solve(newest ? [{ op: "click", sel: "#sort-date" }, { op: "click", sel: "#sort-date" }] : [{ op: "click", sel: "#sort-date" }]);
  });
})();
