{{%AUTOESCAPE context="HTML"}}
{{! The page of a mail's unsubscribe link, included as BODY of layout.tpl: }}
{{! EMAIL, ABOUT (the request in words), TOKEN; section ASK (the question), }}
{{! ALREADY (stopped before) or DONE (stopped now). }}
<h1>[[E-mail about a request]]</h1>
{{#ASK}}
<p>[[<strong>{{EMAIL}}</strong> is sent e-mail about this request: {{ABOUT}}.]]</p>
<p>[[Stop it? Other e-mail, about other requests, goes on.]]</p>
<form class="form" method="post" action="/unsubscribe/{{TOKEN:u}}">
  <p class="form-actions"><button type="submit" class="button" id="unsubscribe">[[Stop e-mail about this request]]</button></p>
</form>
{{/ASK}}
{{#ALREADY}}
<p class="flash" role="status" id="unsubscribed">[[<strong>{{EMAIL}}</strong> gets no more e-mail about this request: {{ABOUT}}.]]</p>
{{/ALREADY}}
{{#DONE}}
<p class="flash" role="status" id="unsubscribed">[[Done: <strong>{{EMAIL}}</strong> gets no more e-mail about this request: {{ABOUT}}.]]</p>
{{/DONE}}
<p><a href="/">[[Back to the home page]]</a></p>
