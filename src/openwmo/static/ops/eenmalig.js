// Double-submit guard: every ordinary POST form gets a one-time token (checked by
// openwmo.ops.middleware.EenmaligFormulierMiddleware) and is sent at most once per page.
(function () {
  "use strict";
  function nieuwToken() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID().replace(/-/g, "");
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  function isHtmx(form) {
    return form.hasAttribute("hx-post") || form.hasAttribute("hx-put") ||
      form.hasAttribute("hx-patch") || form.hasAttribute("hx-delete") ||
      form.closest("[hx-boost]") !== null;
  }
  function bewaak(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll("form") : [];
    Array.prototype.forEach.call(forms, function (form) {
      if ((form.getAttribute("method") || "").toLowerCase() !== "post" || isHtmx(form) ||
          form.querySelector("input[name=_eenmalig]")) {
        return;
      }
      var veld = document.createElement("input");
      veld.type = "hidden";
      veld.name = "_eenmalig";
      veld.value = nieuwToken();
      form.appendChild(veld);
      form.addEventListener("submit", function (event) {
        if (form.dataset.verstuurd === "ja") {
          event.preventDefault();
          return;
        }
        form.dataset.verstuurd = "ja";
        form.setAttribute("aria-busy", "true");
        // Still on this page after 10 s (a download, or no answer): allow a new send.
        window.setTimeout(function () {
          delete form.dataset.verstuurd;
          form.removeAttribute("aria-busy");
          veld.value = nieuwToken();
        }, 10000);
      });
    });
  }
  // Back from the cache: the form may be sent again, with the same token, so the server
  // answers "already sent" instead of storing it twice. Reloading gives a fresh form.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      Array.prototype.forEach.call(document.querySelectorAll("form[data-verstuurd]"), function (f) {
        delete f.dataset.verstuurd;
        f.removeAttribute("aria-busy");
      });
    }
  });
  document.addEventListener("DOMContentLoaded", function () { bewaak(document); });
  document.addEventListener("htmx:load", function (event) { bewaak(event.target); });
}());
