// JetWay flight generation: a pure function of (origin, destination, date). README.md documents every step so a
// test can reproduce it; the results table and the booking API remain the source of truth.
(function (root) {
  "use strict";

  // FNV-1a, 32 bit, over the characters of the key (all ASCII).
  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash >>> 0;
  }

  // xorshift32 (13, 17, 5): floats in [0, 1). A zero seed would stick at zero, so it becomes 0x9e3779b9.
  function xorshift32(seed) {
    let x = seed >>> 0 || 0x9e3779b9;
    return function () {
      x ^= x << 13; x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5; x >>>= 0;
      return x / 4294967296;
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
    { code: "JW", name: "JetWay" },
    { code: "JW", name: "JetWay" },
    { code: "JW", name: "JetWay" },
    { code: "CH", name: "CityHop" },
    { code: "NX", name: "Nordic Express" }
  ];
  const HUBS = ["DUB", "AMS", "CPH", "LIS", "MUC", "BRU", "ZRH"];

  function formatTime(minutes) {
    const m = ((minutes % 1440) + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  }

  /** "2 h 35 min", "1 h", "45 min". */
  function formatDuration(minutes) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return `${m} min`;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }

  // Raises a value by `step` until no earlier flight has it, so cheapest/shortest/earliest each have one answer.
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
   * The flights for one route and date, in generation order (the page shows them by departure time).
   * @param {string} origin IATA code, e.g. "LHR"
   * @param {string} destination IATA code, e.g. "CDG"
   * @param {string} date YYYY-MM-DD
   * @param {Array} airports the airport table (airports.js)
   */
  function generateFlights(origin, destination, date, airports) {
    const table = airports || root.JetWayAirports;
    const from = table.find((a) => a.code === origin);
    const to = table.find((a) => a.code === destination);
    if (!from || !to || origin === destination) {
      return [];
    }
    const rand = xorshift32(fnv1a(`JW|${origin}|${destination}|${date}`));
    const km = distanceKm(from, to);
    const baseMinutes = Math.round((km / 780) * 60 + 40);
    const basePrice = 45 + km * 0.06;
    const count = 6 + Math.floor(rand() * 4);
    const hubs = HUBS.filter((h) => h !== origin && h !== destination);
    const usedNumbers = new Set();
    const flights = [];
    for (let i = 0; i < count; i++) {
      const carrier = CARRIERS[Math.floor(rand() * CARRIERS.length)];
      let number = 200 + Math.floor(rand() * 800);
      while (usedNumbers.has(`${carrier.code}${number}`)) {
        number += 1;
      }
      usedNumbers.add(`${carrier.code}${number}`);
      const s = rand();
      const stops = s < 0.5 ? 0 : s < 0.85 ? 1 : 2;
      const departureMinutes = 360 + Math.floor(rand() * 192) * 5;
      const layover = stops * (45 + Math.floor(rand() * 24) * 5);
      const durationMinutes = Math.round((baseMinutes + layover + Math.floor(rand() * 9) * 5) / 5) * 5;
      const price = Math.round(basePrice * [1.2, 0.92, 0.78][stops] * (0.55 + rand() * 1.2));
      const via = [];
      for (let k = 0; k < stops; k++) {
        via.push(hubs[Math.floor(rand() * hubs.length)]);
      }
      flights.push({ carrier: carrier.name, flightNumber: `${carrier.code} ${number}`, stops, via,
        departureMinutes, durationMinutes, price });
    }
    makeUnique(flights, "price", 1);
    makeUnique(flights, "durationMinutes", 5);
    makeUnique(flights, "departureMinutes", 5);
    for (const f of flights) {
      f.arrivalMinutes = f.departureMinutes + f.durationMinutes;
      f.departureTime = formatTime(f.departureMinutes);
      f.arrivalTime = formatTime(f.arrivalMinutes);
      f.arrivalDayOffset = Math.floor(f.arrivalMinutes / 1440);
      f.duration = formatDuration(f.durationMinutes);
    }
    return flights;
  }

  const KEYS = {
    departure: (f) => f.departureMinutes,
    arrival: (f) => f.arrivalMinutes,
    duration: (f) => f.durationMinutes,
    stops: (f) => f.stops,
    price: (f) => f.price
  };

  /** Sorts by a column ("price", "duration", …); ties keep departure order. */
  function sortFlights(flights, column, descending) {
    const key = KEYS[column] || KEYS.departure;
    const dir = descending ? -1 : 1;
    return [...flights].sort((a, b) => dir * (key(a) - key(b)) || a.departureMinutes - b.departureMinutes);
  }

  const api = { generateFlights, sortFlights, formatDuration, formatTime, fnv1a, xorshift32, distanceKm };
  root.JetWayFlights = api;
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
