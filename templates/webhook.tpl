{{%AUTOESCAPE context="HTML"}}
{{! One webhook: H_ID, H_URL, H_DESCRIPTION, H_OWNER, H_CREATED, H_EVENTS, }}
{{! SECRET, ROTATING (ROTATING_UNTIL), NOTICE (NOTICE_TEXT), CSRF, PAUSED }}
{{! or ACTIVE; the edit form (EDIT_URL, EDIT_DESCRIPTION, EVENT rows, }}
{{! ERRORS, URL_ERROR); its changes (CHANGE rows: C_AT, C_WHAT, C_BY); its }}
{{! messages, newest first: MSG rows (M_ID, M_TYPE, M_STATE in words, }}
{{! M_ATTEMPTS, M_CREATED, M_DELIVERED, M_NEXT, ATTEMPT rows: A_AT, }}
{{! A_STATUS, A_MS, A_ERROR, A_ANSWER), NO_MESSAGES, the pager. }}
<p class="breadcrumb"><a href="/webhooks">[[Webhooks]]</a> › {{H_URL}}</p>
<h1>[[Webhook]]</h1>
{{#NOTICE}}<p class="flash" role="status" id="notice">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<dl class="facts">
  <dt>[[Address]]</dt><dd id="hook-url">{{H_URL}}</dd>
  <dt>[[Description]]</dt><dd>{{H_DESCRIPTION}}</dd>
  <dt>[[For]]</dt><dd>{{H_OWNER}}</dd>
  <dt>[[Events]]</dt><dd id="hook-events">{{H_EVENTS}}</dd>
  <dt>[[State]]</dt><dd id="hook-state">{{#ACTIVE}}[[active]]{{/ACTIVE}}{{#PAUSED}}[[paused: nothing is sent to it, and the events that happen until it is resumed are not kept for it]]{{/PAUSED}}</dd>
  <dt>[[Created]]</dt><dd>{{H_CREATED}}</dd>
  <dt>[[Signing secret]]</dt><dd><code id="hook-secret">{{SECRET}}</code></dd>
</dl>
{{#ROTATING}}<p id="rotating">[[The previous secret also signs every message until {{ROTATING_UNTIL}}: your receiver may take either until then.]]</p>{{/ROTATING}}
<form class="inline" method="post" action="/webhooks/{{H_ID:u}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button type="submit" class="button" name="action" value="ping" id="ping">[[Send a test message]]</button>
  <button type="submit" class="button" name="action" value="rotate" id="rotate">[[Change the secret]]</button>
{{#ACTIVE}}  <button type="submit" class="button" name="action" value="pause" id="pause">[[Pause]]</button>{{/ACTIVE}}
{{#PAUSED}}  <button type="submit" class="button" name="action" value="resume" id="resume">[[Resume]]</button>{{/PAUSED}}
  <button type="submit" class="button" name="action" value="delete" id="delete">[[Delete this webhook]]</button>
</form>

<h2>[[Change this webhook]]</h2>
<form class="form" method="post" action="/webhooks/{{H_ID:u}}" id="edit-webhook">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="action" value="edit">
{{#ERRORS}}
  <div class="form-error" role="alert" id="form-errors"><p>[[The changes were not saved:]]</p>
  <ul>{{#ERROR}}<li>{{ERROR_TEXT}}</li>{{/ERROR}}</ul></div>
{{/ERRORS}}
  <p class="field">
    <label for="url">[[Address of your receiver]]</label>
    <input id="url" name="url" type="url" value="{{EDIT_URL}}" required maxlength="2000"{{#URL_ERROR}} aria-invalid="true" aria-describedby="url-error"{{/URL_ERROR}}>
{{#URL_ERROR}}    <span class="field-error" id="url-error">{{URL_ERROR_TEXT}}</span>{{/URL_ERROR}}
  </p>
  <p class="field">
    <label for="description">[[Description (optional)]]</label>
    <input id="description" name="description" type="text" value="{{EDIT_DESCRIPTION}}" maxlength="200">
  </p>
  <fieldset class="field">
    <legend>[[Events to send]]</legend>
{{#EVENT}}
    <label class="check"><input type="checkbox" name="events" value="{{E_NAME}}"{{#E_CHECKED}} checked{{/E_CHECKED}}> {{E_WORDS}} (<code>{{E_NAME}}</code>)</label><br>
{{/EVENT}}
  </fieldset>
  <p><button type="submit" class="button" id="save-webhook">[[Save the changes]]</button></p>
</form>

<h2>[[Changes]]</h2>
<div class="table-wrap">
<table class="history" id="hook-history">
  <thead><tr><th scope="col">[[When]]</th><th scope="col">[[What]]</th><th scope="col">[[By]]</th></tr></thead>
  <tbody>
{{#CHANGE}}
    <tr><td>{{C_AT}}</td><td>{{C_WHAT}}</td><td>{{C_BY}}</td></tr>
{{/CHANGE}}
  </tbody>
</table>
</div>

<h2>[[Messages]]</h2>
{{#NO_MESSAGES}}<p>[[No message yet.]]</p>{{/NO_MESSAGES}}
{{#MSG}}
<section class="message" id="msg-{{M_ID}}">
  <h3><code>{{M_TYPE}}</code> · <span class="state">{{M_STATE}}</span></h3>
  <p>[[Message {{M_ID}}, queued {{M_CREATED}}; attempts: {{M_ATTEMPTS}}.]]{{#M_DELIVERED_AT}} [[Delivered {{M_DELIVERED}}.]]{{/M_DELIVERED_AT}}{{#M_NEXT_AT}} [[Next attempt {{M_NEXT}}.]]{{/M_NEXT_AT}}</p>
{{#ATTEMPTS}}
  <div class="table-wrap">
  <table class="attempts">
    <thead><tr><th scope="col">[[When]]</th><th scope="col">[[HTTP status]]</th><th scope="col">[[Time taken (ms)]]</th><th scope="col">[[Problem]]</th><th scope="col">[[Answer (start)]]</th></tr></thead>
    <tbody>
{{#ATTEMPT}}
      <tr><td>{{A_AT}}</td><td>{{A_STATUS}}</td><td>{{A_MS}}</td><td>{{A_ERROR}}</td><td><code>{{A_ANSWER}}</code></td></tr>
{{/ATTEMPT}}
    </tbody>
  </table>
  </div>
{{/ATTEMPTS}}
{{#M_RESEND}}
  <form method="post" action="/webhooks/{{H_ID:u}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="msg" value="{{M_ID}}">
    <button type="submit" class="button" name="action" value="resend">[[Send again]]</button>
  </form>
{{/M_RESEND}}
</section>
{{/MSG}}
<p class="pager">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[Newer]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Older]]</a>{{/NEXT}}
</p>
