// Wires the case page's islands: the diagram viewer and the step forms (bundles from src/main/frontend).
window.addEventListener('load', function () {
  var diagram = document.getElementById('diagram');
  var card = document.getElementById('diagram-card');
  if (diagram && card && window.LinliDiagram) {
    var list = function (s) { return s ? s.split(',').filter(Boolean) : []; };
    var viewer = null;
    var draw = function () {
      if (viewer) { return; }
      viewer = window.LinliDiagram.show(diagram, diagram.dataset.url, list(diagram.dataset.active), list(diagram.dataset.done));
    };
    // a phone shows the steps first; the diagram is drawn when it is opened (and only then loaded)
    if (window.matchMedia('(max-width: 760px)').matches) {
      card.open = false;
    } else {
      draw();
    }
    card.addEventListener('toggle', function () { if (card.open) { draw(); } });
    card.querySelectorAll('[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        if (!viewer) { return; }
        viewer.then(function (v) {
          if (!v) { return; }
          var canvas = v.get('canvas');
          var how = b.dataset.zoom;
          canvas.zoom(how === 'fit' ? 'fit-viewport' : canvas.zoom() * (how === 'in' ? 1.25 : 0.8), how === 'fit' ? 'auto' : undefined);
        });
      });
    });
  }
  var csrf = document.body.getAttribute('hx-headers');
  var headers = csrf ? JSON.parse(csrf) : {};
  var headerName = Object.keys(headers)[0];
  document.querySelectorAll('.step-form[data-schema-url]').forEach(function (el) {
    if (!window.LinliForms) { return; }
    window.LinliForms.render(el, {
      schemaUrl: el.dataset.schemaUrl,
      submitUrl: el.dataset.submitUrl,
      csrfHeader: headerName,
      csrfToken: headerName ? headers[headerName] : null,
      onDone: function () { window.location.href = window.location.pathname + '?done'; }
    });
  });
});
