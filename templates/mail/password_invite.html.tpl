{{%AUTOESCAPE context="HTML"}}
{{! An invitation: the link to choose a first password (invite.c): HTML }}
<!doctype html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[You are invited to the desk: choose your password]]</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2933;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45">
<div style="max-width:640px">
<p>[[Hello,]]</p>
{{#INVITER}}<p>[[{{INVITER_NAME}} has opened an account for you on the desk, with the address {{EMAIL}}.]]</p>{{/INVITER}}
<p>[[Follow this link to choose your password; it serves once, until {{EXPIRES}}:]]</p>
<p><a href="{{BASE_URL}}{{LINK}}" style="display:inline-block;padding:8px 14px;background:#1f5fa8;color:#ffffff;text-decoration:none;border-radius:4px">[[Choose my password]]</a></p>
<p style="color:#52606d;font-size:13px">{{BASE_URL}}{{LINK}}</p>
<p>[[Once your password is chosen, log in with your e-mail address and that password. If the link no longer works, ask for the invitation to be sent again.]]</p>
<p style="margin:24px 0 0;color:#52606d;font-size:13px">reqdesk</p>
</div>
</body>
</html>
