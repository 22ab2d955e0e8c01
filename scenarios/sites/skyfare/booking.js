// SkyFare booking flow, second half: passenger details, payment and confirmation (POST /api/bookings).
(function () {
  "use strict";

  const app = globalThis.SkyFareApp;
  const site = globalThis.SkyFareSite;
  const { longDate } = globalThis.SkyFareWidgets;
  const { id } = site;
  const $ = (name) => document.getElementById(id(name));
  const { state, euro } = app;
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  const FIELDS = [
    { key: "firstName", name: "first", label: "First name", autocomplete: "given-name", type: "text" },
    { key: "lastName", name: "last", label: "Last name", autocomplete: "family-name", type: "text" },
    { key: "email", name: "email", label: "Email", autocomplete: "email", type: "email" },
    { key: "dateOfBirth", name: "dob", label: "Date of birth (optional)", autocomplete: "bday", type: "text" }
  ];

  // ---- passengers -------------------------------------------------------------------------------------------
  function renderPassengers() {
    const list = $("passenger-list");
    const previous = state.passengers;
    list.replaceChildren();
    app.showSummary($("passengers-errors"), []);
    for (let i = 1; i <= state.search.adults; i++) {
      const fs = document.createElement("fieldset");
      fs.className = "card passenger";
      const legend = document.createElement("legend");
      legend.textContent = `Adult ${i}`;
      fs.append(legend);
      const row = document.createElement("div");
      row.className = site.cls("field-row") + " wrap";
      for (const f of FIELDS) {
        const fieldId = id(`p${i}-${f.name}`);
        const wrap = document.createElement("div");
        wrap.className = site.cls("field");
        wrap.innerHTML = `<label></label><input><p class="field-error" hidden></p>`;
        const label = wrap.querySelector("label");
        label.htmlFor = fieldId;
        label.textContent = f.label;
        const input = wrap.querySelector("input");
        input.id = fieldId;
        input.type = f.type;
        input.name = `${f.key}-${i}`;
        input.autocomplete = i === 1 ? f.autocomplete : "off";
        if (f.key === "dateOfBirth") {
          input.placeholder = "YYYY-MM-DD";
        }
        input.value = (previous[i - 1] && previous[i - 1][f.key]) || "";
        const error = wrap.querySelector(".field-error");
        error.id = id(`p${i}-${f.name}-error`);
        input.setAttribute("aria-describedby", error.id);
        row.append(wrap);
      }
      fs.append(row);
      list.append(fs);
    }
  }

  function validatePassengers() {
    const errors = [];
    const passengers = [];
    for (let i = 1; i <= state.search.adults; i++) {
      const p = {};
      for (const f of FIELDS) {
        const input = $(`p${i}-${f.name}`);
        const value = input.value.trim();
        p[f.key] = value || null;
        let message = "";
        if (f.key === "firstName" && !value) message = "Enter a first name";
        if (f.key === "lastName" && !value) message = "Enter a last name";
        if (f.key === "email") message = !value ? "Enter an email address" : EMAIL.test(value) ? "" : "Enter a valid email address, like name@example.com";
        if (f.key === "dateOfBirth" && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) message = "Enter the date of birth as YYYY-MM-DD";
        app.setError(input, $(`p${i}-${f.name}-error`), message);
        if (message) errors.push(`Adult ${i}: ${message}`);
      }
      passengers.push(p);
    }
    return { errors, passengers };
  }

  $("passengers-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const { errors, passengers } = validatePassengers();
    app.showSummary($("passengers-errors"), errors);
    if (errors.length) {
      const firstInvalid = $("passenger-list").querySelector("[aria-invalid=true]");
      if (firstInvalid) firstInvalid.focus();
      return;
    }
    state.passengers = passengers;
    preparePayment();
    app.show("payment");
  });

  // ---- payment ----------------------------------------------------------------------------------------------
  const payButton = $("pay-button");
  const cancels = site.variant === "meaning";

  function payLabel() {
    return cancels ? "Cancel booking" : `Pay ${euro(app.total())}`;
  }

  function preparePayment() {
    payButton.textContent = payLabel();
    payButton.disabled = false;
    app.showSummary($("payment-errors"), []);
    const s = state.search;
    const f = state.flight;
    const rows = [
      ["Flight", `${f.carrier} ${f.flightNumber}`],
      ["Route", `${s.from.label} → ${s.to.label}`],
      ["Date", `${longDate(s.dateObj)}, ${f.departureTime}–${f.arrivalTime}`],
      ["Fare", state.fare.name],
      ["Passengers", state.passengers.map((p) => `${p.firstName} ${p.lastName}`).join(", ")],
      ["Total", euro(app.total())]
    ];
    const dl = $("trip-summary");
    dl.replaceChildren();
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
  }

  function validateCard() {
    const checks = [
      ["card-number", (v) => !v ? "Enter your card number" : /^\d{12,19}$/.test(v.replace(/[\s-]/g, "")) ? "" : "Enter a valid card number"],
      ["card-name", (v) => v ? "" : "Enter the name on the card"],
      ["card-expiry", (v) => !v ? "Enter the expiry date" : /^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/.test(v) ? "" : "Enter the expiry date as MM/YY"],
      ["card-cvc", (v) => !v ? "Enter the security code (CVC)" : /^\d{3,4}$/.test(v) ? "" : "The CVC is the 3 or 4 digits on the back of the card"]
    ];
    const errors = [];
    for (const [name, rule] of checks) {
      const input = $(name);
      const message = rule(input.value.trim());
      app.setError(input, $(`${name}-error`), message);
      if (message) errors.push(message);
    }
    return errors;
  }

  $("payment-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (cancels) {
      showCancelled();
      return;
    }
    const errors = validateCard();
    app.showSummary($("payment-errors"), errors);
    if (errors.length) {
      return;
    }
    payButton.disabled = true;
    payButton.textContent = "Processing payment…";
    await new Promise((r) => setTimeout(r, app.PAYMENT_DELAY_MS));
    const digits = $("card-number").value.replace(/[\s-]/g, "");
    if (digits !== app.TEST_CARD) {
      payButton.disabled = false;
      payButton.textContent = payLabel();
      app.setError($("card-number"), $("card-number-error"), "Your card was declined");
      app.showSummary($("payment-errors"), ["Your card was declined. Check the number or use another card."]);
      return;
    }
    try {
      const booking = await postBooking(digits.slice(-4));
      showConfirmed(booking);
    } catch (err) {
      payButton.disabled = false;
      payButton.textContent = payLabel();
      app.showSummary($("payment-errors"), [`We could not complete your booking (${err.message}). You have not been charged.`]);
    }
  });

  async function postBooking(cardLast4) {
    const s = state.search;
    const f = state.flight;
    const body = {
      origin: s.from.code, destination: s.to.code, date: s.date, adults: s.adults,
      flightNumber: f.flightNumber, carrier: f.carrier,
      departureTime: f.departureTime, arrivalTime: f.arrivalTime, departureMinutes: f.departureMinutes,
      durationMinutes: f.durationMinutes, stops: f.stops,
      pricePerPerson: f.price, fare: state.fare.key, fareSupplementPerPerson: state.fare.supplement,
      total: app.total(), currency: "EUR",
      passengers: state.passengers.map((p) => ({ firstName: p.firstName, lastName: p.lastName, email: p.email, dateOfBirth: p.dateOfBirth })),
      cardLast4, sortOrder: state.sort, variant: site.variant
    };
    const response = await fetch("api/bookings", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    });
    if (response.status !== 201) {
      throw new Error(`server said ${response.status}`);
    }
    return response.json();
  }

  // ---- confirmation -----------------------------------------------------------------------------------------
  function fillSummary(rows) {
    const dl = $("confirmation-summary");
    dl.replaceChildren();
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
  }

  function showConfirmed(booking) {
    $("confirmation-heading").textContent = "Booking confirmed";
    $("booking-reference").textContent = booking.id;
    $("booking-reference").parentElement.hidden = false;
    $("confirmation-text").textContent = `Thank you, ${state.passengers[0].firstName}. We have sent your e-ticket to ${state.passengers[0].email}.`;
    fillSummary([
      ["Flight", `${booking.carrier} ${booking.flightNumber}`],
      ["Route", `${state.search.from.label} → ${state.search.to.label}`],
      ["Departure", `${longDate(state.search.dateObj)} at ${booking.departureTime}`],
      ["Fare", state.fare.name],
      ["Paid", `${euro(booking.total)} with card ending ${booking.cardLast4}`]
    ]);
    state.passengers = [];
    $("payment-form").reset();
    app.show("confirmation");
  }

  function showCancelled() {
    $("confirmation-heading").textContent = "Booking cancelled";
    $("booking-reference").textContent = "";
    $("booking-reference").parentElement.hidden = true;
    $("confirmation-text").textContent = "Your booking was cancelled. You have not been charged.";
    fillSummary([]);
    state.passengers = [];
    app.show("confirmation");
  }

  $("book-another").addEventListener("click", () => {
    state.flight = null;
    app.show("search");
  });

  globalThis.SkyFareBooking = { renderPassengers };
})();
