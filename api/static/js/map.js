// The gridlink map: grids drawn from their stored boundaries (no background tiles), coloured by an indicator;
// click a grid for its ranked resources (GraphQL resourcesForGrid), search a community or an organization.
// Text comes translated from the server (the #messages JSON block); no inline script, no outside request.
(function () {
  "use strict";
  var T = JSON.parse(document.getElementById("messages").textContent);
  var t = function (key) { return T[key] || key; };
  var mapEl = document.getElementById("map");
  var panel = document.getElementById("panel");
  var indicatorEl = document.getElementById("indicator");
  var searchEl = document.getElementById("search");
  var hitsEl = document.getElementById("hits");
  var map = L.map(mapEl, { zoomSnap: 0.25, preferCanvas: false, attributionControl: false });
  var data = null, gridLayer = null, selected = null;
  var matchLayer = L.layerGroup().addTo(map);
  var SCALES = {
    coverage: { colours: ["#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850"], breaks: [0.2, 0.4, 0.6, 0.8],
                label: function (i, b) { return pct(i ? b[i - 1] : 0) + " – " + pct(i < b.length ? b[i] : 1); } },
    openNeeds: { colours: ["#f7f7f7", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"], breaks: [1, 2, 3, 5],
                 label: function (i, b) { return i === 0 ? "0" : (i < b.length ? b[i - 1] + "–" + (b[i] - 1) : "≥ " + b[i - 1]); } }
  };
  function pct(x) { return Math.round(x * 100) + "%"; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function colour(props) {
    var key = indicatorEl.value, s = SCALES[key], v = props[key];
    if (v === null || v === undefined) { return "#d9d9d9"; }
    var i = 0;
    while (i < s.breaks.length && v >= s.breaks[i]) { i++; }
    return s.colours[i];
  }
  function gridStyle(feature) {
    var isSel = selected && selected.feature === feature;
    return { color: isSel ? "#111" : "#4f8f8a", weight: isSel ? 3 : 0.6, fillColor: colour(feature.properties),
             fillOpacity: 0.75 };
  }
  var legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () { this._div = el("div", { "class": "legend", id: "legend" }); this.update(); return this._div; };
  legend.update = function () {
    var key = indicatorEl.value, s = SCALES[key];
    this._div.textContent = "";
    this._div.appendChild(el("div", { "class": "title" }, indicatorEl.options[indicatorEl.selectedIndex].text));
    s.colours.forEach(function (c, i) {
      var row = el("div");
      var sw = el("i"); sw.style.background = c; row.appendChild(sw);
      row.appendChild(document.createTextNode(s.label(i, s.breaks)));
      this._div.appendChild(row);
    }, this);
    if (key === "coverage") {
      var row = el("div"), sw = el("i"); sw.style.background = "#d9d9d9"; row.appendChild(sw);
      row.appendChild(document.createTextNode(t("no units"))); this._div.appendChild(row);
    }
  };
  legend.addTo(map);

  function gql(query, variables) {
    return fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" },
                               body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (r) { return r.json(); });
  }
  var RANKING = "query($g: String!, $s: String!) { resourcesForGrid(gridCode: $g, scheme: $s, limit: 10) {" +
    " grid { uid name } matches { score distanceM reasons { code weight detail }" +
    " resource { uid name category location { longitude latitude } } provider { name } } } }";
  var SEARCH = "query($q: String!) { searchOrganizations(text: $q, first: 8) { nodes { uid name kind" +
    " grid { uid scheme code name } } } }";

  function select(layer) {
    var prev = selected;
    selected = layer;
    if (prev) { gridLayer.resetStyle(prev); }
    layer.setStyle(gridStyle(layer.feature));
    layer.bringToFront();
    var p = layer.feature.properties, center = layer.getBounds().getCenter();
    matchLayer.clearLayers();
    panel.textContent = "";
    panel.appendChild(el("h2", { id: "grid-title" }, p.name || p.uid));
    panel.appendChild(el("p", { "class": "hint" }, [p.communityName, p.streetName].filter(Boolean).join(" · ") +
      " · " + (p.units ? pct(p.coverage) + " " + t("units covered") + " (" + p.coveredUnits + "/" + p.units + ")"
               : t("no units")) + " · " + p.openNeeds + " " + t("open needs")));
    panel.appendChild(el("p", { "class": "hint", id: "ranking-status" }, t("Loading…")));
    var parts = p.uid.split(":");
    gql(RANKING, { g: parts.slice(1).join(":"), s: parts[0] }).then(function (res) {
      if (selected !== layer) { return; }
      var status = document.getElementById("ranking-status");
      var matches = (res.data && res.data.resourcesForGrid && res.data.resourcesForGrid.matches) || [];
      status.textContent = matches.length ? t("Ranked resources") : t("no resource could serve this grid");
      var ol = el("ol", { id: "ranking" });
      matches.forEach(function (m, i) {
        var li = el("li", { "data-uid": m.resource.uid });
        li.appendChild(el("span", { "class": "score", title: t("Score") }, String(m.score)));
        li.appendChild(el("b", {}, m.resource.name));
        var meta = [m.provider ? m.provider.name : null,
                    m.distanceM !== null ? Math.round(m.distanceM) + " " + t("m") : null].filter(Boolean).join(" · ");
        if (meta) { li.appendChild(el("div", { "class": "hint" }, meta)); }
        li.appendChild(el("div", { "class": "reasons" }, m.reasons.map(function (r) {
          return t(r.code) + " +" + r.weight + (r.detail && r.code !== "MATCHES_OPEN_NEED" ? "（" + r.detail + "）" : "");
        }).join("；")));
        ol.appendChild(li);
        var loc = m.resource.location;
        if (loc) {
          var at = L.latLng(loc.latitude, loc.longitude);
          L.polyline([center, at], { color: "#35577d", weight: 1.5, dashArray: "4 3" }).addTo(matchLayer);
          L.circleMarker(at, { radius: 6, color: "#7a5c00", weight: 1, fillColor: "#edc948", fillOpacity: 0.95 })
            .bindTooltip((i + 1) + ". " + m.resource.name + " (" + m.score + ")").addTo(matchLayer);
        }
      });
      panel.appendChild(ol);
      // frame the grid with its resources (the nearest ones; a far provider linked by an alliance may lie outside)
      var frame = layer.getBounds();
      matches.slice(0, 5).forEach(function (m) {
        if (m.resource.location && m.distanceM !== null && m.distanceM <= 3000) {
          frame.extend([m.resource.location.latitude, m.resource.location.longitude]);
        }
      });
      map.fitBounds(frame, { padding: [40, 40], maxZoom: 17 });
      L.circleMarker(center, { radius: 5, color: "#111", fillColor: "#fff", fillOpacity: 1 }).addTo(matchLayer);
      mapEl.setAttribute("data-selected", p.uid);
    });
  }

  function byUid(uid) {
    var found = null;
    gridLayer.eachLayer(function (l) { if (l.feature.properties.uid === uid) { found = l; } });
    return found;
  }
  function showHits(items) {
    hitsEl.textContent = "";
    items.forEach(function (h) {
      var li = el("li", {}, h.name);
      li.appendChild(el("small", {}, h.kind));
      li.addEventListener("click", function () { hitsEl.textContent = ""; h.go(); });
      hitsEl.appendChild(li);
    });
    if (!items.length && searchEl.value.trim()) { hitsEl.appendChild(el("li", {}, t("No match"))); }
  }
  var searchTimer = null;
  searchEl.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 250);
  });
  function runSearch() {
    var q = searchEl.value.trim();
    if (!q || !data) { showHits([]); return; }
    var hits = data.communities.features.filter(function (f) { return f.properties.name.indexOf(q) >= 0; })
      .slice(0, 5).map(function (f) {
        return { name: f.properties.name, kind: t("Community"),
                 go: function () { map.fitBounds(L.geoJSON(f).getBounds()); } };
      });
    if (q.length < 2) { showHits(hits); return; }
    gql(SEARCH, { q: q }).then(function (res) {
      var nodes = (res.data && res.data.searchOrganizations && res.data.searchOrganizations.nodes) || [];
      nodes.forEach(function (o) {
        hits.push({ name: o.name, kind: t("Organization") + (o.grid && o.grid.name ? " · " + o.grid.name : ""),
                    go: function () {
                      var layer = o.grid && byUid(o.grid.uid);
                      if (layer) { map.fitBounds(layer.getBounds(), { maxZoom: 16 }); select(layer); }
                    } });
      });
      showHits(hits);
    });
  }

  indicatorEl.addEventListener("change", function () {
    if (gridLayer) { gridLayer.setStyle(gridStyle); }
    legend.update();
  });

  var params = new URLSearchParams(window.location.search);
  var dataUrl = "/map/data" + (params.get("code") ? "?code=" + encodeURIComponent(params.get("code")) : "");
  fetch(dataUrl).then(function (r) {
    if (!r.ok) { throw new Error(r.status); }
    return r.json();
  }).then(function (d) {
    data = d;
    gridLayer = L.geoJSON(d.grids, {
      style: gridStyle,
      onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.name || f.properties.uid, { sticky: true });
        layer.on("click", function () { select(layer); });
      }
    }).addTo(map);
    L.geoJSON(d.communities, { style: { color: "#35577d", weight: 1.5, fill: false }, interactive: false }).addTo(map);
    // compounds with a boundary: thin outlines over the grids, not clickable (a click still selects the grid)
    L.geoJSON(d.compounds || { type: "FeatureCollection", features: [] }, {
      style: { color: "#8a5a00", weight: 1, fillOpacity: 0.08, dashArray: "3 2" }, interactive: false
    }).addTo(map);
    mapEl.setAttribute("data-compounds", String(d.compounds ? d.compounds.features.length : 0));
    L.geoJSON(d.streets, { style: { color: "#1b2f45", weight: 3, fill: false }, interactive: false }).addTo(map);
    if (d.grids.features.length) { map.fitBounds(gridLayer.getBounds()); } else { map.setView([30.65, 104.06], 12); }
    mapEl.setAttribute("data-status", "ready");
    mapEl.setAttribute("data-grids", String(d.grids.features.length));
    var pick = params.get("grid") && byUid(params.get("grid"));
    if (pick) { select(pick); }
  }).catch(function () {
    mapEl.setAttribute("data-status", "error");
    panel.textContent = t("Could not load the map data");
  });
})();
