{{%AUTOESCAPE context="HTML"}}
{{! One request: its data in words (STATUS the code for the badge's }}
{{! class, STATUS_TEXT, CATEGORY, dates in the reader's zone), properties }}
{{! (PROP_GROUP rows: GROUP_LABEL and PROP rows: PROP_LABEL, PROP_VALUE in }}
{{! words, PROP_PATH), the conversation (conversation.tpl: the history and }}
{{! the notes in one timeline; WAITING_BADGE), the status actions open to the caller }}
{{! (ACTION rows: TO, TO_TEXT; CANCEL, which asks first), AGAIN (a closed }}
{{! request: its values into a new form) and }}
{{! ACTION_ERROR. }}
<h1>{{NAME}}</h1>
<p class="lead"><code id="request-id">{{ID}}</code> · <span class="badge badge-{{STATUS}}" id="request-status" data-status="{{STATUS}}">{{STATUS_TEXT}}</span> · {{CATEGORY}} · <code>{{TYPE}}</code>{{#WAITING_BADGE}} · <span class="badge badge-waiting" id="request-waiting">[[Waiting for the customer]]</span>{{/WAITING_BADGE}}</p>
<dl class="request-data">
  <dt>[[Customer]]</dt><dd>{{CUSTOMER}}</dd>
  <dt>[[Your reference]]</dt><dd>{{CUSTOMER_REFERENCE}}</dd>
  <dt>[[Contract]]</dt><dd>{{CONTRACT}}</dd>
  <dt>[[Requested date]]</dt><dd id="requested-at">{{REQUESTED_AT}}</dd>
  <dt>[[Sent]]</dt><dd id="issued-at">{{ISSUED_AT}}</dd>
  <dt>[[Completed]]</dt><dd id="completed-at">{{COMPLETED_AT}}</dd>
  <dt>[[Comment]]</dt><dd class="text-lines" id="request-comment">{{COMMENT:pre_escape}}</dd>
</dl>
<h2>[[Properties]]</h2>
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
<p class="hint">[[No properties.]]</p>
{{/NO_PROPERTIES}}
{{>HANDLING}}
{{>CONVERSATION}}
{{#ACTION_ERROR}}
<p class="form-errors" role="alert" id="action-error">{{ACTION_ERROR_TEXT}}</p>
{{/ACTION_ERROR}}
{{#ACTIONS}}
<h2>[[Change the status]]</h2>
{{#ACTION}}
<form class="form status-form" method="post" action="/requests/{{ID:u}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="status" value="{{TO}}">
  <label for="comment-{{TO}}">[[Comment]]</label>
  <textarea id="comment-{{TO}}" name="comment" rows="2" maxlength="4096"></textarea>
  <button type="submit" class="button" name="to" value="{{TO}}">{{TO_TEXT}}</button>
</form>
{{/ACTION}}
{{/ACTIONS}}
{{#CANCEL}}
<form class="form cancel-form" method="post" action="/requests/{{ID:u}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="status" value="CANCELED">
  <button type="submit" class="button secondary" id="cancel-request">[[Cancel this request…]]</button>
</form>
{{/CANCEL}}
{{#AGAIN}}
<p><a class="button secondary" id="new-from-this" href="/requests/new/{{TYPE:u}}?from={{ID:u}}">[[New request from this one]]</a></p>
{{/AGAIN}}
<p><a href="/requests">[[Back to the list]]</a></p>
