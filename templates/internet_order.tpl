{{%AUTOESCAPE context="HTML"}}
{{! The summary before an offer is ordered, included as BODY of }}
{{! layout.tpl: ID (the request), OFFER_ID, CSRF, PRODUCT, PROVIDER }}
{{! (PROVIDER_NAME), FEE (FEE_PRODUCT), ADDRESS, TYPE, CUSTOMER, }}
{{! COMMITMENT, INITIATION and MONTHLY (with the currency), EXPIRES. }}
<p class="breadcrumb"><a href="/internet">[[Internet requests]]</a> › <a href="/internet/{{ID:u}}">{{ID}}</a> › [[Order]]</p>
<h1>[[Order this offer?]]</h1>
<p class="lead">[[Check the offer before you order it: the order commits your company for the whole commitment.]]</p>
<dl class="order-summary" id="order-summary">
  <dt>[[Product]]</dt><dd id="order-product">{{PRODUCT}}</dd>
{{#PROVIDER}}
  <dt>[[Provider]]</dt><dd>{{PROVIDER_NAME}}</dd>
{{/PROVIDER}}
  <dt>[[Customer]]</dt><dd>{{CUSTOMER}}</dd>
  <dt>[[Installation address]]</dt><dd>{{TYPE}} · {{ADDRESS}}</dd>
  <dt>[[Commitment]]</dt><dd id="order-commitment">{{COMMITMENT}}</dd>
  <dt>[[Initiation]]</dt><dd id="order-initiation">{{INITIATION}}</dd>
{{#FEE}}
  <dt>[[Initiation fee]]</dt><dd>{{FEE_PRODUCT}}</dd>
{{/FEE}}
  <dt>[[Per month]]</dt><dd id="order-monthly">{{MONTHLY}}</dd>
  <dt>[[Offer valid until]]</dt><dd>{{EXPIRES}}</dd>
</dl>
<form class="form order-confirm" method="post" action="/internet/{{ID:u}}/order">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="offer" value="{{OFFER_ID}}">
  <input type="hidden" name="confirm" value="yes">
  <p class="form-actions"><button type="submit" class="button" id="order-confirm">[[I order this offer]]</button> <a href="/internet/{{ID:u}}" id="order-back">[[No, back to the offers]]</a></p>
</form>
