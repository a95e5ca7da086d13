/*
 * reqdesk.js -- progressive enhancement only.  Every page works without
 * it; it is loaded with "defer" from /static (the Content-Security-Policy
 * is default-src 'self': no inline scripts).
 *
 * Request forms: fields that only apply to some profiles carry
 * data-profiles="A|B"; when the profile select changes, the others are
 * hidden (the server ignores them anyway).
 */
(function () {
	"use strict";

	function applyProfile(form) {
		var select = form.querySelector("[data-profile-field] select");
		if (!select)
			return;
		var profile = select.value;
		form.querySelectorAll("[data-profiles]").forEach(function (field) {
			var allowed = field.getAttribute("data-profiles").split("|");
			var show = profile === "" || allowed.indexOf(profile) >= 0;
			field.hidden = !show;
		});
	}

	document.addEventListener("DOMContentLoaded", function () {
		document.documentElement.classList.add("js");
		document.querySelectorAll("form.request-form").forEach(function (form) {
			var select = form.querySelector("[data-profile-field] select");
			if (select)
				select.addEventListener("change", function () { applyProfile(form); });
			applyProfile(form);
		});
	});
}());
