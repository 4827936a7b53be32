// Every workbench page: on a phone the queue tabs scroll sideways, so the open one is brought into view.
(function () {
  var active = document.querySelector('.queues a.active');
  if (!active) return;
  var bar = active.parentElement;
  var right = active.getBoundingClientRect().right - bar.getBoundingClientRect().right;
  if (right > 0) bar.scrollLeft += right + 12;
})();
