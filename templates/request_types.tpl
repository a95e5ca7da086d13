{{%AUTOESCAPE context="HTML"}}
{{! Choose a request type.  Rows TYPE (TYPE_ID, TYPE_NAME, TYPE_FR with TYPE_NAME_FR, TYPE_CATEGORY, TYPE_DESCRIPTION); NO_TYPES. }}
<h1>New request</h1>
<p class="lead">Choose the kind of request. Only the types of your catalog are listed.</p>
<ul class="type-list">
{{#TYPE}}
  <li class="type-item">
    <a class="type-link" href="/requests/new/{{TYPE_ID:u}}">{{TYPE_NAME}}</a>
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
<p class="empty">Your catalog has no ordering request types. Internet access offers are asked for on the <a href="/internet/new">Internet request</a> page.</p>
{{/NO_TYPES}}
