{{%AUTOESCAPE context="HTML"}}
{{! A password reset: the link to choose a new password (password.c): HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[Choose a new password]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
<p>[[Someone, probably you, asked to choose a new password for your account on the desk. Follow this link to choose it; it serves once, within an hour:]]</p>
<p><a href="{{BASE_URL}}{{LINK}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[Choose a new password]]</a></p>
<p style="color:#52606d;font-size:13px">{{BASE_URL}}{{LINK}}</p>
<p>[[If you did not ask for it, ignore this mail: your password stays as it is.]]</p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk</p>
</div>
</body>
</html>
