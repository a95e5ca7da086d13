{{%AUTOESCAPE context="HTML"}}
{{! The CSV import form of an admin page and the report of a refused import (pages.c: page_import_form). }}
<h2 id="import">[[Import from CSV]]</h2>
{{#IMPORT_ERRORS}}
<div class="form-errors" role="alert" id="import-errors">
  <p>{{NBAD_TEXT}}</p>
  <ul>
{{#IMPORT_ERROR}}
    <li>[[Line {{LINE}}: {{REASON}}]]</li>
{{/IMPORT_ERROR}}
  </ul>
{{#MORE}}
  <p>[[… and {{MORE_N}} more.]]</p>
{{/MORE}}
</div>
{{/IMPORT_ERRORS}}
<form class="form import-form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="field">
    <label for="import-csv">[[CSV]] <span class="hint">[[first line <code>{{HEADER}}</code>;
      a row whose id exists updates it; if any row is wrong, nothing is
      imported]]</span></label>
    <textarea id="import-csv" name="csv" rows="10" cols="80" spellcheck="false">{{CSV:pre_escape}}</textarea>
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Import]]</button></p>
</form>
