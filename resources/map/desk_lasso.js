// The map's lasso: a button arms it, one drag draws a free outline, and on release the sites
// inside are handed to the page (DeskMap), which selects their orders. Escape or a second click
// on the button disarms it. The map does not pan while the lasso is armed.
var DeskLasso = (function () {
  "use strict";

  // Ray casting: is the pixel point inside the polygon of pixel points?
  function inside(point, polygon) {
    var x = point.x, y = point.y, hit = false;
    for (var i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      var a = polygon[i], b = polygon[j];
      if ((a.y > y) !== (b.y > y) && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) { hit = !hit; }
    }
    return hit;
  }

  function add(map, title, done) {
    var armed = false, drawing = null, line = null, button;
    var container = map.getContainer();

    function disarm() {
      armed = false; drawing = null;
      if (line) { map.removeLayer(line); line = null; }
      map.dragging.enable();
      L.DomUtil.removeClass(container, "lasso-armed");
      L.DomUtil.removeClass(button, "active");
    }

    function arm() {
      armed = true;
      map.dragging.disable();
      L.DomUtil.addClass(container, "lasso-armed");
      L.DomUtil.addClass(button, "active");
    }

    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var bar = L.DomUtil.create("div", "leaflet-bar lasso-control");
      button = L.DomUtil.create("a", "lasso-button", bar);
      button.href = "#"; button.title = title; button.setAttribute("role", "button"); button.setAttribute("aria-label", title);
      button.innerHTML = '<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">' +
        '<ellipse cx="9" cy="7.5" rx="7" ry="5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="3 2"/>' +
        '<path d="M5.5 11.5 q-1.5 3.5 2 5" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>';
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, "click", function (event) { L.DomEvent.preventDefault(event); if (armed) { disarm(); } else { arm(); } });
      return bar;
    };
    control.addTo(map);

    L.DomEvent.on(container, "mousedown", function (event) {
      if (!armed || event.button !== 0) { return; }
      L.DomEvent.stop(event);
      drawing = [map.mouseEventToContainerPoint(event)];
      line = L.polyline([map.containerPointToLatLng(drawing[0])], { color: "#1d4ed8", weight: 2, dashArray: "4 4", interactive: false }).addTo(map);
    });
    L.DomEvent.on(container, "mousemove", function (event) {
      if (!drawing) { return; }
      var point = map.mouseEventToContainerPoint(event);
      drawing.push(point);
      line.addLatLng(map.containerPointToLatLng(point));
    });
    L.DomEvent.on(container, "mouseup", function (event) {
      if (!drawing) { return; }
      L.DomEvent.stop(event);
      var outline = drawing;
      disarm();
      if (outline.length >= 3) { done(outline); }
    });
    L.DomEvent.on(document, "keydown", function (event) { if (armed && event.key === "Escape") { disarm(); } });
    return { arm: arm, disarm: disarm, armed: function () { return armed; } };
  }

  return { add: add, inside: inside };
})();
