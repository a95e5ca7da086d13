{{%AUTOESCAPE context="HTML"}}
{{! One request: its data, properties (PROP_GROUP rows: GROUP_LABEL and PROP }}
{{! rows: PROP_LABEL, PROP_VALUE in words, PROP_PATH), history and the }}
{{! status actions open to the caller. }}
<h1>{{NAME}}</h1>
<p class="lead"><code id="request-id">{{ID}}</code> · <span class="badge badge-{{STATUS}}" id="request-status">{{STATUS}}</span> · {{CATEGORY}} · <code>{{TYPE}}</code></p>
<dl class="request-data">
  <dt>Customer</dt><dd>{{CUSTOMER}}</dd>
  <dt>Your reference</dt><dd>{{CUSTOMER_REFERENCE}}</dd>
  <dt>Contract</dt><dd>{{CONTRACT}}</dd>
  <dt>Requested date</dt><dd>{{REQUESTED_AT}}</dd>
  <dt>Issued</dt><dd>{{ISSUED_AT}}</dd>
  <dt>Completed</dt><dd>{{COMPLETED_AT}}</dd>
  <dt>Comment</dt><dd>{{COMMENT}}</dd>
</dl>
<h2>Properties</h2>
{{#PROP_GROUP}}
<table class="properties">
  <caption>{{GROUP_LABEL}}</caption>
  <tbody>
{{#PROP}}
    <tr data-path="{{PROP_PATH}}"><th scope="row">{{PROP_LABEL}}</th><td>{{PROP_VALUE}}</td></tr>
{{/PROP}}
  </tbody>
</table>
{{/PROP_GROUP}}
{{#NO_PROPERTIES}}
<p class="hint">No properties.</p>
{{/NO_PROPERTIES}}
<h2>History</h2>
<table class="history">
  <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Comment</th></tr></thead>
  <tbody>
{{#HISTORY}}
    <tr><td>{{H_AT}}</td><td>{{H_BY}}</td><td>{{H_FROM}}</td><td>{{H_TO}}</td><td>{{H_COMMENT}}</td></tr>
{{/HISTORY}}
  </tbody>
</table>
{{#ACTION_ERROR}}
<p class="form-errors" role="alert" id="action-error">{{ACTION_ERROR_TEXT}}</p>
{{/ACTION_ERROR}}
{{#ACTIONS}}
<h2>Change the status</h2>
{{#ACTION}}
<form class="form status-form" method="post" action="/requests/{{ID:u}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="status" value="{{TO}}">
  <label for="comment-{{TO}}">Comment</label>
  <input id="comment-{{TO}}" name="comment" type="text" maxlength="4096">
  <button type="submit" class="button" name="to" value="{{TO}}">Move to {{TO}}</button>
</form>
{{/ACTION}}
{{/ACTIONS}}
<p><a href="/requests">Back to the list</a></p>
