// Small apps: todo lists, an inbox, a social feed, a cart, boards with drag and drop, tags and search.
(function () {
  "use strict";
  const { register, h, field, button } = window.Gym;
  const CHORES = ["water the plants", "old shoes", "buy milk", "book dentist", "pay rent", "call mum", "fix the bike", "return library books"];

  /** A todo list: a text box (Enter adds), items with a checkbox and a delete button shown on hover, filters. */
  function todoApp(c, opts) {
    const items = c.r.sample(CHORES.filter((x) => x !== opts.exclude), opts.count || 4).map((t, i) => ({ t, done: !!(opts.doneAt && opts.doneAt.includes(i)), id: i }));
    if (opts.insert) items.splice(opts.insert.at, 0, { t: opts.insert.t, done: false, id: 50 });
    let filter = "all", nextId = 100;
    const labels = c.r.pick([["All", "Active", "Completed"], ["All", "To do", "Done"], ["Everything", "Open", "Finished"]]);
    const input = h("input", { id: "new-todo", placeholder: c.r.pick(["What needs to be done?", "Add a task…", "New item"]), "aria-label": "New task", autocomplete: "off" });
    input.addEventListener("keydown", (e) => { if (e.key === "Enter" && input.value.trim()) { items.push({ t: input.value.trim(), done: false, id: nextId++ }); input.value = ""; draw(); } });
    const list = h("ul", { class: "plain", "aria-label": "Tasks" });
    const nav = h("div", { class: "row" });
    const draw = () => {
      list.innerHTML = "";
      items.filter((x) => filter === "all" || (filter === "done") === x.done).forEach((x) => {
        const cb = h("input", { type: "checkbox", id: "todo-" + x.id, checked: x.done, onchange: () => { x.done = cb.checked; draw(); } });
        list.append(h("li", { "data-item": x.t }, cb, h("label", { for: "todo-" + x.id, class: x.done ? "done-text" : "", style: { flex: 1, margin: 0, fontWeight: "normal" } }, x.t),
          h("button", { type: "button", class: "hover-only secondary", "aria-label": "Delete", title: "Delete", "data-del": x.t, onclick: () => { items.splice(items.indexOf(x), 1); draw(); } }, "×")));
      });
      nav.innerHTML = "";
      [["all", labels[0]], ["active", labels[1]], ["done", labels[2]]].forEach(([k, l]) => nav.append(h("a", { href: "#/" + k, "data-filter": k, "aria-current": filter === k ? "page" : null, onclick: (e) => { e.preventDefault(); filter = k; draw(); } }, l)));
      nav.append(h("span", { class: "muted" }, items.filter((x) => !x.done).length + " left"));
    };
    const addBtn = opts.button ? h("button", { type: "button", id: "add-todo", onclick: () => { if (input.value.trim()) { items.push({ t: input.value.trim(), done: false, id: nextId++ }); input.value = ""; draw(); } } }, "Add") : null;
    draw();
    c.root.append(h("h1", {}, c.r.pick(["My list", "Todos", "Things to do"])), h("div", { class: "card" }, h("div", { class: "row" }, input, addBtn), list, nav));
    return { items, get filter() { return filter; }, before: items.map((x) => x.t + ":" + x.done).join() };
  }

  register("todo-add", "todo", 'Put "{item}" on my list', (c) => {
    const item = c.seed === 1 ? "call the bank" : c.r.pick(["renew passport", "buy stamps", "call the bank"]);
    const app = todoApp(c, { button: c.r.chance(0.5) });
    c.goal(c.seed === 1 ? 'Put "' + item + '" on my list' : c.r.pick(['Put "' + item + '" on my list', 'Add "' + item + '" to the list']));
    c.check(() => { const n = app.items.filter((x) => x.t.toLowerCase() === item).length; return n === 1 ? (app.items.length === 5 ? true : "other items changed") : n > 1 ? "added twice" : "not on the list"; });
    c.solve([{ op: "fill", sel: "#new-todo", value: item }, { op: "press", sel: "#new-todo", key: "Enter" }]);
  });

  register("todo-tick-nth", "todo", "Tick off the {nth} task", (c) => {
    const nth = c.seed === 1 ? ["second", 1] : c.r.pick([["first", 0], ["second", 1], ["third", 2], ["last", 3]]);
    const app = todoApp(c, { count: 4 });
    const target = app.items[nth[1]];
    c.goal("Tick off the " + nth[0] + " task");
    c.check(() => { const wrong = app.items.find((x) => x.done && x !== target); return wrong ? "ticked " + wrong.t : target.done ? true : "not ticked"; });
    c.solve([{ op: "check", sel: "#todo-" + target.id }]);
    c.wrong([{ op: "check", sel: "#todo-" + app.items[(nth[1] + 1) % 4].id }]);
  });

  register("todo-remove", "todo", 'Remove the item "{item}"', (c) => {
    const target = c.seed === 1 ? "old shoes" : c.r.pick(["fix the bike", "buy milk", "old shoes"]);
    const app = todoApp(c, { count: 4, exclude: target, insert: { t: target, at: c.r.int(4) } });
    const all = app.items.slice();
    c.goal(c.seed === 1 ? 'Remove the item "' + target + '"' : c.r.pick(['Remove the item "' + target + '"', 'Delete "' + target + '" from my list']));
    c.check(() => { const gone = all.filter((x) => !app.items.includes(x)); return gone.some((x) => x.t !== target) ? "removed another item" : gone.length ? true : "still there"; });
    c.solve([{ op: "hover", sel: '[data-item="' + target + '"]' }, { op: "click", sel: '[data-del="' + target + '"]' }]);
    const other = all.find((x) => x.t !== target).t;
    c.wrong([{ op: "hover", sel: '[data-item="' + other + '"]' }, { op: "click", sel: '[data-del="' + other + '"]' }, { op: "hover", sel: '[data-item="' + target + '"]' }, { op: "click", sel: '[data-del="' + target + '"]' }], true);
  });

  register("todo-filter-done", "todo-filter", "Only show the tasks I have finished", (c) => {
    const active = c.seed !== 1 && c.r.chance(0.4);
    const app = todoApp(c, { count: 5, doneAt: [1, 3] });
    const before = app.before;
    const want = active ? "active" : "done";
    c.goal(active ? c.r.pick(["Only show the tasks I still have to do", "Hide the finished tasks"]) : c.seed === 1 ? "Only show the tasks I have finished" : c.r.pick(["Only show the tasks I have finished", "Show only completed items"]));
    c.check(() => app.items.map((x) => x.t + ":" + x.done).join() !== before ? "the tasks changed" : app.filter === want ? true : "filter is " + app.filter);
    c.solve([{ op: "click", sel: '[data-filter="' + want + '"]' }]);
  });

  register("todo-complete-all", "todo", "Mark every task as done", (c) => {
    const app = todoApp(c, { count: 4, doneAt: [c.r.int(4)] });
    c.goal(c.r.pick(["Mark every task as done", "Tick off all the tasks"]));
    c.check(() => app.items.length !== 4 ? "a task was removed" : app.items.every((x) => x.done) ? true : app.items.filter((x) => !x.done).length + " still open");
    c.solve(app.items.filter((x) => !x.done).map((x) => ({ op: "check", sel: "#todo-" + x.id })));
  });

  function inbox(c, mails, onOpen) {
    const list = h("ul", { class: "plain", "aria-label": "Messages" });
    const view = h("section", { class: "card", "aria-label": "Message", hidden: true });
    const draw = () => {
      list.innerHTML = "";
      mails.filter((m) => !m.archived).forEach((m) => list.append(h("li", { class: "mail" + (m.read ? "" : " unread"), "data-mail": m.id },
        h("input", { type: "checkbox", "aria-label": "Select message from " + m.from, "data-pick": m.id, onchange: (e) => { m.picked = e.target.checked; } }),
        h("span", { class: "clicky", style: { flex: 1 }, "data-open": m.id, onclick: () => { m.read = true; view.hidden = false; view.replaceChildren(h("h2", {}, m.subject), h("p", { class: "muted" }, "From " + m.from + " · " + m.date), h("p", {}, m.body || ""), ...(onOpen(m) || [])); draw(); } }, h("strong", {}, m.from), " — " + m.subject),
        h("span", { class: "muted" }, m.date),
        h("button", { type: "button", class: "hover-only secondary", "aria-label": "Archive", title: "Archive", "data-archive": m.id, onclick: () => { m.archived = true; draw(); } }, "🗄"))));
    };
    draw();
    return { list, view, draw };
  }

  register("inbox-latest-invoice", "inbox", "Get the latest invoice as a PDF", (c) => {
    const months = c.r.shuffle([1, 2, 3, 4]);
    const latest = Math.max(...months);
    const mails = months.map((m, i) => ({ id: "m" + i, from: c.r.pick(["Billing", "Acme Cloud", "Accounts"]), subject: "Your invoice for " + window.Gym.MONTHS[m - 1] + " 2027", date: "2027-0" + (m + 1) + "-02", month: m, read: true }))
      .concat([{ id: "x1", from: "Ana", subject: "Lunch on Friday?", date: "2027-05-30", read: false }, { id: "x2", from: "Acme Cloud", subject: "Invoice payment reminder", date: "2027-05-28", read: false, body: "Please pay your invoice soon." }]);
    const sorted = c.r.chance(0.5) ? mails.sort((a, b) => b.date.localeCompare(a.date)) : mails;
    let got = null;
    const ui = inbox(c, sorted, (m) => m.month ? [h("p", {}, "Attachments:"), h("button", { type: "button", class: "secondary", "data-pdf": m.id, onclick: () => { got = m; if (m.month !== latest) c.fail("downloaded the " + window.Gym.MONTHS[m.month - 1] + " invoice"); c.ack("Downloading invoice-2027-0" + m.month + ".pdf…"); } }, "⤓ invoice-2027-0" + m.month + ".pdf"), h("button", { type: "button", class: "link" }, "View online")] : []);
    c.root.append(h("h1", {}, "Inbox"), h("div", { class: "card" }, ui.list), ui.view);
    c.goal(c.seed === 1 ? "Get the latest invoice as a PDF" : c.r.pick(["Get the latest invoice as a PDF", "Download the most recent invoice PDF"]));
    c.check(() => got ? true : "no PDF downloaded");
    const id = mails.find((m) => m.month === latest).id;
    c.solve([{ op: "click", sel: '[data-open="' + id + '"]' }, { op: "click", sel: '[data-pdf="' + id + '"]' }]);
    const wid = mails.find((m) => m.month && m.month !== latest).id;
    c.wrong([{ op: "click", sel: '[data-open="' + wid + '"]' }, { op: "click", sel: '[data-pdf="' + wid + '"]' }], true);
  });

  register("inbox-archive", "inbox", "Archive the email from {from} about {topic}", (c) => {
    const mails = c.r.shuffle([["Maria", "Team meeting moved to 3 pm", "meeting"], ["Maria", "Photos from the trip", "photos"], ["Tom", "Meeting notes", "notes"], ["Newsletter", "Ten deals this week", "deals"]]).map((x, i) => ({ id: "m" + i, from: x[0], subject: x[1], topic: x[2], date: "2027-05-" + (10 + i), read: i > 1 }));
    const target = c.r.pick(mails.filter((m) => m.from === "Maria"));
    const ui = inbox(c, mails, () => [h("button", { type: "button", onclick: () => {} }, "Reply")]);
    c.root.append(h("h1", {}, "Inbox"), h("div", { class: "card" }, ui.list), ui.view);
    c.goal("Archive the email from Maria about the " + target.topic);
    c.check(() => { const bad = mails.find((m) => m.archived && m !== target); return bad ? "archived " + bad.subject : target.archived ? true : "not archived"; });
    c.solve([{ op: "hover", sel: '[data-mail="' + target.id + '"]' }, { op: "click", sel: '[data-archive="' + target.id + '"]' }]);
  });

  register("inbox-mark-read", "inbox", "Mark all the messages from {from} as read", (c) => {
    const from = c.r.pick(["Billing", "GitHub", "Calendar"]);
    const mails = c.r.shuffle([from, from, from, "Ana", "Tom", "Shop"]).map((f, i) => ({ id: "m" + i, from: f, subject: f === from ? "Update #" + (i + 1) : "Hello from " + f, date: "2027-05-" + (20 - i), read: false }));
    const bar = h("div", { class: "row" }, h("button", { type: "button", id: "mark-read", onclick: () => { mails.filter((m) => m.picked).forEach((m) => { m.read = true; }); ui.draw(); } }, "Mark as read"), h("button", { type: "button", class: "secondary", onclick: () => { mails.filter((m) => m.picked).forEach((m) => { m.archived = true; }); ui.draw(); } }, "Archive"));
    const ui = inbox(c, mails, () => []);
    c.root.append(h("h1", {}, "Inbox"), bar, h("div", { class: "card" }, ui.list), ui.view);
    c.goal("Mark all the messages from " + from + " as read");
    c.check(() => mails.some((m) => m.archived) ? "archived a message" : mails.some((m) => m.from !== from && m.read) ? "marked another sender's message" : mails.filter((m) => m.from === from).every((m) => m.read) ? true : "some still unread");
    c.solve(mails.filter((m) => m.from === from).map((m) => ({ op: "check", sel: '[data-pick="' + m.id + '"]' })).concat([{ op: "click", sel: "#mark-read" }]));
  });

  function feed(c, posts) {
    return h("div", { "aria-label": "Feed" }, posts.map((p) => h("article", { class: "post", "data-post": p.id },
      h("div", {}, h("strong", {}, p.name), " ", h("span", { class: "muted" }, "@" + p.user + " · " + p.ago)),
      p.photo ? h("div", { class: "photo", role: "img", "aria-label": "Photo: " + p.photo }, p.photo) : h("p", {}, p.text),
      h("div", { class: "row" },
        h("button", { type: "button", class: "secondary", "aria-label": "Like", "aria-pressed": "false", "data-like": p.id, onclick: (e) => { p.liked = !p.liked; e.currentTarget.setAttribute("aria-pressed", String(p.liked)); e.currentTarget.textContent = p.liked ? "♥ Liked" : "♡ Like"; } }, "♡ Like"),
        h("button", { type: "button", class: "secondary", "data-reply": p.id, onclick: () => { const f = h("input", { "aria-label": "Write a reply", "data-replybox": p.id }); const s = h("button", { type: "button", "data-send": p.id, onclick: () => { p.replies.push(f.value.trim()); f.replaceWith(h("p", {}, "You: " + f.value)); s.remove(); } }, "Reply"); e0(p).append(f, s); } }, "Reply"),
        h("button", { type: "button", class: "link" }, "Share")))));
  }
  const e0 = (p) => document.querySelector('[data-post="' + p.id + '"]');
  const mkPosts = (c, n) => Array.from({ length: n }, (_, i) => { const u = c.r.pick([["ana", "Ana Ruiz"], ["ben", "Ben Ode"], ["cy", "Cy Park"], ["anabel", "Anabel K"], ["dora", "Dora V"]]); return { id: "p" + i, user: u[0], name: u[1], ago: (i + 1) + "h", photo: c.r.chance(0.6) ? c.r.pick(["sunset", "cat", "mountain", "coffee", "beach"]) : null, text: c.r.pick(["Busy day!", "Who is going to the match?", "New blog post is up."]), replies: [], liked: false }; });

  register("feed-like-photos", "social-feed", "Like every photo posted by @{user}, then press Done", (c) => {
    const posts = mkPosts(c, 8);
    const user = "ana";
    if (!posts.some((p) => p.user === user && p.photo)) Object.assign(posts[2], { user: "ana", name: "Ana Ruiz", photo: "lake" });
    if (!posts.some((p) => p.user === user && !p.photo)) Object.assign(posts[5], { user: "ana", name: "Ana Ruiz", photo: null });
    let finished = false;
    const done = button(c, "Done", () => { finished = true; c.advance("Home", "You liked " + posts.filter((p) => p.liked).length + " posts."); });
    c.root.append(h("h1", {}, "Home"), feed(c, posts), done.el);
    c.goal("Like every photo posted by @" + user + ", then press Done");
    const want = (p) => p.user === user && !!p.photo;
    c.check(() => { const bad = posts.find((p) => p.liked !== want(p)); return bad ? (bad.liked ? "liked a post it should not (" + bad.id + ")" : "missed " + bad.id) : finished ? true : "Done not pressed"; });
    c.solve(posts.filter(want).map((p) => ({ op: "click", sel: '[data-like="' + p.id + '"]' })).concat([{ op: "click", sel: done.sel }]));
    c.wrong(posts.filter((p) => p.user === user).map((p) => ({ op: "click", sel: '[data-like="' + p.id + '"]' })).concat([{ op: "click", sel: done.sel }]));
  });

  register("feed-reply", "social-feed", 'Reply "{text}" to the post by @{user}', (c) => {
    const posts = mkPosts(c, 5);
    const target = posts[1 + c.r.int(4)];
    posts.forEach((p) => { if (p !== target && p.user === target.user) p.user = "dora"; });
    const text = c.r.pick(["congrats!", "looks great", "see you there"]);
    c.root.append(h("h1", {}, "Home"), feed(c, posts));
    c.goal('Reply "' + text + '" to the post by @' + target.user);
    c.check(() => { const bad = posts.find((p) => p !== target && p.replies.length); return bad ? "replied to " + bad.id : target.replies.includes(text) ? true : "no reply"; });
    c.solve([{ op: "click", sel: '[data-reply="' + target.id + '"]' }, { op: "fill", sel: '[data-replybox="' + target.id + '"]', value: text }, { op: "click", sel: '[data-send="' + target.id + '"]' }]);
  });

  register("follow-suggestion", "social-feed", "Follow @{user}", (c) => {
    const people = c.r.shuffle([["ben", "Ben Ode"], ["benji", "Benji Lu"], ["cy", "Cy Park"], ["dora", "Dora V"], ["eli", "Eli Moss"]]);
    const target = c.r.pick(people);
    const followed = new Set();
    c.root.append(h("h1", {}, "Who to follow"), h("ul", { class: "plain" }, people.map((p) => h("li", {}, h("span", { style: { flex: 1 } }, h("strong", {}, p[1]), " @" + p[0]), h("button", { type: "button", "data-follow": p[0], onclick: (e) => { followed.add(p[0]); e.target.textContent = "Following"; if (p !== target) c.fail("followed @" + p[0]); } }, "Follow")))));
    c.goal("Follow @" + target[0]);
    c.check(() => followed.has(target[0]) ? true : "not following");
    c.solve([{ op: "click", sel: '[data-follow="' + target[0] + '"]' }]);
  });

  register("cart-remove", "cart", "Remove the {item} from the cart", (c) => {
    const items = c.r.shuffle(["mug", "tea towel", "notebook", "candle"]);
    const target = c.r.pick(items);
    const left = items.slice();
    const list = h("ul", { class: "plain" });
    const draw = () => { list.innerHTML = ""; left.forEach((x) => list.append(h("li", {}, h("span", { style: { flex: 1 } }, x[0].toUpperCase() + x.slice(1)), h("span", {}, "€ 12.00"), h("span", { class: "clicky", "data-remove": x, onclick: () => { left.splice(left.indexOf(x), 1); if (x !== target) c.fail("removed " + x); draw(); } }, "Remove")))); };
    draw();
    c.root.append(h("h1", {}, "Shopping cart"), list, h("button", { type: "button" }, "Checkout"));
    c.goal("Remove the " + target + " from the cart");
    c.check(() => left.includes(target) ? "still in the cart" : true);
    c.solve([{ op: "click", sel: '[data-remove="' + target + '"]' }]);
  });

  register("search-open-result", "search", 'Search for "{q}" and open the first result', (c) => {
    const q = c.r.pick(["wireless mouse", "usb cable", "desk lamp"]);
    const f = field(c, "Search", "search", { labelStyle: c.r.pick(["aria", "placeholder"]) });
    const results = h("ol", {});
    let opened = null, searched = null;
    const run = () => { searched = f.input.value.trim(); results.innerHTML = ""; ["Pro", "Basic", "Travel"].forEach((k, i) => results.append(h("li", {}, h("a", { href: "#r" + i, "data-result": String(i), onclick: (e) => { e.preventDefault(); opened = i; if (i !== 0 || searched.toLowerCase() !== q) c.fail("opened result " + (i + 1) + " for " + searched); c.advance(k + " " + searched, "€ " + (19 + i * 7) + ".90 · in stock"); } }, k + " " + searched)))); };
    const form = h("form", { role: "search", onsubmit: (e) => { e.preventDefault(); run(); } }, f.wrap, c.r.chance(0.5) ? h("button", { type: "submit", id: "go" }, "Search") : null);
    c.root.append(h("h1", {}, "Shop"), form, results);
    c.goal('Search for "' + q + '" and open the first result');
    c.check(() => opened !== null ? true : searched ? "searched, nothing opened" : "no search");
    c.solve([{ op: "fill", sel: f.sel, value: q }, { op: "press", sel: f.sel, key: "Enter" }, { op: "click", sel: '[data-result="0"]' }]);
  });

  register("tags-input", "tags-input", "Add the tags {a} and {b}", (c) => {
    const [a, b] = c.r.sample(["urgent", "design", "backend", "q3", "customer"], 2);
    const tags = [];
    const pills = h("span", {});
    const f = field(c, c.r.pick(["Tags", "Labels"]), "text", { placeholder: "Type and press Enter" });
    f.input.addEventListener("keydown", (e) => { if ((e.key === "Enter" || e.key === ",") && f.input.value.trim()) { e.preventDefault(); tags.push(f.input.value.trim().replace(/,$/, "")); f.input.value = ""; pills.replaceChildren(...tags.map((t) => h("span", { class: "pill" }, t))); } });
    c.root.append(h("h1", {}, "Issue #" + (200 + c.seed) + ": Login page is slow"), h("div", { class: "card" }, pills, f.wrap));
    c.goal("Add the tags " + a + " and " + b);
    c.check(() => tags.slice().sort().join() === [a, b].sort().join() ? true : "tags are [" + tags.join(", ") + "]");
    c.solve([{ op: "fill", sel: f.sel, value: a }, { op: "press", sel: f.sel, key: "Enter" }, { op: "fill", sel: f.sel, value: b }, { op: "press", sel: f.sel, key: "Enter" }]);
  });
})();
