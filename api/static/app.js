// Optional: keyboard shortcuts in the review queue (c = confirm, r = reject
// the first match). Everything works without this file.
document.addEventListener("keydown", function (e) {
  var t = e.target.tagName;
  if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
  var item = document.querySelector(".review-item");
  if (!item) return;
  if (e.key === "c") { item.querySelector("button[value=confirm]").click(); }
  if (e.key === "r") { var f = item.querySelector("input[name=reason]"); if (f) { e.preventDefault(); f.focus(); } }
});
