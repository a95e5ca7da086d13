{{%AUTOESCAPE context="HTML"}}
{{! The mail outbox: counts per state (STATE rows: STATE_NAME, the code of }}
{{! the filter, STATE_LABEL in words, STATE_COUNT), messages (MSG rows: }}
{{! M_ID, M_EVENT and M_STATE in words, M_OBJECT, M_TO, M_SUBJECT, }}
{{! M_ATTEMPTS, M_ERROR, M_CREATED, M_SENT), a retry for those that could }}
{{! not be sent (M_DEAD). }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › [[Outbox]]</p>
<h1>[[Outbox]]</h1>
{{#NOTICE}}
<p class="flash" role="status" id="notice">{{NOTICE_TEXT}}</p>
{{/NOTICE}}
<p class="states">
<a href="/admin/outbox">[[all]]</a>
{{#STATE}}
 · <a href="/admin/outbox?state={{STATE_NAME}}"{{#STATE_CURRENT}} aria-current="page"{{/STATE_CURRENT}}>{{STATE_LABEL}}</a> (<span id="count-{{STATE_NAME}}">{{STATE_COUNT}}</span>)
{{/STATE}}
</p>
<div class="table-wrap">
<table class="outbox">
  <thead>
    <tr><th scope="col">#</th><th scope="col">[[Event]]</th><th scope="col">[[About]]</th><th scope="col">[[To]]</th><th scope="col">[[Subject]]</th><th scope="col">[[State]]</th><th scope="col">[[Attempts]]</th><th scope="col">[[Last error]]</th><th scope="col">[[Queued]]</th><th scope="col">[[Sent]]</th><th scope="col"></th></tr>
  </thead>
  <tbody>
{{#MSG}}
    <tr id="msg-{{M_ID}}">
      <td>{{M_ID}}</td><td>{{M_EVENT}}</td><td><code>{{M_OBJECT}}</code></td><td>{{M_TO}}</td>
      <td>{{M_SUBJECT}}</td><td class="state">{{M_STATE}}</td><td>{{M_ATTEMPTS}}</td>
      <td class="error">{{M_ERROR}}</td><td>{{M_CREATED}}</td><td>{{M_SENT}}</td>
      <td>
{{#M_DEAD}}
        <form method="post" action="/admin/outbox">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="id" value="{{M_ID}}">
          <button type="submit" class="button">[[Retry now]]</button>
        </form>
{{/M_DEAD}}
      </td>
    </tr>
{{/MSG}}
  </tbody>
</table>
</div>
<p class="pager">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[Newer]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Older]]</a>{{/NEXT}}
</p>
