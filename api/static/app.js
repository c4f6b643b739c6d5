// Optional helpers for the volunteer console. Everything works without
// this file; CSP allows it because it is served from /static.
(function () {
  "use strict";

  // Review queue: c confirms the first match, r jumps to its reason field.
  document.addEventListener("keydown", function (e) {
    var t = e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    var item = document.querySelector(".review-item");
    if (!item) return;
    if (e.key === "c") { item.querySelector("button[value=confirm]").click(); }
    if (e.key === "r") { var f = item.querySelector("input[name=reason]"); if (f) { e.preventDefault(); f.focus(); } }
  });

  // Intake: possible matches while the name is typed.
  var name = document.getElementById("person.full_name");
  var box = document.getElementById("suggest");
  var list = document.getElementById("suggest-list");
  if (!name || !box || !list) return;
  var timer = null, last = "";
  function kind() {
    var k = document.querySelector("input[name=kind]:checked");
    return k ? k.value : "seek";
  }
  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (s) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/v/r/" + encodeURIComponent(s.id);
      a.textContent = s.name;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + [s.kind, s.year || "", s.city || "", s.score.toFixed(2)].filter(Boolean).join(" · ");
      li.appendChild(meta);
      list.appendChild(li);
    });
    box.hidden = items.length === 0;
  }
  function lookup() {
    var q = name.value.trim();
    var year = (document.getElementById("person.birth_year") || {}).value || "";
    var key = q + "|" + kind() + "|" + year;
    if (key === last) return;
    last = key;
    if (q.length < 3) { show([]); return; }
    fetch("/v/suggest?q=" + encodeURIComponent(q) + "&kind=" + kind() + "&year=" + encodeURIComponent(year),
      { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(show)
      .catch(function () { show([]); });
  }
  function later() { clearTimeout(timer); timer = setTimeout(lookup, 300); }
  name.addEventListener("input", later);
  document.querySelectorAll("input[name=kind]").forEach(function (r) { r.addEventListener("change", later); });
})();
