// The report pages' "使用当前位置" button: fills #latitude and #longitude from the device, or hides itself without one.
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
})();
