// The swipefix console's only script: the inbox updates itself when hand-offs change (server-sent events
// from /events), and "/" jumps to the search box. Everything works without it, by reloading.
"use strict";
(function () {
  if (document.getElementById("inbox") && window.EventSource) {
    const live = document.getElementById("live");
    const source = new EventSource("/events");
    source.addEventListener("change", function () {
      fetch("/inbox/rows" + window.location.search, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          // The server renders and escapes the list: what comes back is our own markup.
          document.getElementById("inbox").outerHTML = html;
          if (live) { live.textContent = live.dataset.updated + " " + new Date().toLocaleTimeString(); }
        })
        .catch(function () { stale(live); });
    });
    source.onerror = function () {
      // Closed for good (signed out, the console stopped): say the list is no longer live.
      if (source.readyState === EventSource.CLOSED) { stale(live); }
    };
  }
  function stale(live) {
    if (live) { live.textContent = live.dataset.lost; live.classList.add("lost"); }
  }
  document.addEventListener("keydown", function (e) {
    const search = document.getElementById("q");
    const typing = e.target && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    if (e.key === "/" && search && !typing) { e.preventDefault(); search.focus(); }
  });
})();
