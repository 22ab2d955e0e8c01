// JetWay booking flow: search (sidebar) → results table → fare → travellers → review and pay → done.
// Posts the booking to POST api/bookings (the site host's JSON store), which returns it with its id (the reference).
(function () {
  "use strict";

  const AIRPORTS = globalThis.JetWayAirports;
  const { generateFlights, sortFlights } = globalThis.JetWayFlights;
  const { createDropdown } = globalThis.JetWayDropdown;
  const $ = (id) => document.getElementById(id);

  const SEARCH_DELAY_MS = 600;
  const PAYMENT_DELAY_MS = 700;
  const TEST_CARD = "4242424242424242";
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const FARES = [
    { key: "light", name: "Light", supplement: 0, perks: ["1 personal item under the seat", "Seat assigned at check-in", "No changes"] },
    { key: "classic", name: "Classic", supplement: 22, perks: ["Personal item and 23 kg checked bag", "Free seat choice", "Changes for EUR 40"] },
    { key: "flexi", name: "Flexi", supplement: 55, perks: ["Personal item and 2 × 23 kg checked bags", "Free seat choice and priority boarding", "Free changes, refundable"] }
  ];

  const eur = (n) => `EUR ${n}`;
  const pad = (n) => String(n).padStart(2, "0");
  const isoDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const longDate = (d) => `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;

  // ---- the site's "today" (?today=YYYY-MM-DD, kept for the visit) ------------------------------------------
  const params = new URLSearchParams(location.search);
  const pinned = params.get("today");
  if (pinned !== null) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(pinned)) sessionStorage.setItem("jetway.today", pinned);
    else sessionStorage.removeItem("jetway.today");
  }
  function siteToday() {
    const p = sessionStorage.getItem("jetway.today");
    const m = p && /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
    const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate());
  }

  const state = {
    search: null, // { from, to, date, dateObj, adults }
    flights: [],
    sort: { column: "departure", descending: false },
    flight: null,
    fare: FARES[0],
    travellers: [],
    view: "home"
  };
  const total = () => (state.flight.price + state.fare.supplement) * state.search.adults;

  // ---- views and history ---------------------------------------------------------------------------------
  const VIEWS = ["home", "loading", "results", "fare", "travellers", "payment", "done"];
  const STEP_OF = { results: "results", fare: "fare", travellers: "travellers", payment: "payment", done: "done" };

  function show(view, push = true) {
    state.view = view;
    for (const v of VIEWS) $(`view-${v}`).hidden = v !== view;
    const step = STEP_OF[view];
    $("steps").hidden = !step;
    for (const li of $("steps").querySelectorAll("li")) {
      if (li.dataset.step === step) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
    }
    const tripStage = ["fare", "travellers", "payment"].includes(view);
    $("search-panel").hidden = tripStage || view === "done";
    $("trip-panel").hidden = !tripStage;
    if (tripStage) renderTrip();
    if (push && view !== "loading") history.pushState({ view }, "", view === "home" ? location.pathname + location.search : `#${view}`);
    const heading = $(`${view === "done" ? "done" : view}-title`);
    if (view !== "home" && heading) heading.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }

  window.addEventListener("popstate", (e) => {
    const view = (e.state && e.state.view) || "home";
    const ok = view === "home" || (view === "results" && state.search) || (view === "fare" && state.flight)
      || (view === "travellers" && state.flight) || (view === "payment" && state.travellers.length);
    show(ok && view !== "done" ? view : "home", false);
  });
  history.replaceState({ view: "home" }, "");

  // ---- notices for links the demo does not implement, cookie bar --------------------------------------------
  let noticeTimer = 0;
  function notice(text) {
    const box = $("notice");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (box.hidden = true), 3500);
  }
  for (const a of document.querySelectorAll("[data-demo-only]")) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      notice(`"${a.textContent.trim()}" is not available in this demo. You can search and book flights.`);
    });
  }

  const cookieBar = $("cookie-bar");
  function consent(choice) {
    localStorage.setItem("jetway.cookieConsent", JSON.stringify({ choice, at: new Date().toISOString() }));
    cookieBar.hidden = true;
  }
  $("cookies-allow").addEventListener("click", () => consent("all"));
  $("cookies-necessary").addEventListener("click", () => consent("necessary"));
  $("cookie-preferences").addEventListener("click", (e) => {
    e.preventDefault();
    cookieBar.hidden = false;
    $("cookies-necessary").focus();
  });
  cookieBar.hidden = localStorage.getItem("jetway.cookieConsent") !== null;

  // ---- search form ---------------------------------------------------------------------------------------
  const origin = createDropdown(document.querySelector("[data-dropdown=origin]"), AIRPORTS, () => clearProblem("origin"));
  const destination = createDropdown(document.querySelector("[data-dropdown=destination]"), AIRPORTS, () => clearProblem("destination"));

  const today = siteToday();
  const daySel = $("date-day"), monthSel = $("date-month"), yearSel = $("date-year");
  for (let d = 1; d <= 31; d++) daySel.add(new Option(String(d), String(d)));
  MONTHS.forEach((m, i) => monthSel.add(new Option(m, String(i + 1))));
  for (let y = today.getFullYear(); y <= today.getFullYear() + 1; y++) yearSel.add(new Option(String(y), String(y)));
  daySel.value = String(today.getDate());
  monthSel.value = String(today.getMonth() + 1);
  yearSel.value = String(today.getFullYear());
  for (const sel of [daySel, monthSel, yearSel]) sel.addEventListener("change", () => clearProblem("date"));

  function setProblem(key, message) {
    const p = $(`${key}-error`);
    p.textContent = message;
    p.hidden = !message;
    const target = key === "date" ? [daySel, monthSel, yearSel] : key === "origin" ? [origin.button]
      : key === "destination" ? [destination.button] : [$(key)];
    for (const t of target) {
      if (message) t.setAttribute("aria-invalid", "true");
      else t.removeAttribute("aria-invalid");
    }
  }
  function clearProblem(key) {
    setProblem(key, "");
  }
  for (const sel of [daySel, monthSel, yearSel]) sel.setAttribute("aria-describedby", "date-error");

  function showProblems(box, problems, title) {
    box.replaceChildren();
    box.hidden = problems.length === 0;
    if (!problems.length) return;
    const h = document.createElement("h2");
    h.textContent = title || (problems.length === 1 ? "Please correct this:" : `Please correct these ${problems.length} things:`);
    const ul = document.createElement("ul");
    for (const text of problems) {
      const li = document.createElement("li");
      li.textContent = text;
      ul.append(li);
    }
    box.append(h, ul);
  }

  $("search-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const problems = [];
    const from = origin.value, to = destination.value;
    const say = (key, message) => { setProblem(key, message); if (message) problems.push(message); };
    say("origin", from ? "" : "Choose where you are leaving from");
    say("destination", !to ? "Choose where you are going to" : from === to ? "Leaving from and Going to must be different airports" : "");
    const y = Number(yearSel.value), m = Number(monthSel.value), d = Number(daySel.value);
    const dateObj = new Date(y, m - 1, d);
    say("date", dateObj.getMonth() !== m - 1 ? `${MONTHS[m - 1]} ${y} has no day ${d}`
      : dateObj < today ? "Choose a departure date from today onwards" : "");
    showProblems($("search-problems"), problems);
    if (problems.length) {
      return;
    }
    state.search = { from, to, dateObj, date: isoDate(dateObj), adults: Number($("travellers").value) };
    state.sort = { column: "departure", descending: false };
    state.flight = null;
    const button = $("find-button");
    button.disabled = true;
    show("loading", false);
    await new Promise((r) => setTimeout(r, SEARCH_DELAY_MS));
    button.disabled = false;
    state.flights = generateFlights(from.code, to.code, state.search.date, AIRPORTS);
    renderResults();
    show("results");
  });

  // ---- results table -------------------------------------------------------------------------------------
  function stopsText(f) {
    if (f.stops === 0) return "Direct";
    return `${f.stops} ${f.stops === 1 ? "stop" : "stops"} (${f.via.join(", ")})`;
  }

  function renderResults() {
    const s = state.search;
    $("results-caption").textContent = `${s.from.label} to ${s.to.label}, ${longDate(s.dateObj)}, ${s.adults} ${s.adults === 1 ? "adult" : "adults"}`;
    $("results-count").textContent = `${state.flights.length} flights found`;
    $("no-results").hidden = state.flights.length > 0;
    for (const th of document.querySelectorAll("#results-table th[data-sort]")) {
      const on = th.dataset.sort === state.sort.column;
      if (on) th.setAttribute("aria-sort", state.sort.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    const body = $("results-body");
    body.replaceChildren();
    for (const f of sortFlights(state.flights, state.sort.column, state.sort.descending)) {
      const tr = document.createElement("tr");
      tr.innerHTML = `<th scope="row"><span class="fno"></span><span class="carrier"></span></th>
        <td class="time"></td><td class="time"></td><td></td><td class="stops"></td><td class="price"></td>
        <td><button type="button" class="button button-book">Book</button></td>`;
      tr.querySelector(".fno").textContent = f.flightNumber;
      tr.querySelector(".carrier").textContent = f.carrier;
      const cells = tr.querySelectorAll("td");
      cells[0].textContent = f.departureTime;
      cells[1].textContent = f.arrivalTime;
      if (f.arrivalDayOffset > 0) {
        const sup = document.createElement("span");
        sup.className = "next-day";
        sup.textContent = ` +${f.arrivalDayOffset} day`;
        cells[1].append(sup);
      }
      cells[2].textContent = f.duration;
      cells[3].textContent = stopsText(f);
      cells[4].textContent = eur(f.price);
      const book = tr.querySelector("button");
      book.setAttribute("aria-label", `Book ${f.flightNumber}`);
      book.addEventListener("click", () => chooseFlight(f));
      body.append(tr);
    }
  }

  for (const th of document.querySelectorAll("#results-table th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const column = th.dataset.sort;
      state.sort = { column, descending: state.sort.column === column ? !state.sort.descending : false };
      renderResults();
      $("results-count").textContent = `${state.flights.length} flights, sorted by ${th.textContent.trim().toLowerCase()}, ${state.sort.descending ? "highest first" : "lowest first"}`;
    });
  }

  function chooseFlight(f) {
    state.flight = f;
    state.fare = FARES[0];
    renderFares();
    show("fare");
  }

  // ---- fare (custom radios) ------------------------------------------------------------------------------
  function renderFares() {
    const f = state.flight, s = state.search;
    $("fare-flight").textContent = `${f.carrier} ${f.flightNumber}, ${s.from.label} ${f.departureTime} → ${s.to.label} ${f.arrivalTime}, ${longDate(s.dateObj)}`;
    const group = $("fare-options");
    group.replaceChildren();
    for (const fare of FARES) {
      const card = document.createElement("div");
      card.className = "fare";
      card.setAttribute("role", "radio");
      card.id = `fare-${fare.key}`;
      card.dataset.key = fare.key;
      card.setAttribute("aria-labelledby", `fare-${fare.key}-name`);
      card.setAttribute("aria-describedby", `fare-${fare.key}-desc`);
      card.innerHTML = `<span class="fare-dot" aria-hidden="true"></span>
        <span class="fare-name" id="fare-${fare.key}-name"></span>
        <span class="fare-desc" id="fare-${fare.key}-desc"><span class="fare-price"></span><ul></ul></span>`;
      card.querySelector(".fare-name").textContent = fare.name;
      card.querySelector(".fare-price").textContent = fare.supplement === 0
        ? `${eur(f.price)} per adult (included)` : `${eur(f.price + fare.supplement)} per adult (+${eur(fare.supplement)})`;
      for (const perk of fare.perks) {
        const li = document.createElement("li");
        li.textContent = perk;
        card.querySelector("ul").append(li);
      }
      card.addEventListener("click", () => selectFare(fare, true));
      card.addEventListener("keydown", (e) => {
        const i = FARES.indexOf(fare);
        const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (move) {
          e.preventDefault();
          selectFare(FARES[(i + move + FARES.length) % FARES.length], true);
        } else if (e.key === " " || e.key === "Enter") {
          e.preventDefault();
          selectFare(fare, true);
        }
      });
      group.append(card);
    }
    selectFare(state.fare, false);
  }

  function selectFare(fare, focus) {
    state.fare = fare;
    for (const card of $("fare-options").children) {
      const on = card.dataset.key === fare.key;
      card.setAttribute("aria-checked", String(on));
      card.tabIndex = on ? 0 : -1;
      card.classList.toggle("selected", on);
      if (on && focus) card.focus();
    }
    renderTrip();
  }

  $("fare-next").addEventListener("click", () => {
    renderTravellers();
    show("travellers");
  });

  // ---- travellers ----------------------------------------------------------------------------------------
  const FIELDS = [
    { key: "firstName", label: "Given name", autocomplete: "given-name", type: "text", empty: "Enter the given name" },
    { key: "lastName", label: "Family name", autocomplete: "family-name", type: "text", empty: "Enter the family name" },
    { key: "email", label: "E-mail address", autocomplete: "email", type: "email", empty: "Enter an e-mail address" }
  ];

  function renderTravellers() {
    const list = $("traveller-list");
    const previous = state.travellers;
    list.replaceChildren();
    showProblems($("travellers-problems"), []);
    for (let i = 1; i <= state.search.adults; i++) {
      const fs = document.createElement("fieldset");
      fs.className = "traveller";
      const legend = document.createElement("legend");
      legend.textContent = `Traveller ${i}`;
      fs.append(legend);
      if (i === 1) {
        const note = document.createElement("p");
        note.className = "field-note";
        note.textContent = "We send the booking confirmation and flight updates to traveller 1.";
        fs.append(note);
      }
      for (const f of FIELDS) {
        const id = `t${i}-${f.key}`;
        const wrap = document.createElement("div");
        wrap.className = "field";
        wrap.innerHTML = `<label class="field-label"></label><input><p class="field-problem" hidden></p>`;
        wrap.querySelector("label").htmlFor = id;
        wrap.querySelector("label").textContent = f.label;
        const input = wrap.querySelector("input");
        input.id = id;
        input.type = f.type;
        input.name = `${f.key}${i}`;
        input.autocomplete = i === 1 ? f.autocomplete : "off";
        input.value = (previous[i - 1] && previous[i - 1][f.key]) || "";
        const p = wrap.querySelector("p");
        p.id = `${id}-error`;
        input.setAttribute("aria-describedby", p.id);
        fs.append(wrap);
      }
      list.append(fs);
    }
  }

  $("travellers-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const problems = [];
    const travellers = [];
    for (let i = 1; i <= state.search.adults; i++) {
      const t = {};
      for (const f of FIELDS) {
        const id = `t${i}-${f.key}`;
        const value = $(id).value.trim();
        t[f.key] = value;
        let message = value ? "" : f.empty;
        if (f.key === "email" && value && !EMAIL.test(value)) message = "This e-mail address doesn't look right (example: name@example.com)";
        setProblem(id, message);
        if (message) problems.push(`Traveller ${i}: ${message}`);
      }
      travellers.push(t);
    }
    state.travellers = travellers;
    showProblems($("travellers-problems"), problems);
    if (problems.length) return;
    renderPayment();
    show("payment");
  });

  // ---- trip summary, review and payment ------------------------------------------------------------------
  function fillList(dl, rows) {
    dl.replaceChildren();
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
  }

  function tripRows() {
    const s = state.search, f = state.flight;
    return [
      ["Route", `${s.from.label} → ${s.to.label}`],
      ["Date", longDate(s.dateObj)],
      ["Flight", `${f.flightNumber} (${f.carrier}), ${f.departureTime}–${f.arrivalTime}, ${f.duration}`],
      ["Fare", `${state.fare.name}, ${eur(f.price + state.fare.supplement)} per adult`],
      ["Travellers", `${s.adults} ${s.adults === 1 ? "adult" : "adults"}`]
    ];
  }

  function renderTrip() {
    if (!state.flight) return;
    fillList($("trip-summary"), tripRows());
    $("trip-total").textContent = eur(total());
  }

  function renderPayment() {
    fillList($("review-list"), [...tripRows(), ["Names", state.travellers.map((t) => `${t.firstName} ${t.lastName}`).join(", ")], ["Total", eur(total())]]);
    $("pay-total").textContent = eur(total());
    showProblems($("payment-problems"), []);
    $("payment-status").textContent = "";
  }

  function validateCard() {
    const problems = [];
    const check = (id, message) => { setProblem(id, message); if (message) problems.push(message); };
    const digits = $("card-number").value.replace(/[\s-]/g, "");
    check("card-number", !digits ? "Enter the card number" : /^\d{12,19}$/.test(digits) ? "" : "Enter a valid card number (12 to 19 digits)");
    check("card-holder", $("card-holder").value.trim() ? "" : "Enter the cardholder name");
    const exp = /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec($("card-expiry").value);
    let expMessage = "";
    if (!$("card-expiry").value.trim()) expMessage = "Enter the date the card is valid until";
    else if (!exp || Number(exp[1]) < 1 || Number(exp[1]) > 12) expMessage = "Enter the date as MM/YY, like 08/29";
    else {
      const endOfMonth = new Date(2000 + Number(exp[2]), Number(exp[1]), 0);
      if (endOfMonth < today) expMessage = "This card has expired";
    }
    check("card-expiry", expMessage);
    const cvc = $("card-cvc").value.trim();
    check("card-cvc", !cvc ? "Enter the security code" : /^\d{3,4}$/.test(cvc) ? "" : "The security code is 3 or 4 digits");
    return { problems, digits };
  }

  let paying = false;
  $("payment-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (paying) return;
    const { problems, digits } = validateCard();
    showProblems($("payment-problems"), problems);
    if (problems.length) return;
    paying = true;
    const button = $("pay-button");
    button.disabled = true;
    $("payment-status").textContent = "Processing your payment…";
    await new Promise((r) => setTimeout(r, PAYMENT_DELAY_MS));
    try {
      if (digits !== TEST_CARD) {
        setProblem("card-number", "This card was declined");
        showProblems($("payment-problems"), ["Your bank did not authorise this card. Check the number or try another card."], "Payment declined");
        $("payment-status").textContent = "";
        return;
      }
      const booking = await postBooking(digits.slice(-4));
      showDone(booking);
    } catch (err) {
      $("payment-status").textContent = "";
      showProblems($("payment-problems"), [`Something went wrong (${err.message}). You have not been charged.`], "Booking not completed");
    } finally {
      paying = false;
      button.disabled = false;
    }
  });

  async function postBooking(cardLast4) {
    const s = state.search, f = state.flight;
    const body = {
      origin: s.from.code, destination: s.to.code, date: s.date, adults: s.adults,
      flightNumber: f.flightNumber, carrier: f.carrier,
      departureTime: f.departureTime, arrivalTime: f.arrivalTime, departureMinutes: f.departureMinutes,
      durationMinutes: f.durationMinutes, stops: f.stops,
      pricePerPerson: f.price, fare: state.fare.key, fareSupplementPerPerson: state.fare.supplement,
      total: total(), currency: "EUR",
      passengers: state.travellers.map((t) => ({ firstName: t.firstName, lastName: t.lastName, email: t.email, dateOfBirth: null })),
      cardLast4,
      sortOrder: state.sort.column + (state.sort.descending ? "-desc" : ""),
      variant: "standard"
    };
    const response = await fetch("api/bookings", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    });
    if (response.status !== 201) throw new Error(`server said ${response.status}`);
    return response.json();
  }

  function showDone(booking) {
    $("reference").textContent = booking.id;
    $("done-text").textContent = `Thanks, ${state.travellers[0].firstName}. Your e-tickets are on their way to ${state.travellers[0].email}.`;
    fillList($("done-list"), [...tripRows(), ["Paid", `${eur(booking.total)}, card ending ${booking.cardLast4}`]]);
    $("payment-form").reset();
    state.travellers = [];
    show("done");
  }

  // ---- back buttons, start over --------------------------------------------------------------------------
  const BACK = { fare: "results", travellers: "fare", payment: "travellers" };
  for (const b of document.querySelectorAll("[data-back]")) {
    b.addEventListener("click", () => show(BACK[state.view] || "home"));
  }
  $("start-over").addEventListener("click", () => show(state.search ? "results" : "home"));
  $("book-again").addEventListener("click", () => {
    state.flight = null;
    show("home");
  });
})();
