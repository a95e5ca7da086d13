{{%AUTOESCAPE context="HTML"}}
{{! The conversation of a request (conv_pages.c), included as }}
{{! CONVERSATION by request.tpl and internet.tpl: one timeline of the }}
{{! request's events and the notes the reader sees (ENTRY rows: KIND }}
{{! event, reply, internal or file; SIDE; AUTHOR; AT, AT_ISO; INTERNAL; }}
{{! STATUS_TEXT; BODY with its line breaks; FILE rows: FILE_HREF, }}
{{! FILE_NAME, FILE_KIND, FILE_SIZE in words), WAITING, }}
{{! and the reply form (multipart, no JavaScript needed): errors in words }}
{{! at their field (TEXT_ERROR_TEXT, FILE_ERROR_TEXT), the operator's }}
{{! INTERNAL_CHOICE. }}
<section class="conversation" id="conversation" aria-labelledby="conversation-title">
<h2 id="conversation-title">[[Conversation]]</h2>
{{#NOTICE}}<p class="flash" role="status" id="conversation-notice">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#WAITING}}<p class="waiting" id="waiting-customer"><span class="badge badge-waiting">[[Waiting for the customer]]</span> [[The operator asked the customer something: the request waits for their answer.]]</p>{{/WAITING}}
<ol class="timeline" id="timeline">
{{#ENTRY}}
  <li class="timeline-entry entry-{{KIND}}" id="{{ENTRY_ID}}" data-kind="{{KIND}}" data-side="{{SIDE}}">
    <p class="entry-head"><span class="entry-author">{{AUTHOR}}</span> · <time datetime="{{AT_ISO}}">{{AT}}</time>{{#INTERNAL}} <span class="badge badge-internal">[[Internal]]</span>{{/INTERNAL}}</p>
{{#STATUS}}
    <p class="entry-status">{{STATUS_TEXT}}</p>
{{/STATUS}}
{{#TEXT}}
    <div class="entry-text text-lines">{{BODY:pre_escape}}</div>
{{/TEXT}}
{{#FILES}}
    <ul class="entry-files">
{{#FILE}}
      <li><a href="{{FILE_HREF}}" class="file-link" download>{{FILE_NAME}}</a> <span class="file-meta">({{FILE_KIND}}, {{FILE_SIZE}})</span>{{#FILE_INTERNAL}} <span class="badge badge-internal">[[Internal]]</span>{{/FILE_INTERNAL}}</li>
{{/FILE}}
    </ul>
{{/FILES}}
  </li>
{{/ENTRY}}
</ol>
{{#EMPTY}}
<p class="hint" id="conversation-empty">[[Nothing has been said on this request yet.]]</p>
{{/EMPTY}}
{{#MORE}}
<p class="hint" id="conversation-more">[[Only the first 250 notes are shown here.]]</p>
{{/MORE}}
{{#FORM}}
<form class="form reply-form" method="post" action="{{ACTION}}" enctype="multipart/form-data" id="reply-form">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#FORM_ERROR}}
  <p class="form-errors" role="alert" id="reply-errors">[[The reply was not sent: see below.]]</p>
{{/FORM_ERROR}}
  <p class="field{{#TEXT_ERROR}} has-error{{/TEXT_ERROR}}">
    <label for="reply-text">[[Your reply]]</label>
    <textarea id="reply-text" name="text" rows="5" maxlength="10000" required{{#TEXT_ERROR}} aria-invalid="true" aria-describedby="reply-text-error"{{/TEXT_ERROR}}>{{TEXT}}</textarea>
{{#TEXT_ERROR}}
    <span class="field-error" id="reply-text-error">{{TEXT_ERROR_TEXT}}</span>
{{/TEXT_ERROR}}
  </p>
  <p class="field{{#FILE_ERROR}} has-error{{/FILE_ERROR}}">
    <label for="reply-files">[[Files]]</label>
    <input type="file" id="reply-files" name="file" multiple accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,application/pdf,image/png,image/jpeg,text/csv,text/plain" aria-describedby="reply-files-hint{{#FILE_ERROR}} reply-files-error{{/FILE_ERROR}}"{{#FILE_ERROR}} aria-invalid="true"{{/FILE_ERROR}}>
    <span class="hint" id="reply-files-hint">[[PDF, PNG, JPEG, CSV or text; at most {{FILE_MAX}} a file.]]</span>
{{#FILE_ERROR}}
    <span class="field-error" id="reply-files-error">{{FILE_ERROR_TEXT}}</span>
{{/FILE_ERROR}}
  </p>
{{#INTERNAL_CHOICE}}
  <p class="field check">
    <label class="choice"><input type="checkbox" id="reply-internal" name="internal" value="1"{{#INTERNAL_CHECKED}} checked{{/INTERNAL_CHECKED}}> [[Internal note: only the operator's staff see it, and nobody is told by e-mail]]</label>
  </p>
{{/INTERNAL_CHOICE}}
  <button type="submit" class="button" id="reply-send">[[Send]]</button>
</form>
{{/FORM}}
</section>
