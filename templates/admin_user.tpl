{{%AUTOESCAPE context="HTML"}}
{{! One user (ADMIN only), included as BODY of layout.tpl: CSRF, ID, }}
{{! USER_EMAIL, USER_NAME, USER_PHONE, USER_LEVEL, USER_ORG, USER_ORG_NAME }}
{{! with ORG_CUSTOMER, ORG_RESELLER or ORG_OPERATOR; ACTIVE or DISABLED; }}
{{! INVITED (no password yet) with INVITE_OPEN (INVITE_EXPIRES) or }}
{{! INVITE_ENDED; SELF when it is the admin's own account; LEVEL_OPTION rows (OPTION, }}
{{! SELECTED); KEY_ROW rows (KEY_PREFIX, KEY_LABEL, KEY_CREATED, }}
{{! KEY_LAST_USED, KEY_ACTIVE or KEY_REVOKED); kept LABEL; per field }}
{{! <FIELD>_ERROR with <FIELD>_ERROR_TEXT (LEVEL, DISABLED, PASSWORD, }}
{{! LABEL, PREFIX).  Secrets are never shown here. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> ›
  <a href="/admin/users">[[Users]]</a> › {{USER_EMAIL}}</p>
<h1>{{USER_NAME}}</h1>
<dl class="facts">
  <dt>[[E-mail address]]</dt><dd>{{USER_EMAIL}}</dd>
  <dt>[[Telephone]]</dt><dd>{{USER_PHONE}}</dd>
  <dt>[[Access level]]</dt><dd>{{USER_LEVEL}}</dd>
{{#ORG_CUSTOMER}}
  <dt>[[Customer]]</dt><dd>{{USER_ORG_NAME}} ({{USER_ORG}})</dd>
{{/ORG_CUSTOMER}}
{{#ORG_RESELLER}}
  <dt>[[Reseller]]</dt><dd>{{USER_ORG}}</dd>
{{/ORG_RESELLER}}
{{#ORG_OPERATOR}}
  <dt>[[Belongs to]]</dt><dd>[[the operator (no customer, no reseller)]]</dd>
{{/ORG_OPERATOR}}
  <dt>[[State]]</dt><dd>{{#ACTIVE}}[[active]]{{/ACTIVE}}{{#DISABLED}}<span class="badge badge-REJECTED">[[disabled]]</span>{{/DISABLED}}{{#INVITED}}, [[invited: no password chosen yet]]{{/INVITED}}</dd>
</dl>
{{#FORM_ERRORS}}
<p class="form-errors" role="alert">[[Nothing was changed: see the error below.]]</p>
{{/FORM_ERRORS}}

<h2 id="level">[[Access level]]</h2>
<form class="form" method="post" action="/admin/users/{{ID}}/level">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="field{{#LEVEL_ERROR}} has-error{{/LEVEL_ERROR}}">
    <label for="level-select">[[Level]]</label>
    <select id="level-select" name="level"{{#LEVEL_ERROR}} aria-invalid="true" aria-describedby="level-error"{{/LEVEL_ERROR}}>
{{#LEVEL_OPTION}}
      <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/LEVEL_OPTION}}
    </select>
{{#LEVEL_ERROR}}
    <span class="field-error" id="level-error">{{LEVEL_ERROR_TEXT}}</span>
{{/LEVEL_ERROR}}
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Change the level]]</button></p>
</form>

<h2 id="state">[[Account]]</h2>
{{#SELF}}
<p class="muted">[[This is your own account: you cannot disable it or change its level here.]]</p>
{{/SELF}}
<form class="form" method="post" action="/admin/users/{{ID}}/disabled">
  <input type="hidden" name="csrf" value="{{CSRF}}">
{{#ACTIVE}}
  <input type="hidden" name="disabled" value="1">
  <p>[[Disabling the account ends its sessions and login tokens at once; its
    API keys stop working while it is disabled.]]</p>
  <p class="form-actions"><button type="submit" class="button danger">[[Disable the account]]</button></p>
{{/ACTIVE}}
{{#DISABLED}}
  <input type="hidden" name="disabled" value="0">
  <p>[[The account is disabled: it cannot log in and its API keys are refused.]]</p>
  <p class="form-actions"><button type="submit" class="button">[[Enable the account]]</button></p>
{{/DISABLED}}
{{#DISABLED_ERROR}}
  <p class="field-error" id="disabled-error">{{DISABLED_ERROR_TEXT}}</p>
{{/DISABLED_ERROR}}
</form>

{{#INVITED}}
<h2 id="invitation">[[Invitation]]</h2>
{{#INVITE_OPEN}}
<p>[[The user has been mailed a link to choose their password; it serves until {{INVITE_EXPIRES}}.]]</p>
{{/INVITE_OPEN}}
{{#INVITE_ENDED}}
<p>[[The link of the invitation has expired: the user cannot log in until a new one is sent.]]</p>
{{/INVITE_ENDED}}
<form class="form" method="post" action="/admin/users/{{ID}}/invite">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="form-actions"><button type="submit" class="button">[[Send the invitation again]]</button>
    <span class="hint">[[A new link, valid for 7 days; the earlier one stops working.]]</span></p>
</form>
{{/INVITED}}

<h2 id="password">[[Reset the password]]</h2>
<form class="form" method="post" action="/admin/users/{{ID}}/password">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
    <label for="new-password">[[New password]] <span class="hint">[[(at least 8 characters; the user's sessions end)]]</span></label>
    <input id="new-password" name="password" type="password" minlength="8" required autocomplete="new-password"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
{{#PASSWORD_ERROR}}
    <span class="field-error" id="password-error">{{PASSWORD_ERROR_TEXT}}</span>
{{/PASSWORD_ERROR}}
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Set the new password]]</button></p>
</form>

<h2 id="keys">[[API keys]]</h2>
{{#PREFIX_ERROR}}
<p class="field-error" id="prefix-error">{{PREFIX_ERROR_TEXT}}</p>
{{/PREFIX_ERROR}}
<div class="table-wrap">
<table class="keys">
  <thead>
    <tr><th scope="col">[[Prefix]]</th><th scope="col">[[Label]]</th><th scope="col">[[Created]]</th><th scope="col">[[Last used]]</th><th scope="col">[[State]]</th></tr>
  </thead>
  <tbody>
{{#KEY_ROW}}
    <tr>
      <td><code>{{KEY_PREFIX}}…</code></td>
      <td>{{KEY_LABEL}}</td>
      <td>{{KEY_CREATED}}</td>
      <td>{{KEY_LAST_USED}}</td>
      <td>
{{#KEY_ACTIVE}}
        <form method="post" action="/admin/users/{{ID}}/keys/revoke">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="prefix" value="{{KEY_PREFIX}}">
          <button type="submit" class="button danger">[[Revoke]]</button>
        </form>
{{/KEY_ACTIVE}}
{{#KEY_REVOKED}}
        <span class="badge badge-REJECTED">[[revoked]]</span>
{{/KEY_REVOKED}}
      </td>
    </tr>
{{/KEY_ROW}}
  </tbody>
</table>
</div>
<form class="form" method="post" action="/admin/users/{{ID}}/keys">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="field{{#LABEL_ERROR}} has-error{{/LABEL_ERROR}}">
    <label for="label">[[Label of a new key]] <span class="hint">[[(optional, e.g. the script that uses it)]]</span></label>
    <input id="label" name="label" type="text" maxlength="100" value="{{LABEL}}"{{#LABEL_ERROR}} aria-invalid="true" aria-describedby="label-error"{{/LABEL_ERROR}}>
{{#LABEL_ERROR}}
    <span class="field-error" id="label-error">{{LABEL_ERROR_TEXT}}</span>
{{/LABEL_ERROR}}
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Create an API key]]</button></p>
</form>
