{{%AUTOESCAPE context="HTML"}}
{{! One customer (ADMIN only), included as BODY of layout.tpl: CSRF, }}
{{! CUSTOMER_ID, CUSTOMER_NAME, CUSTOMER_MARKET; STANDARD rows (TYPE_ID, }}
{{! TYPE_TITLE); GRANTED rows (TYPE_ID, TYPE_TITLE, GONE when the type }}
{{! left the catalog) or NONE_GRANTED; CAN_GRANT with CHOICE rows }}
{{! (TYPE_ID, TYPE_TITLE, SELECTED) or NOTHING_TO_GRANT; GRANT_ERROR }}
{{! (GRANT_ERROR_TEXT); HISTORY rows (H_AT, H_ACTION, H_TYPE, H_BY) or }}
{{! NO_HISTORY; CUSTOMER_CURRENCY. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> ›
  <a href="/admin/customers">[[Customers]]</a> › {{CUSTOMER_ID}}</p>
<h1>{{CUSTOMER_NAME}}</h1>
<dl class="facts">
  <dt>[[Id]]</dt><dd><code id="customer-id">{{CUSTOMER_ID}}</code></dd>
  <dt>[[Market]]</dt><dd>{{CUSTOMER_MARKET}}</dd>
  <dt>[[Currency of its prices]]</dt><dd id="customer-currency">{{CUSTOMER_CURRENCY}}</dd>
</dl>

<h2>[[Standard catalog]]</h2>
<p class="hint">[[The standard types of the catalog for this customer's market: every such customer may use them.]]</p>
<ul class="standard-types">
{{#STANDARD}}
  <li><code>{{TYPE_ID}}</code> {{TYPE_TITLE}}</li>
{{/STANDARD}}
</ul>

<h2 id="customized">[[Customized catalog]]</h2>
<p class="hint">[[Types of the catalog reserved to named customers. A type granted here is in this customer's catalog at once (its list of types, its forms, the API's catalogItems); revoking it removes it at once. Requests already made keep their type.]]</p>
{{#GRANT_ERROR}}
<p class="form-errors" role="alert" id="grant-error">{{GRANT_ERROR_TEXT}}</p>
{{/GRANT_ERROR}}
<table class="granted-types">
  <thead><tr><th scope="col">[[Type]]</th><th scope="col">[[Title]]</th><th scope="col"></th></tr></thead>
  <tbody>
{{#GRANTED}}
    <tr data-type="{{TYPE_ID}}">
      <td><code>{{TYPE_ID}}</code></td>
      <td>{{TYPE_TITLE}}{{#GONE}} <span class="badge badge-REJECTED">[[no longer in the catalog]]</span>{{/GONE}}</td>
      <td>
        <form class="inline" method="post" action="/admin/customers/{{CUSTOMER_ID:u}}/types">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="action" value="revoke">
          <input type="hidden" name="type" value="{{TYPE_ID}}">
          <button type="submit" class="button button-secondary">[[Revoke]]</button>
        </form>
      </td>
    </tr>
{{/GRANTED}}
{{#NONE_GRANTED}}
    <tr><td colspan="3">[[No customized type is granted to this customer.]]</td></tr>
{{/NONE_GRANTED}}
  </tbody>
</table>
{{#CAN_GRANT}}
<form class="form grant-form" method="post" action="/admin/customers/{{CUSTOMER_ID:u}}/types">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="action" value="grant">
  <p class="field">
    <label for="grant-type">[[Grant a customized type]]</label>
    <select id="grant-type" name="type">
{{#CHOICE}}
      <option value="{{TYPE_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TYPE_ID}} — {{TYPE_TITLE}}</option>
{{/CHOICE}}
    </select>
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Grant]]</button></p>
</form>
{{/CAN_GRANT}}
{{#NOTHING_TO_GRANT}}
<p class="hint" id="nothing-to-grant">[[Every customized type of the catalog for this market is granted already.]]</p>
{{/NOTHING_TO_GRANT}}

<h2>[[History]]</h2>
<table class="grant-history">
  <thead><tr><th scope="col">[[When]]</th><th scope="col">[[Change]]</th><th scope="col">[[Type]]</th><th scope="col">[[By]]</th></tr></thead>
  <tbody>
{{#HISTORY}}
    <tr><td>{{H_AT}}</td><td>{{H_ACTION}}</td><td><code>{{H_TYPE}}</code></td><td>{{H_BY}}</td></tr>
{{/HISTORY}}
{{#NO_HISTORY}}
    <tr><td colspan="4">[[No change recorded.]]</td></tr>
{{/NO_HISTORY}}
  </tbody>
</table>
