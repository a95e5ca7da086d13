{{%AUTOESCAPE context="HTML"}}
{{! Home page body, included as BODY of layout.tpl.  Its own dictionary: }}
{{! section ANON, or section USER (USER_NAME, CUSTOMER_NAME) with one }}
{{! REQUEST row per request (REQ_ID, REQ_TYPE, REQ_STATUS, REQ_CREATED) }}
{{! or, when there is none, section NO_REQUESTS. }}
{{#ANON}}
<h1>Welcome to reqdesk</h1>
<p>reqdesk is the service-request desk where business customers ask for
changes to their network sites and for Internet access offers, and follow
each request until it is done.</p>
<p><a class="button" href="/login">Log in</a> to see and submit your requests.</p>
{{/ANON}}
{{#USER}}
<h1>My requests</h1>
<p class="lead">Welcome, {{USER_NAME}} ({{CUSTOMER_NAME}}).</p>
<div class="table-wrap">
<table class="requests">
  <thead>
    <tr><th scope="col">Request</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Created</th></tr>
  </thead>
  <tbody>
{{#REQUEST}}
    <tr>
      <td><a href="/requests/{{REQ_ID:u}}">{{REQ_ID}}</a></td>
      <td>{{REQ_TYPE}}</td>
      <td><span class="badge badge-{{REQ_STATUS}}">{{REQ_STATUS}}</span></td>
      <td>{{REQ_CREATED}}</td>
    </tr>
{{/REQUEST}}
{{#NO_REQUESTS}}
    <tr class="empty">
      <td colspan="4">You have no requests yet.
        <a href="/requests/new">Submit a new request</a> or
        <a href="/internet/new">ask for Internet access</a>.</td>
    </tr>
{{/NO_REQUESTS}}
  </tbody>
</table>
</div>
{{/USER}}
