// SkyFare booking flow: search → results → fare → passengers → payment → confirmation.
(function () {
  "use strict";

  const { AirportCombobox, DatePicker, parseDate, isoDate, longDate } = globalThis.SkyFareWidgets;
  const { generateFlights, sortFlights } = globalThis.SkyFareFlights;
  const site = globalThis.SkyFareSite;
  const airports = globalThis.SkyFareAirports;
  const { id, cls } = site;
  const $ = (name) => document.getElementById(id(name));

  const SEARCH_DELAY_MS = 800;
  const PAYMENT_DELAY_MS = 700;
  const TEST_CARD = "4242424242424242";
  const FARES = [
    { key: "basic", name: "Basic", supplement: 0, perks: ["1 small cabin bag", "Seat assigned at check-in", "No changes"] },
    { key: "standard", name: "Standard", supplement: 25, perks: ["Cabin bag + 23 kg checked bag", "Free seat selection", "Changes for €50"] },
    { key: "flex", name: "Flex", supplement: 60, perks: ["Cabin bag + 2 × 23 kg checked bags", "Free seat selection", "Free changes, refundable"] }
  ];
  const VIEWS = ["search", "loading", "results", "fare", "passengers", "payment", "confirmation"];

  const state = { search: null, flights: [], flight: null, fare: FARES[0], passengers: [], sort: "recommended" };
  const euro = (n) => `€${n}`;
  const total = () => (state.flight.price + state.fare.supplement) * state.search.adults;

  site.applyDrift(document);
  if (site.variant === "drift") {
    // Cosmetic drift a replay must heal through: a renamed button and a moved field row.
    $("search-button").textContent = "Find flights";
    $("route-row").before($("when-row"));
  }
  site.initCookieBanner();
  site.initDemoLinks();

  // ---- navigation -------------------------------------------------------------------------------------------
  function show(view, push = true) {
    for (const v of VIEWS) {
      $(`view-${v}`).hidden = v !== view;
    }
    $("extras").hidden = view !== "search";
    const progress = $("progress");
    progress.hidden = view === "search" || view === "loading";
    for (const li of progress.querySelectorAll("li")) {
      if (li.dataset.step === view) {
        li.setAttribute("aria-current", "step");
      } else {
        li.removeAttribute("aria-current");
      }
    }
    const heading = $(`view-${view}`).querySelector("h1");
    document.title = view === "search" ? "SkyFare – Book cheap flights across Europe and beyond"
      : `${heading ? heading.textContent : "Searching"} – SkyFare`;
    if (push && view !== "loading") {
      history.pushState({ view }, "", view === "search" ? location.pathname + location.search : `#${view}`);
    }
    if (heading && view !== "search") {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  window.addEventListener("popstate", (e) => {
    const view = e.state && e.state.view;
    const reachable = { search: true, results: !!state.search, fare: !!state.flight, passengers: !!state.flight,
      payment: state.passengers.length > 0, confirmation: false };
    show(view && reachable[view] ? view : "search", false);
  });
  history.replaceState({ view: "search" }, "", location.pathname + location.search);

  document.querySelectorAll("[data-back]").forEach((b) => b.addEventListener("click", () => show(b.dataset.back)));

  // ---- validation helpers -----------------------------------------------------------------------------------
  function setError(input, errorEl, message) {
    errorEl.textContent = message || "";
    errorEl.hidden = !message;
    if (message) {
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
  }

  function showSummary(box, errors) {
    box.replaceChildren();
    box.hidden = errors.length === 0;
    if (!errors.length) {
      return;
    }
    const p = document.createElement("p");
    p.textContent = errors.length === 1 ? "There is a problem:" : `There are ${errors.length} problems:`;
    const ul = document.createElement("ul");
    for (const e of errors) {
      const li = document.createElement("li");
      li.textContent = e;
      ul.append(li);
    }
    box.append(p, ul);
  }

  // ---- search -----------------------------------------------------------------------------------------------
  // A chosen airport clears that field's error at once; the rest waits for the next submit.
  const clearOnChoice = (name) => (airport) => airport && setError($(`${name}-input`), $(`${name}-error`), "");
  const fromBox = new AirportCombobox($("from-input"), $("from-listbox"), airports, { idPrefix: id("from"), onChange: clearOnChoice("from") });
  const toBox = new AirportCombobox($("to-input"), $("to-listbox"), airports, { idPrefix: id("to"), onChange: clearOnChoice("to") });
  const today = site.siteToday();
  // ?variant=calendar: the date can only be chosen on the calendar (a read-only field, as many sites do).
  if (site.variant === "calendar") $("date-input").readOnly = true;
  new DatePicker($("date-input"), $("date-button"), $("calendar"), {
    today, onPick: () => setError($("date-input"), $("date-error"), "")
  });
  $("date-input").addEventListener("change", () => {
    if (parseDate($("date-input").value)) setError($("date-input"), $("date-error"), "");
  });

  $("swap-button").addEventListener("click", () => {
    const a = fromBox.selected || AirportCombobox.resolve(airports, $("from-input").value);
    const b = toBox.selected || AirportCombobox.resolve(airports, $("to-input").value);
    fromBox.set(b);
    toBox.set(a);
  });

  const adults = $("adults-input");
  const clampAdults = (n) => Math.min(9, Math.max(1, Number.isFinite(n) ? n : 1));
  $("adults-minus").addEventListener("click", () => (adults.value = String(clampAdults(Number(adults.value) - 1))));
  $("adults-plus").addEventListener("click", () => (adults.value = String(clampAdults(Number(adults.value) + 1))));

  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const from = fromBox.selected || AirportCombobox.resolve(airports, $("from-input").value);
    const to = toBox.selected || AirportCombobox.resolve(airports, $("to-input").value);
    const date = parseDate($("date-input").value);
    const count = Number(adults.value);
    const errors = [];
    const check = (input, errorEl, message) => {
      setError(input, errorEl, message);
      if (message) {
        errors.push(message);
      }
    };
    check($("from-input"), $("from-error"), from ? "" : $("from-input").value.trim()
      ? "Choose a departure airport from the list" : "Enter where you are flying from");
    check($("to-input"), $("to-error"), to ? (from && from.code === to.code ? "From and To must be different airports" : "")
      : $("to-input").value.trim() ? "Choose a destination airport from the list" : "Enter where you are flying to");
    check($("date-input"), $("date-error"), !$("date-input").value.trim() ? "Enter a departure date"
      : !date ? "Enter the departure date as YYYY-MM-DD" : date < today ? "The departure date cannot be in the past" : "");
    if (!Number.isInteger(count) || count < 1 || count > 9) {
      errors.push("Adults must be between 1 and 9");
    }
    showSummary($("search-errors"), errors);
    if (errors.length) {
      return;
    }
    if (from) fromBox.set(from);
    if (to) toBox.set(to);
    $("date-input").value = isoDate(date);
    state.search = { from, to, date: isoDate(date), dateObj: date, adults: count };
    state.flights = generateFlights(from.code, to.code, state.search.date, airports);
    state.sort = "recommended";
    $("sort-select").value = "recommended";
    $("direct-only").checked = false;
    show("loading");
    setTimeout(() => {
      renderResults();
      show("results");
    }, SEARCH_DELAY_MS);
  });

  // ---- results ----------------------------------------------------------------------------------------------
  function stopsText(f) {
    return f.stops === 0 ? "Direct" : `${f.stops} stop${f.stops > 1 ? "s" : ""} via ${f.via.join(", ")}`;
  }

  function renderResults() {
    const s = state.search;
    $("results-heading").textContent = `Flights from ${s.from.label} to ${s.to.label}`;
    const dayName = s.dateObj.toLocaleDateString("en-GB", { weekday: "long" });
    $("results-summary").textContent = `${dayName} ${longDate(s.dateObj)} · ${s.adults} adult${s.adults > 1 ? "s" : ""} · One way`;
    let flights = sortFlights(state.flights, state.sort);
    if ($("direct-only").checked) {
      flights = flights.filter((f) => f.stops === 0);
    }
    $("results-count").textContent = `${flights.length} flight${flights.length === 1 ? "" : "s"} found`;
    const list = $("results-list");
    list.replaceChildren();
    for (const f of flights) {
      const key = f.flightNumber.replace(/\s+/g, "").toLowerCase();
      const li = document.createElement("li");
      li.innerHTML = `
        <article class="${cls("result-card")} card" aria-labelledby="${id(`flight-${key}-title`)}">
          <div class="rc-times">
            <span class="time"></span><span class="rc-line" aria-hidden="true"></span><span class="time"></span>
          </div>
          <div class="rc-info">
            <h2 class="rc-title" id="${id(`flight-${key}-title`)}"></h2>
            <p class="rc-meta"><span class="rc-duration"></span> · <span class="rc-stops"></span></p>
            <p class="rc-seats"></p>
          </div>
          <div class="rc-price">
            <p><span class="price"></span><span class="per"> per person</span></p>
            <button type="button" class="btn ${cls("btn-primary")} ${cls("btn-select")}">Select</button>
          </div>
        </article>`;
      const times = li.querySelectorAll(".time");
      times[0].textContent = `${f.departureTime} ${s.from.code}`;
      times[1].textContent = `${f.arrivalTime}${f.arrivalDayOffset ? ` +${f.arrivalDayOffset}` : ""} ${s.to.code}`;
      li.querySelector(".rc-title").textContent = `${f.carrier} ${f.flightNumber}`;
      li.querySelector(".rc-duration").textContent = f.duration;
      li.querySelector(".rc-stops").textContent = stopsText(f);
      const seats = li.querySelector(".rc-seats");
      seats.textContent = f.seatsLeft ? `Only ${f.seatsLeft} seat${f.seatsLeft > 1 ? "s" : ""} left at this price` : "";
      seats.hidden = !f.seatsLeft;
      li.querySelector(".price").textContent = euro(f.price);
      const select = li.querySelector("button");
      select.setAttribute("aria-label", `Select flight ${f.flightNumber}, ${euro(f.price)}`);
      select.addEventListener("click", () => chooseFlight(f));
      list.append(li);
    }
  }

  $("sort-select").addEventListener("change", (e) => {
    state.sort = e.target.value;
    renderResults();
  });
  $("direct-only").addEventListener("change", renderResults);
  $("modify-search").addEventListener("click", () => show("search"));

  // ---- fare -------------------------------------------------------------------------------------------------
  function chooseFlight(f) {
    state.flight = f;
    state.fare = FARES[0];
    $("fare-flight").textContent = `${f.carrier} ${f.flightNumber} · ${state.search.from.label} → ${state.search.to.label} · `
      + `${longDate(state.search.dateObj)} · departs ${f.departureTime}`;
    const group = $("view-fare").querySelector("[role=radiogroup]");
    group.replaceChildren();
    for (const fare of FARES) {
      const label = document.createElement("label");
      label.className = cls("fare-card");
      label.innerHTML = `<input type="radio" name="fare">
        <span class="fare-name"></span><span class="fare-price"></span><ul class="fare-perks"></ul>`;
      const input = label.querySelector("input");
      input.value = fare.key;
      input.checked = fare === state.fare;
      input.setAttribute("aria-labelledby", id(`fare-${fare.key}-name`));
      input.setAttribute("aria-describedby", `${id(`fare-${fare.key}-price`)} ${id(`fare-${fare.key}-details`)}`);
      const name = label.querySelector(".fare-name");
      name.id = id(`fare-${fare.key}-name`);
      name.textContent = fare.name;
      const price = label.querySelector(".fare-price");
      price.id = id(`fare-${fare.key}-price`);
      price.textContent = fare.supplement ? `+${euro(fare.supplement)} per person` : "Included";
      const perks = label.querySelector(".fare-perks");
      perks.id = id(`fare-${fare.key}-details`);
      for (const p of fare.perks) {
        const li = document.createElement("li");
        li.textContent = p;
        perks.append(li);
      }
      input.addEventListener("change", () => {
        state.fare = fare;
        updateFareTotal();
      });
      group.append(label);
    }
    updateFareTotal();
    show("fare");
  }

  function updateFareTotal() {
    $("fare-total").textContent = `Total for ${state.search.adults} adult${state.search.adults > 1 ? "s" : ""}: ${euro(total())}`;
  }

  $("fare-form").addEventListener("submit", (e) => {
    e.preventDefault();
    globalThis.SkyFareBooking.renderPassengers();
    show("passengers");
  });

  globalThis.SkyFareApp = { state, show, setError, showSummary, total, euro, FARES, TEST_CARD, PAYMENT_DELAY_MS, stopsText };
})();
