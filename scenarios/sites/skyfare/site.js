// Site-wide plumbing: variants (?variant=drift|meaning), the site's "today" (?today=YYYY-MM-DD),
// the cookie banner, demo-only links and the toast. Runs before app.js.
(function (root) {
  "use strict";

  const params = new URLSearchParams(location.search);
  const remember = (key, value, valid) => {
    if (value === null) {
      return;
    }
    if (valid(value)) {
      sessionStorage.setItem(key, value);
    } else {
      sessionStorage.removeItem(key);
    }
  };
  // A variant lasts for the whole visit (tab); ?variant=standard (or any unknown value) turns it off.
  remember("skyfare.variant", params.get("variant"), (v) => v === "drift" || v === "meaning" || v === "calendar");
  remember("skyfare.today", params.get("today"), (v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
  const variant = sessionStorage.getItem("skyfare.variant") || "standard";

  function siteToday() {
    const pinned = sessionStorage.getItem("skyfare.today");
    const parsed = pinned && root.SkyFareWidgets.parseDate(pinned);
    const now = parsed || new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }

  // Drift: the same site with other ids and class names, so recorded CSS/XPath locators break while
  // roles and accessible names (except the search button's) still hold.
  const DRIFT_CLASSES = {
    "btn-primary": "cta-main", "search-form": "finder", field: "fld", "field-row": "fld-line",
    "result-card": "offer", "btn-select": "offer-cta", "fare-card": "tariff", results: "offer-list"
  };
  const ID_REFS = ["for", "aria-controls", "aria-describedby", "aria-labelledby", "aria-activedescendant"];

  /** The id an element has in the current variant. */
  function id(name) {
    return variant === "drift" ? `x-${name.split("-").reverse().join("_")}` : name;
  }

  /** The class name in the current variant. */
  function cls(name) {
    return variant === "drift" && DRIFT_CLASSES[name] ? DRIFT_CLASSES[name] : name;
  }

  function applyDrift(doc) {
    if (variant !== "drift") {
      return;
    }
    for (const el of doc.querySelectorAll("[id]")) {
      el.id = id(el.id);
    }
    for (const attr of ID_REFS) {
      for (const el of doc.querySelectorAll(`[${attr}]`)) {
        el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map(id).join(" "));
      }
    }
    for (const [from, to] of Object.entries(DRIFT_CLASSES)) {
      for (const el of doc.querySelectorAll(`.${from}`)) {
        el.classList.replace(from, to);
      }
    }
  }

  let toastTimer = 0;
  function toast(message) {
    const box = document.getElementById(id("toast"));
    box.textContent = message;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (box.hidden = true), 3500);
  }

  function initCookieBanner() {
    const banner = document.getElementById(id("cookie-banner"));
    const decide = (choice) => {
      localStorage.setItem("skyfare.cookieConsent", JSON.stringify({ choice, at: new Date().toISOString() }));
      banner.hidden = true;
      document.body.classList.remove("has-cookie-banner");
    };
    document.getElementById(id("cookie-accept")).addEventListener("click", () => decide("all"));
    document.getElementById(id("cookie-reject")).addEventListener("click", () => decide("necessary"));
    const show = () => {
      banner.hidden = false;
      document.body.classList.add("has-cookie-banner");
    };
    if (!localStorage.getItem("skyfare.cookieConsent")) {
      show();
    }
    for (const link of document.querySelectorAll("a[href='#cookies']")) {
      link.removeAttribute("data-demo-only");
      link.addEventListener("click", (e) => {
        e.preventDefault();
        show();
      });
    }
  }

  function initDemoLinks() {
    document.addEventListener("click", (e) => {
      const target = e.target.closest("[data-demo-only]");
      if (target) {
        e.preventDefault();
        toast(`“${target.textContent.trim()}” is not available on this demo site. Only booking works.`);
      }
    });
  }

  root.SkyFareSite = { variant, id, cls, siteToday, applyDrift, toast, initCookieBanner, initDemoLinks };
})(globalThis);
