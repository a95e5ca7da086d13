{{%AUTOESCAPE context="HTML"}}
{{! One Internet request (seed 002), included as BODY of layout.tpl: ID, }}
{{! STATE (the code, for the badge's class) and STATE_TEXT, TYPE, ADDRESS, }}
{{! CREATED, CSRF, ADMIN_LINK; FACT rows (FACT_LABEL, FACT_VALUE, }}
{{! FACT_CLASS with FACT_CLASS_NAME); NO_OFFERS or EXPIRY (EXPIRY_CLASS, }}
{{! EXPIRY_TEXT); ORDER_ERROR (ORDER_ERROR_TEXT); ACCOUNT (ACCOUNT_ID, }}
{{! ACCOUNT_STATE, ACCOUNT_STATE_TEXT, ACCOUNT_START: ACCOUNT_START_DATE, }}
{{! ACCOUNT_TIME: ACCOUNT_TIME_TEXT, ACCOUNT_CIRCUIT: ACCOUNT_CIRCUIT_ID, }}
{{! ACCOUNT_ACTIVE: ACCOUNT_ACTIVATED, ACCOUNT_CANCELLED: ACCOUNT_CANCELLED_AT); }}
{{! OFFER cards (OF_ID, OF_PRODUCT, OF_PROVIDER, OF_PRICE rows: OP_KEY, }}
{{! OP_LABEL, OP_VALUE with the currency; OF_COMMITMENT, OF_FEE }}
{{! (OF_FEE_PRODUCT), OF_LIST_PRICE, OF_ORDERED or OF_ORDER: a button to }}
{{! the order's summary); the conversation (conversation.tpl), }}
{{! WAITING_BADGE. }}
<p class="breadcrumb"><a href="/internet">[[Internet requests]]</a> › {{ID}}</p>
<h1>[[Internet request <code id="request-id">{{ID}}</code>]]</h1>
<p class="lead"><span class="badge badge-{{STATE}}" id="request-state" data-state="{{STATE}}">{{STATE_TEXT}}</span> · <span id="request-type">{{TYPE}}</span> · {{ADDRESS}} · [[created {{CREATED}}]]{{#WAITING_BADGE}} · <span class="badge badge-waiting" id="request-waiting">[[Waiting for the customer]]</span>{{/WAITING_BADGE}}</p>
{{#ADMIN_LINK}}
<p><a class="button secondary" href="/admin/internet/{{ID:u}}" id="offer-entry-link">[[Offer entry page]]</a></p>
{{/ADMIN_LINK}}
<dl class="facts">
{{#FACT}}
  <dt>{{FACT_LABEL}}</dt><dd{{#FACT_CLASS}} class="{{FACT_CLASS_NAME}}"{{/FACT_CLASS}}>{{FACT_VALUE:pre_escape}}</dd>
{{/FACT}}
</dl>
<h2>[[Offers]]</h2>
{{#NO_OFFERS}}
<p class="muted" id="no-offers">[[No offer yet: the operator answers with offers, and you are told by e-mail.]]</p>
{{/NO_OFFERS}}
{{#EXPIRY}}
<p class="{{EXPIRY_CLASS}}" id="expiry">{{EXPIRY_TEXT}}</p>
{{/EXPIRY}}
{{#ORDER_ERROR}}
<p class="form-errors" role="alert" id="order-error">{{ORDER_ERROR_TEXT}}</p>
{{/ORDER_ERROR}}
{{#ACCOUNT}}
<p class="flash" id="account">[[An offer was ordered: account <code>{{ACCOUNT_ID}}</code> is <span class="badge badge-{{ACCOUNT_STATE}}" id="account-state" data-state="{{ACCOUNT_STATE}}">{{ACCOUNT_STATE_TEXT}}</span>.]]{{#ACCOUNT_START}} [[Delivery on <span id="account-start">{{ACCOUNT_START_DATE}}</span>.]]{{#ACCOUNT_TIME}} [[Time window: {{ACCOUNT_TIME_TEXT}}.]]{{/ACCOUNT_TIME}}{{#ACCOUNT_CIRCUIT}} [[Circuit: <span id="account-circuit">{{ACCOUNT_CIRCUIT_ID}}</span>.]]{{/ACCOUNT_CIRCUIT}}{{/ACCOUNT_START}}{{#ACCOUNT_ACTIVE}} [[Active since <span id="account-activated">{{ACCOUNT_ACTIVATED}}</span>.]]{{/ACCOUNT_ACTIVE}}{{#ACCOUNT_CANCELLED}} [[Cancelled on <span id="account-cancelled">{{ACCOUNT_CANCELLED_AT}}</span>.]]{{/ACCOUNT_CANCELLED}}</p>
{{/ACCOUNT}}
<div class="offers">
{{#OFFER}}
  <article class="offer{{#OF_ORDERED}} offer-ordered{{/OF_ORDERED}}" id="offer-{{OF_ID}}" data-offer="{{OF_ID}}">
    <h3 class="offer-product">{{OF_PRODUCT}}</h3>
    <p class="offer-provider">{{OF_PROVIDER}}</p>
    <dl class="offer-prices">
{{#OF_PRICE}}
      <dt>{{OP_LABEL}}</dt><dd class="price" data-price="{{OP_KEY}}">{{OP_VALUE}}</dd>
{{/OF_PRICE}}
      <dt>[[Commitment]]</dt><dd class="commitment">{{OF_COMMITMENT}}</dd>
    </dl>
{{#OF_LIST_PRICE}}
    <p class="hint">[[Priced at the product's list price.]]</p>
{{/OF_LIST_PRICE}}
{{#OF_FEE}}
    <p class="hint">[[Initiation: {{OF_FEE_PRODUCT}}]]</p>
{{/OF_FEE}}
{{#OF_ORDERED}}
    <p><span class="badge badge-ORDERED">[[Ordered]]</span></p>
{{/OF_ORDERED}}
{{#OF_ORDER}}
    <form class="order-form" method="post" action="/internet/{{ID:u}}/order">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="offer" value="{{OF_ID}}">
      <button type="submit" class="button order-offer">[[Order this offer…]]</button>
    </form>
{{/OF_ORDER}}
  </article>
{{/OFFER}}
</div>
{{>CONVERSATION}}
<p><a href="/internet">[[Back to the list]]</a></p>
