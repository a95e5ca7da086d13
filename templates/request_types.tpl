{{%AUTOESCAPE context="HTML"}}
{{! Choose a request type.  Rows TYPE (TYPE_ID, TYPE_NAME, TYPE_FR with }}
{{! TYPE_NAME_FR, TYPE_CATEGORY in words, TYPE_DESCRIPTION; TYPE_LINK or }}
{{! TYPE_TEXT: a link to the form for those who may ask); READ_ONLY; }}
{{! NO_TYPES, INTERNET_LINK. }}
<h1>[[New request]]</h1>
<p class="lead">[[Choose the kind of request. Only the types of your catalog are listed.]]</p>
{{#READ_ONLY}}
<p class="hint" id="read-only">[[Your access level lets you read requests, not make them.]]</p>
{{/READ_ONLY}}
<ul class="type-list">
{{#TYPE}}
  <li class="type-item">
{{#TYPE_LINK}}
    <a class="type-link" href="/requests/new/{{TYPE_ID:u}}">{{TYPE_NAME}}</a>
{{/TYPE_LINK}}
{{#TYPE_TEXT}}
    <span class="type-link">{{TYPE_NAME}}</span>
{{/TYPE_TEXT}}
{{#TYPE_FR}}
    <span class="type-fr" lang="fr">{{TYPE_NAME_FR}}</span>
{{/TYPE_FR}}
    <span class="badge">{{TYPE_CATEGORY}}</span>
    <code>{{TYPE_ID}}</code>
    <p class="hint">{{TYPE_DESCRIPTION}}</p>
  </li>
{{/TYPE}}
</ul>
{{#NO_TYPES}}
<p class="empty">[[Your catalog has no ordering request types.]]{{#INTERNET_LINK}} [[Internet access offers are asked for on the <a href="/internet/new">Internet request</a> page.]]{{/INTERNET_LINK}}</p>
{{/NO_TYPES}}
