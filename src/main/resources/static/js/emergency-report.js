// The report page: fill the position from the device, show the participants only for drills.
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
  var drill = document.getElementById('drill');
  var people = document.getElementById('participants-field');
  var picker = document.getElementById('participants');
  // hidden outside a drill, and then not sent either: a real report has no participants
  function toggle() {
    people.hidden = !drill.checked && !people.classList.contains('invalid');
    if (picker) {
      picker.disabled = !drill.checked;
    }
  }
  if (drill && people) {
    drill.addEventListener('change', toggle);
    toggle();
  }
})();
