{{%AUTOESCAPE context="HTML"}}
{{! The search page: Q (what was typed), F_ALL / F_ORANGE / F_INTERNET }}
{{! (which families), ASK (nothing typed yet), COUNT, RESULTS with RESULT }}
{{! rows (HREF, ID, FAMILY, TITLE, REFERENCE, CUSTOMER, STATE, STATE_CODE, }}
{{! CREATED), NONE, the pager. }}
<h1>[[Search]]</h1>
<form class="form filters" method="get" action="/search" role="search">
  <label for="search-q">[[Search for]]</label>
  <input id="search-q" name="q" type="search" value="{{Q}}" maxlength="200" aria-describedby="search-hint">
  <label for="search-family">[[In]]</label>
  <select id="search-family" name="family">
    <option value=""{{#F_ALL}} selected{{/F_ALL}}>[[All requests]]</option>
    <option value="orange"{{#F_ORANGE}} selected{{/F_ORANGE}}>[[Network sites]]</option>
    <option value="internet"{{#F_INTERNET}} selected{{/F_INTERNET}}>[[Internet access]]</option>
  </select>
  <button type="submit" class="button">[[Search]]</button>
  <span class="hint" id="search-hint">[[A request's number or the start of it, a reference, a customer, a site, a contact, an address, words of a reply. Every word counts, by its beginning; case and accents do not.]]</span>
</form>
{{#ASK}}<p class="empty">[[Type what you remember of a request.]]</p>{{/ASK}}
{{#NONE}}<p class="empty" id="search-count">[[No request matches.]]</p>{{/NONE}}
{{#RESULTS}}
<p class="count" id="search-count">{{COUNT}}</p>
<div class="table-wrap">
<table class="requests">
  <thead>
    <tr><th scope="col">[[Request]]</th><th scope="col">[[Kind]]</th><th scope="col">[[Status]]</th><th scope="col">[[Customer]]</th><th scope="col">[[Reference]]</th><th scope="col">[[Sent]]</th></tr>
  </thead>
  <tbody>
{{#RESULT}}
    <tr>
      <td><a href="{{HREF}}">{{ID}}</a><br><span class="hint">{{TITLE}}</span></td>
      <td>{{FAMILY}}</td>
      <td><span class="badge badge-{{STATE_CODE}}">{{STATE}}</span></td>
      <td>{{CUSTOMER}}</td>
      <td>{{REFERENCE}}</td>
      <td>{{CREATED}}</td>
    </tr>
{{/RESULT}}
  </tbody>
</table>
</div>
<p class="pager">
{{#PREV}}<a href="{{PREV_HREF}}" rel="prev">[[Previous]]</a>{{/PREV}}
{{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">[[Next]]</a>{{/NEXT}}
</p>
{{/RESULTS}}
