// SkyFare flight generation: deterministic from (origin, destination, date). README.md documents every step,
// so a test can reproduce it; the results page and the booking API remain the source of truth.
(function (root) {
  "use strict";

  // FNV-1a, 32 bit, over the UTF-16 code units of the key (all ASCII here).
  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  // mulberry32: returns floats in [0, 1).
  function mulberry32(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function distanceKm(a, b) {
    const rad = (d) => (d * Math.PI) / 180;
    const dLat = rad(b.lat - a.lat);
    const dLon = rad(b.lon - a.lon);
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  const CARRIERS = [
    { code: "SF", name: "SkyFare" },
    { code: "SF", name: "SkyFare" },
    { code: "NW", name: "Northwind Airways" },
    { code: "AL", name: "Alpine Air" }
  ];
  const HUBS = ["AMS", "FRA", "MUC", "ZRH", "CPH", "VIE", "BRU", "MAD"];

  function formatTime(minutes) {
    const m = ((minutes % 1440) + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  }

  function formatDuration(minutes) {
    return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
  }

  // Bumps a value by `step` until no earlier item has it, so cheapest/shortest/earliest are never tied.
  function makeUnique(items, key, step) {
    const seen = new Set();
    for (const item of items) {
      while (seen.has(item[key])) {
        item[key] += step;
      }
      seen.add(item[key]);
    }
  }

  /**
   * The flights for one route and date, in "Recommended" order.
   * @param {string} origin IATA code, e.g. "LHR"
   * @param {string} destination IATA code, e.g. "CDG"
   * @param {string} date YYYY-MM-DD
   * @param {Array} airports the airport table (airports.js)
   */
  function generateFlights(origin, destination, date, airports) {
    const table = airports || root.SkyFareAirports;
    const from = table.find((a) => a.code === origin);
    const to = table.find((a) => a.code === destination);
    if (!from || !to || origin === destination) {
      return [];
    }
    const rand = mulberry32(fnv1a(`${origin}-${destination}-${date}`));
    const km = distanceKm(from, to);
    const baseMinutes = Math.round((km / 800) * 60 + 35);
    const basePrice = 39 + km * 0.07;
    const count = 5 + Math.floor(rand() * 6);
    const hubs = HUBS.filter((h) => h !== origin && h !== destination);
    const usedNumbers = new Set();
    const flights = [];
    for (let i = 0; i < count; i++) {
      const carrier = CARRIERS[Math.floor(rand() * CARRIERS.length)];
      let number = 100 + Math.floor(rand() * 900);
      while (usedNumbers.has(`${carrier.code}${number}`)) {
        number += 1;
      }
      usedNumbers.add(`${carrier.code}${number}`);
      const r = rand();
      const stops = r < 0.45 ? 0 : r < 0.8 ? 1 : 2;
      const departureMinutes = 300 + Math.floor(rand() * 205) * 5;
      const layover = stops * (50 + Math.floor(rand() * 19) * 5);
      const durationMinutes = Math.round((baseMinutes + layover + Math.floor(rand() * 7) * 5) / 5) * 5;
      const stopFactor = [1.25, 0.95, 0.8][stops];
      const price = Math.round(basePrice * stopFactor * (0.6 + rand() * 1.1));
      const via = [];
      for (let s = 0; s < stops; s++) {
        via.push(hubs[Math.floor(rand() * hubs.length)]);
      }
      const seatsLeft = rand() < 0.3 ? 1 + Math.floor(rand() * 5) : null;
      flights.push({ carrier: carrier.name, flightNumber: `${carrier.code} ${number}`, stops, via,
        departureMinutes, durationMinutes, price, seatsLeft });
    }
    makeUnique(flights, "price", 1);
    makeUnique(flights, "durationMinutes", 5);
    makeUnique(flights, "departureMinutes", 5);
    for (const f of flights) {
      f.departureTime = formatTime(f.departureMinutes);
      f.arrivalTime = formatTime(f.departureMinutes + f.durationMinutes);
      f.arrivalDayOffset = Math.floor((f.departureMinutes + f.durationMinutes) / 1440);
      f.duration = formatDuration(f.durationMinutes);
      f.score = f.price + 0.4 * f.durationMinutes;
    }
    return sortFlights(flights, "recommended");
  }

  const SORTS = {
    recommended: (a, b) => a.score - b.score,
    price: (a, b) => a.price - b.price,
    duration: (a, b) => a.durationMinutes - b.durationMinutes,
    departure: (a, b) => a.departureMinutes - b.departureMinutes
  };

  function sortFlights(flights, order) {
    return [...flights].sort(SORTS[order] || SORTS.recommended);
  }

  const api = { generateFlights, sortFlights, formatDuration, formatTime, fnv1a, mulberry32, distanceKm };
  root.SkyFareFlights = api;
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
