{{%AUTOESCAPE context="HTML"}}
{{! Products (ADMIN only), included as BODY of layout.tpl: PRODUCT rows }}
{{! (ID, NAME, RETIRED, TYPE, FEE, CUSTOMERS) or NO_PRODUCT; IMPORT: the import }}
{{! form (import_form.tpl). }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › [[Products]]</p>
<h1>[[Products]]</h1>
<p class="hint">[[The products an offer of an Internet request may name; an
initiation fee product is only chosen as an offer's initiation fee.]]</p>
<p class="actions"><a class="button" href="/admin/products/new">[[Add a product]]</a></p>
<div class="table-wrap">
<table class="products" id="products">
  <thead><tr><th scope="col">[[Id]]</th><th scope="col">[[Name]]</th><th scope="col">[[Type]]</th><th scope="col">[[Initiation fee]]</th><th scope="col">[[Valid for]]</th></tr></thead>
  <tbody>
{{#PRODUCT}}
    <tr><td><a href="/admin/products/{{ID}}/edit"><code>{{ID}}</code></a></td><td>{{NAME}}{{#RETIRED}} <span class="badge badge-CANCELED">[[retired]]</span>{{/RETIRED}}</td><td>{{TYPE}}</td><td>{{FEE}}</td><td>{{CUSTOMERS}}</td></tr>
{{/PRODUCT}}
{{#NO_PRODUCT}}
    <tr><td colspan="5">[[No products yet.]]</td></tr>
{{/NO_PRODUCT}}
  </tbody>
</table>
</div>
{{>IMPORT}}
