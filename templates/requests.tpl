{{%AUTOESCAPE context="HTML"}}
{{! The caller's requests with filters, pagination and a CSV export: }}
{{! STATUS_OPTION and CATEGORY_OPTION rows (VALUE, LABEL in words), }}
{{! CUSTOMER_FILTER, ASSIGNEE_FILTER (the operator's: ASSIGNEE_NONE, ASSIGNEE_OPTION rows), }}
{{! REQUEST rows (see orange_pages.h), NO_REQUESTS, NEW_REQUEST, pager. }}
<h1>[[Requests]]</h1>
<p class="lead">{{USER_NAME}} · {{CUSTOMER_NAME}}{{#NEW_REQUEST}} · <a class="button" href="/requests/new">[[New request]]</a>{{/NEW_REQUEST}}</p>
<form class="form filters" method="get" action="/requests">
  <label for="f-status">[[Status]]</label>
  <select id="f-status" name="status">
    <option value="">[[any]]</option>
{{#STATUS_OPTION}}
    <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}
  </select>
  <label for="f-category">[[Category]]</label>
  <select id="f-category" name="category">
    <option value="">[[any]]</option>
{{#CATEGORY_OPTION}}
    <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY_OPTION}}
  </select>
  <label for="f-type">[[Type]]</label>
  <input id="f-type" name="type" type="text" value="{{F_TYPE}}">
  <label for="f-custref">[[Your reference]]</label>
  <input id="f-custref" name="customerReference" type="text" value="{{F_CUSTREF}}">
{{#CUSTOMER_FILTER}}
  <label for="f-customer">[[Customer]]</label>
  <select id="f-customer" name="customer">
    <option value="">[[any]]</option>
{{#CUSTOMER_OPTION}}
    <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CUSTOMER_OPTION}}
  </select>
{{/CUSTOMER_FILTER}}
{{#ASSIGNEE_FILTER}}
  <label for="f-assignee">[[Handled by]]</label>
  <select id="f-assignee" name="assignee">
    <option value="">[[any]]</option>
    <option value="none"{{#ASSIGNEE_NONE}} selected{{/ASSIGNEE_NONE}}>[[nobody]]</option>
{{#ASSIGNEE_OPTION}}
    <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ASSIGNEE_OPTION}}
  </select>
{{/ASSIGNEE_FILTER}}
  <label for="f-issued-from">[[Sent from]]</label>
  <input id="f-issued-from" name="issued_from" type="date" value="{{F_ISSUED_FROM}}">
  <label for="f-issued-to">[[Sent until]]</label>
  <input id="f-issued-to" name="issued_to" type="date" value="{{F_ISSUED_TO}}">
  <label for="f-requested-from">[[Requested from]]</label>
  <input id="f-requested-from" name="requested_from" type="date" value="{{F_REQUESTED_FROM}}">
  <label for="f-requested-to">[[Requested until]]</label>
  <input id="f-requested-to" name="requested_to" type="date" value="{{F_REQUESTED_TO}}">
  <button type="submit" class="button">[[Filter]]</button>
  <a href="/requests.csv{{CSV_LINK}}" id="csv-export">[[Export CSV]]</a>
</form>
<p class="count">[[Requests {{FROM}}–{{TO}} of <span id="total">{{TOTAL}}</span>]]</p>
<div class="table-wrap">
<table class="requests">
  <thead>
    <tr><th scope="col">[[Request]]</th><th scope="col">[[Type]]</th><th scope="col">[[Status]]</th><th scope="col">[[Customer]]</th><th scope="col">[[Your reference]]</th><th scope="col">[[Requested date]]</th><th scope="col">[[Sent]]</th></tr>
  </thead>
  <tbody>
{{#REQUEST}}
    <tr>
      <td><a href="/requests/{{REQ_ID:u}}">{{REQ_ID}}</a></td>
      <td>{{REQ_NAME}} <code>{{REQ_TYPE}}</code> <span class="hint">{{REQ_CATEGORY}}</span></td>
      <td><span class="badge badge-{{REQ_STATUS}}">{{REQ_STATUS_TEXT}}</span>{{#REQ_WAITING}} <span class="badge badge-waiting" data-waiting="1">[[Waiting for the customer]]</span>{{/REQ_WAITING}}</td>
      <td>{{REQ_CUSTOMER}}</td>
      <td>{{REQ_CUSTREF}}</td>
      <td>{{REQ_REQUESTED}}</td>
      <td>{{REQ_CREATED}}</td>
    </tr>
{{/REQUEST}}
{{#NO_REQUESTS}}
    <tr><td colspan="7" class="empty">[[No request matches.]]</td></tr>
{{/NO_REQUESTS}}
  </tbody>
</table>
</div>
<p class="pager">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[Previous]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Next]]</a>{{/NEXT}}
</p>
