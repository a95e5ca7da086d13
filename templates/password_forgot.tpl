{{%AUTOESCAPE context="HTML"}}
{{! The page of a forgotten password.  FORM_CSRF; sections ASK (the form), }}
{{! SENT (the answer, the same whether the address is known or not), }}
{{! ERROR (ERROR_TEXT). }}
<h1>[[Forgot your password?]]</h1>
{{#SENT}}
<p class="flash" role="status" id="forgot-sent">[[If this address is that of a user of the desk, a link to choose a new password is on its way to it. The link serves once, within an hour.]]</p>
<p><a href="/login">[[Back to the login page]]</a></p>
{{/SENT}}
{{#ASK}}
<p>[[Give the e-mail address you log in with: we send a link to it to choose a new password.]]</p>
{{#ERROR}}
<p class="form-error" role="alert" id="forgot-error">{{ERROR_TEXT}}</p>
{{/ERROR}}
<form class="form" method="post" action="/password/forgot">
  <input type="hidden" name="csrf" value="{{FORM_CSRF}}">
  <p class="field">
    <label for="email">[[E-mail address]]</label>
    <input id="email" name="email" type="email" autocomplete="username" required maxlength="254"{{#ERROR}} aria-invalid="true" aria-describedby="forgot-error"{{/ERROR}}>
  </p>
  <p><button type="submit" class="button">[[Send the link]]</button></p>
</form>
<p><a href="/login">[[Back to the login page]]</a></p>
{{/ASK}}
