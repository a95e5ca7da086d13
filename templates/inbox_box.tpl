{{%AUTOESCAPE context="HTML"}}
{{! Who handles a request, on its operator pages (admin_inbox.c: }}
{{! inbox_box): CSRF, BOX_FAMILY, BOX_ID, BACK; ASSIGNEE_NAME or NOBODY; }}
{{! PRIORITY; STAFF and PRIORITY_OPTION rows (OPTION, OPTION_NAME, }}
{{! SELECTED); GIVEN_LIST with GIVEN rows (GIVEN_AT, GIVEN_TEXT, }}
{{! GIVEN_PRIORITY). }}
<section class="handling" id="handling" aria-labelledby="handling-title">
<h2 id="handling-title">[[Handling]]</h2>
<p>[[Handled by:]] {{ASSIGNEE_NAME}}{{#NOBODY}}[[nobody]]{{/NOBODY}} · [[Priority:]] {{PRIORITY}}</p>
<form class="form inline-form" method="post" action="/admin/assign">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="family" value="{{BOX_FAMILY}}">
  <input type="hidden" name="id" value="{{BOX_ID}}">
  <input type="hidden" name="back" value="{{BACK}}">
  <label for="assign-to">[[Give it to]]</label>
  <select id="assign-to" name="assignee">
    <option value="">[[nobody]]</option>
{{#STAFF}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/STAFF}}
  </select>
  <label for="assign-priority">[[Priority]]</label>
  <select id="assign-priority" name="priority">
{{#PRIORITY_OPTION}}
    <option value="{{OPTION}}"{{#SELECTED}} selected{{/SELECTED}}>{{OPTION_NAME}}</option>
{{/PRIORITY_OPTION}}
  </select>
  <button type="submit" class="button">[[Save]]</button>
</form>
{{#GIVEN_LIST}}
<ol class="history">
{{#GIVEN}}
  <li>{{GIVEN_AT}}: {{GIVEN_TEXT}} [[Priority:]] {{GIVEN_PRIORITY}}</li>
{{/GIVEN}}
</ol>
{{/GIVEN_LIST}}
</section>
