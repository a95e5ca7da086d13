{{%AUTOESCAPE context="HTML"}}
{{! The one page layout.  Root dictionary: TITLE, REQUEST_ID, sections }}
{{! USER (USER_NAME, USER_LEVEL, CSRF, subsection ADMIN) or ANON, }}
{{! FLASH (FLASH_TEXT); include BODY = the page's own template, which }}
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
<header class="site-header">
  <a class="brand" href="/">reqdesk</a>
{{#USER}}
  <nav class="site-nav" aria-label="[[Main]]">
    <ul>
      <li><a href="/">[[My requests]]</a></li>
      <li><a href="/requests/new">[[New request]]</a></li>
      <li><a href="/internet/new">[[Internet request]]</a></li>
{{#ADMIN}}
      <li><a href="/admin">[[Admin]]</a></li>
{{/ADMIN}}
    </ul>
  </nav>
  <div class="site-user">
    <span class="user-name">{{USER_NAME}}</span>
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
<main>{{>BODY}}</main>
<footer class="site-footer">
  <small>reqdesk · [[request <span class="request-id">{{REQUEST_ID}}</span>]]</small>
</footer>
</body>
</html>
