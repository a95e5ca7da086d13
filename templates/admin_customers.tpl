{{%AUTOESCAPE context="HTML"}}
{{! Customers and resellers (ADMIN only), included as BODY of layout.tpl. }}
{{! CUSTOMER_ROW rows: CUSTOMER_ID, CUSTOMER_NAME, CUSTOMER_MARKET, }}
{{! CUSTOMER_CATALOG, CUSTOMER_TYPES, CUSTOMER_RESELLERS; RESELLER_ROW }}
{{! rows: RESELLER_ID, RESELLER_NAME, RESELLER_CUSTOMERS. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › [[Customers]]</p>
<h1>[[Customers]]</h1>
<div class="table-wrap">
<table class="customers">
  <thead>
    <tr><th scope="col">[[Id]]</th><th scope="col">[[Name]]</th><th scope="col">[[Market]]</th><th scope="col">[[Catalog]]</th><th scope="col">[[Customized types]]</th><th scope="col">[[Resellers]]</th></tr>
  </thead>
  <tbody>
{{#CUSTOMER_ROW}}
    <tr>
      <td><a href="/admin/customers/{{CUSTOMER_ID:u}}"><code>{{CUSTOMER_ID}}</code></a></td>
      <td>{{CUSTOMER_NAME}}</td>
      <td>{{CUSTOMER_MARKET}}</td>
      <td>{{CUSTOMER_CATALOG}}</td>
      <td>{{CUSTOMER_TYPES}}</td>
      <td>{{CUSTOMER_RESELLERS}}</td>
    </tr>
{{/CUSTOMER_ROW}}
  </tbody>
</table>
</div>
<h2>[[Resellers]]</h2>
<div class="table-wrap">
<table class="resellers">
  <thead>
    <tr><th scope="col">[[Id]]</th><th scope="col">[[Name]]</th><th scope="col">[[Customers]]</th></tr>
  </thead>
  <tbody>
{{#RESELLER_ROW}}
    <tr>
      <td><code>{{RESELLER_ID}}</code></td>
      <td>{{RESELLER_NAME}}</td>
      <td>{{RESELLER_CUSTOMERS}}</td>
    </tr>
{{/RESELLER_ROW}}
  </tbody>
</table>
</div>
