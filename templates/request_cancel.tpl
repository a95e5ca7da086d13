{{%AUTOESCAPE context="HTML"}}
{{! The question before a request is cancelled, included as BODY of }}
{{! layout.tpl: HEADING, ID, NAME, CUSTOMER_REFERENCE, REQUESTED_AT (in }}
{{! words), CSRF, COMMENT (kept). }}
<h1>{{HEADING}}</h1>
<p class="lead">[[Once cancelled, the request cannot be taken up again: a new request would have to be sent.]]</p>
<dl class="request-data">
  <dt>[[Request]]</dt><dd><code>{{ID}}</code> {{NAME}}</dd>
  <dt>[[Your reference]]</dt><dd>{{CUSTOMER_REFERENCE}}</dd>
  <dt>[[Requested date]]</dt><dd>{{REQUESTED_AT}}</dd>
</dl>
<form class="form cancel-confirm" method="post" action="/requests/{{ID:u}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="status" value="CANCELED">
  <input type="hidden" name="confirm" value="yes">
  <p class="field">
    <label for="cancel-comment">[[Why (optional)]]</label>
    <textarea id="cancel-comment" name="comment" rows="2" maxlength="4096">{{COMMENT:pre_escape}}</textarea>
  </p>
  <p class="form-actions"><button type="submit" class="button" id="confirm-cancel">[[Yes, cancel the request]]</button> <a href="/requests/{{ID:u}}" id="keep-request">[[No, keep it]]</a></p>
</form>
