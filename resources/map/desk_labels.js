// District names on the map, placed so that none overlaps another and, where there is room, none
// hides under a site marker or cluster: each name tries a few places around its district's label
// point (larger districts choose first); a name with no free place beside the markers stays at its
// point under them, and a name that would touch another name is hidden until a closer zoom.
var DeskLabels = (function () {
  "use strict";

  // Places tried in turn: the label point, then above, below, left, right of it, the corners, further up and down
  // ([x, y]: x in half-widths of the name plus a gap, y in pixels).
  var PLACES = [[0, 0], [0, -22], [0, 22], [-1, 0], [1, 0], [-1, -20], [1, -20], [-1, 20], [1, 20], [0, -38], [0, 38]];

  function add(map, features) {
    map.createPane("districtLabels").style.zIndex = 450;  // above the outlines, below the markers
    var markers = features.slice().sort(function (a, b) { return b.properties.area - a.properties.area; })
      .map(function (f) {
        var icon = L.divIcon({ className: "district-label", html: "<span>" + f.properties.text + "</span>", iconSize: null });
        return L.marker(f.properties.label, { icon: icon, interactive: false, keyboard: false, pane: "districtLabels" }).addTo(map);
      });
    var runs = 0, pending = null;

    function overlaps(a, b) {
      return !(a.right + 4 < b.left || b.right + 4 < a.left || a.bottom + 2 < b.top || b.bottom + 2 < a.top);
    }

    function span(marker) { return marker.getElement() && marker.getElement().firstChild; }

    // A box from the projection, not the page's layout: right after a zoom the labels have not moved yet.
    function boxAt(marker, place) {
      var text = span(marker), p = map.latLngToContainerPoint(marker.getLatLng());
      var w = text.offsetWidth / 2, h = text.offsetHeight / 2;
      var dx = place[0] * (w + 14), dy = place[1];
      return { left: p.x + dx - w, right: p.x + dx + w, top: p.y + dy - h, bottom: p.y + dy + h, dx: dx, dy: dy };
    }

    function obstacles() {  // the site markers and clusters drawn now, in the map's pixels
      var origin = map.getContainer().getBoundingClientRect();
      var icons = map.getPane("markerPane").querySelectorAll(".leaflet-marker-icon");
      return Array.prototype.map.call(icons, function (icon) {
        var r = icon.getBoundingClientRect();
        return { left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top, bottom: r.bottom - origin.top };
      });
    }

    function declutter() {
      runs += 1;
      var kept = [], blocked = obstacles();
      markers.forEach(function (marker) {
        var text = span(marker);
        if (!text) { return; }
        var free = function (box) { return !kept.some(function (k) { return overlaps(box, k); }); };
        var clear = function (box) { return !blocked.some(function (b) { return overlaps(box, b); }); };
        var boxes = PLACES.map(function (place) { return boxAt(marker, place); });
        var box = boxes.filter(function (b) { return free(b) && clear(b); })[0] || (free(boxes[0]) ? boxes[0] : null);
        text.style.visibility = box ? "visible" : "hidden";
        if (box) {
          text.style.transform = "translate(calc(-50% + " + box.dx + "px), calc(-50% + " + box.dy + "px))";
          marker.shift = [box.dx, box.dy];
          kept.push(box);
        }
      });
    }

    function schedule() {  // after the markers and clusters have settled
      if (pending !== null) { clearTimeout(pending); }
      pending = setTimeout(function () { pending = null; declutter(); }, 60);
    }

    function boxes() {  // the names shown and where (tests, screenshots)
      var origin = map.getContainer().getBoundingClientRect();
      return markers.filter(function (m) { return span(m) && span(m).style.visibility !== "hidden"; })
        .map(function (marker) {
          var text = span(marker), r = text.getBoundingClientRect(), shift = marker.shift || [0, 0];
          return { text: text.textContent, left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left,
                   bottom: r.bottom - origin.top, moved: shift[0] !== 0 || shift[1] !== 0 };
        });
    }

    function settled() {  // the page has drawn every shown name where the last placement put it
      if (pending !== null) { return false; }
      var origin = map.getContainer().getBoundingClientRect();
      return markers.every(function (marker) {
        var text = span(marker);
        if (!text || text.style.visibility === "hidden" || !marker.shift) { return true; }
        var r = text.getBoundingClientRect(), p = map.latLngToContainerPoint(marker.getLatLng());
        return Math.abs((r.left + r.right) / 2 - origin.left - p.x - marker.shift[0]) < 1.5 &&
               Math.abs((r.top + r.bottom) / 2 - origin.top - p.y - marker.shift[1]) < 1.5;
      });
    }

    map.on("zoomend viewreset moveend", schedule);
    declutter();
    return { declutter: declutter, schedule: schedule, boxes: boxes, settled: settled, obstacles: obstacles, runs: function () { return runs; } };
  }

  return { add: add };
})();
