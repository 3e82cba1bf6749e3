// The desk's map page. Python builds the page once (folium) and then talks to it through
// small JSON commands (runJavaScript) one way and one QWebChannel object ("bridge") the other.
var DeskMap = (function () {
  "use strict";
  var map, cluster, lassoTool, bridge = null, selectedSite = null, selectedSites = [], options = {};
  var markers = {};        // site id -> marker
  var sites = {};          // site id -> site data {id, lat, lon, band, level, orders, label}
  var techLayer, routeLayer, gridLayer, ringLayer, outlineLayer, labels = null;
  var RANK = { green: 0, amber: 1, red: 2, breached: 3 };
  var COLOURS = { green: "#2e7d32", amber: "#d97706", red: "#dc2626", breached: "#7f1d1d" };

  var icons = {};  // one icon per look (band, badge, selected), shared by all markers that look alike

  function siteIcon(site) {
    var selected = selectedSites.indexOf(site.id) >= 0;
    var key = site.band + "|" + (site.badge || "") + "|" + selected;
    if (!icons[key]) {
      var badge = site.badge ? '<span class="site-badge">' + site.badge + "</span>" : "";
      var cls = "site-dot band-" + site.band + (selected ? " selected" : "");
      icons[key] = L.divIcon({ className: "", html: '<div class="' + cls + '"></div>' + badge, iconSize: [14, 14], iconAnchor: [7, 7] });
    }
    return icons[key];
  }

  function clusterIcon(group) {
    var worst = "green";
    var children = group.getAllChildMarkers();
    for (var i = 0; i < children.length; i++) {
      var band = children[i].options.band;
      if (RANK[band] > RANK[worst]) { worst = band; if (worst === "breached") { break; } }
    }
    var n = group.getChildCount();
    var size = n < 100 ? 34 : n < 1000 ? 40 : 46;
    return L.divIcon({
      className: "", iconSize: [size, size],
      html: '<div class="cluster" style="width:' + size + "px;height:" + size + "px;line-height:" + (size - 6) +
            "px;background:" + COLOURS[worst] + '">' + n + "</div>",
    });
  }

  function makeMarker(site) {
    var marker = L.marker([site.lat, site.lon], { icon: siteIcon(site), band: site.band, title: site.label });
    marker.on("click", function () { select(site.id); if (bridge) { bridge.siteClicked(site.id); } });
    marker.on("contextmenu", function () { if (bridge) { bridge.siteContextMenu(site.id); } });
    marker.on("dblclick", function (event) { L.DomEvent.stop(event); zoomTo(site.id); });
    return marker;
  }

  function setSites(list) {
    cluster.clearLayers();
    markers = {}; sites = {};
    var batch = [];
    for (var i = 0; i < list.length; i++) {
      var site = list[i];
      sites[site.id] = site;
      markers[site.id] = makeMarker(site);
      batch.push(markers[site.id]);
    }
    cluster.addLayers(batch);  // chunked: the page stays responsive at 50,000 sites
    if (labels) { labels.schedule(); }
    return list.length;
  }

  function updateSites(list) {
    var added = [];
    for (var i = 0; i < list.length; i++) {
      var site = list[i], old = markers[site.id];
      if (old) {
        if (old.getLatLng().lat !== site.lat || old.getLatLng().lng !== site.lon) {
          cluster.removeLayer(old); delete markers[site.id];
        } else {
          sites[site.id] = site;
          old.options.band = site.band;
          old.setIcon(siteIcon(site));
          cluster.refreshClusters(old);
          continue;
        }
      }
      sites[site.id] = site;
      markers[site.id] = makeMarker(site);
      added.push(markers[site.id]);
    }
    if (added.length) {
      cluster.addLayers(added);
      if (labels) { labels.schedule(); }  // (a recolour moves nothing: the names stay where they are)
    }
  }

  function removeSites(ids) {
    var gone = [];
    for (var i = 0; i < ids.length; i++) {
      if (markers[ids[i]]) { gone.push(markers[ids[i]]); delete markers[ids[i]]; delete sites[ids[i]]; }
    }
    cluster.removeLayers(gone);
  }

  // Selecting pans only as far as needed to bring the sites into view, at the zoom the dispatcher
  // chose: the overview stays. A ring marks each selected site even inside a cluster.
  function select(ids, pan) {
    var previous = selectedSites;
    selectedSites = (Array.isArray(ids) ? ids : ids ? [ids] : []).filter(function (id) { return markers[id]; });
    selectedSite = selectedSites.length ? selectedSites[0] : null;
    previous.concat(selectedSites).forEach(function (id) {
      if (markers[id]) { markers[id].setIcon(siteIcon(sites[id])); }
    });
    ringLayer.clearLayers();
    var points = selectedSites.map(function (id) { return [sites[id].lat, sites[id].lon]; });
    points.forEach(function (p) {
      L.circleMarker(p, { radius: 13, color: "#1d4ed8", weight: 3, fill: false, interactive: false, pane: "selection" }).addTo(ringLayer);
    });
    if (pan && points.length) {
      var bounds = L.latLngBounds(points);
      if (!map.getBounds().pad(-0.1).contains(bounds)) { map.panTo(bounds.getCenter()); }
    }
  }

  function zoomTo(siteId) {  // a double-click: close enough to see the site itself
    if (!markers[siteId]) { return; }
    map.setView(markers[siteId].getLatLng(), Math.max(map.getZoom() + 2, 15));
  }

  // Technicians by id: a position from the feed moves its marker (and changes its look: fresh,
  // faded, grey) in place; nothing else on the page is drawn again.
  var techMarkers = {}, techIcons = {}, techTimings = { set: null, move: null };  // ms of the last of each (benches)

  function techIcon(look) {
    if (!techIcons[look]) {
      techIcons[look] = L.divIcon({ className: "", html: '<div class="tech-dot ' + look + '"></div>', iconSize: [12, 12] });
    }
    return techIcons[look];
  }

  // A technician comes as [id, lat, lon, look, label] (arrays: a batch of 1,500 is a third the text).
  function techMarker(t) {
    return L.marker([t[1], t[2]], { icon: techIcon(t[3]), title: t[4], look: t[3], zIndexOffset: 1000 }).addTo(techLayer);
  }

  function setTechnicians(list) {  // every technician drawn again (a new page, the queue reloaded)
    var started = performance.now();
    techLayer.clearLayers();
    techMarkers = {};
    list.forEach(function (t) { techMarkers[t[0]] = techMarker(t); });
    techTimings.set = performance.now() - started;
    return techTimings.set;
  }

  function moveTechnicians(list, gone) {  // the milliseconds it took
    var started = performance.now();
    for (var i = 0; i < list.length; i++) {
      var t = list[i], marker = techMarkers[t[0]];
      if (!marker) { techMarkers[t[0]] = techMarker(t); continue; }
      marker.setLatLng([t[1], t[2]]);
      if (marker.options.title !== t[4]) {
        marker.options.title = t[4];
        if (marker.getElement()) { marker.getElement().title = t[4]; }
      }
      if (marker.options.look !== t[3]) { marker.options.look = t[3]; marker.setIcon(techIcon(t[3])); }
    }
    (gone || []).forEach(function (id) {
      if (techMarkers[id]) { techLayer.removeLayer(techMarkers[id]); delete techMarkers[id]; }
    });
    techTimings.move = performance.now() - started;
    return techTimings.move;
  }

  function technician(id) {  // [lat, lon, look, label] of a technician's marker, or null (tests)
    var marker = techMarkers[id];
    if (!marker) { return null; }
    var at = marker.getLatLng(), el = marker.getElement();
    return [at.lat, at.lng, marker.options.look, el ? el.title : marker.options.title];
  }

  function showRoute(points, label) {
    routeLayer.clearLayers();
    if (!points.length) { return; }
    L.polyline(points, { color: "#1d4ed8", weight: 3, dashArray: "6 4" }).addTo(routeLayer);
    points.forEach(function (p, i) {
      L.marker(p, { icon: L.divIcon({ className: "", html: '<div class="site-badge" style="position:static">' + (i + 1) + "</div>" }) })
        .addTo(routeLayer);
    });
    map.fitBounds(L.latLngBounds(points).pad(0.2));
    return label;
  }

  function drawGrid() {
    gridLayer.clearLayers();
    var b = map.getBounds(), zoom = map.getZoom();
    var step = zoom >= 14 ? 0.01 : zoom >= 12 ? 0.05 : zoom >= 10 ? 0.1 : zoom >= 8 ? 0.5 : 1;
    var style = { color: "#b8c2cc", weight: 1, interactive: false };
    for (var lat = Math.floor(b.getSouth() / step) * step; lat <= b.getNorth(); lat += step) {
      L.polyline([[lat, b.getWest()], [lat, b.getEast()]], style).addTo(gridLayer);
      L.marker([lat, b.getWest()], { interactive: false, icon: L.divIcon({ className: "grid-label", html: lat.toFixed(2) + "°N", iconSize: [50, 12], iconAnchor: [-2, 12] }) }).addTo(gridLayer);
    }
    for (var lon = Math.floor(b.getWest() / step) * step; lon <= b.getEast(); lon += step) {
      L.polyline([[b.getSouth(), lon], [b.getNorth(), lon]], style).addTo(gridLayer);
      L.marker([b.getSouth(), lon], { interactive: false, icon: L.divIcon({ className: "grid-label", html: lon.toFixed(2) + "°E", iconSize: [56, 12], iconAnchor: [-2, 14] }) }).addTo(gridLayer);
    }
  }

  // The lasso's outline as pixels of the map: the sites inside it, each once.
  function sitesInside(points) {
    var found = [];
    Object.keys(markers).forEach(function (id) {
      if (DeskLasso.inside(map.latLngToContainerPoint(markers[id].getLatLng()), points)) { found.push(id); }
    });
    return found;
  }

  function lassoDone(points) {
    var found = sitesInside(points);
    if (bridge) { bridge.sitesLassoed(JSON.stringify(found)); }
    return found;
  }

  function lasso(latlngs) {  // the same as drawing it, from geographic points (tests)
    return lassoDone(latlngs.map(function (p) { return map.latLngToContainerPoint(p); }));
  }

  // Putting an unplaced site on the map: a click after startPlacing (Esc cancels), or a drop of the
  // site dragged from the desk's list (its id as "dispatch-site:<hex>" text).
  var placing = null, placingHint = null;

  function startPlacing(siteId, hint) {
    stopPlacing();
    placing = siteId;
    map.getContainer().style.cursor = "crosshair";
    placingHint = L.control({ position: "topright" });
    placingHint.onAdd = function () { var div = L.DomUtil.create("div", "placing-hint"); div.textContent = hint; return div; };
    placingHint.addTo(map);
  }

  function stopPlacing() {
    placing = null;
    if (map) { map.getContainer().style.cursor = ""; }
    if (placingHint) { placingHint.remove(); placingHint = null; }
  }

  function placeAt(siteId, latlng) {
    if (bridge) { bridge.sitePlaced(siteId, latlng.lat, latlng.lng); }
  }

  function listenForPlacing() {
    map.on("click", function (e) { if (placing) { var id = placing; stopPlacing(); placeAt(id, e.latlng); } });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { stopPlacing(); } });
    var box = map.getContainer();
    box.addEventListener("dragover", function (e) { e.preventDefault(); });
    box.addEventListener("drop", function (e) {
      var text = (e.dataTransfer && e.dataTransfer.getData("text/plain")) || "";
      if (text.indexOf("dispatch-site:") !== 0) { return; }
      e.preventDefault();
      placeAt(text.slice("dispatch-site:".length), map.mouseEventToLatLng(e));
    });
  }

  function clickAt(lat, lon) {  // a click on the map at a position (tests)
    map.fire("click", { latlng: L.latLng(lat, lon) });
  }

  function addLegend(texts) {
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "legend");
      div.innerHTML = ["breached", "red", "amber", "green"].map(function (b) {
        return '<i style="background:' + COLOURS[b] + '"></i>' + texts[b];
      }).join("<br>") + "<br>" + texts.technician + ["fresh", "faded", "grey"].map(function (look) {  // one line: "seen ◆ lately ◆ 60+ min ago ◆ 2+ h ago"
        return '<span class="tech-dot ' + look + '" style="display:inline-block;margin:0 5px 0 8px;width:8px;height:8px"></span>' +
               (texts["technician_" + look] || look);
      }).join("");
      return div;
    };
    legend.addTo(map);
  }

  function start(leafletMap, opts) {
    map = leafletMap; options = opts || {};
    if (map.options.maxZoom === undefined) { map.setMaxZoom(19); }  // clustering needs it; tiles may not set it
    cluster = L.markerClusterGroup({ chunkedLoading: true, iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 50 });
    map.addLayer(cluster);
    map.createPane("selection").style.zIndex = 650;  // above the markers and clusters
    ringLayer = L.layerGroup().addTo(map);
    techLayer = L.layerGroup().addTo(map);
    routeLayer = L.layerGroup().addTo(map);
    gridLayer = L.layerGroup();
    if (!options.tiles) { gridLayer.addTo(map); map.on("moveend", drawGrid); drawGrid(); }
    if (options.outlines) {
      outlineLayer = L.geoJSON(options.outlines, {
        interactive: false,
        style: { color: "#7c8a9a", weight: 1.2, opacity: 0.8, fillColor: "#fbfcfd", fillOpacity: options.tiles ? 0.08 : 0.75 },
      }).addTo(map);
      labels = DeskLabels.add(map, options.outlines.features);
      cluster.on("animationend", labels.schedule);
    }
    (options.outlines ? [] : options.districts || []).forEach(function (d) {
      L.circleMarker([d.lat, d.lon], { radius: 2, color: "#6b7280", interactive: false }).addTo(map)
        .bindTooltip(d.name, { permanent: true, direction: "right", className: "grid-label" });
    });
    lassoTool = DeskLasso.add(map, (options.texts || {}).lasso || "Lasso", lassoDone);
    listenForPlacing();
    addLegend(options.legend || { breached: "breached", red: "red", amber: "amber", green: "green", technician: "technician" });
    if (typeof QWebChannel !== "undefined" && typeof qt !== "undefined") {
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        bridge.pageReady();
      });
    }
  }

  return {
    start: start, setSites: setSites, updateSites: updateSites, removeSites: removeSites, select: select,
    setTechnicians: setTechnicians, moveTechnicians: moveTechnicians, technician: technician,
    technicianCount: function () { return Object.keys(techMarkers).length; }, showRoute: showRoute,
    technicianTimings: function () { return JSON.stringify(techTimings); },
    labels: function () { return labels; }, zoomTo: zoomTo, lasso: lasso,
    startPlacing: startPlacing, stopPlacing: stopPlacing, clickAt: clickAt, placing: function () { return placing; },
    leaflet: function () { return map; }, lassoTool: function () { return lassoTool; },
    selectedAll: function () { return selectedSites.slice(); },
    ringCount: function () { return ringLayer.getLayers().length; }, outlineCount: function () { return outlineLayer ? outlineLayer.getLayers().length : 0; },
    bandOf: function (siteId) { return markers[siteId] ? markers[siteId].options.band : null; },
    count: function () { return Object.keys(markers).length; },
    selected: function () { return selectedSite; },
    routeStops: function () { return routeLayer.getLayers().length - (routeLayer.getLayers().length ? 1 : 0); },
  };
})();
