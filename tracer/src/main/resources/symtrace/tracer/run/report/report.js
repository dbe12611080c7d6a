// The guard report's filters and cross-highlighting. Runs once the page is parsed; when done it
// sets data-ready="true" on <body> (and data-shown-guards, the number of guards shown).
(function () {
  "use strict";
  var body = document.body;
  var guards = Array.prototype.slice.call(document.querySelectorAll("li.guard"));
  var hideImplied = document.getElementById("hide-implied");
  var reasons = Array.prototype.slice.call(document.querySelectorAll("input.reason"));
  var shown = document.getElementById("shown");
  var lines = Array.prototype.slice.call(document.querySelectorAll(".source .line[data-guards]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll(".marks .mark[data-guard]"));

  // Shows the guards that pass the filters; a line whose guards are all hidden loses its colour.
  function apply() {
    var hide = hideImplied !== null && hideImplied.checked;
    var allowed = {};
    reasons.forEach(function (box) { allowed[box.value] = box.checked; });
    var visible = {};
    var count = 0;
    guards.forEach(function (g) {
      var on = !(hide && g.classList.contains("implied")) && allowed[g.dataset.reason] !== false;
      g.hidden = !on;
      if (on) {
        visible[g.id] = true;
        count++;
      }
    });
    marks.forEach(function (m) { m.hidden = !visible[m.dataset.guard]; });
    lines.forEach(function (line) {
      var any = line.dataset.guards.split(" ").some(function (id) { return visible[id]; });
      line.classList.toggle("quiet", !any);
    });
    if (shown !== null) {
      shown.textContent = "showing " + count + " of " + guards.length + " guards";
    }
    body.dataset.shownGuards = String(count);
  }

  // Hovering a guard outlines its program line and the graph nodes made there.
  function hot(line, on) {
    var targets = document.querySelectorAll("#L" + line + ", svg.graph .node[data-line='" + line + "']");
    Array.prototype.forEach.call(targets, function (t) { t.classList.toggle("hot", on); });
  }
  guards.forEach(function (g) {
    if (!g.dataset.line) {
      return;
    }
    g.addEventListener("mouseenter", function () { hot(g.dataset.line, true); });
    g.addEventListener("mouseleave", function () { hot(g.dataset.line, false); });
  });

  if (hideImplied !== null) {
    hideImplied.checked = hideImplied.checked || window.location.hash === "#hide-implied";
    hideImplied.addEventListener("change", apply);
  }
  reasons.forEach(function (box) { box.addEventListener("change", apply); });
  apply();
  body.dataset.ready = "true";
})();
