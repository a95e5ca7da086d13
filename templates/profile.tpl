{{%AUTOESCAPE context="HTML"}}
{{! A user's own page.  NAME, EMAIL, LEVEL, section CUSTOMER (CUSTOMER_NAME), }}
{{! NOTICE (NOTICE_TEXT), CSRF; languages: LANG_AUTO, LANG rows (LANG_CODE, }}
{{! LANG_NAME, LANG_SELECTED); time zones: TZ_AUTO (the zone "automatic" }}
{{! means), TZ_AUTO_SELECTED, ZONE rows (ZONE_ID, ZONE_SELECTED); errors }}
{{! LANG_ERROR, TZ_ERROR, PW_ERROR (..._TEXT); WEBHOOKS for those who }}
{{! manage them. }}
<h1>[[My profile]]</h1>
{{#NOTICE}}<p class="flash" role="status" id="notice">{{NOTICE_TEXT}}</p>{{/NOTICE}}
<dl class="facts">
  <dt>[[Name]]</dt><dd id="profile-name">{{NAME}}</dd>
  <dt>[[E-mail address]]</dt><dd id="profile-email">{{EMAIL}}</dd>
  <dt>[[Access level]]</dt><dd>{{LEVEL}}</dd>
{{#CUSTOMER}}  <dt>[[Customer]]</dt><dd>{{CUSTOMER_NAME}}</dd>{{/CUSTOMER}}
</dl>

<h2>[[Language and time zone]]</h2>
<form class="form" method="post" action="/profile">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p class="field">
    <label for="language">[[Language]]</label>
    <select id="language" name="language"{{#LANG_ERROR}} aria-invalid="true" aria-describedby="language-error"{{/LANG_ERROR}}>
      <option value=""{{#LANG_AUTO}} selected{{/LANG_AUTO}}>[[Automatic (your browser's)]]</option>
{{#LANG}}
      <option value="{{LANG_CODE}}" lang="{{LANG_CODE}}"{{#LANG_SELECTED}} selected{{/LANG_SELECTED}}>{{LANG_NAME}}</option>
{{/LANG}}
    </select>
{{#LANG_ERROR}}    <span class="field-error" id="language-error">{{LANG_ERROR_TEXT}}</span>{{/LANG_ERROR}}
  </p>
  <p class="field">
    <label for="timezone">[[Time zone]]</label>
    <select id="timezone" name="timezone"{{#TZ_ERROR}} aria-invalid="true" aria-describedby="timezone-error"{{/TZ_ERROR}}>
      <option value=""{{#TZ_AUTO_SELECTED}} selected{{/TZ_AUTO_SELECTED}}>[[Automatic ({{TZ_AUTO}})]]</option>
{{#ZONE}}
      <option value="{{ZONE_ID}}"{{#ZONE_SELECTED}} selected{{/ZONE_SELECTED}}>{{ZONE_ID}}</option>
{{/ZONE}}
    </select>
{{#TZ_ERROR}}    <span class="field-error" id="timezone-error">{{TZ_ERROR_TEXT}}</span>{{/TZ_ERROR}}
  </p>
  <p><button type="submit" class="button">[[Save]]</button></p>
</form>

<h2>[[Password]]</h2>
<form class="form" method="post" action="/profile/password">
  <input type="hidden" name="csrf" value="{{CSRF}}">
{{#PW_ERROR}}  <p class="form-error" role="alert" id="password-error">{{PW_ERROR_TEXT}}</p>{{/PW_ERROR}}
  <p class="field">
    <label for="current">[[Current password]]</label>
    <input id="current" name="current" type="password" autocomplete="current-password" required>
  </p>
  <p class="field">
    <label for="password">[[New password]]</label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required>
  </p>
  <p class="field">
    <label for="again">[[New password, again]]</label>
    <input id="again" name="again" type="password" autocomplete="new-password" minlength="8" required>
  </p>
  <p><button type="submit" class="button">[[Change the password]]</button></p>
</form>
{{#WEBHOOKS}}

<h2>[[Webhooks]]</h2>
<p><a href="/webhooks" id="webhooks-link">[[Tell your systems of each event as it happens]]</a></p>
{{/WEBHOOKS}}
