{{%AUTOESCAPE context="HTML"}}
{{! To an operator given a request: HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[A request for you]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
<p>[[{{BY}} gave you a request to handle.]]</p>
<table role="presentation" style="border-collapse:collapse;margin:12px 0">
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request:]]</th><td style="vertical-align:top;padding:2px 0">{{FAMILY}}, {{WHAT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Customer:]]</th><td style="vertical-align:top;padding:2px 0">{{CUSTOMER}}</td></tr>
{{#HAS_REFERENCE}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Reference:]]</th><td style="vertical-align:top;padding:2px 0">{{REFERENCE}}</td></tr>{{/HAS_REFERENCE}}
{{#HAS_PLACE}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Address:]]</th><td style="vertical-align:top;padding:2px 0">{{PLACE}}</td></tr>{{/HAS_PLACE}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Priority:]]</th><td style="vertical-align:top;padding:2px 0">{{PRIORITY}}</td></tr>
</table>
<p><a href="{{REQUEST_URL}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[Handle the request]]</a></p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk{{#UNSUBSCRIBE}} · <a href="{{UNSUBSCRIBE_URL}}" style="color:#52606d">[[Get no more e-mail about this request]]</a>{{/UNSUBSCRIBE}}</p>
</div>
</body>
</html>
