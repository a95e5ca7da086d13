{{%AUTOESCAPE context="HTML"}}
{{! One row of reference data (ADMIN only; admin_records.c), included as }}
{{! BODY of layout.tpl: LIST_HREF, LIST_TITLE, HEADING, ACTION, SUBMIT; }}
{{! FIELD rows (NAME, LABEL, VALUE, HINT with HINT_TEXT, and one of TEXT }}
{{! (REQUIRED), FIXED, SELECT (NONE_OPTION, OPTION rows: OPTION, }}
{{! OPTION_NAME, SELECTED), CHECK (CHECKED), CHECKS (BOX rows: BOX_NAME, }}
{{! OPTION_NAME, CHECKED)); FORM_ERRORS with FORM_ERROR rows (TEXT); }}
{{! RETIRED (RETIRED_TEXT); RETIRE_FORM (RETIRE_ACTION, RETIRE_VALUE, }}
{{! RETIRE_HEADING, RETIRE_TEXT, RETIRE_BUTTON, DANGER); HISTORY with }}
{{! CHANGE rows (WHAT, WHEN, WHO, DIFF with ITEM rows: FIELD, FROM, TO). }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> ›
  <a href="{{LIST_HREF}}">{{LIST_TITLE}}</a> › {{HEADING}}</p>
<h1>{{HEADING}}</h1>
{{#RETIRED}}
<p class="notice"><span class="badge badge-CANCELED">[[retired]]</span> {{RETIRED_TEXT}}</p>
{{/RETIRED}}
{{#FORM_ERRORS}}
<div class="form-errors" role="alert" id="record-errors">
  <p>[[Nothing was saved:]]</p>
  <ul>
{{#FORM_ERROR}}
    <li>{{TEXT}}</li>
{{/FORM_ERROR}}
  </ul>
</div>
{{/FORM_ERRORS}}
<form class="form record-form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
{{#FIELD}}
{{#TEXT}}
  <p class="field">
    <label for="f-{{NAME}}">{{LABEL}}</label>
    <input id="f-{{NAME}}" name="{{NAME}}" value="{{VALUE}}" maxlength="200"{{#REQUIRED}} required{{/REQUIRED}}{{#HINT}} aria-describedby="h-{{NAME}}"{{/HINT}}>
{{#HINT}}
    <span class="hint" id="h-{{NAME}}">{{HINT_TEXT}}</span>
{{/HINT}}
  </p>
{{/TEXT}}
{{#FIXED}}
  <p class="field"><span class="label">{{LABEL}}</span> <code>{{VALUE}}</code></p>
{{/FIXED}}
{{#SELECT}}
  <p class="field">
    <label for="f-{{NAME}}">{{LABEL}}</label>
    <select id="f-{{NAME}}" name="{{NAME}}"{{#HINT}} aria-describedby="h-{{NAME}}"{{/HINT}}>
{{#NONE_OPTION}}
      <option value="">[[Choose…]]</option>
{{/NONE_OPTION}}
{{#OPTION}}
      <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/OPTION}}
    </select>
{{#HINT}}
    <span class="hint" id="h-{{NAME}}">{{HINT_TEXT}}</span>
{{/HINT}}
  </p>
{{/SELECT}}
{{#CHECK}}
  <p class="field field-check">
    <input type="checkbox" id="f-{{NAME}}" name="{{NAME}}" value="true"{{#CHECKED}} checked{{/CHECKED}}{{#HINT}} aria-describedby="h-{{NAME}}"{{/HINT}}>
    <label for="f-{{NAME}}">{{LABEL}}</label>
{{#HINT}}
    <span class="hint" id="h-{{NAME}}">{{HINT_TEXT}}</span>
{{/HINT}}
  </p>
{{/CHECK}}
{{#CHECKS}}
  <fieldset class="field">
    <legend>{{LABEL}}</legend>
{{#HINT}}
    <p class="hint">{{HINT_TEXT}}</p>
{{/HINT}}
{{#BOX}}
    <label class="check"><input type="checkbox" name="{{BOX_NAME}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{OPTION_NAME}}</label>
{{/BOX}}
  </fieldset>
{{/CHECKS}}
{{/FIELD}}
  <p class="form-actions"><button type="submit" class="button">{{SUBMIT}}</button></p>
</form>
{{#RETIRE_FORM}}
<h2 id="retire">{{RETIRE_HEADING}}</h2>
<form class="form" method="post" action="{{RETIRE_ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="retired" value="{{RETIRE_VALUE}}">
  <p>{{RETIRE_TEXT}}</p>
  <p class="form-actions"><button type="submit" class="button{{#DANGER}} danger{{/DANGER}}">{{RETIRE_BUTTON}}</button></p>
</form>
{{/RETIRE_FORM}}
{{#HISTORY}}
<h2 id="history">[[History]]</h2>
<ol class="history">
{{#CHANGE}}
  <li><strong>{{WHAT}}</strong> — {{WHEN}}, {{WHO}}
{{#DIFF}}
    <ul>
{{#ITEM}}
      <li>{{FIELD}}: {{FROM}} → {{TO}}</li>
{{/ITEM}}
    </ul>
{{/DIFF}}
  </li>
{{/CHANGE}}
</ol>
{{/HISTORY}}
