// Forms: single boxes, contact and address forms, logins, newsletters, selects, radios, checkboxes, switches, a wizard.
(function () {
  "use strict";
  const { register, h, field, button, checkbox } = window.Gym;
  const PEOPLE = [["Ana Lopes", "ana@example.net"], ["Ben Kowalski", "ben.k@example.org"], ["Chloé Martin", "chloe.m@example.com"], ["Dev Patel", "dev@example.io"]];
  const norm = (s) => String(s || "").trim().replace(/\s+/g, " ").toLowerCase();

  register("type-and-submit", "form-single", 'Type "{word}" in the box and submit', (c) => {
    const word = c.seed === 1 ? "hello" : c.r.pick(["good morning", "thanks a lot", "see you soon", "hello"]);
    const label = c.r.pick(["Message", "Say something", "Your note"]);
    const f = field(c, label, "text", { labelStyle: c.r.pick(["for", "placeholder", "aria"]) });
    const sendText = c.r.pick(["Send", "Submit", "Post"]);
    let sent = null;
    const out = h("p", { class: "status", role: "status" });
    const form = h("form", { onsubmit: (e) => { e.preventDefault(); sent = f.input.value; out.textContent = "Sent: " + sent; if (norm(sent) !== norm(word)) c.fail("sent \"" + sent + "\""); } },
      f.wrap, h("button", { id: "send", type: "submit" }, sendText), h("button", { type: "reset", class: "secondary" }, "Clear"));
    c.root.append(h("h1", {}, c.r.pick(["Quick note", "Guest book", "Feedback"])), h("div", { class: "card" }, form, out));
    c.goal('Type "' + word + '" in the box and submit');
    c.check(() => sent === null ? "not sent" : true);
    c.solve([{ op: "fill", sel: f.sel, value: word }, { op: "click", sel: "#send" }]);
    c.wrong([{ op: "fill", sel: f.sel, value: "nonsense" }, { op: "click", sel: "#send" }], true);
  });

  register("contact-form", "form-contact", "Fill in the contact form as {name}, {email} with the message \"{text}\" and send it", (c) => {
    const [name, email] = c.r.pick(PEOPLE);
    const text = c.r.pick(["Where is my order?", "Please call me back", "Can I change my delivery address?"]);
    const fName = field(c, c.r.pick(["Name", "Full name", "Your name"]), "text");
    const fMail = field(c, c.r.pick(["Email", "E-mail address", "Your email"]), "email");
    const fPhone = field(c, "Phone (optional)", "tel");
    const fSubject = field(c, "Topic", "select", { options: ["General question", "Orders", "Returns", "Press"] });
    const fMsg = field(c, c.r.pick(["Message", "How can we help?", "Your question"]), "textarea");
    const parts = c.r.shuffle([fName, fMail, fPhone]).map((f) => f.wrap);
    let sent = null;
    const b = button(c, c.r.pick(["Send", "Send message", "Submit"]), () => {
      sent = { name: fName.input.value, email: fMail.input.value, text: fMsg.input.value };
      if (norm(sent.name) !== norm(name) || norm(sent.email) !== norm(email) || norm(sent.text) !== norm(text)) c.fail("sent " + JSON.stringify(sent));
      b.el.disabled = true; b.el.textContent = "Sent";
    });
    c.root.append(h("h1", {}, "Contact us"), h("div", { class: "card" }, parts, fSubject.wrap, fMsg.wrap, b.el));
    c.goal("Fill in the contact form as " + name + ", " + email + ' with the message "' + text + '" and send it');
    c.check(() => sent ? true : "not sent");
    c.solve([{ op: "fill", sel: fName.sel, value: name }, { op: "fill", sel: fMail.sel, value: email }, { op: "fill", sel: fMsg.sel, value: text }, { op: "click", sel: b.sel }]);
    c.wrong([{ op: "fill", sel: fName.sel, value: name }, { op: "click", sel: b.sel }], true);
  });

  register("shipping-address", "form-address", "Enter the shipping address {street}, {city}, {zip}, {country} and continue", (c) => {
    const a = c.r.pick([["12 Rua Augusta", "Lisbon", "1100-048", "Portugal"], ["5 Main Street", "Cork", "T12 X70A", "Ireland"], ["Karl Johans gate 7", "Oslo", "0154", "Norway"]]);
    const fStreet = field(c, c.r.pick(["Street", "Address line 1", "Street and number"]), "text");
    const fLine2 = field(c, "Address line 2 (optional)", "text");
    const fCity = field(c, c.r.pick(["City", "Town / City"]), "text");
    const fZip = field(c, c.r.pick(["Postcode", "ZIP / Postal code", "Postal code"]), "text");
    const fCountry = field(c, "Country", "select", { options: ["Select a country", "France", "Ireland", "Norway", "Portugal", "Spain"], placeholder: "Select a country" });
    let saved = null;
    const b = button(c, c.r.pick(["Continue", "Continue to payment", "Next"]), () => {
      saved = [fStreet.input.value, fCity.input.value, fZip.input.value, fCountry.input.value].map(norm);
      if (saved.join("|") !== a.map(norm).join("|")) c.fail("saved " + saved.join(", "));
      c.advance("Payment", "Shipping to " + [fStreet.input.value, fCity.input.value, fZip.input.value, fCountry.input.value].filter(Boolean).join(", ") + ".", "Card details come next.");
    });
    c.root.append(h("h1", {}, "Checkout"), h("h2", {}, "Shipping address"), h("div", { class: "card" }, fStreet.wrap, fLine2.wrap, fCity.wrap, fZip.wrap, fCountry.wrap, b.el));
    c.goal("Enter the shipping address " + a.join(", ") + " and continue");
    c.check(() => saved ? true : "not continued");
    c.solve([{ op: "fill", sel: fStreet.sel, value: a[0] }, { op: "fill", sel: fCity.sel, value: a[1] }, { op: "fill", sel: fZip.sel, value: a[2] }, { op: "select", sel: fCountry.sel, value: a[3] }, { op: "click", sel: b.sel }]);
  });

  function loginTask(c, user, secret, userLabels, secretLabels, goal) {
    const fUser = field(c, c.r.pick(userLabels), "text");
    const fSecret = field(c, c.r.pick(secretLabels), "password");
    const remember = checkbox(c, "Keep me signed in");
    const out = h("p", { class: "status", role: "alert" });
    let ok = false;
    const submit = h("button", { id: "login", type: "submit" }, c.r.pick(["Log in", "Sign in", "Continue"]));
    const form = h("form", { onsubmit: (e) => {
      e.preventDefault();
      ok = fUser.input.value.trim() === user && fSecret.input.value === secret;
      if (ok) { form.replaceWith(h("div", {}, h("h2", {}, "Welcome back, " + user), h("p", {}, "You are signed in."))); }
      else out.textContent = "That did not match our records. Try again.";
    } }, fUser.wrap, fSecret.wrap, remember.wrap, submit, out, h("p", {}, h("a", { href: "#forgot" }, "Forgot your " + fSecret.wrap.textContent.toLowerCase() + "?"), " · ", h("a", { href: "#join" }, "Create an account")));
    c.root.append(h("h1", {}, c.r.pick(["Member area", "Staff portal", "Account"])), h("div", { class: "card" }, form));
    c.goal(goal);
    c.check(() => ok ? true : "not signed in");
    c.solve([{ op: "fill", sel: fUser.sel, value: user }, { op: "fill", sel: fSecret.sel, value: secret }, { op: "click", sel: "#login" }]);
    c.wrong([{ op: "fill", sel: fUser.sel, value: user }, { op: "fill", sel: fSecret.sel, value: "wrong" }, { op: "click", sel: "#login" }]);
  }

  register("login-access-code", "login", 'Log in as "{user}" with access code "{code}"', (c) => {
    const user = c.seed === 1 ? "j.doe" : c.r.pick(["m.rossi", "k.tanaka", "j.doe"]);
    const code = c.seed === 1 ? "rose77" : c.r.pick(["tulip42", "oak-19", "rose77"]);
    loginTask(c, user, code, ["Username", "Member ID", "User name"], ["Access code", "Passcode", "Access key"], 'Log in as "' + user + '" with access code "' + code + '"');
  });

  register("login-email", "login", 'Sign in with {email} and password "{password}"', (c) => {
    const email = c.r.pick(PEOPLE)[1];
    const pw = c.r.pick(["Blue-Fish-9", "Sunny!Day42", "correct horse"]);
    loginTask(c, email, pw, ["Email", "Email address", "Your e-mail"], ["Password", "Your password"], "Sign in with " + email + ' and password "' + pw + '"');
  });

  function newsletter(c, goalFn, withFrequency) {
    const email = c.seed === 1 ? "ana@example.net" : c.r.pick(PEOPLE)[1];
    const freq = c.seed === 1 ? "monthly" : c.r.pick(["monthly", "weekly"]);
    const consentText = c.r.pick(["I agree to the rules", "I accept the terms and the privacy policy", "I have read the rules and agree to them"]);
    const fMail = field(c, c.r.pick(["Email", "Your email address", "E-mail"]), "email");
    const radios = withFrequency ? c.r.shuffle(["Daily", "Weekly", "Monthly"]).map((f) => { const id = c.uid("r"); return { f, id, el: h("label", { class: "inline" }, h("input", { type: "radio", name: "freq", id, value: f }), f + " digest") }; }) : [];
    const consent = checkbox(c, consentText);
    const out = h("p", { class: "status", role: "status" });
    let subscribed = null;
    const b = button(c, c.r.pick(["Subscribe", "Sign me up", "Join"]), () => {
      const chosen = radios.find((r) => document.getElementById(r.id).checked);
      if (!consent.input.checked) { out.textContent = "Please accept the rules to subscribe."; return; }
      if (!fMail.input.value.includes("@")) { out.textContent = "Enter a valid email address."; return; }
      subscribed = { email: fMail.input.value.trim(), freq: chosen ? chosen.f.toLowerCase() : "weekly" };
      out.textContent = "Thanks! Check your inbox.";
      if (subscribed.email !== email || (withFrequency && subscribed.freq !== freq)) c.fail("subscribed " + JSON.stringify(subscribed));
    });
    c.root.append(h("h1", {}, "The Daily Brew"), h("p", {}, "Stories about coffee, tea and the people who grow them."),
      h("div", { class: "card" }, h("h2", {}, "Newsletter"), fMail.wrap, withFrequency ? h("fieldset", {}, h("legend", {}, "How often?"), radios.map((r) => r.el)) : null, consent.wrap, h("div", {}, b.el), out));
    c.goal(goalFn(email, freq));
    c.check(() => subscribed ? true : "not subscribed");
    const steps = [{ op: "fill", sel: fMail.sel, value: email }];
    if (withFrequency) steps.push({ op: "check", sel: "#" + radios.find((r) => r.f.toLowerCase() === freq).id });
    c.solve(steps.concat([{ op: "check", sel: consent.sel }, { op: "click", sel: b.sel }]));
    c.wrong([{ op: "fill", sel: fMail.sel, value: email }, { op: "click", sel: b.sel }]);
  }

  register("newsletter-frequency", "newsletter", "Sign up for the {freq} newsletter as {email} and agree to the rules", (c) =>
    newsletter(c, (email, freq) => "Sign up for the " + freq + " newsletter as " + email + " and agree to the rules", true));
  register("newsletter-consent", "newsletter", "Subscribe {email} to the newsletter and accept the terms", (c) =>
    newsletter(c, (email) => "Subscribe " + email + " to the newsletter and accept the terms", false));

  register("select-country", "native-select", "Choose {country} as the country and save", (c) => {
    const country = c.r.pick(["Portugal", "Norway", "Ireland", "Japan"]);
    const f = field(c, c.r.pick(["Country", "Country of residence", "Region"]), "select", { options: ["Choose…", "Brazil", "Ireland", "Japan", "Norway", "Portugal", "Spain"], placeholder: "Choose…" });
    const other = field(c, "Language", "select", { options: ["English", "Português", "Norsk", "日本語"] });
    let saved = null;
    const b = button(c, "Save", () => { saved = f.input.value; if (saved !== country) c.fail("saved " + saved); c.ack("Profile saved."); });
    c.root.append(h("h1", {}, "Profile"), h("div", { class: "card" }, other.wrap, f.wrap, b.el));
    c.goal("Choose " + country + " as the country and save");
    c.check(() => saved ? true : "not saved");
    c.solve([{ op: "select", sel: f.sel, value: country }, { op: "click", sel: b.sel }]);
  });

  register("radio-size", "radio-group", "Choose the {size} size and add it to the basket", (c) => {
    const sizes = ["Small", "Medium", "Large", "Extra large"];
    const size = c.r.pick(sizes);
    const radios = sizes.map((s, i) => { const id = c.uid("r"); return { s, id, el: h("label", { class: "inline" }, h("input", { type: "radio", name: "size", id, checked: i === 1 }), s) }; });
    let added = null;
    const b = button(c, c.r.pick(["Add to basket", "Add to bag", "Add to cart"]), () => { added = radios.find((r) => document.getElementById(r.id).checked).s; if (added !== size) c.fail("added size " + added); c.ack("Linen shirt, size " + added + ", added. 1 item in your basket."); });
    c.root.append(h("h1", {}, "Linen shirt"), h("p", {}, "€ 39.00"), h("div", { class: "card" }, h("fieldset", {}, h("legend", {}, "Size"), radios.map((r) => r.el)), b.el));
    c.goal("Choose the " + size + " size and add it to the " + c.r.pick(["basket", "cart"]));
    c.check(() => added ? true : "not added");
    c.solve([{ op: "check", sel: "#" + radios.find((r) => r.s === size).id }, { op: "click", sel: b.sel }]);
    c.wrong([{ op: "check", sel: "#" + radios.find((r) => r.s !== size).id }, { op: "click", sel: b.sel }], true);
  });

  register("checkbox-toppings", "checkbox-group", "Select only {a} and {b} as toppings, then order", (c) => {
    const all = c.r.shuffle(["Cheese", "Olives", "Mushrooms", "Ham", "Pineapple", "Onions"]);
    const [a, b2] = all.slice(0, 2);
    const pre = all[2];
    const boxes = all.map((t) => { const cb = checkbox(c, t); if (t === pre) cb.input.checked = true; return { t, cb }; });
    let ordered = null;
    const b = button(c, c.r.pick(["Order", "Place order", "Order now"]), () => {
      ordered = boxes.filter((x) => x.cb.input.checked).map((x) => x.t).sort();
      if (ordered.join() !== [a, b2].sort().join()) c.fail("ordered with " + ordered.join(", "));
      c.advance("Order placed", "Pizza with " + (ordered.length ? ordered.join(", ").toLowerCase() : "no toppings") + ". Ready in 20 minutes.");
    });
    c.root.append(h("h1", {}, "Build your pizza"), h("div", { class: "card" }, h("fieldset", {}, h("legend", {}, "Toppings"), boxes.map((x) => x.cb.wrap)), b.el));
    c.goal("Select only " + a.toLowerCase() + " and " + b2.toLowerCase() + " as toppings, then order");
    c.check(() => ordered ? true : "not ordered");
    c.solve([{ op: "check", sel: boxes[0].cb.sel }, { op: "check", sel: boxes[1].cb.sel }, { op: "uncheck", sel: boxes[2].cb.sel }, { op: "click", sel: b.sel }]);
    c.wrong([{ op: "check", sel: boxes[0].cb.sel }, { op: "check", sel: boxes[1].cb.sel }, { op: "click", sel: b.sel }], true);
  });

  register("switch-settings", "switch", "Turn on {on} and turn off {off}, then save", (c) => {
    const names = c.r.shuffle(["Dark mode", "Email alerts", "Auto-play videos", "Two-step sign-in"]);
    const initial = {}; names.forEach((n, i) => { initial[n] = i % 2 === 1; });
    const on = names.find((n) => !initial[n]);
    const off = names.find((n) => initial[n]);
    const sw = names.map((n) => { const id = c.uid("s"); const el = h("span", { id, class: "switch", role: "switch", tabindex: "0", "aria-checked": String(initial[n]), "aria-label": n, onclick: () => el.setAttribute("aria-checked", String(el.getAttribute("aria-checked") !== "true")) }); return { n, id, el }; });
    let saved = null;
    const b = button(c, "Save changes", () => {
      saved = {}; sw.forEach((s) => { saved[s.n] = s.el.getAttribute("aria-checked") === "true"; });
      const bad = names.filter((n) => saved[n] !== (n === on ? true : n === off ? false : initial[n]));
      if (bad.length) c.fail("saved with " + bad.join(", ") + " wrong");
      c.ack("Settings saved.");
    });
    c.root.append(h("h1", {}, "Settings"), h("div", { class: "card" }, sw.map((s) => h("div", { class: "row" }, s.el, h("span", {}, s.n))), b.el));
    c.goal("Turn on " + on.toLowerCase() + " and turn off " + off.toLowerCase() + ", then save");
    c.check(() => saved ? true : "not saved");
    c.solve([{ op: "click", sel: "#" + sw.find((s) => s.n === on).id }, { op: "click", sel: "#" + sw.find((s) => s.n === off).id }, { op: "click", sel: b.sel }]);
  });

  register("wizard-project", "wizard", 'Create a project called "{name}" on the {plan} plan and finish the setup', (c) => {
    const name = c.r.pick(["Apollo", "Blue Harbor", "Kestrel"]);
    const plan = c.r.pick(["Team", "Business", "Starter"]);
    const fName = field(c, c.r.pick(["Project name", "Name your project"]), "text");
    const plans = ["Starter", "Team", "Business"].map((p) => { const id = c.uid("r"); return { p, id, el: h("label", { class: "inline" }, h("input", { type: "radio", name: "plan", id }), p) }; });
    const steps = [h("div", {}, h("h2", {}, "Step 1 of 3: Details"), fName.wrap), h("div", { hidden: true }, h("h2", {}, "Step 2 of 3: Plan"), plans.map((p) => p.el)), h("div", { hidden: true }, h("h2", {}, "Step 3 of 3: Review"), h("p", { id: "review" }))];
    let at = 0, finished = null;
    const out = h("p", { class: "status", role: "alert" });
    const show = () => { steps.forEach((s, i) => { s.hidden = i !== at; }); back.el.hidden = at === 0; next.el.hidden = at === 2; fin.el.hidden = at !== 2; };
    const next = button(c, "Next", () => {
      if (at === 0 && !fName.input.value.trim()) { out.textContent = "Give the project a name."; return; }
      if (at === 1 && !plans.some((p) => document.getElementById(p.id).checked)) { out.textContent = "Choose a plan."; return; }
      out.textContent = ""; at++; document.getElementById("review").textContent = "Project " + fName.input.value + ", plan " + ((plans.find((p) => document.getElementById(p.id).checked) || {}).p || "-"); show();
    });
    const back = button(c, "Back", () => { at--; show(); }, { class: "secondary" });
    const fin = button(c, "Finish", () => { finished = { name: fName.input.value.trim(), plan: plans.find((p) => document.getElementById(p.id).checked).p }; if (finished.name !== name || finished.plan !== plan) c.fail("created " + JSON.stringify(finished)); steps[2].append(h("p", {}, "Project created.")); fin.el.disabled = true; });
    c.root.append(h("h1", {}, "New project"), h("div", { class: "card" }, steps, out, back.el, next.el, fin.el));
    show();
    c.goal('Create a project called "' + name + '" on the ' + plan + " plan and finish the setup");
    c.check(() => finished ? true : "not finished (step " + (at + 1) + ")");
    c.solve([{ op: "fill", sel: fName.sel, value: name }, { op: "click", sel: next.sel }, { op: "check", sel: "#" + plans.find((p) => p.p === plan).id }, { op: "click", sel: next.sel }, { op: "click", sel: fin.sel }]);
  });

  register("signup-account", "form-signup", 'Create an account for {name} with email {email} and password "{password}"', (c) => {
    const [name, email] = c.r.pick(PEOPLE);
    const pw = c.r.pick(["Sunny-Day-42", "River#Stone7", "Maple.Leaf.88"]);
    const fName = field(c, c.r.pick(["Full name", "Name"]), "text");
    const fMail = field(c, c.r.pick(["Email", "Work email"]), "email");
    const fPw = field(c, c.r.pick(["Password", "Choose a password"]), "password");
    const fPw2 = field(c, c.r.pick(["Confirm password", "Repeat password"]), "password");
    const out = h("p", { class: "status", role: "alert" });
    let created = null;
    const b = button(c, c.r.pick(["Create account", "Sign up", "Register"]), () => {
      if (fPw.input.value !== fPw2.input.value) { out.textContent = "The passwords do not match."; return; }
      if (fPw.input.value.length < 8) { out.textContent = "Use at least 8 characters."; return; }
      created = { name: norm(fName.input.value), email: fMail.input.value.trim(), pw: fPw.input.value };
      out.textContent = "Account created. Welcome!";
      if (created.name !== norm(name) || created.email !== email || created.pw !== pw) c.fail("created with other details");
    });
    c.root.append(h("h1", {}, "Create your account"), h("div", { class: "card" }, fName.wrap, fMail.wrap, fPw.wrap, fPw2.wrap, b.el, out));
    c.goal("Create an account for " + name + " with email " + email + ' and password "' + pw + '"');
    c.check(() => created ? true : "no account created");
    c.solve([{ op: "fill", sel: fName.sel, value: name }, { op: "fill", sel: fMail.sel, value: email }, { op: "fill", sel: fPw.sel, value: pw }, { op: "fill", sel: fPw2.sel, value: pw }, { op: "click", sel: b.sel }]);
  });
})();
