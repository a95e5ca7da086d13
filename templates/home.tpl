{{%AUTOESCAPE context="HTML"}}
{{! The home page, included as BODY of layout.tpl.  ANON: a visitor's }}
{{! welcome.  USER (USER_NAME, CUSTOMER_NAME): what they work on: BVPN }}
{{! (OPEN_COUNT: OPEN_TEXT, REQUEST rows as requests.tpl's, NO_OPEN, MORE_OPEN), INET }}
{{! (INET_COUNT: INET_TEXT, ROW rows as internet_list.tpl's, NO_INET), }}
{{! NOTHING; NEW_REQUEST, NEW_INTERNET: the forms they may use. }}
{{#ANON}}
<h1>[[Welcome to reqdesk]]</h1>
<p>[[reqdesk is the service-request desk where business customers ask for
changes to their network sites and for Internet access offers, and follow
each request until it is done.]]</p>
<p>[[<a class="button" href="/login">Log in</a> to see and submit your requests.]]</p>
{{/ANON}}
{{#USER}}
<h1>[[Welcome, {{USER_NAME}}]]</h1>
<p class="lead">{{CUSTOMER_NAME}}</p>
{{#BVPN}}
<section class="home-family" aria-labelledby="home-requests">
  <h2 id="home-requests">[[Requests in progress]]</h2>
{{#OPEN_COUNT}}
  <p class="count" id="open-requests">{{OPEN_TEXT}}</p>
{{/OPEN_COUNT}}
{{#NO_OPEN}}
  <p class="empty">[[None of your requests is waiting or in progress.]]</p>
{{/NO_OPEN}}
  <ul class="home-list">
{{#REQUEST}}
    <li class="home-item" data-id="{{REQ_ID}}">
      <a href="/requests/{{REQ_ID:u}}">{{REQ_NAME}}</a>
      <span class="badge badge-{{REQ_STATUS}}">{{REQ_STATUS_TEXT}}</span>
      <span class="home-facts">{{#REQ_HAS_CUSTREF}}[[Your reference: {{REQ_CUSTREF}}]] · {{/REQ_HAS_CUSTREF}}[[requested for {{REQ_REQUESTED}}]] · {{REQ_CUSTOMER}}</span>
    </li>
{{/REQUEST}}
  </ul>
  <p class="home-links">{{#MORE_OPEN}}<a href="/requests?status=NEW,IN_PROGRESS">[[Every request in progress]]</a> · {{/MORE_OPEN}}<a href="/requests">[[All your requests]]</a>{{#NEW_REQUEST}} · <a class="button" href="/requests/new">[[New request]]</a>{{/NEW_REQUEST}}</p>
</section>
{{/BVPN}}
{{#INET}}
<section class="home-family" aria-labelledby="home-internet">
  <h2 id="home-internet">[[Internet requests in progress]]</h2>
{{#INET_COUNT}}
  <p class="count" id="open-internet">{{INET_TEXT}}</p>
{{/INET_COUNT}}
{{#NO_INET}}
  <p class="empty">[[None of your Internet requests is waiting for offers or an order.]]</p>
{{/NO_INET}}
  <ul class="home-list">
{{#ROW}}
    <li class="home-item" data-id="{{R_ID}}">
      <a href="/internet/{{R_ID:u}}">{{R_TYPE}} · {{R_ADDRESS}}</a>
      <span class="badge badge-{{R_STATE}}">{{R_STATE_TEXT}}</span>
      <span class="home-facts">[[created {{R_CREATED}}]]</span>
    </li>
{{/ROW}}
  </ul>
  <p class="home-links"><a href="/internet">[[All your Internet requests]]</a>{{#NEW_INTERNET}} · <a class="button" href="/internet/new">[[New Internet request]]</a>{{/NEW_INTERNET}}</p>
</section>
{{/INET}}
{{#NOTHING}}
<p class="empty">[[There is nothing for you to follow yet.]]</p>
{{/NOTHING}}
{{/USER}}
