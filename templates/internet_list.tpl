{{%AUTOESCAPE context="HTML"}}
{{! Internet requests (seed 002): the customer's list or the operator's }}
{{! inbox, included as BODY of layout.tpl.  HEADING, ADMIN_CRUMB, }}
{{! NEW_LINK, filters (ACTION, STATE_OPTION and TYPE_OPTION rows, F_FILTER, }}
{{! F_CREATED_FROM/TO, the operator's ASSIGNEE_FILTER), COUNT_TEXT, }}
{{! TOTAL, ROW rows (see inet_pages.h) linking to LINK_PREFIX + id, or }}
{{! NO_ROWS; PREV (PREV_HREF), NEXT (NEXT_HREF). }}
<p class="breadcrumb">{{#ADMIN_CRUMB}}<a href="/admin">[[Administration]]</a> › {{/ADMIN_CRUMB}}[[Internet requests]]</p>
<h1>{{HEADING}}</h1>
{{#NEW_LINK}}
<p><a class="button" href="/internet/new">[[New Internet request]]</a></p>
{{/NEW_LINK}}
<form class="form filters" method="get" action="{{ACTION}}">
  <label for="inet-state">[[State]]</label>
  <select id="inet-state" name="state">
    <option value="">[[any]]</option>
{{#STATE_OPTION}}
    <option value="{{STATE_OPTION_VALUE}}"{{#STATE_OPTION_SELECTED}} selected{{/STATE_OPTION_SELECTED}}>{{STATE_OPTION_LABEL}}</option>
{{/STATE_OPTION}}
  </select>
  <label for="inet-type">[[Technology]]</label>
  <select id="inet-type" name="type">
    <option value="">[[any]]</option>
{{#TYPE_OPTION}}
    <option value="{{TYPE_OPTION_VALUE}}"{{#TYPE_OPTION_SELECTED}} selected{{/TYPE_OPTION_SELECTED}}>{{TYPE_OPTION_LABEL}}</option>
{{/TYPE_OPTION}}
  </select>
  <label for="inet-filter">[[Installation address]]</label>
  <input id="inet-filter" name="filter" type="search" value="{{F_FILTER}}">
  <label for="inet-created-from">[[Sent from]]</label>
  <input id="inet-created-from" name="created_from" type="date" value="{{F_CREATED_FROM}}">
  <label for="inet-created-to">[[Sent until]]</label>
  <input id="inet-created-to" name="created_to" type="date" value="{{F_CREATED_TO}}">
{{#ASSIGNEE_FILTER}}
  <label for="inet-assignee">[[Handled by]]</label>
  <select id="inet-assignee" name="assignee">
    <option value="">[[any]]</option>
    <option value="none"{{#ASSIGNEE_NONE}} selected{{/ASSIGNEE_NONE}}>[[nobody]]</option>
{{#ASSIGNEE_OPTION}}
    <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ASSIGNEE_OPTION}}
  </select>
{{/ASSIGNEE_FILTER}}
  <button type="submit" class="button">[[Filter]]</button>
</form>
<p class="count" id="count" data-total="{{TOTAL}}">{{COUNT_TEXT}}</p>
<div class="table-wrap">
<table class="internet-requests">
  <thead>
    <tr><th scope="col">[[Request]]</th><th scope="col">[[State]]</th><th scope="col">[[Technology]]</th><th scope="col">[[Customer]]</th><th scope="col">[[Installation address]]</th><th scope="col">[[Reference]]</th><th scope="col">[[Created]]</th><th scope="col">[[Offers expire]]</th><th scope="col">[[Account]]</th></tr>
  </thead>
  <tbody>
{{#ROW}}
    <tr class="internet-request" data-id="{{R_ID}}">
      <td><a href="{{LINK_PREFIX}}{{R_ID}}"><code>{{R_ID}}</code></a></td>
      <td><span class="badge badge-{{R_STATE}}">{{R_STATE_TEXT}}</span>{{#R_WAITING}} <span class="badge badge-waiting" data-waiting="1">[[Waiting for the customer]]</span>{{/R_WAITING}}</td>
      <td>{{R_TYPE}}</td>
      <td>{{R_CUSTOMER}}</td>
      <td>{{R_ADDRESS}}</td>
      <td>{{R_REFERENCE}}</td>
      <td>{{R_CREATED}}</td>
      <td>{{R_EXPIRES}}</td>
      <td>{{R_ACCOUNT}}</td>
    </tr>
{{/ROW}}
{{#NO_ROWS}}
    <tr class="empty"><td colspan="9">[[No Internet request.]]</td></tr>
{{/NO_ROWS}}
  </tbody>
</table>
</div>
<p class="pager">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[Previous]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Next]]</a>{{/NEXT}}
</p>
