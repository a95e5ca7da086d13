{{%AUTOESCAPE context="HTML"}}
{{! The page of a mailed link: choose a password.  Sections INVITE or }}
{{! RESET (which link), DEAD (the link no longer serves), FORM (ACTION, }}
{{! FORM_CSRF), ERROR (ERROR_TEXT). }}
{{#INVITE}}<h1>[[Welcome: choose your password]]</h1>{{/INVITE}}
{{#RESET}}<h1>[[Choose a new password]]</h1>{{/RESET}}
{{#DEAD}}
<p class="form-error" role="alert" id="link-dead">[[This link no longer serves: it was used already, or it is too old, or a newer one was sent.]]</p>
{{#RESET}}<p><a href="/password/forgot">[[Ask for a new link]]</a></p>{{/RESET}}
{{#INVITE}}<p>[[Ask the operator who invited you to send the invitation again.]]</p>{{/INVITE}}
{{/DEAD}}
{{#FORM}}
{{#INVITE}}<p>[[Your account on the desk is ready: choose the password you will log in with.]]</p>{{/INVITE}}
{{#ERROR}}
<p class="form-error" role="alert" id="password-error">{{ERROR_TEXT}}</p>
{{/ERROR}}
<form class="form" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{FORM_CSRF}}">
  <p class="field">
    <label for="password">[[New password]]</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" aria-describedby="password-hint{{#ERROR}} password-error{{/ERROR}}"{{#ERROR}} aria-invalid="true"{{/ERROR}}>
    <span class="hint" id="password-hint">[[At least 8 characters.]]</span>
  </p>
  <p class="field">
    <label for="again">[[New password, again]]</label>
    <input id="again" name="again" type="password" autocomplete="new-password" minlength="8" required>
  </p>
  <p><button type="submit" class="button">[[Set the password]]</button></p>
</form>
{{/FORM}}
