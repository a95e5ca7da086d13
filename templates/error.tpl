{{%AUTOESCAPE context="HTML"}}
{{! Error page body, included as BODY of layout.tpl: STATUS (e.g. 404), }}
{{! REASON (e.g. Not Found), MESSAGE (one sentence for a person). }}
<h1 class="error-title"><span class="error-status">{{STATUS}}</span> {{REASON}}</h1>
<p class="error-message">{{MESSAGE}}</p>
<p><a href="/">[[Back to the home page]]</a></p>
