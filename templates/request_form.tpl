{{%AUTOESCAPE context="HTML"}}
{{! The request form generated from the catalog declaration of one type. }}
{{! Section names are unique per level: ctemplate looks a name up in the }}
{{! parent dictionary when a row does not set it.  A problem is shown }}
{{! next to its input (X_ERROR with X_ERROR_TEXT, tied to the input by }}
{{! aria-describedby, with the field's hint: DESCRIBED, DESCRIBEDBY) and in the summary (FORM_ERROR rows: ERR_LINK with }}
{{! ERR_HREF, or ERR_NAME; ERR_LABEL, ERR_TEXT).  FORM_TOKEN: the form's }}
{{! one-time token (a form sent twice makes one request). }}
<h1>{{TYPE_NAME}}</h1>
<p class="lead">{{#TYPE_FR}}<span lang="fr" class="type-fr">{{TYPE_NAME_FR}}</span> · {{/TYPE_FR}}<code>{{TYPE_ID}}</code></p>
<p class="hint">{{TYPE_DESCRIPTION}}</p>
{{#SUMMARY}}
<div class="form-errors" role="alert" id="form-summary"><p>{{SUMMARY_TEXT}}</p>
{{#FORM_ERRORS}}
<ul>
{{#FORM_ERROR}}
<li>{{#ERR_LINK}}<a href="#{{ERR_HREF}}">{{ERR_LABEL}}</a>: {{/ERR_LINK}}{{#ERR_NAME}}<strong>{{ERR_LABEL}}</strong>: {{/ERR_NAME}}{{ERR_TEXT}}</li>
{{/FORM_ERROR}}
</ul>
{{/FORM_ERRORS}}
</div>
{{/SUMMARY}}
<form class="form request-form" method="post" action="/requests/new/{{TYPE_ID:u}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#CUSTOMER}}
  <p class="field{{#CUSTOMER_ERROR}} has-error{{/CUSTOMER_ERROR}}">
    <label for="customer.id">[[Customer]]</label>
    <select id="customer.id" name="customer.id"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="customer.id-error"{{/CUSTOMER_ERROR}}>
      <option value="">[[— choose —]]</option>
{{#CUSTOMER_OPTION}}
      <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CUSTOMER_OPTION}}
    </select>
{{#CUSTOMER_ERROR}}
    <span class="field-error" id="customer.id-error">{{CUSTOMER_ERROR_TEXT}}</span>
{{/CUSTOMER_ERROR}}
  </p>
{{/CUSTOMER}}
  <p class="field{{#DATE_ERROR}} has-error{{/DATE_ERROR}}" data-field="requestedAt">
    <label for="requestedAt">[[Requested date]] <span class="hint">({{DATE_HINT}})</span></label>
    <input id="requestedAt" name="requestedAt" type="date" required min="{{EARLIEST}}" value="{{REQUESTED_AT}}"{{#DATE_ERROR}} aria-invalid="true" aria-describedby="requestedAt-error"{{/DATE_ERROR}}>
{{#DATE_ERROR}}
    <span class="field-error" id="requestedAt-error">{{DATE_ERROR_TEXT}}</span>
{{/DATE_ERROR}}
  </p>
  <p class="field{{#REF_ERROR}} has-error{{/REF_ERROR}}">
    <label for="customerReference">[[Your reference]] <span class="hint">[[(optional)]]</span></label>
    <input id="customerReference" name="customerReference" type="text" maxlength="64" value="{{CUSTOMER_REFERENCE}}"{{#REF_ERROR}} aria-invalid="true" aria-describedby="customerReference-error"{{/REF_ERROR}}>
{{#REF_ERROR}}
    <span class="field-error" id="customerReference-error">{{REF_ERROR_TEXT}}</span>
{{/REF_ERROR}}
  </p>
  <p class="field{{#CONTRACT_ERROR}} has-error{{/CONTRACT_ERROR}}">
    <label for="contract">[[Contract]] <span class="hint">[[(optional)]]</span></label>
    <input id="contract" name="contract" type="text" maxlength="64" value="{{CONTRACT}}"{{#CONTRACT_ERROR}} aria-invalid="true" aria-describedby="contract-error"{{/CONTRACT_ERROR}}>
{{#CONTRACT_ERROR}}
    <span class="field-error" id="contract-error">{{CONTRACT_ERROR_TEXT}}</span>
{{/CONTRACT_ERROR}}
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
      <input id="{{ID}}" name="{{NAME}}" type="checkbox" value="true"{{#CHECKED}} checked{{/CHECKED}}{{#FIELD_ERROR}} aria-invalid="true"{{/FIELD_ERROR}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
      <label for="{{ID}}">{{LABEL}}{{#LABEL_FR}} <span lang="fr" class="label-fr label-secondary">{{LABEL_FR_TEXT}}</span>{{/LABEL_FR}}</label>
{{/CHECKBOX}}
{{#SELECT}}
      <label for="{{ID}}">{{LABEL}}{{#LABEL_FR}} <span lang="fr" class="label-fr label-secondary">{{LABEL_FR_TEXT}}</span>{{/LABEL_FR}}{{#REQUIRED}} <span class="required">[[(required)]]</span>{{/REQUIRED}}{{#ONE_OF}} <span class="hint">[[(one of the service point fields)]]</span>{{/ONE_OF}}</label>
      <select id="{{ID}}" name="{{NAME}}"{{#FIELD_ERROR}} aria-invalid="true"{{/FIELD_ERROR}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
        <option value="">[[— choose —]]</option>
{{#OPTION}}
        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}
      </select>
{{/SELECT}}
{{#TEXT}}
      <label for="{{ID}}">{{LABEL}}{{#LABEL_FR}} <span lang="fr" class="label-fr label-secondary">{{LABEL_FR_TEXT}}</span>{{/LABEL_FR}}{{#REQUIRED}} <span class="required">[[(required)]]</span>{{/REQUIRED}}{{#ONE_OF}} <span class="hint">[[(or identify the service point this way)]]</span>{{/ONE_OF}}</label>
      <input id="{{ID}}" name="{{NAME}}" type="{{INPUT_TYPE}}" maxlength="{{MAXLENGTH}}" value="{{VALUE}}"{{#FIELD_ERROR}} aria-invalid="true"{{/FIELD_ERROR}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
{{/TEXT}}
{{#HELP}}
      <span class="hint" id="{{ID}}-hint">{{HELP_TEXT}}</span>
{{/HELP}}
{{#PROFILES}}
      <span class="hint profile-note">[[Only for the profile {{PROFILE_TEXT}}; ignored otherwise.]]</span>
{{/PROFILES}}
{{#FIELD_ERROR}}
      <span class="field-error" id="{{ID}}-error">{{FIELD_ERROR_TEXT}}</span>
{{/FIELD_ERROR}}
    </div>
{{/FIELD}}
  </fieldset>
{{/GROUP}}
  <p class="field{{#COMMENT_ERROR}} has-error{{/COMMENT_ERROR}}">
    <label for="comment">[[Comment]] <span class="hint">[[(optional)]]</span></label>
    <textarea id="comment" name="comment" rows="3" maxlength="4096"{{#COMMENT_ERROR}} aria-invalid="true" aria-describedby="comment-error"{{/COMMENT_ERROR}}>{{COMMENT:pre_escape}}</textarea>
{{#COMMENT_ERROR}}
    <span class="field-error" id="comment-error">{{COMMENT_ERROR_TEXT}}</span>
{{/COMMENT_ERROR}}
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Send the request]]</button> <a href="/requests/new">[[Cancel]]</a></p>
</form>
