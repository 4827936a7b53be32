// File inputs with data-max-total: the server refuses a request over its size limit as a whole (413) and
// what was typed would be lost, so the form is not sent and the field says why instead.
(function () {
  document.querySelectorAll('input[type=file][data-max-total]').forEach(function (input) {
    var form = input.form;
    if (!form) return;
    form.addEventListener('submit', function (event) {
      var total = 0;
      for (var i = 0; i < input.files.length; i++) total += input.files[i].size;
      var old = input.parentNode.querySelector('.upload-too-big');
      if (old) old.remove();
      if (total <= Number(input.dataset.maxTotal) - 64 * 1024) return; // the form's own fields need room too
      event.preventDefault();
      var note = document.createElement('small');
      note.className = 'field-error upload-too-big';
      note.setAttribute('role', 'alert');
      note.textContent = input.dataset.tooBig;
      input.insertAdjacentElement('afterend', note);
      input.focus();
    });
  });
})();
