// The assistance entry page: add and remove member rows (renumbered so the server reads members[0..n]),
// the birth date from an ID number, and the urgent box only for temporary assistance.
(function () {
  var form = document.getElementById('apply-form');
  if (!form) { return; }
  var rows = form.querySelector('.member-rows');
  var max = parseInt(rows.dataset.max || '20', 10);
  var addButton = document.getElementById('add-member');

  function renumber() {
    var all = rows.querySelectorAll('.member-row');
    all.forEach(function (row, i) {
      row.querySelector('.row-no').textContent = String(i + 1);
      row.querySelectorAll('[name]').forEach(function (el) {
        el.name = el.name.replace(/^members\[\d+\]/, 'members[' + i + ']');
        if (el.id) { el.id = el.id.replace(/^members-\d+-/, 'members-' + i + '-'); }
      });
      row.querySelector('.remove-member').disabled = all.length === 1;
    });
    addButton.disabled = all.length >= max;
  }

  addButton.addEventListener('click', function () {
    var last = rows.querySelector('.member-row:last-of-type');
    var row = last.cloneNode(true);
    row.querySelectorAll('input').forEach(function (el) { el.value = ''; });
    row.querySelectorAll('select').forEach(function (el) { el.selectedIndex = 0; });
    row.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
    row.querySelectorAll('.invalid').forEach(function (el) { el.classList.remove('invalid'); });
    rows.appendChild(row);
    renumber();
    row.querySelector('input').focus();
  });

  rows.addEventListener('click', function (e) {
    var button = e.target.closest('.remove-member');
    if (!button || rows.querySelectorAll('.member-row').length === 1) { return; }
    button.closest('.member-row').remove();
    renumber();
  });

  // GB 11643: characters 7-14 are the birth date; fill it when the field is empty or was filled from an ID before
  rows.addEventListener('input', function (e) {
    if (!e.target.classList.contains('id-number')) { return; }
    var m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(e.target.value.trim());
    var date = e.target.closest('.member-row').querySelector('.birth-date');
    if (m && (!date.value || date.dataset.fromId === 'true')) {
      date.value = m[1] + '-' + m[2] + '-' + m[3];
      date.dataset.fromId = 'true';
    }
  });

  var programme = document.getElementById('programme');
  var urgent = document.getElementById('urgent');
  function urgentOnlyForTemporary() {
    var temporary = programme.value === 'LINSHI';
    urgent.disabled = !temporary;
    if (!temporary) { urgent.checked = false; }
  }
  programme.addEventListener('change', urgentOnlyForTemporary);
  urgentOnlyForTemporary();
  renumber();

  var firstError = document.querySelector('.apply-form .invalid input, .apply-form .invalid select, .apply-form .invalid textarea');
  if (firstError) { firstError.focus(); }
})();
