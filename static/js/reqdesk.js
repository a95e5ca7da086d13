/*
 * reqdesk.js -- progressive enhancement only.  Every page works without
 * it; it is loaded with "defer" from /static (the Content-Security-Policy
 * is default-src 'self': no inline scripts).  For now it only marks the
 * document so that the stylesheet can tell whether scripts run.
 */
(function () {
	"use strict";

	document.addEventListener("DOMContentLoaded", function () {
		document.documentElement.classList.add("js");
	});
}());
