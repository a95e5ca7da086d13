{{%AUTOESCAPE context="HTML"}}
{{! Admin home body (ADMIN only), included as BODY of layout.tpl: }}
{{! USER_NAME; a link per admin page. }}
<h1>[[Administration]]</h1>
<p class="lead">[[Signed in as {{USER_NAME}}, operator staff.]]</p>
<ul class="admin-links">
  <li><a href="/admin/users">[[Users]]</a>
    <span class="muted">— [[accounts, access levels, passwords and API keys]]</span></li>
  <li><a href="/admin/customers">[[Customers and resellers]]</a>
    <span class="muted">— [[who the desk serves, their markets and catalogs]]</span></li>
  <li><a href="/admin/internet">[[Internet requests]]</a>
    <span class="muted">— [[the inbox: enter offers, confirm ordered accounts]]</span></li>
  <li><a href="/admin/servicepoints">[[Service points]]</a>
    <span class="muted">— [[the customers' network sites]]</span></li>
  <li><a href="/admin/products">[[Products]]</a>
    <span class="muted">— [[what Internet offers may name]]</span></li>
  <li><a href="/admin/addresses">[[Addresses]]</a>
    <span class="muted">— [[where customers may ask for Internet access]]</span></li>
  <li><a href="/admin/outbox">[[Outbox]]</a>
    <span class="muted">— [[notification e-mail; retry the messages that could not be sent]]</span></li>
</ul>
