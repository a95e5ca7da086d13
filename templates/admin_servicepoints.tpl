{{%AUTOESCAPE context="HTML"}}
{{! Service points (ADMIN only), included as BODY of layout.tpl.  Filter }}
{{! form: CUSTOMER_OPTION and STATE_OPTION rows (OPTION, OPTION_NAME, }}
{{! SELECTED), F_Q, LIMIT.  Table: TOTAL, FROM, TO; SP_ROW rows (SP_ID, }}
{{! SP_CUSTOMER, SP_CUSTOMER_NAME, SP_NAME, SP_REFERENCE, SP_CUSTREF, }}
{{! SP_STATE (in words), SP_STATE_CODE, SP_PROFILE, SP_ADDRESS) or NO_SP; PREV (PREV_HREF), NEXT }}
{{! (NEXT_HREF).  IMPORT: the import form (import_form.tpl). }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › [[Service points]]</p>
<h1>[[Service points]]</h1>
<p class="actions"><a class="button" href="/admin/servicepoints/new">[[Add a service point]]</a></p>
<form class="form filters" method="get" action="/admin/servicepoints">
  <label for="sp-customer">[[Customer]]</label>
  <select id="sp-customer" name="customer">
    <option value="">[[any]]</option>
{{#CUSTOMER_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}} ({{OPTION}})</option>
{{/CUSTOMER_OPTION}}
  </select>
  <label for="sp-state">[[State]]</label>
  <select id="sp-state" name="state">
    <option value="">[[any]]</option>
{{#STATE_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/STATE_OPTION}}
  </select>
  <label for="sp-q">[[Reference, customer reference or name]]</label>
  <input id="sp-q" name="q" type="search" value="{{F_Q}}">
  <input type="hidden" name="limit" value="{{LIMIT}}">
  <button type="submit" class="button">[[Filter]]</button>
  <a href="/admin/servicepoints">[[Clear]]</a>
</form>
<p class="count">[[{{FROM}}–{{TO}} of <span id="total">{{TOTAL}}</span>]]</p>
<div class="table-wrap">
<table class="service-points">
  <thead>
    <tr><th scope="col">[[Id]]</th><th scope="col">[[Customer]]</th><th scope="col">[[Name]]</th><th scope="col">[[Reference]]</th><th scope="col">[[Customer reference]]</th><th scope="col">[[State]]</th><th scope="col">[[Profile]]</th><th scope="col">[[Address]]</th></tr>
  </thead>
  <tbody>
{{#SP_ROW}}
    <tr class="service-point">
      <td><a href="/admin/servicepoints/{{SP_ID}}/edit"><code>{{SP_ID}}</code></a></td>
      <td><abbr title="{{SP_CUSTOMER_NAME}}">{{SP_CUSTOMER}}</abbr></td>
      <td>{{SP_NAME}}</td>
      <td>{{SP_REFERENCE}}</td>
      <td>{{SP_CUSTREF}}</td>
      <td><span class="badge badge-{{SP_STATE_CODE}}">{{SP_STATE}}</span></td>
      <td>{{SP_PROFILE}}</td>
      <td>{{SP_ADDRESS}}</td>
    </tr>
{{/SP_ROW}}
{{#NO_SP}}
    <tr><td colspan="8" class="empty">[[No service point matches.]]</td></tr>
{{/NO_SP}}
  </tbody>
</table>
</div>
<p class="pager">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[Previous]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Next]]</a>{{/NEXT}}
</p>
{{>IMPORT}}
