{{%AUTOESCAPE context="HTML"}}
{{! Login form body.  LOGIN_CSRF, EMAIL, NEXT; section ERROR (ERROR_TEXT). }}
<h1>[[Log in]]</h1>
{{#ERROR}}
<p class="form-error" role="alert" id="login-error">{{ERROR_TEXT}}</p>
{{/ERROR}}
<form class="form login-form" method="post" action="/login">
  <input type="hidden" name="csrf" value="{{LOGIN_CSRF}}">
  <input type="hidden" name="next" value="{{NEXT}}">
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
