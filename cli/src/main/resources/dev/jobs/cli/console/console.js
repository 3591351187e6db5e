// The jobs console's one script, served from the jar (the Content-Security-Policy runs no other):
// asks before a form marked data-confirm is posted, and reloads the live part of a page that asks
// for it (data-refresh, in milliseconds) as an HTML fragment, until the page stops asking; and
// draws the health page's charts (data-series, escaped JSON) with uPlot, again after each reload.
"use strict";

var CHART_LINES = {
  jobs: [
    ["QUEUED", "--muted"],
    ["RUNNING", "--run"],
    ["SUCCEEDED", "--ok"],
    ["FAILED", "--bad"],
    ["CANCELLED", "--warn"]
  ],
  runtime: [
    ["p50", "--run"],
    ["p95", "--bad"]
  ]
};

function drawCharts(root) {
  if (typeof window.uPlot !== "function") {
    return;
  }
  var style = window.getComputedStyle(document.documentElement);
  var plots = root.querySelectorAll(".plot[data-series]");
  for (var i = 0; i < plots.length; i++) {
    var plot = plots[i];
    var lines = CHART_LINES[plot.getAttribute("data-kind")];
    var numbers = JSON.parse(plot.getAttribute("data-series"));
    var series = [{}];
    var data = [numbers.t];
    for (var j = 0; j < lines.length; j++) {
      series.push({
        label: lines[j][0],
        stroke: style.getPropertyValue(lines[j][1]).trim(),
        width: 2
      });
      data.push(numbers[lines[j][0]]);
    }
    var axis = { stroke: style.getPropertyValue("--fg").trim() };
    // Wide enough for a run time of 15 minutes in milliseconds (900,000) beside the axis.
    var values = { stroke: axis.stroke, size: 72 };
    plot.textContent = "";
    new window.uPlot(
      {
        width: Math.max(280, plot.clientWidth),
        height: 220,
        series: series,
        axes: [axis, values],
        scales: { x: { time: true } }
      },
      data,
      plot
    );
  }
}

document.addEventListener("DOMContentLoaded", function () {
  drawCharts(document);
});

document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && question.indexOf("{checked}") >= 0) {
    // A form of selected jobs asks about as many as are ticked.
    var checked = 0;
    for (var i = 0; i < form.elements.length; i++) {
      if (form.elements[i].type === "checkbox" && form.elements[i].checked) {
        checked++;
      }
    }
    question = question.replace("{checked}", String(checked));
  }
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

(function refresh() {
  var live = document.getElementById("live");
  if (!live) {
    return;
  }
  function schedule() {
    var every = parseInt(live.getAttribute("data-refresh") || "0", 10);
    if (every > 0) {
      window.setTimeout(reload, every);
    }
  }
  function reload() {
    if (document.hidden) {
      schedule();
      return;
    }
    fetch(window.location.href, {
      headers: { "X-Console-Fragment": "live" },
      credentials: "same-origin",
      cache: "no-store"
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        // The server says whether the part goes on changing: 0 once the job has ended.
        var every = response.headers.get("X-Console-Refresh");
        return response.text().then(function (html) {
          return { html: html, every: every };
        });
      })
      .then(function (part) {
        // The server escaped every value of the fragment; scripts in it would not run anyway.
        live.innerHTML = part.html;
        drawCharts(live);
        live.removeAttribute("data-stale");
        if (part.every && part.every !== "0") {
          live.setAttribute("data-refresh", part.every);
        } else {
          live.removeAttribute("data-refresh");
        }
        schedule();
      })
      .catch(function () {
        live.setAttribute("data-stale", "true");
        schedule();
      });
  }
  schedule();
})();
