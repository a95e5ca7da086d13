{{%AUTOESCAPE context="HTML"}}
{{! Customer addresses (ADMIN only), included as BODY of layout.tpl: }}
{{! CUSTOMER_OPTION rows (OPTION, OPTION_NAME, SELECTED); TOTAL, SHOWN, }}
{{! CAPPED; ADDRESS rows (ID, CUSTOMER, CUSTOMER_NAME, ADDRESS, RETIRED, ZIP, CITY) }}
{{! or NO_ADDRESS; IMPORT: the import form (import_form.tpl). }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › [[Addresses]]</p>
<h1>[[Addresses]]</h1>
<p class="hint">[[The customers' addresses an Internet request may be made for.]]</p>
<p class="actions"><a class="button" href="/admin/addresses/new">[[Add an address]]</a></p>
<form class="form filters" method="get" action="/admin/addresses">
  <label for="addr-customer">[[Customer]]</label>
  <select id="addr-customer" name="customer">
    <option value="">[[Every customer]]</option>
{{#CUSTOMER_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}} ({{OPTION}})</option>
{{/CUSTOMER_OPTION}}
  </select>
  <button type="submit" class="button">[[Show]]</button>
</form>
<p id="address-count">{{TOTAL_TEXT}}{{#CAPPED}} [[The first {{SHOWN}} are shown: choose a customer.]]{{/CAPPED}}</p>
<div class="table-wrap">
<table class="addresses" id="addresses">
  <thead><tr><th scope="col">[[Id]]</th><th scope="col">[[Customer]]</th><th scope="col">[[Address]]</th><th scope="col">[[Zip]]</th><th scope="col">[[City]]</th></tr></thead>
  <tbody>
{{#ADDRESS}}
    <tr><td><a href="/admin/addresses/{{ID}}/edit"><code>{{ID}}</code></a></td><td>{{CUSTOMER_NAME}} ({{CUSTOMER}})</td><td>{{ADDRESS}}{{#RETIRED}} <span class="badge badge-CANCELED">[[retired]]</span>{{/RETIRED}}</td><td>{{ZIP}}</td><td>{{CITY}}</td></tr>
{{/ADDRESS}}
{{#NO_ADDRESS}}
    <tr><td colspan="5">[[No addresses.]]</td></tr>
{{/NO_ADDRESS}}
  </tbody>
</table>
</div>
{{>IMPORT}}
