/*
 * reqdesk.js -- progressive enhancement only.  Every page works without
 * it; it is loaded with "defer" from /static (the Content-Security-Policy
 * is default-src 'self': no inline scripts).
 *
 * Request forms: fields that only apply to some profiles carry
 * data-profiles="A|B"; when the profile select changes, the others are
 * hidden (the server ignores them anyway).
 *
 * Tables: on a phone the stylesheet shows each row of a table as a block
 * of lines; each cell is named by its column's heading, copied here into
 * its data-label (cells that name themselves in the template keep theirs).
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

	function labelCells(table) {
		var heads = table.querySelectorAll("thead th");
		if (!heads.length)
			return;
		table.querySelectorAll("tbody tr").forEach(function (row) {
			var i = 0;
			Array.prototype.forEach.call(row.children, function (cell) {
				var head = heads[i];
				i += cell.colSpan || 1;
				if (head && !cell.hasAttribute("data-label") &&
				    head.textContent.trim() !== "")
					cell.setAttribute("data-label", head.textContent.trim());
			});
		});
	}

	document.addEventListener("DOMContentLoaded", function () {
		document.documentElement.classList.add("js");
		document.querySelectorAll("table").forEach(labelCells);
		document.querySelectorAll("form.request-form").forEach(function (form) {
			var select = form.querySelector("[data-profile-field] select");
			if (select)
				select.addEventListener("change", function () { applyProfile(form); });
			applyProfile(form);
		});
	});
}());
