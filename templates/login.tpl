{{%AUTOESCAPE context="HTML"}}
{{! Login form body.  LOGIN_CSRF, EMAIL, NEXT, FORM (a form kept while }}
{{! its poster logs in again); sections ERROR (ERROR_TEXT), OUT (logged }}
{{! out), RESET (password set), EXPIRED (session expired; KEPT: the form }}
{{! posted is kept). }}
<h1>[[Log in]]</h1>
{{#OUT}}
<p class="flash" role="status" id="login-notice">[[You are logged out.]]</p>
{{/OUT}}
{{#RESET}}
<p class="flash" role="status" id="login-notice">[[Your password is set: log in with it.]]</p>
{{/RESET}}
{{#EXPIRED}}
<p class="flash" role="status" id="login-notice">[[Your session has expired: log in again to go on.]]{{#KEPT}} [[What you typed is kept: you will find it filled in.]]{{/KEPT}}</p>
{{/EXPIRED}}
{{#ERROR}}
<p class="form-error" role="alert" id="login-error">{{ERROR_TEXT}}</p>
{{/ERROR}}
<form class="form login-form" method="post" action="/login">
  <input type="hidden" name="csrf" value="{{LOGIN_CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
  <input type="hidden" name="form" value="{{FORM}}">
{{#EXPIRED}}  <input type="hidden" name="expired" value="1">{{/EXPIRED}}
  <p class="field">
    <label for="email">[[E-mail address]]</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}">
  </p>
  <p class="field">
    <label for="password">[[Password]]</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
  </p>
  <p><button type="submit" class="button">[[Log in]]</button></p>
</form>
<p><a href="/password/forgot">[[Forgot your password?]]</a></p>
