/*
 * reqdesk-internet.js -- progressive enhancement of the Internet request
 * pages.  Both work without it: the server applies every rule, and the
 * offer entry page adds and removes rows with plain form buttons.  Loaded
 * with "defer" from /static (Content-Security-Policy default-src 'self').
 *
 * New request: parts marked data-only="DSL" / "FIBER" are hidden, and
 * their inputs disabled (so not sent), for the other type; the product
 * choice keeps the products of the chosen type.
 *
 * Offer entry: "Add an offer row" and "Remove this offer" act at once,
 * without a round trip; rows are renumbered so that input names stay
 * offers[0], offers[1]... as the server expects.
 */
(function () {
	"use strict";

	function chosenType(form) {
		var checked = form.querySelector("input[name=type]:checked");
		return checked ? checked.value : "";
	}

	function applyType(form) {
		var type = chosenType(form);
		form.querySelectorAll("[data-only]").forEach(function (part) {
			var show = type === "" || part.getAttribute("data-only") === type;
			part.hidden = !show;
			part.querySelectorAll("input, select, textarea").forEach(function (input) {
				input.disabled = !show;
			});
		});
		var product = form.querySelector("select[name=product]");
		if (!product)
			return;
		Array.prototype.forEach.call(product.options, function (option) {
			var t = option.getAttribute("data-type");
			option.hidden = type !== "" && t !== null && t !== type;
			if (option.hidden && option.selected)
				product.value = "";
		});
	}

	function renumber(container, rowsInput) {
		var rows = container.querySelectorAll(".offer-row");
		rows.forEach(function (row, i) {
			var fix = function (value) {
				return value.replace(/offers\[\d+\]/g, "offers[" + i + "]");
			};
			row.setAttribute("data-row", String(i));
			var legend = row.querySelector("legend");
			if (legend)	/* "Offer 2", "Offre 2", "Tilbud 2": the number */
				legend.textContent = legend.textContent.replace(/\d+/, String(i + 1));
			row.querySelectorAll("[name], [id], label[for]").forEach(function (el) {
				["name", "id", "for"].forEach(function (attr) {
					if (el.hasAttribute(attr))
						el.setAttribute(attr, fix(el.getAttribute(attr)));
				});
			});
			var remove = row.querySelector("button.remove-row");
			if (remove)
				remove.value = String(i);
		});
		rowsInput.value = String(rows.length);
	}

	function clearRow(row) {
		row.querySelectorAll("input, select").forEach(function (input) {
			input.value = "";
		});
		row.querySelectorAll(".field-error").forEach(function (e) { e.remove(); });
		row.querySelectorAll(".has-error").forEach(function (e) {
			e.classList.remove("has-error");
		});
	}

	function enhanceOfferEntry(form) {
		var container = form.querySelector(".offer-rows");
		var rowsInput = form.querySelector("input[name=rows]");
		var add = form.querySelector("#add-row");
		if (!container || !rowsInput || !add || add.disabled)
			return;
		add.addEventListener("click", function (event) {
			var rows = container.querySelectorAll(".offer-row");
			if (rows.length === 0 || rows.length >= 20)
				return;
			event.preventDefault();
			var copy = rows[rows.length - 1].cloneNode(true);
			clearRow(copy);
			container.appendChild(copy);
			renumber(container, rowsInput);
			var first = copy.querySelector("select, input[type=text]");
			if (first)
				first.focus();
		});
		container.addEventListener("click", function (event) {
			var button = event.target.closest("button.remove-row");
			if (!button)
				return;
			event.preventDefault();
			var row = button.closest(".offer-row");
			if (container.querySelectorAll(".offer-row").length > 1)
				row.remove();
			else
				clearRow(row);
			renumber(container, rowsInput);
		});
	}

	document.addEventListener("DOMContentLoaded", function () {
		document.querySelectorAll("form.internet-form").forEach(function (form) {
			form.querySelectorAll("input[name=type]").forEach(function (radio) {
				radio.addEventListener("change", function () { applyType(form); });
			});
			applyType(form);
		});
		document.querySelectorAll("form.offer-entry").forEach(enhanceOfferEntry);
	});
}());
