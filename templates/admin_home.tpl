{{%AUTOESCAPE context="HTML"}}
{{! The operator's inbox, /admin (ADMIN only; admin_inbox.c), included as }}
{{! BODY of layout.tpl: USER_NAME, CSRF; COUNTS with COUNT rows }}
{{! (COUNT_FAMILY, COUNT_STATE, COUNT_N); VIEW rows (VIEW_LABEL, }}
{{! VIEW_COUNT, VIEW_HREF, CURRENT); the filter form's VIEW_CODE and }}
{{! FAMILY_OPTION, STATE_OPTION (OPTION_GROUP), PRIORITY_OPTION, }}
{{! SORT_OPTION rows (OPTION, OPTION_NAME, SELECTED); ITEM rows }}
{{! (ITEM_HREF, ITEM_ID, ITEM_FAMILY_CODE, ITEM_FAMILY, ITEM_WHAT, }}
{{! ITEM_REFERENCE, ITEM_PLACE, ITEM_CUSTOMER, ITEM_STATE, }}
{{! ITEM_STATE_CODE, ITEM_DUE, ITEM_ACTIVITY, ITEM_PRIORITY, }}
{{! ITEM_PRIORITY_CODE, ITEM_HIGH, ITEM_ASSIGNEE or ITEM_NOBODY, }}
{{! ITEM_WAITING, TAKE with BACK) or EMPTY; LOOKED (a filtered page that stopped looking); NEXT (NEXT_HREF), FIRST }}
{{! (FIRST_HREF).  Then a link per admin page. }}
<h1>[[Inbox]]</h1>
<p class="lead">[[Signed in as {{USER_NAME}}, operator staff.]]</p>
{{#COUNTS}}
<h2 id="counts">[[Requests by state]]</h2>
<div class="table-wrap">
<table class="counts" id="queue-counts">
  <thead><tr><th scope="col">[[Family]]</th><th scope="col">[[State]]</th><th scope="col">[[Requests]]</th></tr></thead>
  <tbody>
{{#COUNT}}
    <tr><td>{{COUNT_FAMILY}}</td><td>{{COUNT_STATE}}</td><td class="num">{{COUNT_N}}</td></tr>
{{/COUNT}}
  </tbody>
</table>
</div>
{{/COUNTS}}
<h2 id="queue">[[Open requests]]</h2>
<ul class="views" id="queue-views">
{{#VIEW}}
  <li><a href="{{VIEW_HREF}}"{{#CURRENT}} aria-current="page" class="current"{{/CURRENT}}>{{VIEW_LABEL}} <span class="count">({{VIEW_COUNT}})</span></a></li>
{{/VIEW}}
</ul>
<form class="form filters" method="get" action="/admin">
  <input type="hidden" name="view" value="{{VIEW_CODE}}">
  <label for="q-family">[[Family]]</label>
  <select id="q-family" name="family">
    <option value="">[[Both families]]</option>
{{#FAMILY_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/FAMILY_OPTION}}
  </select>
  <label for="q-state">[[State]]</label>
  <select id="q-state" name="state">
    <option value="">[[Any state]]</option>
{{#STATE_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_GROUP}}: {{OPTION_NAME}}</option>
{{/STATE_OPTION}}
  </select>
  <label for="q-priority">[[Priority]]</label>
  <select id="q-priority" name="priority">
    <option value="">[[Any priority]]</option>
{{#PRIORITY_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/PRIORITY_OPTION}}
  </select>
  <label for="q-sort">[[Sort by]]</label>
  <select id="q-sort" name="sort">
{{#SORT_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/SORT_OPTION}}
  </select>
  <button type="submit" class="button">[[Show]]</button>
</form>
<div class="table-wrap">
<table class="queue" id="queue-items">
  <thead><tr><th scope="col">[[Request]]</th><th scope="col">[[Customer]]</th><th scope="col">[[State]]</th><th scope="col">[[Due]]</th><th scope="col">[[Priority]]</th><th scope="col">[[Handled by]]</th><th scope="col">[[Latest activity]]</th></tr></thead>
  <tbody>
{{#ITEM}}
    <tr class="queue-item" data-family="{{ITEM_FAMILY_CODE}}" data-id="{{ITEM_ID}}" data-state="{{ITEM_STATE_CODE}}" data-priority="{{ITEM_PRIORITY_CODE}}">
      <td><a href="{{ITEM_HREF}}">{{ITEM_FAMILY}}: {{ITEM_WHAT}}</a> <span class="muted">{{ITEM_REFERENCE}} {{ITEM_PLACE}}</span></td>
      <td>{{ITEM_CUSTOMER}}</td>
      <td>{{ITEM_STATE}}{{#ITEM_WAITING}} <span class="badge badge-waiting">[[waiting for the customer]]</span>{{/ITEM_WAITING}}</td>
      <td>{{ITEM_DUE}}</td>
      <td>{{#ITEM_HIGH}}<strong>{{/ITEM_HIGH}}{{ITEM_PRIORITY}}{{#ITEM_HIGH}}</strong>{{/ITEM_HIGH}}</td>
      <td>{{ITEM_ASSIGNEE}}{{#ITEM_NOBODY}}<span class="muted">[[nobody]]</span>{{/ITEM_NOBODY}}
{{#TAKE}}
        <form class="inline" method="post" action="/admin/assign">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="family" value="{{ITEM_FAMILY_CODE}}">
          <input type="hidden" name="id" value="{{ITEM_ID}}">
          <input type="hidden" name="assignee" value="me">
          <input type="hidden" name="back" value="{{BACK}}">
          <button type="submit" class="button small">[[Take it]]</button>
        </form>
{{/TAKE}}
      </td>
      <td>{{ITEM_ACTIVITY}}</td>
    </tr>
{{/ITEM}}
{{#EMPTY}}
    <tr><td colspan="7" class="empty">[[No open request in this view.]]</td></tr>
{{/EMPTY}}
{{#LOOKED}}
    <tr><td colspan="7" class="empty">[[This page looked through part of the queue only: the next page goes on from there.]]</td></tr>
{{/LOOKED}}
  </tbody>
</table>
</div>
<p class="pager">{{#FIRST}}<a href="{{FIRST_HREF}}">[[First page]]</a>{{/FIRST}} {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Next page]]</a>{{/NEXT}}</p>

<h2 id="pages">[[The operator's pages]]</h2>
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
