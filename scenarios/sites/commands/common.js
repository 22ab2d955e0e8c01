// Shared by the command pages: window.pageState (JSON-safe object) and the visible "Page state" area.
(function () {
  "use strict";
  window.pageState = window.pageState || {};
  function render() {
    const out = document.getElementById("page-state");
    if (out) out.textContent = JSON.stringify(window.pageState, null, 2);
  }
  window.CommandsPage = {
    /** Merges `changes` into window.pageState and shows the result. */
    set(changes) {
      Object.assign(window.pageState, changes);
      render();
    },
    render
  };
  document.addEventListener("DOMContentLoaded", render);
})();
