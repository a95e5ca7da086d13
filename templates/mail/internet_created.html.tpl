{{%AUTOESCAPE context="HTML"}}
{{! The receipt of a new Internet request, to its creator: HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[Internet request received]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
<p>[[We have received your request for Internet access. The operator answers it with offers; you will be told by e-mail when they are ready to choose from.]]</p>
<table role="presentation" style="border-collapse:collapse;margin:12px 0">
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request:]]</th><td style="vertical-align:top;padding:2px 0">[[Internet access ({{CIRCUIT}})]]</td></tr>
{{#REF}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Your reference:]]</th><td style="vertical-align:top;padding:2px 0">{{REFERENCE}}</td></tr>{{/REF}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Installation address:]]</th><td style="vertical-align:top;padding:2px 0">{{ADDRESS}}</td></tr>
{{#PRODUCT}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Requested product:]]</th><td style="vertical-align:top;padding:2px 0">{{REQUESTED_PRODUCT}}</td></tr>{{/PRODUCT}}
{{#START}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Requested start date:]]</th><td style="vertical-align:top;padding:2px 0">{{START_DAY}}</td></tr>{{/START}}
{{#WINDOW}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Time window:]]</th><td style="vertical-align:top;padding:2px 0">{{INSTALL_TIME}}</td></tr>{{/WINDOW}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Submitted by:]]</th><td style="vertical-align:top;padding:2px 0">{{CREATOR}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Received on:]]</th><td style="vertical-align:top;padding:2px 0">{{CREATED}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request number:]]</th><td style="vertical-align:top;padding:2px 0">{{REQUEST_ID}}</td></tr>
</table>
{{#NOTES}}<p style="margin:12px 0"><span style="color:#52606d">[[Notes:]]</span><br>
{{#NOTE_LINE}}{{LINE}}<br>
{{/NOTE_LINE}}</p>{{/NOTES}}
<p><a href="{{REQUEST_URL}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[See the request]]</a></p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk{{#UNSUBSCRIBE}} · <a href="{{UNSUBSCRIBE_URL}}" style="color:#52606d">[[Get no more e-mail about this request]]</a>{{/UNSUBSCRIBE}}</p>
</div>
</body>
</html>
