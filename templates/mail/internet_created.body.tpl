Hello,

A new Internet request was received on reqdesk and waits for offers.

  Request:            {{REQUEST_ID}}
  Type:               {{TYPE}}
  Installation at:    {{ADDRESS}}
  Customer:           {{CUSTOMER}}
  Requested product:  {{REQUESTED_PRODUCT}}
  Reference:          {{REFERENCE}}
  Submitted by:       {{CREATOR}}

Enter the offers at {{BASE_URL}}/admin/internet/{{REQUEST_ID}}

-- 
reqdesk
