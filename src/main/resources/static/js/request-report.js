// The grid report page: ask for the resident only when a resident told of it (the position: locate.js).
(function () {
  var resident = document.getElementById('reporter-RESIDENT');
  var radios = document.querySelectorAll('input[name=reporter]');
  var fields = document.querySelectorAll('.request-report label.resident');
  function toggle() {
    for (var i = 0; i < fields.length; i++) {
      fields[i].hidden = !resident.checked;
    }
  }
  if (resident && fields.length) {
    for (var i = 0; i < radios.length; i++) {
      radios[i].addEventListener('change', toggle);
    }
    toggle();
  }
})();
