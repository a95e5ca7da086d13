{{%AUTOESCAPE context="HTML"}}
{{! Home page body of a visitor who is not logged in, included as BODY of }}
{{! layout.tpl: section ANON.  A logged-in user's home is their request list. }}
{{#ANON}}
<h1>[[Welcome to reqdesk]]</h1>
<p>[[reqdesk is the service-request desk where business customers ask for
changes to their network sites and for Internet access offers, and follow
each request until it is done.]]</p>
<p>[[<a class="button" href="/login">Log in</a> to see and submit your requests.]]</p>
{{/ANON}}
