// Accessible widgets: an autocomplete combobox (WAI-ARIA combobox with listbox popup)
// and a date picker (dialog with a grid of day buttons).
(function (root) {
  "use strict";

  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  /** Airport autocomplete: typing filters the list after a short debounce; click or arrows + Enter choose. */
  class AirportCombobox {
    constructor(input, listbox, airports, options) {
      this.input = input;
      this.listbox = listbox;
      this.airports = airports;
      this.idPrefix = options.idPrefix;
      this.onChange = options.onChange || (() => {});
      this.debounceMs = options.debounceMs ?? 150;
      this.selected = null;
      this.matches = [];
      this.active = -1;
      this.timer = 0;
      input.addEventListener("input", () => this.scheduleFilter());
      input.addEventListener("keydown", (e) => this.onKeyDown(e));
      input.addEventListener("blur", () => setTimeout(() => this.onBlur(), 120));
      // Keep focus in the input while an option is clicked.
      listbox.addEventListener("mousedown", (e) => e.preventDefault());
      listbox.addEventListener("click", (e) => {
        const li = e.target.closest("[role=option]");
        if (li) {
          this.choose(Number(li.dataset.index));
        }
      });
    }

    static search(airports, query) {
      const q = query.trim().toLowerCase();
      if (!q) {
        return [];
      }
      const exact = airports.filter((a) => a.label.toLowerCase() === q);
      if (exact.length) {
        return exact;
      }
      return airports.filter((a) => a.city.toLowerCase().startsWith(q) || a.code.toLowerCase().startsWith(q)
        || a.name.toLowerCase().startsWith(q) || a.country.toLowerCase().startsWith(q)
        || a.city.toLowerCase().includes(` ${q}`));
    }

    /** The airport the text stands for without the list: an exact label, code or a city with one airport. */
    static resolve(airports, text) {
      const q = text.trim().toLowerCase();
      if (!q) {
        return null;
      }
      const byLabel = airports.find((a) => a.label.toLowerCase() === q || a.code.toLowerCase() === q);
      if (byLabel) {
        return byLabel;
      }
      const byCity = airports.filter((a) => a.city.toLowerCase() === q);
      return byCity.length === 1 ? byCity[0] : null;
    }

    scheduleFilter() {
      this.selected = null;
      this.onChange(null);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.filter(), this.debounceMs);
    }

    filter() {
      this.matches = AirportCombobox.search(this.airports, this.input.value).slice(0, 8);
      this.active = -1;
      this.render();
    }

    render() {
      this.listbox.replaceChildren();
      this.input.removeAttribute("aria-activedescendant");
      if (!this.input.value.trim()) {
        this.close();
        return;
      }
      if (!this.matches.length) {
        const li = document.createElement("li");
        li.className = "listbox-empty";
        li.setAttribute("role", "presentation");
        li.textContent = "No airports match";
        this.listbox.append(li);
      }
      this.matches.forEach((a, i) => {
        const li = document.createElement("li");
        li.id = `${this.idPrefix}-option-${a.code.toLowerCase()}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-label", a.label);
        li.setAttribute("aria-selected", String(i === this.active));
        li.dataset.index = String(i);
        li.innerHTML = `<span class="opt-main"></span><span class="opt-sub"></span><span class="opt-code"></span>`;
        li.querySelector(".opt-main").textContent = a.city;
        li.querySelector(".opt-sub").textContent = `${a.name}, ${a.country}`;
        li.querySelector(".opt-code").textContent = a.code;
        this.listbox.append(li);
      });
      this.listbox.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
      if (this.active >= 0) {
        const li = this.listbox.children[this.active];
        this.input.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      }
    }

    close() {
      this.listbox.hidden = true;
      this.input.setAttribute("aria-expanded", "false");
      this.input.removeAttribute("aria-activedescendant");
    }

    get isOpen() {
      return !this.listbox.hidden;
    }

    choose(index) {
      const airport = this.matches[index];
      if (!airport) {
        return;
      }
      this.set(airport);
      this.close();
    }

    set(airport) {
      clearTimeout(this.timer);
      this.selected = airport;
      this.input.value = airport ? airport.label : "";
      this.onChange(airport);
    }

    onKeyDown(e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!this.isOpen) {
          this.filter();
        }
        if (!this.matches.length) {
          return;
        }
        const step = e.key === "ArrowDown" ? 1 : -1;
        this.active = (this.active + step + this.matches.length) % this.matches.length;
        this.render();
      } else if (e.key === "Enter" && this.isOpen) {
        e.preventDefault();
        this.choose(this.active >= 0 ? this.active : 0);
      } else if (e.key === "Escape" && this.isOpen) {
        e.preventDefault();
        this.close();
      } else if (e.key === "Tab" && this.isOpen && this.active >= 0) {
        this.choose(this.active);
      }
    }

    onBlur() {
      if (document.activeElement === this.input) {
        return;
      }
      this.close();
      if (!this.selected) {
        const airport = AirportCombobox.resolve(this.airports, this.input.value);
        if (airport) {
          this.set(airport);
        }
      }
    }
  }

  function isoDate(d) {
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }

  /** Parses YYYY-MM-DD (also D/M/YYYY and D.M.YYYY) into a local Date, or null. */
  function parseDate(text) {
    const t = text.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    let y, mo, d;
    if (m) {
      [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    } else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t))) {
      [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    } else {
      return null;
    }
    const date = new Date(y, mo - 1, d);
    return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
  }

  function longDate(d) {
    return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  }

  /** Calendar popup bound to a text field; day buttons are named like "24 December 2026". */
  class DatePicker {
    constructor(input, button, dialog, options) {
      this.input = input;
      this.button = button;
      this.dialog = dialog;
      this.today = options.today;
      this.onPick = options.onPick || (() => {});
      this.month = new Date(this.today.getFullYear(), this.today.getMonth(), 1);
      button.addEventListener("click", () => (dialog.hidden ? this.open() : this.close(true)));
      dialog.addEventListener("keydown", (e) => this.onKeyDown(e));
      document.addEventListener("mousedown", (e) => {
        if (!dialog.hidden && !dialog.contains(e.target) && !button.contains(e.target)) {
          this.close(false);
        }
      });
    }

    open() {
      const current = parseDate(this.input.value);
      const base = current || this.today;
      this.month = new Date(base.getFullYear(), base.getMonth(), 1);
      this.render(current || this.today);
      this.dialog.hidden = false;
      this.button.setAttribute("aria-expanded", "true");
      const focusable = this.dialog.querySelector("button[tabindex='0']");
      if (focusable) {
        focusable.focus();
      }
    }

    close(returnFocus) {
      this.dialog.hidden = true;
      this.button.setAttribute("aria-expanded", "false");
      if (returnFocus) {
        this.input.focus();
      }
    }

    render(focusDate) {
      const year = this.month.getFullYear();
      const month = this.month.getMonth();
      const headingId = `${this.dialog.id}-heading`;
      const firstOfThisMonth = new Date(this.today.getFullYear(), this.today.getMonth(), 1);
      const canGoBack = this.month > firstOfThisMonth;
      this.dialog.innerHTML = `
        <div class="cal-head">
          <button type="button" class="icon-button" data-nav="-1" aria-label="Previous month" ${canGoBack ? "" : "disabled"}>‹</button>
          <h2 id="${headingId}" aria-live="polite">${MONTHS[month]} ${year}</h2>
          <button type="button" class="icon-button" data-nav="1" aria-label="Next month">›</button>
        </div>
        <table role="grid" aria-labelledby="${headingId}">
          <thead><tr>${WEEKDAYS.map((w) => `<th scope="col" abbr="${w}">${w.slice(0, 2)}</th>`).join("")}</tr></thead>
          <tbody></tbody>
        </table>
        <div class="cal-foot"><button type="button" class="btn btn-ghost" data-close>Close</button></div>`;
      const tbody = this.dialog.querySelector("tbody");
      const selected = parseDate(this.input.value);
      const offset = (new Date(year, month, 1).getDay() + 6) % 7; // Monday first
      const days = new Date(year, month + 1, 0).getDate();
      let row = null;
      for (let cell = 0; cell < offset + days; cell++) {
        if (cell % 7 === 0) {
          row = document.createElement("tr");
          tbody.append(row);
        }
        const td = document.createElement("td");
        td.setAttribute("role", "gridcell");
        row.append(td);
        if (cell < offset) {
          continue;
        }
        const date = new Date(year, month, cell - offset + 1);
        const b = document.createElement("button");
        b.type = "button";
        b.className = "day";
        b.textContent = String(date.getDate());
        b.setAttribute("aria-label", longDate(date));
        b.dataset.date = isoDate(date);
        b.tabIndex = focusDate && isoDate(focusDate) === b.dataset.date ? 0 : -1;
        if (date < this.today) {
          b.disabled = true;
        }
        if (selected && isoDate(selected) === b.dataset.date) {
          b.setAttribute("aria-pressed", "true");
          td.setAttribute("aria-selected", "true");
        }
        if (isoDate(this.today) === b.dataset.date) {
          b.classList.add("today");
          b.setAttribute("aria-current", "date");
        }
        b.addEventListener("click", () => this.pick(date));
        td.append(b);
      }
      if (!this.dialog.querySelector("button.day[tabindex='0']")) {
        const first = this.dialog.querySelector("button.day:not([disabled])");
        if (first) {
          first.tabIndex = 0;
        }
      }
      this.dialog.querySelectorAll("[data-nav]").forEach((b) => b.addEventListener("click", () => {
        this.month = new Date(year, month + Number(b.dataset.nav), 1);
        this.render(null);
        const again = this.dialog.querySelector(`[data-nav="${b.dataset.nav}"]`);
        (again && !again.disabled ? again : this.dialog.querySelector("[data-nav='1']")).focus();
      }));
      this.dialog.querySelector("[data-close]").addEventListener("click", () => this.close(true));
    }

    pick(date) {
      this.input.value = isoDate(date);
      this.close(true);
      this.onPick(date);
    }

    onKeyDown(e) {
      if (e.key === "Escape") {
        e.preventDefault();
        this.close(true);
        return;
      }
      const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
      const current = e.target.closest && e.target.closest("button.day");
      if (!current || !(e.key in moves)) {
        return;
      }
      e.preventDefault();
      const d = parseDate(current.dataset.date);
      const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + moves[e.key]);
      if (next < this.today) {
        return;
      }
      this.month = new Date(next.getFullYear(), next.getMonth(), 1);
      this.render(next);
      const b = this.dialog.querySelector(`button.day[data-date="${isoDate(next)}"]`);
      if (b) {
        b.focus();
      }
    }
  }

  root.SkyFareWidgets = { AirportCombobox, DatePicker, parseDate, isoDate, longDate, MONTHS };
})(globalThis);
