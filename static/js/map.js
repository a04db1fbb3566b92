/* Progressive enhancement: draw a Leaflet map of a plain list's items.
 *
 * The list (id in data-map-list) is the content; each item with data-lat/data-lng
 * becomes a marker holding the item's first link. With data-pick-form, clicking the
 * map fills that form's lat/lng fields, and a "use my location" button is offered.
 */
(function () {
  "use strict";

  function markerFor(item) {
    var lat = parseFloat(item.dataset.lat);
    var lng = parseFloat(item.dataset.lng);
    if (isNaN(lat) || isNaN(lng)) return null;
    var marker = L.marker([lat, lng]);
    var link = item.querySelector("a");
    if (link) {
      var popup = document.createElement("a");
      popup.href = link.href;
      popup.textContent = link.textContent;
      marker.bindPopup(popup);
      marker.options.title = link.textContent;
    }
    return marker;
  }

  function enablePicking(map, form) {
    var lat = form.querySelector("[name=lat]");
    var lng = form.querySelector("[name=lng]");
    if (!lat || !lng) return;
    var chosen = null;
    map.on("click", function (event) {
      lat.value = event.latlng.lat.toFixed(6);
      lng.value = event.latlng.lng.toFixed(6);
      if (chosen) chosen.setLatLng(event.latlng);
      else chosen = L.circleMarker(event.latlng, { radius: 8 }).addTo(map);
      var details = lat.closest("details");
      if (details) details.open = true;
    });
    if (!navigator.geolocation) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = form.dataset.locateLabel || "Use my location";
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          lat.value = position.coords.latitude.toFixed(6);
          lng.value = position.coords.longitude.toFixed(6);
          form.submit();
        },
        function () {
          button.disabled = false;
          button.textContent = form.dataset.locateFailed || button.textContent;
        },
        { timeout: 10000 }
      );
    });
    form.querySelector(".actions").prepend(button);
  }

  function drawMap(element) {
    var list = document.getElementById(element.dataset.mapList);
    if (!list || typeof L === "undefined") return;
    var markers = [];
    list.querySelectorAll("[data-lat][data-lng]").forEach(function (item) {
      var marker = markerFor(item);
      if (marker) markers.push(marker);
    });
    var form = element.dataset.pickForm && document.getElementById(element.dataset.pickForm);
    if (!markers.length && !form) return;
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    var options = { attribution: element.dataset.attribution, maxZoom: 18 };
    if (element.dataset.subdomains) options.subdomains = element.dataset.subdomains;
    L.tileLayer(element.dataset.tiles, options).addTo(map);
    if (element.dataset.tilesOverlay) L.tileLayer(element.dataset.tilesOverlay, options).addTo(map);
    var group = L.featureGroup(markers).addTo(map);
    if (markers.length) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16 });
    else map.setView([29.5, 106.5], 12);  // Jiulongpo District, when nothing is located yet
    if (form) enablePicking(map, form);
  }

  document.querySelectorAll("[data-map-list]").forEach(drawMap);
})();
