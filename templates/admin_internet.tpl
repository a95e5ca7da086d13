{{%AUTOESCAPE context="HTML"}}
{{! The offer entry page (ADMIN), included as BODY of layout.tpl.  Facts: }}
{{! ID, TYPE, STATE (in words) and STATE_CODE, CUSTOMER, ADDRESS, CREATOR, }}
{{! CREATED, EXPIRES (EXPIRES_DAY).  The update form: CSRF, ROWS, inputs }}
{{! KEY with KEY_ERROR (KEY_ERROR_TEXT: a sentence naming the field), }}
{{! DSL_FIELDS or FIBER_FIELDS, choices PRODUCT_OPTION, IP_OPTION, }}
{{! TIME_OPTION, NOTIFY_OPTION; OFFER_ROW rows (O_INDEX, O_LEGEND, O_ID, }}
{{! O_PRODUCT_OPTION and O_FEE_OPTION choices, O_ID_ERROR, O_PRODUCT_ERROR, }}
{{! O_FEE_ERROR, O_INPUT rows: OI_NAME, OI_LABEL, OI_MODE, OI_VALUE, }}
{{! OI_UNIT (OI_CURRENCY), OI_VALUE_ERROR); LOCKED once ordered.  ERRORS }}
{{! summary (ERROR_COUNT_TEXT, ERROR rows: ERROR_FIELD, ERROR_LABEL, }}
{{! ERROR_TEXT).  SAVED with SAVED_OFFER rows (S_PRODUCT, S_PROVIDER, }}
{{! S_MONTHLY, S_INITIATION, S_COMMITMENT).  ACCOUNT (ACCOUNT_ID, }}
{{! ACCOUNT_STATE, ACCOUNT_STATE_CODE, ACCOUNT_OFFER) and CONFIRM }}
{{! (C_START, C_CIRCUIT, C_TIME_OPTION, C_*_ERROR); HISTORY rows }}
{{! (HISTORY_STATE, HISTORY_STATE_CODE, HISTORY_AT, HISTORY_BY), ACTIVATE }}
{{! and CANCEL (the buttons that lead to their question).  CONVERSATION }}
{{! (conversation.tpl: the timeline and the reply form), WAITING_BADGE. }}
<p class="breadcrumb"><a href="/admin">[[Administration]]</a> › <a href="/admin/internet">[[Internet requests]]</a> › {{ID}}</p>
<h1>[[Offers for <code id="request-id">{{ID}}</code>]]</h1>
<p class="lead"><span class="badge badge-{{STATE_CODE}}" id="request-state">{{STATE}}</span> · <span id="request-type">{{TYPE}}</span> · {{CUSTOMER}} · {{ADDRESS}}{{#WAITING_BADGE}} · <span class="badge badge-waiting" id="request-waiting">[[Waiting for the customer]]</span>{{/WAITING_BADGE}}</p>
<p class="muted">[[Created {{CREATED}} by {{CREATOR}}.]]{{#EXPIRES}} [[The offers expire on <span id="expires">{{EXPIRES_DAY}}</span>.]]{{/EXPIRES}} <a href="/internet/{{ID:u}}">[[As the customer sees it]]</a></p>
{{>HANDLING}}
{{#ERRORS}}
<div class="form-errors" role="alert" id="form-summary">
  <p>{{ERROR_COUNT_TEXT}}</p>
  <ul>
{{#ERROR}}
    <li><a href="#{{ERROR_FIELD}}">{{ERROR_LABEL}}</a>: {{ERROR_TEXT}}</li>
{{/ERROR}}
  </ul>
</div>
{{/ERRORS}}
{{#ACCOUNT}}
<section class="account" id="account">
  <h2>[[Ordered]]</h2>
  <p>[[Account <code id="account-id">{{ACCOUNT_ID}}</code>, for the offer {{ACCOUNT_OFFER}}, is <span class="badge badge-{{ACCOUNT_STATE_CODE}}" id="account-state">{{ACCOUNT_STATE}}</span>. The offers can no longer change.]]</p>
  <ol class="account-history" id="account-history">
{{#HISTORY}}
    <li class="history-{{HISTORY_STATE_CODE}}">[[{{HISTORY_STATE}} on {{HISTORY_AT}} by {{HISTORY_BY}}]]</li>
{{/HISTORY}}
  </ol>
{{#C_STATE_ERROR}}
  <p class="form-errors" role="alert" id="state-error">{{C_STATE_ERROR_TEXT}}</p>
{{/C_STATE_ERROR}}
{{#ACTIVATE}}
  <form class="form account-action" method="post" action="/admin/internet/{{ID:u}}/activate">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="form-actions"><button type="submit" class="button" id="activate-account">[[Activate the account…]]</button></p>
  </form>
{{/ACTIVATE}}
{{#CANCEL}}
  <form class="form account-action" method="post" action="/admin/internet/{{ID:u}}/cancel">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="form-actions"><button type="submit" class="button button-danger" id="cancel-account">[[Cancel the account…]]</button></p>
  </form>
{{/CANCEL}}
{{#CONFIRM}}
  <form class="form confirm-form" method="post" action="/admin/internet/{{ID:u}}/confirm" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <p class="field{{#C_START_ERROR}} has-error{{/C_START_ERROR}}">
      <label for="confirm-startDate">[[Delivery date]] <span class="required">[[(required)]]</span></label>
      <input id="confirm-startDate" name="startDate" type="date" value="{{C_START}}"{{#C_START_ERROR}} aria-invalid="true" aria-describedby="confirm-startDate-error"{{/C_START_ERROR}}>
{{#C_START_ERROR}}
      <span class="field-error" id="confirm-startDate-error">{{C_START_ERROR_TEXT}}</span>
{{/C_START_ERROR}}
    </p>
    <p class="field{{#C_TIME_ERROR}} has-error{{/C_TIME_ERROR}}">
      <label for="confirm-installTime">[[Time window]]</label>
      <select id="confirm-installTime" name="installTime"{{#C_TIME_ERROR}} aria-invalid="true" aria-describedby="confirm-installTime-error"{{/C_TIME_ERROR}}>
        <option value="">[[— as requested —]]</option>
{{#C_TIME_OPTION}}
        <option value="{{C_TIME_OPTION_VALUE}}"{{#C_TIME_OPTION_SELECTED}} selected{{/C_TIME_OPTION_SELECTED}}>{{C_TIME_OPTION_LABEL}}</option>
{{/C_TIME_OPTION}}
      </select>
{{#C_TIME_ERROR}}
      <span class="field-error" id="confirm-installTime-error">{{C_TIME_ERROR_TEXT}}</span>
{{/C_TIME_ERROR}}
    </p>
    <p class="field{{#C_CIRCUIT_ERROR}} has-error{{/C_CIRCUIT_ERROR}}">
      <label for="confirm-circuit">[[Circuit]]</label>
      <input id="confirm-circuit" name="circuit" type="text" maxlength="64" value="{{C_CIRCUIT}}"{{#C_CIRCUIT_ERROR}} aria-invalid="true" aria-describedby="confirm-circuit-error"{{/C_CIRCUIT_ERROR}}>
{{#C_CIRCUIT_ERROR}}
      <span class="field-error" id="confirm-circuit-error">{{C_CIRCUIT_ERROR_TEXT}}</span>
{{/C_CIRCUIT_ERROR}}
    </p>
    <p class="form-actions"><button type="submit" class="button" id="confirm-account">[[Confirm the account]]</button></p>
  </form>
{{/CONFIRM}}
</section>
{{/ACCOUNT}}
<form class="form offer-entry" method="post" action="/admin/internet/{{ID:u}}" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="rows" value="{{ROWS}}">
  <button type="submit" name="save" value="1" class="default-submit" tabindex="-1" aria-hidden="true">[[Save]]</button>
  <h2>[[The request]]</h2>
  <p class="field{{#PRODUCT_ERROR}} has-error{{/PRODUCT_ERROR}}">
    <label for="product">[[Requested product]]</label>
    <select id="product" name="product"{{#PRODUCT_ERROR}} aria-invalid="true" aria-describedby="product-error"{{/PRODUCT_ERROR}}>
      <option value="">[[— none —]]</option>
{{#PRODUCT_OPTION}}
      <option value="{{PRODUCT_OPTION_VALUE}}"{{#PRODUCT_OPTION_SELECTED}} selected{{/PRODUCT_OPTION_SELECTED}}>{{PRODUCT_OPTION_LABEL}}</option>
{{/PRODUCT_OPTION}}
    </select>
{{#PRODUCT_ERROR}}
    <span class="field-error" id="product-error">{{PRODUCT_ERROR_TEXT}}</span>
{{/PRODUCT_ERROR}}
  </p>
{{#DSL_FIELDS}}
  <p class="field field-check{{#TAKEOVER_ERROR}} has-error{{/TAKEOVER_ERROR}}">
    <input id="takeover" name="takeover" type="checkbox" value="true"{{#TAKEOVER_CHECKED}} checked{{/TAKEOVER_CHECKED}}{{#TAKEOVER_ERROR}} aria-invalid="true" aria-describedby="takeover-error"{{/TAKEOVER_ERROR}}>
    <label for="takeover">[[Takeover]]</label>
{{#TAKEOVER_ERROR}}
    <span class="field-error" id="takeover-error">{{TAKEOVER_ERROR_TEXT}}</span>
{{/TAKEOVER_ERROR}}
  </p>
  <p class="field{{#TAKEOVER_CIRCUIT_ERROR}} has-error{{/TAKEOVER_CIRCUIT_ERROR}}">
    <label for="takeoverCircuit">[[Existing circuit]]</label>
    <input id="takeoverCircuit" name="takeoverCircuit" type="text" value="{{TAKEOVER_CIRCUIT}}"{{#TAKEOVER_CIRCUIT_ERROR}} aria-invalid="true" aria-describedby="takeoverCircuit-error"{{/TAKEOVER_CIRCUIT_ERROR}}>
{{#TAKEOVER_CIRCUIT_ERROR}}
    <span class="field-error" id="takeoverCircuit-error">{{TAKEOVER_CIRCUIT_ERROR_TEXT}}</span>
{{/TAKEOVER_CIRCUIT_ERROR}}
  </p>
  <p class="field{{#TAKEOVER_CUSTOMER_ERROR}} has-error{{/TAKEOVER_CUSTOMER_ERROR}}">
    <label for="takeoverCustomer">[[Customer id at the donor operator]]</label>
    <input id="takeoverCustomer" name="takeoverCustomer" type="text" value="{{TAKEOVER_CUSTOMER}}"{{#TAKEOVER_CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="takeoverCustomer-error"{{/TAKEOVER_CUSTOMER_ERROR}}>
{{#TAKEOVER_CUSTOMER_ERROR}}
    <span class="field-error" id="takeoverCustomer-error">{{TAKEOVER_CUSTOMER_ERROR_TEXT}}</span>
{{/TAKEOVER_CUSTOMER_ERROR}}
  </p>
{{/DSL_FIELDS}}
{{#FIBER_FIELDS}}
  <p class="field{{#IP_ERROR}} has-error{{/IP_ERROR}}">
    <label for="ipAddresses">[[IP addresses]]</label>
    <select id="ipAddresses" name="ipAddresses"{{#IP_ERROR}} aria-invalid="true" aria-describedby="ipAddresses-error"{{/IP_ERROR}}>
      <option value="">[[— none —]]</option>
{{#IP_OPTION}}
      <option value="{{IP_OPTION_VALUE}}"{{#IP_OPTION_SELECTED}} selected{{/IP_OPTION_SELECTED}}>{{IP_OPTION_LABEL}}</option>
{{/IP_OPTION}}
    </select>
{{#IP_ERROR}}
    <span class="field-error" id="ipAddresses-error">{{IP_ERROR_TEXT}}</span>
{{/IP_ERROR}}
  </p>
  <p class="field field-check{{#COMMITMENT1_ERROR}} has-error{{/COMMITMENT1_ERROR}}">
    <input id="commitment1" name="commitment1" type="checkbox" value="true"{{#COMMITMENT1_CHECKED}} checked{{/COMMITMENT1_CHECKED}}{{#COMMITMENT1_ERROR}} aria-invalid="true" aria-describedby="commitment1-error"{{/COMMITMENT1_ERROR}}>
    <label for="commitment1">[[Offer wanted with a 1-year commitment]]</label>
{{#COMMITMENT1_ERROR}}
    <span class="field-error" id="commitment1-error">{{COMMITMENT1_ERROR_TEXT}}</span>
{{/COMMITMENT1_ERROR}}
  </p>
  <p class="field field-check{{#COMMITMENT2_ERROR}} has-error{{/COMMITMENT2_ERROR}}">
    <input id="commitment2" name="commitment2" type="checkbox" value="true"{{#COMMITMENT2_CHECKED}} checked{{/COMMITMENT2_CHECKED}}{{#COMMITMENT2_ERROR}} aria-invalid="true" aria-describedby="commitment2-error"{{/COMMITMENT2_ERROR}}>
    <label for="commitment2">[[Offer wanted with a 2-year commitment]]</label>
{{#COMMITMENT2_ERROR}}
    <span class="field-error" id="commitment2-error">{{COMMITMENT2_ERROR_TEXT}}</span>
{{/COMMITMENT2_ERROR}}
  </p>
  <p class="field field-check{{#COMMITMENT3_ERROR}} has-error{{/COMMITMENT3_ERROR}}">
    <input id="commitment3" name="commitment3" type="checkbox" value="true"{{#COMMITMENT3_CHECKED}} checked{{/COMMITMENT3_CHECKED}}{{#COMMITMENT3_ERROR}} aria-invalid="true" aria-describedby="commitment3-error"{{/COMMITMENT3_ERROR}}>
    <label for="commitment3">[[Offer wanted with a 3-year commitment]]</label>
{{#COMMITMENT3_ERROR}}
    <span class="field-error" id="commitment3-error">{{COMMITMENT3_ERROR_TEXT}}</span>
{{/COMMITMENT3_ERROR}}
  </p>
{{/FIBER_FIELDS}}
  <p class="field{{#REFERENCE_ERROR}} has-error{{/REFERENCE_ERROR}}">
    <label for="reference">[[Reference]]</label>
    <input id="reference" name="reference" type="text" value="{{REFERENCE}}"{{#REFERENCE_ERROR}} aria-invalid="true" aria-describedby="reference-error"{{/REFERENCE_ERROR}}>
{{#REFERENCE_ERROR}}
    <span class="field-error" id="reference-error">{{REFERENCE_ERROR_TEXT}}</span>
{{/REFERENCE_ERROR}}
  </p>
  <p class="field{{#START_DATE_ERROR}} has-error{{/START_DATE_ERROR}}">
    <label for="startDate">[[Wanted delivery date]]</label>
    <input id="startDate" name="startDate" type="date" value="{{START_DATE}}"{{#START_DATE_ERROR}} aria-invalid="true" aria-describedby="startDate-error"{{/START_DATE_ERROR}}>
{{#START_DATE_ERROR}}
    <span class="field-error" id="startDate-error">{{START_DATE_ERROR_TEXT}}</span>
{{/START_DATE_ERROR}}
  </p>
  <p class="field{{#INSTALL_TIME_ERROR}} has-error{{/INSTALL_TIME_ERROR}}">
    <label for="installTime">[[Time window]]</label>
    <select id="installTime" name="installTime"{{#INSTALL_TIME_ERROR}} aria-invalid="true" aria-describedby="installTime-error"{{/INSTALL_TIME_ERROR}}>
      <option value="">[[— any —]]</option>
{{#TIME_OPTION}}
      <option value="{{TIME_OPTION_VALUE}}"{{#TIME_OPTION_SELECTED}} selected{{/TIME_OPTION_SELECTED}}>{{TIME_OPTION_LABEL}}</option>
{{/TIME_OPTION}}
    </select>
{{#INSTALL_TIME_ERROR}}
    <span class="field-error" id="installTime-error">{{INSTALL_TIME_ERROR_TEXT}}</span>
{{/INSTALL_TIME_ERROR}}
  </p>
  <p class="field{{#CALL_NAME_ERROR}} has-error{{/CALL_NAME_ERROR}}">
    <label for="installCallName">[[Contact the technician calls]]</label>
    <input id="installCallName" name="installCallName" type="text" value="{{CALL_NAME}}"{{#CALL_NAME_ERROR}} aria-invalid="true" aria-describedby="installCallName-error"{{/CALL_NAME_ERROR}}>
{{#CALL_NAME_ERROR}}
    <span class="field-error" id="installCallName-error">{{CALL_NAME_ERROR_TEXT}}</span>
{{/CALL_NAME_ERROR}}
  </p>
  <p class="field{{#CALL_NUMBER_ERROR}} has-error{{/CALL_NUMBER_ERROR}}">
    <label for="installCallNumber">[[Number called before arrival]]</label>
    <input id="installCallNumber" name="installCallNumber" type="tel" value="{{CALL_NUMBER}}"{{#CALL_NUMBER_ERROR}} aria-invalid="true" aria-describedby="installCallNumber-error"{{/CALL_NUMBER_ERROR}}>
{{#CALL_NUMBER_ERROR}}
    <span class="field-error" id="installCallNumber-error">{{CALL_NUMBER_ERROR_TEXT}}</span>
{{/CALL_NUMBER_ERROR}}
  </p>
  <fieldset class="notify{{#NOTIFY_ERROR}} has-error{{/NOTIFY_ERROR}}" id="notify"{{#NOTIFY_ERROR}} aria-invalid="true" aria-describedby="notify-error"{{/NOTIFY_ERROR}}>
    <legend>[[Employees told when the offers are saved]]</legend>
{{#NOTIFY_OPTION}}
    <label class="choice"><input type="checkbox" name="notify" value="{{NOTIFY_OPTION_VALUE}}"{{#NOTIFY_OPTION_CHECKED}} checked{{/NOTIFY_OPTION_CHECKED}}> {{NOTIFY_OPTION_LABEL}}</label>
{{/NOTIFY_OPTION}}
{{#NOTIFY_ERROR}}
    <span class="field-error" id="notify-error">{{NOTIFY_ERROR_TEXT}}</span>
{{/NOTIFY_ERROR}}
  </fieldset>
  <p class="field{{#NOTES_ERROR}} has-error{{/NOTES_ERROR}}">
    <label for="notes">[[Notes]]</label>
    <textarea id="notes" name="notes" rows="3"{{#NOTES_ERROR}} aria-invalid="true" aria-describedby="notes-error"{{/NOTES_ERROR}}>{{NOTES}}</textarea>
{{#NOTES_ERROR}}
    <span class="field-error" id="notes-error">{{NOTES_ERROR_TEXT}}</span>
{{/NOTES_ERROR}}
  </p>
  <h2>[[Offers]]</h2>
{{#SAVED}}
  <div class="table-wrap">
  <table class="saved-offers" id="saved-offers">
    <caption>[[The offers saved, as the customer reads them]]</caption>
    <thead><tr><th scope="col">[[Product]]</th><th scope="col">[[Provider]]</th><th scope="col">[[Per month]]</th><th scope="col">[[Initiation]]</th><th scope="col">[[Commitment]]</th></tr></thead>
    <tbody>
{{#SAVED_OFFER}}
      <tr><td>{{S_PRODUCT}}</td><td>{{S_PROVIDER}}</td><td class="price">{{S_MONTHLY}}</td><td class="price">{{S_INITIATION}}</td><td>{{S_COMMITMENT}}</td></tr>
{{/SAVED_OFFER}}
    </tbody>
  </table>
  </div>
{{/SAVED}}
  <p class="hint">[[One row per offer; empty rows are ignored. Saving with offers sets the answer date and tells the customer: the offers expire 30 days later.]]{{#DSL_FIELDS}} [[DSL offers carry no prices.]]{{/DSL_FIELDS}} [[Type amounts as you write numbers, such as {{AMOUNT_EXAMPLE}}.]]</p>
{{#OFFERS_ERROR}}
  <p class="field-error" id="offers-error">{{OFFERS_ERROR_TEXT}}</p>
{{/OFFERS_ERROR}}
  <div class="offer-rows" id="offer-rows">
{{#OFFER_ROW}}
    <fieldset class="offer-row" data-row="{{O_INDEX}}"{{#LOCKED}} disabled{{/LOCKED}}>
      <legend>{{O_LEGEND}}</legend>
      <input type="hidden" name="offers[{{O_INDEX}}]._id" value="{{O_ID}}">
{{#O_ID_ERROR}}
      <span class="field-error" id="offers[{{O_INDEX}}]._id-error">{{O_ID_ERROR_TEXT}}</span>
{{/O_ID_ERROR}}
      <p class="field{{#O_PRODUCT_ERROR}} has-error{{/O_PRODUCT_ERROR}}" data-name="product">
        <label for="offers[{{O_INDEX}}].product">[[Product]]</label>
        <select id="offers[{{O_INDEX}}].product" name="offers[{{O_INDEX}}].product"{{#O_PRODUCT_ERROR}} aria-invalid="true" aria-describedby="offers[{{O_INDEX}}].product-error"{{/O_PRODUCT_ERROR}}>
          <option value="">[[— choose —]]</option>
{{#O_PRODUCT_OPTION}}
          <option value="{{O_PRODUCT_OPTION_VALUE}}"{{#O_PRODUCT_OPTION_SELECTED}} selected{{/O_PRODUCT_OPTION_SELECTED}}>{{O_PRODUCT_OPTION_LABEL}}</option>
{{/O_PRODUCT_OPTION}}
        </select>
{{#O_PRODUCT_ERROR}}
        <span class="field-error" id="offers[{{O_INDEX}}].product-error">{{O_PRODUCT_ERROR_TEXT}}</span>
{{/O_PRODUCT_ERROR}}
      </p>
      <p class="field{{#O_FEE_ERROR}} has-error{{/O_FEE_ERROR}}" data-name="initiationFeeProduct">
        <label for="offers[{{O_INDEX}}].initiationFeeProduct">[[Initiation fee product]]</label>
        <select id="offers[{{O_INDEX}}].initiationFeeProduct" name="offers[{{O_INDEX}}].initiationFeeProduct"{{#O_FEE_ERROR}} aria-invalid="true" aria-describedby="offers[{{O_INDEX}}].initiationFeeProduct-error"{{/O_FEE_ERROR}}>
          <option value="">[[— none —]]</option>
{{#O_FEE_OPTION}}
          <option value="{{O_FEE_OPTION_VALUE}}"{{#O_FEE_OPTION_SELECTED}} selected{{/O_FEE_OPTION_SELECTED}}>{{O_FEE_OPTION_LABEL}}</option>
{{/O_FEE_OPTION}}
        </select>
{{#O_FEE_ERROR}}
        <span class="field-error" id="offers[{{O_INDEX}}].initiationFeeProduct-error">{{O_FEE_ERROR_TEXT}}</span>
{{/O_FEE_ERROR}}
      </p>
{{#O_INPUT}}
      <p class="field{{#OI_VALUE_ERROR}} has-error{{/OI_VALUE_ERROR}}" data-name="{{OI_NAME}}">
        <label for="offers[{{O_INDEX}}].{{OI_NAME}}">{{OI_LABEL}}{{#OI_UNIT}} <span class="unit">({{OI_CURRENCY}})</span>{{/OI_UNIT}}</label>
        <input id="offers[{{O_INDEX}}].{{OI_NAME}}" name="offers[{{O_INDEX}}].{{OI_NAME}}" type="text" inputmode="{{OI_MODE}}" value="{{OI_VALUE}}"{{#OI_VALUE_ERROR}} aria-invalid="true" aria-describedby="offers[{{O_INDEX}}].{{OI_NAME}}-error"{{/OI_VALUE_ERROR}}>
{{#OI_VALUE_ERROR}}
        <span class="field-error" id="offers[{{O_INDEX}}].{{OI_NAME}}-error">{{OI_VALUE_ERROR_TEXT}}</span>
{{/OI_VALUE_ERROR}}
      </p>
{{/O_INPUT}}
      <p class="row-actions"><button type="submit" name="remove" value="{{O_INDEX}}" class="button secondary remove-row">[[Remove this offer]]</button></p>
    </fieldset>
{{/OFFER_ROW}}
  </div>
  <p class="form-actions">
    <button type="submit" name="add" value="1" class="button secondary" id="add-row"{{#LOCKED}} disabled{{/LOCKED}}>[[Add an offer row]]</button>
    <button type="submit" name="save" value="1" class="button" id="save">[[Save the request and its offers]]</button>
  </p>
</form>
{{>CONVERSATION}}
<script src="/static/js/reqdesk-internet.js" defer></script>
