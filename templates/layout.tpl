{{%AUTOESCAPE context="HTML"}}
{{! The one page layout.  Root dictionary: TITLE, REQUEST_ID, HOME_HREF, }}
{{! sections USER (USER_NAME, USER_LEVEL, CSRF; the navigation that fits }}
{{! the caller: NAV_HOME or ADMIN, NAV_REQUESTS, NAV_NEW_REQUEST, }}
{{! NAV_INTERNET with INTERNET_HREF, NAV_NEW_INTERNET, NAV_WEBHOOKS) or }}
{{! ANON, FLASH (FLASH_TEXT); a skip link to <main id="main">; include }}
{{! BODY = the page's own template, which }}
{{! gets its own dictionary (it does not see these values). }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · reqdesk</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="stylesheet" href="/static/css/reqdesk.css">
<script src="/static/js/reqdesk.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">[[Skip to the content]]</a>
<header class="site-header">
  <a class="brand" href="{{HOME_HREF}}">reqdesk</a>
{{#USER}}
  <nav class="site-nav" aria-label="[[Main]]">
    <ul>
{{#NAV_HOME}}
      <li><a href="/">[[Home]]</a></li>
{{/NAV_HOME}}
{{#ADMIN}}
      <li><a href="/admin">[[Admin]]</a></li>
{{/ADMIN}}
{{#NAV_REQUESTS}}
      <li><a href="/requests">[[Requests]]</a></li>
{{/NAV_REQUESTS}}
{{#NAV_NEW_REQUEST}}
      <li><a href="/requests/new">[[New request]]</a></li>
{{/NAV_NEW_REQUEST}}
{{#NAV_INTERNET}}
      <li><a href="{{INTERNET_HREF}}">[[Internet requests]]</a></li>
{{/NAV_INTERNET}}
{{#NAV_NEW_INTERNET}}
      <li><a href="/internet/new">[[New Internet request]]</a></li>
{{/NAV_NEW_INTERNET}}
{{#NAV_WEBHOOKS}}
      <li><a href="/webhooks" id="nav-webhooks">[[Webhooks]]</a></li>
{{/NAV_WEBHOOKS}}
    </ul>
  </nav>
  <form class="site-search" method="get" action="/search" role="search">
    <label for="site-search-q" class="visually-hidden">[[Search requests]]</label>
    <input id="site-search-q" name="q" type="search" maxlength="200" placeholder="[[Search]]">
  </form>
  <div class="site-user">
    <a class="user-name" href="/profile" title="[[My profile]]">{{USER_NAME}}</a>
    <span class="user-level">{{USER_LEVEL}}</span>
    <form class="logout" method="post" action="/logout">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="button-link">[[Log out]]</button>
    </form>
  </div>
{{/USER}}
{{#ANON}}
  <div class="site-user">
    <a href="/login">[[Log in]]</a>
  </div>
{{/ANON}}
</header>
{{#FLASH}}
<p class="flash">{{FLASH_TEXT}}</p>
{{/FLASH}}
<main id="main" tabindex="-1">{{>BODY}}</main>
<footer class="site-footer">
  <nav class="lang-switch" aria-label="[[Language]]">
{{#USER}}
    <form method="post" action="/profile/language">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="next" value="{{HERE}}">
{{#LANG_CHOICE}}
      <button type="submit" name="language" value="{{LC_CODE}}" lang="{{LC_CODE}}" class="button-link"{{#LC_CURRENT}} aria-current="true"{{/LC_CURRENT}}>{{LC_NAME}}</button>
{{/LANG_CHOICE}}
    </form>
{{/USER}}
{{#ANON}}
{{#LANG_CHOICE}}
    <a href="/language?set={{LC_CODE}}&amp;next={{HERE:u}}" lang="{{LC_CODE}}" hreflang="{{LC_CODE}}"{{#LC_CURRENT}} aria-current="true"{{/LC_CURRENT}}>{{LC_NAME}}</a>
{{/LANG_CHOICE}}
{{/ANON}}
  </nav>
  <small>reqdesk · [[request <span class="request-id">{{REQUEST_ID}}</span>]]</small>
</footer>
</body>
</html>
