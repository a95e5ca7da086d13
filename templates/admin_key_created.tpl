{{%AUTOESCAPE context="HTML"}}
{{! A new API key, shown this once (ADMIN only), included as BODY of }}
{{! layout.tpl: ID, USER_EMAIL, KEY_LABEL, KEY_PREFIX, KEY. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> ›
  <a href="/admin/users">[[Users]]</a> › <a href="/admin/users/{{ID}}">{{USER_EMAIL}}</a></p>
<h1>[[API key created]]</h1>
<p class="lead">[[A new API key “{{KEY_LABEL}}” was created for {{USER_EMAIL}}.]]</p>
<p class="form-errors" role="alert">[[Copy it now: it is shown on this page only,
and cannot be shown again. Only its prefix <code>{{KEY_PREFIX}}</code> is kept
visible, to revoke it.]]</p>
<p class="field">
  <label for="new-key">[[API key (send it as the <code>X-API-Key</code> header)]]</label>
  <input id="new-key" type="text" readonly value="{{KEY}}" size="72" autocomplete="off" spellcheck="false">
</p>
<p><a class="button" href="/admin/users/{{ID}}">[[Back to {{USER_EMAIL}}]]</a></p>
