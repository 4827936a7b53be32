// The report page: show the participants only for drills (the position: locate.js).
(function () {
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
