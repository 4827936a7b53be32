// The supervision centre's islands: the trend and ageing charts (LinliCharts, ECharts) and the
// process diagram with the area's open and overdue steps and the average time its steps took on it
// (LinliDiagram). The data comes in the page's data-charts attribute: the Content-Security-Policy
// runs no inline script.
window.addEventListener('load', function () {
  var phone = window.matchMedia('(max-width: 760px)').matches;
  // a phone shows the area's places first; departments, categories and kinds open when asked for
  if (phone) {
    document.querySelectorAll('details.sv-table.folds').forEach(function (d) { d.open = false; });
  }
  var holder = document.getElementById('sv-charts');
  if (!holder) { return; }
  var data = JSON.parse(holder.getAttribute('data-charts') || '{}');
  if (window.LinliCharts) {
    var trend = document.getElementById('trend-chart');
    if (trend && data.trend) { window.LinliCharts.trend(trend, data.trend); }
    var ageing = document.getElementById('ageing-chart');
    if (ageing && data.ageing) { window.LinliCharts.bars(ageing, data.ageing); }
  }
  var diagram = document.getElementById('waiting-diagram');
  if (diagram && window.LinliDiagram && data.diagram && data.diagram.url) {
    var badges = data.diagram.badges || [];
    // a phone's diagram is small for a thumb: its counts are read here and tapped in the table below it
    if (phone) {
      var plain = function (items) {
        return (items || []).map(function (i) { return { text: i.text, title: i.title, className: i.className }; });
      };
      badges = badges.map(function (b) { return { id: b.id, items: plain(b.items), below: plain(b.below) }; });
    }
    window.LinliDiagram.show(diagram, data.diagram.url, [], [], { badges: badges });
  }
});
