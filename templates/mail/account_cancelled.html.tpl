{{%AUTOESCAPE context="HTML"}}
{{! The cancellation of an account, to the creator and notify list: HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[Internet access cancelled]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
<p>[[Your Internet access at {{ADDRESS}} was cancelled on {{CANCELLED_AT}}.]]</p>
<table role="presentation" style="border-collapse:collapse;margin:12px 0">
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Cancelled on:]]</th><td style="vertical-align:top;padding:2px 0">{{CANCELLED_AT}}</td></tr>
{{#DELIVERY}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Delivery date:]]</th><td style="vertical-align:top;padding:2px 0">{{DELIVERY_DAY}}</td></tr>{{/DELIVERY}}
{{#DELIVERY_WINDOW}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Time window:]]</th><td style="vertical-align:top;padding:2px 0">{{DELIVERY_TIME}}</td></tr>{{/DELIVERY_WINDOW}}
{{#DELIVERY_CIRCUIT}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Circuit:]]</th><td style="vertical-align:top;padding:2px 0">{{CIRCUIT_ID}}</td></tr>{{/DELIVERY_CIRCUIT}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Product:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_PRODUCT}}</td></tr>
{{#ORDERED_FROM}}<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Provider:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_PROVIDER}}</td></tr>{{/ORDERED_FROM}}
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Per month:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_MONTHLY}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Initiation:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_INITIATION}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Commitment:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_COMMITMENT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Ordered by:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_BY}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Ordered on:]]</th><td style="vertical-align:top;padding:2px 0">{{ORDERED_AT}}</td></tr>
<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;font-weight:normal;color:#52606d">[[Account:]]</th><td style="vertical-align:top;padding:2px 0">{{ACCOUNT_ID}} ({{ACCOUNT_STATE}})</td></tr>
</table>
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
<p><a href="{{REQUEST_URL}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[See the details]]</a></p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk{{#UNSUBSCRIBE}} · <a href="{{UNSUBSCRIBE_URL}}" style="color:#52606d">[[Get no more e-mail about this request]]</a>{{/UNSUBSCRIBE}}</p>
</div>
</body>
</html>
