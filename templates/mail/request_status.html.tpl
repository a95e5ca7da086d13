{{%AUTOESCAPE context="HTML"}}
{{! A change of a request's status, to its creator and contacts: HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[Request status]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
{{#CREATOR_COPY}}<p>[[Your request has moved from “{{FROM}}” to “{{TO}}”.]]</p>{{/CREATOR_COPY}}
{{#CONTACT_COPY}}<p>[[A request that names you as a contact has moved from “{{FROM}}” to “{{TO}}”.]]</p>{{/CONTACT_COPY}}
{{#TO_IN_PROGRESS}}<p>[[The operator is working on it.]]</p>{{/TO_IN_PROGRESS}}
{{#TO_COMPLETED}}<p>[[The work is done: nothing more is needed from you.]]</p>{{/TO_COMPLETED}}
{{#TO_REJECTED}}<p>[[The operator has rejected it; the reason is below.]]</p>{{/TO_REJECTED}}
{{#TO_CANCELED}}<p>[[It was cancelled at the customer's request: nothing will be done for it.]]</p>{{/TO_CANCELED}}
{{#STATUS_NOTE}}<p style="margin:12px 0"><span style="color:#52606d">[[Comment:]]</span><br>
{{#NOTE_LINE}}{{LINE}}<br>
{{/NOTE_LINE}}</p>{{/STATUS_NOTE}}
<table role="presentation" style="border-collapse:collapse;margin:12px 0">
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Changed by:]]</th><td style="vertical-align:top;padding:2px 0">{{BY}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Changed on:]]</th><td style="vertical-align:top;padding:2px 0">{{AT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request:]]</th><td style="vertical-align:top;padding:2px 0">{{TYPE_NAME}}</td></tr>
{{#REF}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Your reference:]]</th><td style="vertical-align:top;padding:2px 0">{{CUSTOMER_REFERENCE}}</td></tr>{{/REF}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Request number:]]</th><td style="vertical-align:top;padding:2px 0">{{REQUEST_ID}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Customer:]]</th><td style="vertical-align:top;padding:2px 0">{{CUSTOMER}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Requested date:]]</th><td style="vertical-align:top;padding:2px 0">{{REQUESTED_AT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Submitted by:]]</th><td style="vertical-align:top;padding:2px 0">{{CREATOR}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Received on:]]</th><td style="vertical-align:top;padding:2px 0">{{ISSUED_AT}}</td></tr>
</table>
{{#PROP_GROUP}}<h2 style="font-size:15px;margin:16px 0 4px">{{GROUP_LABEL}}</h2>
<table role="presentation" style="border-collapse:collapse">
{{#PROP}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">{{PROP_LABEL}}</th><td style="vertical-align:top;padding:2px 0">{{PROP_VALUE}}</td></tr>
{{/PROP}}</table>
{{/PROP_GROUP}}<p><a href="{{REQUEST_URL}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[See the request]]</a></p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk{{#UNSUBSCRIBE}} · <a href="{{UNSUBSCRIBE_URL}}" style="color:#52606d">[[Get no more e-mail about this request]]</a>{{/UNSUBSCRIBE}}</p>
</div>
</body>
</html>
