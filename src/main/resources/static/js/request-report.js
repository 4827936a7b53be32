// The grid report page: fill the position from the device; ask for the resident only when a resident told of it.
(function () {
  var locate = document.getElementById('locate');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
        document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
      });
    });
  } else if (locate) {
    locate.hidden = true;
  }
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
