// Wires the case page's islands: the diagram viewer and the step forms (bundles from src/main/frontend).
window.addEventListener('load', function () {
  var diagram = document.getElementById('diagram');
  if (diagram && window.LinliDiagram) {
    var list = function (s) { return s ? s.split(',').filter(Boolean) : []; };
    window.LinliDiagram.show(diagram, diagram.dataset.url, list(diagram.dataset.active), list(diagram.dataset.done));
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
