// Widgets: custom dropdowns, menus and nested menus, tabs, accordions, dialogs and pop-ups, star ratings, a tree.
(function () {
  "use strict";
  const { register, h, field, button, checkbox } = window.Gym;

  /** A dropdown made of divs (no <select>): a button shows the current value, a list of options opens under it. */
  function dropdown(c, label, options, initial, aria, onchange) {
    let value = initial;
    const id = c.uid("dd");
    const list = h("div", { class: "options", role: aria ? "listbox" : null, hidden: true });
    const face = h("div", { id, class: "dropdown", role: aria ? "combobox" : null, "aria-expanded": aria ? "false" : null, tabindex: "0", onclick: () => { list.hidden = !list.hidden; } }, value + " ▾");
    options.forEach((o, i) => list.append(h("div", { id: id + "-o" + i, role: aria ? "option" : null, onclick: () => { value = o; face.textContent = o + " ▾"; list.hidden = true; if (onchange) onchange(o); } }, o)));
    const wrap = h("div", {}, h("div", { class: "label" }, label), h("div", { class: "rel" }, face, list));
    return { wrap, get value() { return value; }, sel: "#" + id, optSel: (o) => "#" + id + "-o" + options.indexOf(o) };
  }

  register("dropdown-shipping", "custom-dropdown", "Choose {option} shipping and continue", (c) => {
    const opts = c.r.shuffle(["Standard (3–5 days) · free", "Express (1–2 days) · € 9.90", "Next day · € 14.90", "Pick up in store · free"]);
    const target = c.r.pick(opts);
    const dd = dropdown(c, c.r.pick(["Shipping method", "Delivery"]), opts, "Select…", c.r.chance(0.5));
    let done = null;
    const b = button(c, "Continue", () => { done = dd.value; if (done !== target) c.fail("continued with " + done); if (done === "Select…") c.ack("Choose a shipping method."); else c.advance("Payment", "Shipping: " + done + "."); });
    c.root.append(h("h1", {}, "Checkout"), h("div", { class: "card" }, dd.wrap, b.el));
    c.goal("Choose " + target.split(" (")[0].split(" ·")[0].toLowerCase().replace("pick up in store", "in-store pickup for") + " shipping and continue");
    c.check(() => done ? true : "not continued");
    c.solve([{ op: "click", sel: dd.sel }, { op: "click", sel: dd.optSel(target) }, { op: "click", sel: b.sel }]);
  });

  register("dropdown-sort", "custom-dropdown", "Sort the products by price, lowest first", (c) => {
    const opts = ["Most popular", "Newest", "Price: low to high", "Price: high to low", "Rating"];
    const lamps = [["Desk lamp", 35, 2], ["Floor lamp", 89, 1], ["Bedside lamp", 22, 3]]; // name, price, newest rank
    const orders = { "Price: low to high": (a, b) => a[1] - b[1], "Price: high to low": (a, b) => b[1] - a[1], Newest: (a, b) => a[2] - b[2] };
    const list = h("ul", { class: "plain" });
    const draw = (by) => list.replaceChildren(...lamps.slice().sort(orders[by] || (() => 0)).map((x) => h("li", {}, x[0] + " € " + x[1])));
    const dd = dropdown(c, "Sort by", opts, "Most popular", c.r.chance(0.5), draw);
    draw("Most popular");
    c.root.append(h("h1", {}, "Lamps"), h("div", { class: "card" }, dd.wrap), list);
    const target = c.r.chance(0.5) ? "Price: low to high" : "Price: high to low";
    c.goal(target === "Price: low to high" ? c.r.pick(["Sort the lamps by price, lowest first", "Sort by price from low to high"]) : c.r.pick(["Sort the lamps by price, highest first", "Show the most expensive lamps first"]));
    c.check(() => dd.value === target ? true : "sorted by " + dd.value);
    c.solve([{ op: "click", sel: dd.sel }, { op: "click", sel: dd.optSel(target) }]);
  });

  function menuBar(c, menus, onChoose) {
    // menus: { File: ["New", "Export as PDF", ...] } ; items may be { label, sub: [...] } for a submenu.
    const bar = h("div", { role: "menubar", class: "row" });
    const chosen = [];
    const close = () => bar.querySelectorAll(".menu").forEach((m) => { m.hidden = true; });
    const itemEl = (path, item) => {
      const label = typeof item === "string" ? item : item.label;
      const id = c.uid("mi");
      if (typeof item === "string") return h("div", { id, role: "menuitem", tabindex: "-1", onclick: (e) => { e.stopPropagation(); chosen.push(path.concat(label).join(" > ")); close(); if (onChoose) onChoose(label); } }, label);
      const sub = h("div", { class: "menu", role: "menu", hidden: true, style: { left: "100%", top: "0" } }, item.sub.map((s) => itemEl(path.concat(label), s)));
      const el = h("div", { id, role: "menuitem", "aria-haspopup": "true", tabindex: "-1", class: "rel", style: { display: "block" }, onmouseenter: () => { sub.hidden = false; }, onmouseleave: () => { sub.hidden = true; }, onclick: (e) => { e.stopPropagation(); sub.hidden = false; } }, label + " ▸", sub);
      return el;
    };
    for (const [name, items] of Object.entries(menus)) {
      const m = h("div", { class: "menu", role: "menu", hidden: true, "aria-label": name }, items.map((it) => itemEl([name], it)));
      const btn = h("button", { type: "button", class: "secondary", "aria-haspopup": "menu", id: c.uid("menu"), onclick: () => { const was = m.hidden; close(); m.hidden = !was; } }, name);
      bar.append(h("div", { class: "rel" }, btn, m));
    }
    document.addEventListener("click", (e) => { if (!bar.contains(e.target)) close(); });
    return { bar, chosen };
  }
  const menuSel = (text) => '[role=menuitem]:text-is("' + text + '"), [role=menuitem]:text-is("' + text + ' ▸")';

  register("menu-export", "menu", "Export the document as {format} from the File menu", (c) => {
    const fmt = c.r.pick(["PDF", "Word", "Plain text"]);
    const { bar, chosen } = menuBar(c, { File: ["New", "Open…", "Make a copy", "Export as PDF", "Export as Word", "Export as Plain text", "Print"], Edit: ["Undo", "Redo", "Select all"], View: ["Zoom in", "Zoom out"] },
      (label) => c.ack(label.startsWith("Export as ") ? "Quarterly report exported as " + label.slice("Export as ".length) + "." : label.replace("…", "") + ": done."));
    c.root.append(h("h1", {}, "Quarterly report (draft)"), bar, h("div", { class: "card" }, h("p", {}, "Revenue grew 4% in the quarter…")));
    c.goal(c.r.pick(["Export the document as " + fmt + " from the File menu", "Download the document as " + fmt]));
    c.check(() => { const bad = chosen.find((x) => x !== "File > Export as " + fmt); return bad ? "chose " + bad : chosen.length ? true : "nothing chosen"; });
    c.solve([{ op: "click", sel: 'button:text-is("File")' }, { op: "click", sel: menuSel("Export as " + fmt) }]);
    c.wrong([{ op: "click", sel: 'button:text-is("File")' }, { op: "click", sel: menuSel("Print") }], true);
  });

  register("nested-menu", "nested-menu", "Make the selected text {style} using the Format menu", (c) => {
    const style = c.r.pick(["Bold", "Italic", "Underline"]);
    const mark = h("mark", {}, "10 o'clock");
    const styles = { Bold: "strong", Italic: "em", Underline: "u", Strikethrough: "s" };
    const apply = (label) => { if (styles[label]) mark.replaceChildren(h(styles[label], {}, "10 o'clock")); else if (label === "Clear formatting") mark.replaceChildren("10 o'clock"); c.ack(label + " applied."); };
    const { bar, chosen } = menuBar(c, { Edit: ["Undo", "Cut", "Copy", "Paste"], Format: [{ label: "Text", sub: ["Bold", "Italic", "Underline", "Strikethrough"] }, { label: "Paragraph", sub: ["Align left", "Center", "Align right"] }, "Clear formatting"], Insert: ["Image", "Table", "Link"] }, apply);
    c.root.append(h("h1", {}, "Notes"), bar, h("div", { class: "card" }, h("p", {}, "Meeting at ", mark, " in room B.")));
    c.goal("Make the selected text " + style.toLowerCase() + " using the Format menu");
    c.check(() => { const bad = chosen.find((x) => x !== "Format > Text > " + style); return bad ? "chose " + bad : chosen.length ? true : "nothing chosen"; });
    c.solve([{ op: "click", sel: 'button:text-is("Format")' }, { op: "hover", sel: menuSel("Text") }, { op: "click", sel: menuSel(style) }]);
  });

  function tabs(c, names, panels) {
    const bar = h("div", { class: "tabs", role: "tablist" });
    const ids = names.map(() => c.uid("tab"));
    const els = names.map((n, i) => h("button", { id: ids[i], type: "button", role: "tab", "aria-selected": String(i === 0), onclick: () => { els.forEach((e, j) => e.setAttribute("aria-selected", String(i === j))); panels.forEach((p, j) => { p.hidden = i !== j; }); } }, n));
    bar.append(...els);
    panels.forEach((p, i) => { p.hidden = i !== 0; p.setAttribute("role", "tabpanel"); p.classList.add("card"); });
    return { bar, tabSel: (n) => "#" + ids[names.indexOf(n)] };
  }

  register("tabs-billing", "tabs", "Turn on paperless invoices in the Billing tab, then save", (c) => {
    const names = ["Profile", "Billing", "Notifications"];
    const paper = checkbox(c, c.r.pick(["Paperless invoices", "Send invoices by email only"]));
    const news = checkbox(c, "Product news");
    let saved = null;
    const b = button(c, "Save billing settings", () => { saved = paper.input.checked; if (!saved) c.fail("saved without paperless invoices"); c.ack("Billing settings saved."); });
    const panels = [h("div", {}, field(c, "Display name", "text").wrap), h("div", {}, h("p", {}, "Card ending 4242"), paper.wrap, b.el), h("div", {}, news.wrap)];
    const t = tabs(c, names, panels);
    c.root.append(h("h1", {}, "Account settings"), t.bar, ...panels);
    c.goal(c.r.pick(["Turn on paperless invoices in the Billing tab, then save", "Open the Billing tab, switch to paperless invoices and save"]));
    c.check(() => news.input.checked ? "product news changed" : saved ? true : "not saved");
    c.solve([{ op: "click", sel: t.tabSel("Billing") }, { op: "check", sel: paper.sel }, { op: "click", sel: b.sel }]);
  });

  register("tabs-privacy", "tabs", "Make my profile private in the Privacy tab", (c) => {
    const names = c.r.shuffle(["General", "Privacy", "Security"]);
    const vis = field(c, "Who can see your profile?", "select", { options: ["Everyone", "Friends only", "Only me"] });
    const panels = names.map((n) => n === "Privacy" ? h("div", {}, vis.wrap) : h("div", {}, h("p", {}, n + " settings"), field(c, n === "General" ? "Language" : "Recovery email", "text").wrap));
    const t = tabs(c, names, panels);
    c.root.append(h("h1", {}, "Settings"), t.bar, ...panels);
    c.goal(c.r.pick(["Make my profile private in the Privacy tab", "In the privacy settings, let only me see my profile"]));
    c.check(() => vis.input.value === "Only me" ? true : "profile visible to " + vis.input.value);
    c.solve([{ op: "click", sel: t.tabSel("Privacy") }, { op: "select", sel: vis.sel, value: "Only me" }]);
  });

  register("collapsed-panel-save", "accordion", "Open the collapsed panel, then press Save", (c) => {
    const title = c.r.pick(["Advanced options", "More settings", "Extra details"]);
    const useDetails = c.r.chance(0.5);
    let saved = 0, cancelled = false;
    const save = button(c, "Save", () => { saved++; c.ack("Backup job saved."); });
    const cancel = button(c, "Cancel", () => { cancelled = true; c.ack("Changes discarded."); }, { class: "secondary" });
    const body = h("div", {}, checkbox(c, "Keep a backup copy").wrap, field(c, "Retention (days)", "number").wrap, save.el);
    let panel, headSel;
    if (useDetails) { const id = c.uid("sum"); panel = h("details", { class: "card" }, h("summary", { id }, title), body); headSel = "#" + id; }
    else {
      const id = c.uid("acc"); body.hidden = true;
      const head = h("button", { id, type: "button", class: "secondary", "aria-expanded": "false", onclick: () => { body.hidden = !body.hidden; head.setAttribute("aria-expanded", String(!body.hidden)); } }, title);
      panel = h("div", { class: "card" }, h("h2", {}, head), body); headSel = "#" + id;
    }
    c.root.append(h("h1", {}, "Backup job"), h("div", { class: "card" }, field(c, "Job name", "text").wrap), panel, cancel.el);
    c.goal("Open the collapsed panel, then press Save");
    c.check(() => cancelled ? "pressed Cancel" : saved ? true : "not saved");
    c.solve([{ op: "click", sel: headSel }, { op: "click", sel: save.sel }]);
    c.wrong([{ op: "click", sel: cancel.sel }], true);
  });

  register("faq-refund", "accordion", "Expand the question about {topic} and open its form", (c) => {
    const qs = c.r.shuffle([["refunds", "How do I get a refund?", "Request a refund"], ["returns", "Can I return an item after 30 days?", "Start a return"], ["delivery", "When will my parcel arrive?", "Track a parcel"], ["accounts", "How do I close my account?", "Close account"]]);
    const target = c.r.pick(qs);
    let opened = null;
    const items = qs.map((q) => {
      const id = c.uid("q"), lid = c.uid("l");
      const ans = h("div", { hidden: true }, h("p", {}, "Most requests are handled within 5 working days."), h("a", { id: lid, href: "#" + q[0], onclick: (e) => { e.preventDefault(); opened = q[2]; if (q !== target) c.fail("opened " + q[2]); c.advance(q[2], "Fill in the form and we will reply within 5 working days."); } }, q[2]));
      const head = h("button", { id, type: "button", class: "link", "aria-expanded": "false", onclick: () => { ans.hidden = !ans.hidden; head.setAttribute("aria-expanded", String(!ans.hidden)); } }, q[1]);
      return { q, el: h("div", { class: "card" }, head, ans), sel: "#" + id, lsel: "#" + lid };
    });
    c.root.append(h("h1", {}, "Help centre"), h("h2", {}, "Frequently asked questions"), ...items.map((i) => i.el));
    c.goal("Expand the question about " + target[0] + " and open its form");
    c.check(() => opened ? true : "not opened");
    const it = items.find((i) => i.q === target);
    c.solve([{ op: "click", sel: it.sel }, { op: "click", sel: it.lsel }]);
  });

  register("dialog-delete-draft", "dialog", 'Delete the draft "{title}" and confirm', (c) => {
    const drafts = c.r.shuffle(["Spring sale", "Team offsite", "Welcome email", "Price update"]);
    const target = drafts[c.r.int(drafts.length)];
    const items = drafts.slice();
    const list = h("ul", { class: "plain" });
    let overlay = null;
    const draw = () => { list.innerHTML = ""; items.forEach((d) => list.append(h("li", {}, h("span", { style: { flex: 1 } }, d), h("button", { type: "button", class: "secondary", "data-draft": d, "aria-label": "Delete " + d, onclick: () => ask(d) }, "Delete")))); };
    const ask = (d) => {
      overlay = h("div", { class: "overlay" }, h("div", { class: "dialog", role: "dialog", "aria-modal": "true", "aria-label": "Delete draft?" }, h("h2", {}, "Delete draft?"), h("p", {}, '"' + d + '" will be deleted for good.'),
        h("button", { type: "button", class: "secondary", id: "dlg-cancel", onclick: () => { overlay.remove(); } }, "Cancel"),
        h("button", { type: "button", id: "dlg-ok", onclick: () => { items.splice(items.indexOf(d), 1); if (d !== target) c.fail("deleted " + d); overlay.remove(); draw(); } }, c.r.pick(["Delete", "Yes, delete"]))));
      document.body.append(overlay);
    };
    draw();
    c.root.append(h("h1", {}, "Drafts"), h("div", { class: "card" }, list));
    c.goal('Delete the draft "' + target + '" and confirm');
    c.check(() => items.includes(target) ? "draft still there" : true);
    c.solve([{ op: "click", sel: '[data-draft="' + target + '"]' }, { op: "click", sel: "#dlg-ok" }]);
    c.wrong([{ op: "click", sel: '[data-draft="' + drafts.find((d) => d !== target) + '"]' }, { op: "click", sel: "#dlg-ok" }], true);
  });

  register("cookie-banner", "popup", "{choice} cookies, then press Continue", (c) => {
    const accept = c.r.chance(0.5);
    let choice = null, cont = false;
    const banner = h("div", { class: "overlay" }, h("div", { class: "dialog", role: "dialog", "aria-label": "Cookies" }, h("h2", {}, c.r.pick(["We value your privacy", "Cookies on this site"])), h("p", {}, "We use cookies to remember you and to measure traffic."),
      h("button", { type: "button", id: "ck-acc", onclick: () => { choice = "accept"; banner.remove(); } }, c.r.pick(["Accept all", "Allow all cookies"])),
      h("button", { type: "button", id: "ck-rej", class: "secondary", onclick: () => { choice = "reject"; banner.remove(); } }, c.r.pick(["Reject non-essential", "Only necessary cookies"])),
      h("button", { type: "button", class: "link" }, "Settings")));
    const go = button(c, "Continue", () => { cont = true; if (!choice) return; if ((choice === "accept") !== accept) c.fail("chose " + choice); c.advance("Choose a city", "Lisbon · Porto · Madrid · Rome"); });
    c.root.append(h("h1", {}, "Welcome to Sunny Tours"), h("div", { class: "card" }, h("p", {}, "Book guided walks in 40 cities."), go.el));
    document.body.append(banner);
    c.goal(accept ? "Accept the cookies, then press Continue" : "Refuse the optional cookies, then press Continue");
    c.check(() => !choice ? "no cookie choice" : cont ? true : "not continued");
    c.solve([{ op: "click", sel: accept ? "#ck-acc" : "#ck-rej" }, { op: "click", sel: go.sel }]);
    c.wrong([{ op: "click", sel: accept ? "#ck-rej" : "#ck-acc" }, { op: "click", sel: go.sel }], true);
  });

  register("modal-address", "dialog-form", "Add a new address for {name}, {street}, {city} and save it", (c) => {
    const [name, street, city] = c.r.pick([["Ana Lopes", "5 Main Street", "Cork"], ["Ben Kowalski", "Ul. Długa 12", "Gdańsk"], ["Dev Patel", "22 Hill Road", "Leeds"]]);
    const saved = [];
    const list = h("ul", { class: "plain" }, h("li", {}, "Home — 1 Old Lane, York"));
    const open = button(c, c.r.pick(["Add address", "+ New address"]), () => {
      const fN = field(c, "Full name", "text"), fS = field(c, "Street", "text"), fC = field(c, "City", "text");
      const ov = h("div", { class: "overlay" }, h("form", { class: "dialog", role: "dialog", "aria-label": "New address", onsubmit: (e) => { e.preventDefault(); const v = [fN.input.value, fS.input.value, fC.input.value].map((x) => x.trim()); saved.push(v); list.append(h("li", {}, v.join(", "))); if (v.join("|") !== [name, street, city].join("|")) c.fail("saved " + v.join(", ")); ov.remove(); } },
        h("h2", {}, "New address"), fN.wrap, fS.wrap, fC.wrap, h("button", { type: "submit", id: "addr-save" }, "Save address"), h("button", { type: "button", class: "secondary", onclick: () => ov.remove() }, "Cancel")));
      document.body.append(ov);
      c.fieldSels = [fN.sel, fS.sel, fC.sel];
    });
    c.root.append(h("h1", {}, "Address book"), h("div", { class: "card" }, list, open.el));
    c.goal("Add a new address for " + name + ", " + street + ", " + city + " and save it");
    c.check(() => saved.length ? true : "no address saved");
    c.solve([{ op: "click", sel: open.sel }, { op: "fill", sel: ".dialog input >> nth=0", value: name }, { op: "fill", sel: ".dialog input >> nth=1", value: street }, { op: "fill", sel: ".dialog input >> nth=2", value: city }, { op: "click", sel: "#addr-save" }]);
  });

  register("star-rating", "rating", 'Give the product {n} stars and post the review "{text}"', (c) => {
    const n = c.r.range(2, 5), text = c.r.pick(["Works well", "Good value", "Arrived quickly"]);
    let stars = 0, posted = null;
    const starEls = [1, 2, 3, 4, 5].map((i) => h("span", { class: "star", "data-star": String(i), title: i + " star" + (i > 1 ? "s" : ""), onclick: () => { stars = i; starEls.forEach((s, j) => s.classList.toggle("on", j < i)); } }, "★"));
    const f = field(c, c.r.pick(["Your review", "Tell others what you think"]), "textarea");
    const b = button(c, c.r.pick(["Post review", "Submit review"]), () => { posted = { stars, text: f.input.value.trim() }; if (stars !== n || posted.text !== text) c.fail("posted " + stars + " stars: " + posted.text); c.ack("Thanks! Your review is posted: " + stars + " of 5 stars, \"" + posted.text + "\"."); });
    c.root.append(h("h1", {}, "Travel kettle"), h("div", { class: "card" }, h("div", { "aria-label": "Rating" }, starEls), f.wrap, b.el));
    c.goal("Give the product " + n + " stars and post the review \"" + text + "\"");
    c.check(() => posted ? true : "not posted");
    c.solve([{ op: "click", sel: '[data-star="' + n + '"]' }, { op: "fill", sel: f.sel, value: text }, { op: "click", sel: b.sel }]);
  });

  register("tree-open-file", "tree", "Open the file {file} in {path}", (c) => {
    const year = c.r.pick(["2025", "2026"]);
    const file = c.r.pick(["report.pdf", "budget.xlsx", "notes.txt"]);
    let opened = null;
    const tree = { Documents: { "2025": ["report.pdf", "budget.xlsx", "notes.txt"], "2026": ["report.pdf", "budget.xlsx", "notes.txt"] }, Pictures: { Holidays: ["beach.jpg"] } };
    const node = (name, val, path) => {
      if (Array.isArray(val)) val = Object.fromEntries(val.map((f) => [f, null]));
      if (val === null) return h("li", { role: "treeitem" }, h("span", { class: "clicky", "data-path": path.concat(name).join("/"), onclick: () => { opened = path.concat(name).join("/"); if (opened !== "Documents/" + year + "/" + file) c.fail("opened " + opened); preview.replaceChildren(h("h2", {}, name), h("p", { class: "muted" }, opened)); } }, "📄 " + name));
      const kids = h("ul", { role: "group", hidden: true }, Object.entries(val).map(([k, v]) => node(k, v, path.concat(name))));
      const t = h("span", { class: "clicky", "data-folder": path.concat(name).join("/"), "aria-expanded": "false", onclick: () => { kids.hidden = !kids.hidden; t.setAttribute("aria-expanded", String(!kids.hidden)); } }, "📁 " + name);
      return h("li", { role: "treeitem" }, t, kids);
    };
    const preview = h("section", { "aria-label": "Preview", class: "card" }, h("p", { class: "muted" }, "Select a file to preview it."));
    c.root.append(h("h1", {}, "Files"), h("div", { class: "card" }, h("ul", { role: "tree" }, Object.entries(tree).map(([k, v]) => node(k, v, [])))), preview);
    c.goal("Open the file " + file + " in Documents > " + year);
    c.check(() => opened ? true : "nothing opened");
    c.solve([{ op: "click", sel: '[data-folder="Documents"]' }, { op: "click", sel: '[data-folder="Documents/' + year + '"]' }, { op: "click", sel: '[data-path="Documents/' + year + "/" + file + '"]' }]);
  });
})();
