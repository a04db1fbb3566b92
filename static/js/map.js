/* Progressive enhancement: draw a Leaflet map of a plain list's items.
 *
 * The list (id in data-map-list) is the content; each item with data-lat/data-lng
 * becomes a marker holding the item's first link. With data-pick-form, clicking the
 * map fills that form's lat/lng fields, and a "use my location" button is offered.
 *
 * With data-points (issue 7, page weight), the markers are instead every matching row's
 * [id, lat, lng] from that JSON URL, and a marker's name, link and status are fetched from
 * data-details (with "{id}" replaced) only when it is clicked.
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

  function popupText(details) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = details.url;
    link.textContent = details.name;
    box.appendChild(link);
    if (details.status) {
      var status = document.createElement("div");
      status.textContent = details.status;
      box.appendChild(status);
    }
    return box;
  }

  function fetchedMarker(point, detailsUrl) {
    var marker = L.marker([point[1], point[2]]);
    var loaded = false;
    marker.bindPopup("…");
    marker.on("popupopen", function () {
      if (loaded) return;
      fetch(detailsUrl.replace("{id}", point[0]), { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (details) {
          loaded = true;
          marker.setPopupContent(popupText(details));
        })
        .catch(function () {
          marker.closePopup();
        });
    });
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

  function listMarkers(element) {
    var list = document.getElementById(element.dataset.mapList);
    var markers = [];
    if (!list) return markers;
    list.querySelectorAll("[data-lat][data-lng]").forEach(function (item) {
      var marker = markerFor(item);
      if (marker) markers.push(marker);
    });
    return markers;
  }

  function loadMarkers(element) {
    if (!element.dataset.points) return Promise.resolve(listMarkers(element));
    return fetch(element.dataset.points, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (points) {
        return points.map(function (point) {
          return fetchedMarker(point, element.dataset.details);
        });
      })
      .catch(function () {
        return listMarkers(element);  // the page's own list, when the JSON cannot be had
      });
  }

  function drawMap(element) {
    if (typeof L === "undefined") return;
    loadMarkers(element).then(function (markers) {
      showMap(element, markers);
    });
  }

  function showMap(element, markers) {
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
