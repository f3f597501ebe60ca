// Shows a message's details at once when the pointer is on its arrow (the SVG <title> works without
// this script too, only after a delay).
(function () {
  var tip = document.getElementById('tip');
  if (!tip) { return; }
  document.querySelectorAll('svg.sequence .msg, svg.sequence .fault, svg.sequence .failover').forEach(function (el) {
    var title = el.querySelector('title');
    if (!title) { return; }
    el.setAttribute('data-tip', title.textContent);
    title.remove();
    el.addEventListener('mousemove', function (e) {
      tip.textContent = el.getAttribute('data-tip');
      tip.style.display = 'block';
      tip.style.left = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8) + 'px';
      tip.style.top = (e.clientY + 16) + 'px';
    });
    el.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
  });
})();
// A window around a fault opens scrolled to the fault, not to the window's start.
document.querySelectorAll('.sequence-scroll').forEach(function (scroll) {
  var svg = scroll.querySelector('svg.sequence');
  var focus = svg ? parseFloat(svg.getAttribute('data-focus')) : 0;
  if (focus > 0) { scroll.scrollLeft = Math.max(0, focus - scroll.clientWidth / 3); }
});
