{{%AUTOESCAPE context="HTML"}}
{{! Users (ADMIN only), included as BODY of layout.tpl.  USER_ROW rows: }}
{{! USER_ID, USER_EMAIL, USER_NAME, USER_LEVEL, USER_ORG, USER_KEYS and }}
{{! USER_DISABLED or USER_ACTIVE.  The add form: CSRF; kept values EMAIL, }}
{{! NAME, PHONE; LEVEL_OPTION, CUSTOMER_OPTION, RESELLER_OPTION rows }}
{{! (OPTION, OPTION_NAME, SELECTED); FORM_ERRORS and, per field, }}
{{! <FIELD>_ERROR with <FIELD>_ERROR_TEXT.  USER_INVITED: no password yet. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › [[Users]]</p>
<h1>[[Users]]</h1>
<div class="table-wrap">
<table class="users">
  <thead>
    <tr><th scope="col">[[E-mail]]</th><th scope="col">[[Name]]</th><th scope="col">[[Access level]]</th><th scope="col">[[Customer or reseller]]</th><th scope="col">[[State]]</th><th scope="col">[[API keys]]</th></tr>
  </thead>
  <tbody>
{{#USER_ROW}}
    <tr>
      <td><a href="/admin/users/{{USER_ID}}">{{USER_EMAIL}}</a></td>
      <td>{{USER_NAME}}</td>
      <td>{{USER_LEVEL}}</td>
      <td>{{USER_ORG}}</td>
      <td>{{#USER_DISABLED}}<span class="badge badge-REJECTED">[[disabled]]</span>{{/USER_DISABLED}}{{#USER_ACTIVE}}[[active]]{{/USER_ACTIVE}}{{#USER_INVITED}}[[invited]]{{/USER_INVITED}}</td>
      <td>{{USER_KEYS}}</td>
    </tr>
{{/USER_ROW}}
  </tbody>
</table>
</div>

<h2 id="add-user">[[Add a user]]</h2>
{{#FORM_ERRORS}}
<p class="form-errors" role="alert">[[The user was not added: correct the fields marked below.]]</p>
{{/FORM_ERRORS}}
<form class="form" method="post" action="/admin/users#add-user">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
    <label for="email">[[E-mail address]]</label>
    <input id="email" name="email" type="email" maxlength="254" required value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}
    <span class="field-error" id="email-error">{{EMAIL_ERROR_TEXT}}</span>
{{/EMAIL_ERROR}}
  </p>
  <p class="field{{#NAME_ERROR}} has-error{{/NAME_ERROR}}">
    <label for="name">[[Name]]</label>
    <input id="name" name="name" type="text" maxlength="200" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}
    <span class="field-error" id="name-error">{{NAME_ERROR_TEXT}}</span>
{{/NAME_ERROR}}
  </p>
  <p class="field{{#PHONE_ERROR}} has-error{{/PHONE_ERROR}}">
    <label for="phone">[[Telephone]] <span class="hint">[[(optional)]]</span></label>
    <input id="phone" name="phone" type="tel" maxlength="40" value="{{PHONE}}"{{#PHONE_ERROR}} aria-invalid="true" aria-describedby="phone-error"{{/PHONE_ERROR}}>
{{#PHONE_ERROR}}
    <span class="field-error" id="phone-error">{{PHONE_ERROR_TEXT}}</span>
{{/PHONE_ERROR}}
  </p>
  <p class="field{{#LEVEL_ERROR}} has-error{{/LEVEL_ERROR}}">
    <label for="level">[[Access level]]</label>
    <select id="level" name="level"{{#LEVEL_ERROR}} aria-invalid="true" aria-describedby="level-error"{{/LEVEL_ERROR}}>
{{#LEVEL_OPTION}}
      <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/LEVEL_OPTION}}
    </select>
    <span class="hint">[[Operator: the operator's staff, with no customer or reseller.
      Viewer, manager, owner: staff of a customer.
      Reseller, reseller administrator: staff of a reseller.]]</span>
{{#LEVEL_ERROR}}
    <span class="field-error" id="level-error">{{LEVEL_ERROR_TEXT}}</span>
{{/LEVEL_ERROR}}
  </p>
  <p class="field{{#CUSTOMER_ERROR}} has-error{{/CUSTOMER_ERROR}}">
    <label for="customer">[[Customer]]</label>
    <select id="customer" name="customer"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="customer-error"{{/CUSTOMER_ERROR}}>
      <option value="">[[— none —]]</option>
{{#CUSTOMER_OPTION}}
      <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}} ({{OPTION}})</option>
{{/CUSTOMER_OPTION}}
    </select>
{{#CUSTOMER_ERROR}}
    <span class="field-error" id="customer-error">{{CUSTOMER_ERROR_TEXT}}</span>
{{/CUSTOMER_ERROR}}
  </p>
  <p class="field{{#RESELLER_ERROR}} has-error{{/RESELLER_ERROR}}">
    <label for="reseller">[[Reseller]]</label>
    <select id="reseller" name="reseller"{{#RESELLER_ERROR}} aria-invalid="true" aria-describedby="reseller-error"{{/RESELLER_ERROR}}>
      <option value="">[[— none —]]</option>
{{#RESELLER_OPTION}}
      <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}} ({{OPTION}})</option>
{{/RESELLER_OPTION}}
    </select>
{{#RESELLER_ERROR}}
    <span class="field-error" id="reseller-error">{{RESELLER_ERROR_TEXT}}</span>
{{/RESELLER_ERROR}}
  </p>
  <p class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
    <label for="password">[[Initial password]] <span class="hint">[[(optional)]]</span></label>
    <input id="password" name="password" type="password" minlength="8" autocomplete="new-password" aria-describedby="password-hint{{#PASSWORD_ERROR}} password-error{{/PASSWORD_ERROR}}"{{#PASSWORD_ERROR}} aria-invalid="true"{{/PASSWORD_ERROR}}>
    <span class="hint" id="password-hint">[[Leave it empty to mail the user an invitation: a link, valid for 7 days, to choose their own password. Or type one (at least 8 characters) and tell it to the user.]]</span>
{{#PASSWORD_ERROR}}
    <span class="field-error" id="password-error">{{PASSWORD_ERROR_TEXT}}</span>
{{/PASSWORD_ERROR}}
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Add the user]]</button></p>
</form>
