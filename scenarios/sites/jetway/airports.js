// JetWay airport list. `label` is how the site names an airport ("London Heathrow (LHR)"); coordinates drive
// flight durations and base prices (see flights.js and README.md).
(function (root) {
  "use strict";
  const AIRPORTS = [
    { code: "LHR", city: "London", name: "Heathrow", country: "United Kingdom", lat: 51.470, lon: -0.454 },
    { code: "LGW", city: "London", name: "Gatwick", country: "United Kingdom", lat: 51.153, lon: -0.182 },
    { code: "CDG", city: "Paris", name: "Charles de Gaulle", country: "France", lat: 49.010, lon: 2.548 },
    { code: "ORY", city: "Paris", name: "Orly", country: "France", lat: 48.723, lon: 2.379 },
    { code: "FCO", city: "Rome", name: "Fiumicino", country: "Italy", lat: 41.800, lon: 12.239 },
    { code: "MAD", city: "Madrid", name: "Barajas", country: "Spain", lat: 40.472, lon: -3.561 },
    { code: "BER", city: "Berlin", name: "Brandenburg", country: "Germany", lat: 52.366, lon: 13.503 },
    { code: "AMS", city: "Amsterdam", name: "Schiphol", country: "Netherlands", lat: 52.310, lon: 4.768 },
    { code: "JFK", city: "New York", name: "John F. Kennedy", country: "United States", lat: 40.641, lon: -73.778 },
    { code: "LIS", city: "Lisbon", name: "Humberto Delgado", country: "Portugal", lat: 38.774, lon: -9.134 },
    { code: "BCN", city: "Barcelona", name: "El Prat", country: "Spain", lat: 41.297, lon: 2.078 },
    { code: "VIE", city: "Vienna", name: "International", country: "Austria", lat: 48.110, lon: 16.570 },
    { code: "DUB", city: "Dublin", name: "Airport", country: "Ireland", lat: 53.421, lon: -6.270 },
    { code: "ZRH", city: "Zurich", name: "Airport", country: "Switzerland", lat: 47.458, lon: 8.556 },
    { code: "OSL", city: "Oslo", name: "Gardermoen", country: "Norway", lat: 60.194, lon: 11.100 },
    { code: "PRG", city: "Prague", name: "Václav Havel", country: "Czechia", lat: 50.101, lon: 14.260 },
    { code: "CPH", city: "Copenhagen", name: "Kastrup", country: "Denmark", lat: 55.618, lon: 12.656 },
    { code: "ATH", city: "Athens", name: "Eleftherios Venizelos", country: "Greece", lat: 37.936, lon: 23.944 },
    { code: "MUC", city: "Munich", name: "Franz Josef Strauss", country: "Germany", lat: 48.354, lon: 11.786 },
    { code: "BRU", city: "Brussels", name: "Airport", country: "Belgium", lat: 50.901, lon: 4.484 },
    { code: "EDI", city: "Edinburgh", name: "Airport", country: "United Kingdom", lat: 55.950, lon: -3.372 },
    { code: "MXP", city: "Milan", name: "Malpensa", country: "Italy", lat: 45.630, lon: 8.723 }
  ];
  for (const a of AIRPORTS) {
    a.label = `${a.city} ${a.name} (${a.code})`;
  }
  // The dropdowns list airports alphabetically by label.
  AIRPORTS.sort((a, b) => a.label.localeCompare(b.label, "en"));
  root.JetWayAirports = AIRPORTS;
  if (typeof module !== "undefined" && module.exports) {
    module.exports = AIRPORTS;
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
