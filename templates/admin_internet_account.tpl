{{%AUTOESCAPE context="HTML"}}
{{! The question before the operator activates or cancels an Internet }}
{{! account, included as BODY of layout.tpl: HEADING, LEAD, YES (the }}
{{! button), ACTION (activate or cancel), ID (the request), ACCOUNT_ID, }}
{{! ACCOUNT_STATE (in words), CUSTOMER, ADDRESS, CSRF. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › <a href="/admin/internet">[[Internet requests]]</a> › <a href="/admin/internet/{{ID:u}}">{{ID}}</a></p>
<h1>{{HEADING}}</h1>
<p class="lead">{{LEAD}}</p>
<dl class="request-data">
  <dt>[[Account]]</dt><dd><code id="account-id">{{ACCOUNT_ID}}</code> ({{ACCOUNT_STATE}})</dd>
  <dt>[[Customer]]</dt><dd>{{CUSTOMER}}</dd>
  <dt>[[Installation address]]</dt><dd>{{ADDRESS}}</dd>
</dl>
<form class="form account-confirm" method="post" action="/admin/internet/{{ID:u}}/{{ACTION:u}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="confirm" value="yes">
  <p class="form-actions"><button type="submit" class="button" id="confirm-{{ACTION}}">{{YES}}</button> <a href="/admin/internet/{{ID:u}}" id="keep-account">[[No, go back]]</a></p>
</form>
