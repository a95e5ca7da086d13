{{%AUTOESCAPE context="HTML"}}
{{! The request form generated from the catalog declaration of one type. }}
{{! Section names are unique per level: ctemplate looks a name up in the }}
{{! parent dictionary when a row does not set it. }}
<h1>{{TYPE_NAME}}</h1>
<p class="lead">{{#TYPE_FR}}<span lang="fr" class="type-fr">{{TYPE_NAME_FR}}</span> · {{/TYPE_FR}}<code>{{TYPE_ID}}</code></p>
<p class="hint">{{TYPE_DESCRIPTION}}</p>
{{#SUMMARY}}
<div class="form-errors" role="alert" id="form-summary"><p>{{SUMMARY_TEXT}}</p>
{{#FORM_ERRORS}}
<ul>
{{#FORM_ERROR}}
<li>{{TEXT}}</li>
{{/FORM_ERROR}}
</ul>
{{/FORM_ERRORS}}
</div>
{{/SUMMARY}}
<form class="form request-form" method="post" action="/requests/new/{{TYPE_ID:u}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
{{#CUSTOMER}}
  <p class="field">
    <label for="customer.id">Customer</label>
    <select id="customer.id" name="customer.id">
      <option value="">— choose —</option>
{{#CUSTOMER_OPTION}}
      <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CUSTOMER_OPTION}}
    </select>
  </p>
{{/CUSTOMER}}
  <p class="field{{#DATE_ERROR}} has-error{{/DATE_ERROR}}" data-field="requestedAt">
    <label for="requestedAt">Requested date <span class="hint">(a French working day, at least {{LEAD_DAYS}} {{LEAD_UNIT}} after today: {{EARLIEST}} or later)</span></label>
    <input id="requestedAt" name="requestedAt" type="date" required min="{{EARLIEST}}" value="{{REQUESTED_AT}}">
{{#DATE_ERROR}}
    <span class="field-error" id="requestedAt-error">{{DATE_ERROR_TEXT}}</span>
{{/DATE_ERROR}}
  </p>
  <p class="field">
    <label for="customerReference">Your reference <span class="hint">(optional)</span></label>
    <input id="customerReference" name="customerReference" type="text" maxlength="64" value="{{CUSTOMER_REFERENCE}}">
  </p>
  <p class="field">
    <label for="contract">Contract <span class="hint">(optional)</span></label>
    <input id="contract" name="contract" type="text" maxlength="64" value="{{CONTRACT}}">
  </p>
{{#GROUP}}
  <fieldset class="properties" data-group="{{GROUP_ID}}">
    <legend>{{GROUP_LABEL}}</legend>
{{#GROUP_HELP}}
    <p class="hint">{{GROUP_HELP_TEXT}}</p>
{{/GROUP_HELP}}
{{#FIELD}}
    <div class="field{{#CHECKBOX}} field-check{{/CHECKBOX}}{{#FIELD_ERROR}} has-error{{/FIELD_ERROR}}" data-field="{{NAME}}"{{#PROFILES}} data-profiles="{{PROFILE_LIST}}"{{/PROFILES}}{{#IS_PROFILE}} data-profile-field="1"{{/IS_PROFILE}}>
{{#CHECKBOX}}
      <input id="{{ID}}" name="{{NAME}}" type="checkbox" value="true"{{#CHECKED}} checked{{/CHECKED}}>
      <label for="{{ID}}">{{LABEL}}{{#LABEL_FR}} <span lang="fr" class="label-fr label-secondary">{{LABEL_FR_TEXT}}</span>{{/LABEL_FR}}</label>
{{/CHECKBOX}}
{{#SELECT}}
      <label for="{{ID}}">{{LABEL}}{{#LABEL_FR}} <span lang="fr" class="label-fr label-secondary">{{LABEL_FR_TEXT}}</span>{{/LABEL_FR}}{{#REQUIRED}} <span class="required">(required)</span>{{/REQUIRED}}{{#ONE_OF}} <span class="hint">(one of the service point fields)</span>{{/ONE_OF}}</label>
      <select id="{{ID}}" name="{{NAME}}">
        <option value="">— choose —</option>
{{#OPTION}}
        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}
      </select>
{{/SELECT}}
{{#TEXT}}
      <label for="{{ID}}">{{LABEL}}{{#LABEL_FR}} <span lang="fr" class="label-fr label-secondary">{{LABEL_FR_TEXT}}</span>{{/LABEL_FR}}{{#REQUIRED}} <span class="required">(required)</span>{{/REQUIRED}}{{#ONE_OF}} <span class="hint">(or identify the service point this way)</span>{{/ONE_OF}}</label>
      <input id="{{ID}}" name="{{NAME}}" type="{{INPUT_TYPE}}" maxlength="{{MAXLENGTH}}" value="{{VALUE}}">
{{/TEXT}}
{{#HELP}}
      <span class="hint">{{HELP_TEXT}}</span>
{{/HELP}}
{{#PROFILES}}
      <span class="hint profile-note">Only for the profile {{PROFILE_TEXT}}; ignored otherwise.</span>
{{/PROFILES}}
{{#FIELD_ERROR}}
      <span class="field-error" id="{{ID}}-error">{{FIELD_ERROR_TEXT}}</span>
{{/FIELD_ERROR}}
    </div>
{{/FIELD}}
  </fieldset>
{{/GROUP}}
  <p class="field">
    <label for="comment">Comment <span class="hint">(optional)</span></label>
    <textarea id="comment" name="comment" rows="3" maxlength="4096">{{COMMENT:pre_escape}}</textarea>
  </p>
  <p class="form-actions"><button type="submit" class="button">Send the request</button> <a href="/requests/new">Cancel</a></p>
</form>
