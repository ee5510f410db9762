// Draws each dashboard chart from the accessible table beside it (canvas[data-chart-table]): the table's
// header cells name the series, its rows are the x-axis labels, and cells with data-value are the numbers.
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var palette = ["#0d6efd", "#198754", "#dc3545", "#6c757d", "#fd7e14", "#6f42c1", "#20c997", "#0dcaf0", "#d63384", "#ffc107"];
  document.querySelectorAll("canvas[data-chart-table]").forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute("data-chart-table"));
    if (!table) { return; }
    var maxColumns = parseInt(canvas.getAttribute("data-chart-columns") || "99", 10);
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th")).slice(1, 1 + maxColumns).map(function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (tr) { return tr.querySelector("th").textContent.trim(); });
    var datasets = headers.map(function (name, i) {
      return {
        label: name,
        data: rows.map(function (tr) {
          var cells = tr.querySelectorAll("td[data-value]");
          return cells[i] ? Number(cells[i].getAttribute("data-value")) : 0;
        }),
        backgroundColor: palette[i % palette.length],
        borderColor: palette[i % palette.length],
      };
    });
    var stacked = canvas.getAttribute("data-chart-stacked") === "true";
    new Chart(canvas, {
      type: canvas.getAttribute("data-chart-type") || "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 2.2,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
        plugins: { legend: { position: "bottom" } },
      },
    });
    canvas.setAttribute("data-drawn", "true");
  });
})();
