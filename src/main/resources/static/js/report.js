// The printable reports: the print button opens the browser's print dialog (the page's print styles lay it out for A4).
(function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
