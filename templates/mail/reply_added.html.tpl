{{%AUTOESCAPE context="HTML"}}
{{! A reply of the operator on a request, to the customer's people: HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[New reply]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
<p>[[{{AUTHOR}} has replied on your request:]]</p>
<blockquote style="margin:12px 0;padding:8px 12px;border-left:3px solid #9aa5b1">
{{#REPLY_LINE}}{{LINE}}<br>
{{/REPLY_LINE}}</blockquote>
{{#FILES}}<p style="margin:12px 0"><span style="color:#52606d">[[Attached files:]]</span><br>
{{#FILE}}{{FILE_NAME}} ({{FILE_KIND}}, {{FILE_SIZE}})<br>
{{/FILE}}</p>{{/FILES}}
<table role="presentation" style="border-collapse:collapse;margin:12px 0">
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Replied on:]]</th><td style="vertical-align:top;padding:2px 0">{{AT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request:]]</th><td style="vertical-align:top;padding:2px 0">{{REQUEST_NAME}}</td></tr>
{{#REF}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Your reference:]]</th><td style="vertical-align:top;padding:2px 0">{{REFERENCE}}</td></tr>{{/REF}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request number:]]</th><td style="vertical-align:top;padding:2px 0">{{REQUEST_ID}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Customer:]]</th><td style="vertical-align:top;padding:2px 0">{{CUSTOMER}}</td></tr>
</table>
<p><a href="{{REQUEST_URL}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[Read and answer]]</a></p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk{{#UNSUBSCRIBE}} · <a href="{{UNSUBSCRIBE_URL}}" style="color:#52606d">[[Get no more e-mail about this request]]</a>{{/UNSUBSCRIBE}}</p>
</div>
</body>
</html>
