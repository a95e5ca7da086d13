{{%AUTOESCAPE context="HTML"}}
{{! The caller's webhooks (docs/WEBHOOKS.md): OPERATOR for an ADMIN (the }}
{{! operator's hear every event), HOOK rows (H_ID, H_URL, H_EVENTS, }}
{{! H_DESCRIPTION, H_OWNER, H_CREATED, H_PAUSED), NONE; the form to add }}
{{! one: CSRF, FORM_TOKEN (one-time: Back then Send adds one webhook), }}
{{! URL, DESCRIPTION, EVENT rows (E_NAME, E_WORDS, E_CHECKED), ERRORS }}
{{! with ERROR rows (ERROR_TEXT), URL_ERROR (URL_ERROR_TEXT). }}
<h1>[[Webhooks]]</h1>
<p>[[A webhook tells one of your systems of each event as it happens: the desk sends it an HTTPS request, signed after the Standard Webhooks specification, and sends it again until it answers.]]</p>
{{#OPERATOR}}<p>[[The operator's webhooks hear the events of every customer.]]</p>{{/OPERATOR}}
{{#NONE}}<p id="no-webhooks">[[No webhook yet.]]</p>{{/NONE}}
{{#LIST}}
<div class="table-wrap">
<table class="webhooks">
  <thead>
    <tr><th scope="col">[[Address]]</th><th scope="col">[[Events]]</th><th scope="col">[[Description]]</th><th scope="col">[[For]]</th><th scope="col">[[Created]]</th></tr>
  </thead>
  <tbody>
{{#HOOK}}
    <tr id="hook-{{H_ID}}">
      <td><a href="/webhooks/{{H_ID:u}}">{{H_URL}}</a>{{#H_PAUSED}} <span class="state paused">[[paused]]</span>{{/H_PAUSED}}</td><td>{{H_EVENTS}}</td><td>{{H_DESCRIPTION}}</td><td>{{H_OWNER}}</td><td>{{H_CREATED}}</td>
    </tr>
{{/HOOK}}
  </tbody>
</table>
</div>
{{/LIST}}

<h2>[[Add a webhook]]</h2>
<form class="form" method="post" action="/webhooks">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#ERRORS}}
  <div class="form-error" role="alert" id="form-errors"><p>[[The webhook was not added:]]</p>
  <ul>{{#ERROR}}<li>{{ERROR_TEXT}}</li>{{/ERROR}}</ul></div>
{{/ERRORS}}
  <p class="field">
    <label for="url">[[Address of your receiver]]</label>
    <input id="url" name="url" type="url" value="{{URL}}" required maxlength="2000" placeholder="https://example.com/hooks"{{#URL_ERROR}} aria-invalid="true" aria-describedby="url-error"{{/URL_ERROR}}>
{{#URL_ERROR}}    <span class="field-error" id="url-error">{{URL_ERROR_TEXT}}</span>{{/URL_ERROR}}
  </p>
  <p class="field">
    <label for="description">[[Description (optional)]]</label>
    <input id="description" name="description" type="text" value="{{DESCRIPTION}}" maxlength="200">
  </p>
  <fieldset class="field">
    <legend>[[Events to send]]</legend>
{{#EVENT}}
    <label class="check"><input type="checkbox" name="events" value="{{E_NAME}}"{{#E_CHECKED}} checked{{/E_CHECKED}}> {{E_WORDS}} (<code>{{E_NAME}}</code>)</label><br>
{{/EVENT}}
  </fieldset>
  <p><button type="submit" class="button" id="add-webhook">[[Add the webhook]]</button></p>
</form>
