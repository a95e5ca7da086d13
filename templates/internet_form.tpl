{{%AUTOESCAPE context="HTML"}}
{{! New Internet request (seed 002), included as BODY of layout.tpl. }}
{{! Each input KEY has the value KEY and the section KEY_ERROR (KEY_ERROR_TEXT: }}
{{! the problem in words, tied to the input by aria-describedby); choice }}
{{! sections S have rows S_VALUE, S_LABEL, S_SELECTED / S_CHECKED.  Parts }}
{{! marked data-only="DSL" or "FIBER" are hidden (and their inputs }}
{{! disabled) by reqdesk-internet.js for the other type; without }}
{{! JavaScript everything shows and the server's rules decide. }}
<p class="breadcrumb"><a href="/internet">[[Internet requests]]</a> › [[New]]</p>
<h1>[[New Internet request]]</h1>
<p class="lead">[[Ask whether DSL or fibre can be delivered at an address and at what price. The operator answers with offers; you then order one.]]</p>
{{#ERRORS}}
<div class="form-errors" role="alert" id="form-summary">
  <p>{{ERROR_COUNT_TEXT}}</p>
  <ul>
{{#ERROR}}
    <li>{{#ERROR_LINK}}<a href="#{{ERROR_HREF}}">{{ERROR_LABEL}}</a>: {{/ERROR_LINK}}{{#ERROR_NAME}}<strong>{{ERROR_LABEL}}</strong>: {{/ERROR_NAME}}{{ERROR_TEXT}}</li>
{{/ERROR}}
  </ul>
</div>
{{/ERRORS}}
<form class="form internet-form" method="post" action="/internet/new" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
{{#CUSTOMER_PICK}}
  <p class="field{{#CUSTOMER_ERROR}} has-error{{/CUSTOMER_ERROR}}{{#RESELLER_ERROR}} has-error{{/RESELLER_ERROR}}">
    <label for="customer">[[Customer]]</label>
    <select id="customer" name="customer"{{#CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="customer-error"{{/CUSTOMER_ERROR}}>
      <option value="">{{NO_CUSTOMER_LABEL}}</option>
{{#CUSTOMER_OPTION}}
      <option value="{{CUSTOMER_OPTION_VALUE}}"{{#CUSTOMER_OPTION_SELECTED}} selected{{/CUSTOMER_OPTION_SELECTED}}>{{CUSTOMER_OPTION_LABEL}}</option>
{{/CUSTOMER_OPTION}}
    </select>
{{#CUSTOMER_ERROR}}
    <span class="field-error" id="customer-error">{{CUSTOMER_ERROR_TEXT}}</span>
{{/CUSTOMER_ERROR}}
{{#RESELLER_ERROR}}
    <span class="field-error" id="reseller-error">{{RESELLER_ERROR_TEXT}}</span>
{{/RESELLER_ERROR}}
  </p>
{{/CUSTOMER_PICK}}
  <fieldset class="field type-choice{{#TYPE_ERROR}} has-error{{/TYPE_ERROR}}" data-type-choice="1">
    <legend>[[Technology]] <span class="required">[[(required)]]</span></legend>
{{#TYPE_OPTION}}
    <label class="choice"><input type="radio" name="type" id="type-{{TYPE_OPTION_VALUE}}" value="{{TYPE_OPTION_VALUE}}"{{#TYPE_OPTION_SELECTED}} checked{{/TYPE_OPTION_SELECTED}}{{#TYPE_ERROR}} aria-invalid="true" aria-describedby="type-error"{{/TYPE_ERROR}}> {{TYPE_OPTION_LABEL}}</label>
{{/TYPE_OPTION}}
{{#TYPE_ERROR}}
    <span class="field-error" id="type-error">{{TYPE_ERROR_TEXT}}</span>
{{/TYPE_ERROR}}
  </fieldset>
  <fieldset class="address{{#ADDRESS_ERROR}} has-error{{/ADDRESS_ERROR}}">
    <legend>[[Installation address]] <span class="required">[[(required)]]</span></legend>
{{#ADDRESS_ERROR}}
    <span class="field-error" id="address-error">{{ADDRESS_ERROR_TEXT}}</span>
{{/ADDRESS_ERROR}}
    <p class="field{{#ADDRESS_ID_ERROR}} has-error{{/ADDRESS_ID_ERROR}}">
      <label for="address._id">[[A known address]]</label>
      <select id="address._id" name="address._id"{{#ADDRESS_ID_ERROR}} aria-invalid="true" aria-describedby="address._id-error"{{/ADDRESS_ID_ERROR}}>
        <option value="">[[— a new address, typed below —]]</option>
{{#ADDRESS_OPTION}}
        <option value="{{ADDRESS_OPTION_VALUE}}"{{#ADDRESS_OPTION_SELECTED}} selected{{/ADDRESS_OPTION_SELECTED}}>{{ADDRESS_OPTION_LABEL}}</option>
{{/ADDRESS_OPTION}}
      </select>
{{#ADDRESS_ID_ERROR}}
      <span class="field-error" id="address._id-error">{{ADDRESS_ID_ERROR_TEXT}}</span>
{{/ADDRESS_ID_ERROR}}
    </p>
    <p class="field{{#ADDRESS_ADDRESS_ERROR}} has-error{{/ADDRESS_ADDRESS_ERROR}}">
      <label for="address.address">[[Road, number, floor, door]]</label>
      <input id="address.address" name="address.address" type="text" maxlength="256" value="{{ADDRESS_ADDRESS}}"{{#ADDRESS_ADDRESS_ERROR}} aria-invalid="true" aria-describedby="address.address-error"{{/ADDRESS_ADDRESS_ERROR}}>
{{#ADDRESS_ADDRESS_ERROR}}
      <span class="field-error" id="address.address-error">{{ADDRESS_ADDRESS_ERROR_TEXT}}</span>
{{/ADDRESS_ADDRESS_ERROR}}
    </p>
    <p class="field{{#ADDRESS_ZIP_ERROR}} has-error{{/ADDRESS_ZIP_ERROR}}">
      <label for="address.zip">[[Zip code]]</label>
      <input id="address.zip" name="address.zip" type="text" inputmode="numeric" maxlength="16" value="{{ADDRESS_ZIP}}"{{#ADDRESS_ZIP_ERROR}} aria-invalid="true" aria-describedby="address.zip-error"{{/ADDRESS_ZIP_ERROR}}>
{{#ADDRESS_ZIP_ERROR}}
      <span class="field-error" id="address.zip-error">{{ADDRESS_ZIP_ERROR_TEXT}}</span>
{{/ADDRESS_ZIP_ERROR}}
    </p>
    <p class="field{{#ADDRESS_CITY_ERROR}} has-error{{/ADDRESS_CITY_ERROR}}">
      <label for="address.city">[[City]]</label>
      <input id="address.city" name="address.city" type="text" maxlength="128" value="{{ADDRESS_CITY}}"{{#ADDRESS_CITY_ERROR}} aria-invalid="true" aria-describedby="address.city-error"{{/ADDRESS_CITY_ERROR}}>
{{#ADDRESS_CITY_ERROR}}
      <span class="field-error" id="address.city-error">{{ADDRESS_CITY_ERROR_TEXT}}</span>
{{/ADDRESS_CITY_ERROR}}
    </p>
  </fieldset>
  <fieldset class="address{{#ADDRESS2_ERROR}} has-error{{/ADDRESS2_ERROR}}" data-only="FIBER">
    <legend>[[Second address]] <span class="hint">[[(fibre point-to-point only; optional)]]</span></legend>
{{#ADDRESS2_ERROR}}
    <span class="field-error" id="address2-error">{{ADDRESS2_ERROR_TEXT}}</span>
{{/ADDRESS2_ERROR}}
    <p class="field{{#ADDRESS2_ID_ERROR}} has-error{{/ADDRESS2_ID_ERROR}}">
      <label for="address2._id">[[A known address]]</label>
      <select id="address2._id" name="address2._id"{{#ADDRESS2_ID_ERROR}} aria-invalid="true" aria-describedby="address2._id-error"{{/ADDRESS2_ID_ERROR}}>
        <option value="">[[— none, or typed below —]]</option>
{{#ADDRESS2_OPTION}}
        <option value="{{ADDRESS2_OPTION_VALUE}}"{{#ADDRESS2_OPTION_SELECTED}} selected{{/ADDRESS2_OPTION_SELECTED}}>{{ADDRESS2_OPTION_LABEL}}</option>
{{/ADDRESS2_OPTION}}
      </select>
{{#ADDRESS2_ID_ERROR}}
      <span class="field-error" id="address2._id-error">{{ADDRESS2_ID_ERROR_TEXT}}</span>
{{/ADDRESS2_ID_ERROR}}
    </p>
    <p class="field{{#ADDRESS2_ADDRESS_ERROR}} has-error{{/ADDRESS2_ADDRESS_ERROR}}">
      <label for="address2.address">[[Road, number, floor, door]]</label>
      <input id="address2.address" name="address2.address" type="text" maxlength="256" value="{{ADDRESS2_ADDRESS}}"{{#ADDRESS2_ADDRESS_ERROR}} aria-invalid="true" aria-describedby="address2.address-error"{{/ADDRESS2_ADDRESS_ERROR}}>
{{#ADDRESS2_ADDRESS_ERROR}}
      <span class="field-error" id="address2.address-error">{{ADDRESS2_ADDRESS_ERROR_TEXT}}</span>
{{/ADDRESS2_ADDRESS_ERROR}}
    </p>
    <p class="field{{#ADDRESS2_ZIP_ERROR}} has-error{{/ADDRESS2_ZIP_ERROR}}">
      <label for="address2.zip">[[Zip code]]</label>
      <input id="address2.zip" name="address2.zip" type="text" inputmode="numeric" maxlength="16" value="{{ADDRESS2_ZIP}}"{{#ADDRESS2_ZIP_ERROR}} aria-invalid="true" aria-describedby="address2.zip-error"{{/ADDRESS2_ZIP_ERROR}}>
{{#ADDRESS2_ZIP_ERROR}}
      <span class="field-error" id="address2.zip-error">{{ADDRESS2_ZIP_ERROR_TEXT}}</span>
{{/ADDRESS2_ZIP_ERROR}}
    </p>
    <p class="field{{#ADDRESS2_CITY_ERROR}} has-error{{/ADDRESS2_CITY_ERROR}}">
      <label for="address2.city">[[City]]</label>
      <input id="address2.city" name="address2.city" type="text" maxlength="128" value="{{ADDRESS2_CITY}}"{{#ADDRESS2_CITY_ERROR}} aria-invalid="true" aria-describedby="address2.city-error"{{/ADDRESS2_CITY_ERROR}}>
{{#ADDRESS2_CITY_ERROR}}
      <span class="field-error" id="address2.city-error">{{ADDRESS2_CITY_ERROR_TEXT}}</span>
{{/ADDRESS2_CITY_ERROR}}
    </p>
  </fieldset>
  <p class="field{{#PRODUCT_ERROR}} has-error{{/PRODUCT_ERROR}}">
    <label for="product">[[Wanted product]] <span class="hint">[[(optional)]]</span></label>
    <select id="product" name="product"{{#PRODUCT_ERROR}} aria-invalid="true" aria-describedby="product-error"{{/PRODUCT_ERROR}}>
      <option value="">[[— no preference —]]</option>
{{#PRODUCT_OPTION}}
      <option value="{{PRODUCT_OPTION_VALUE}}" data-type="{{PRODUCT_OPTION_TYPE}}"{{#PRODUCT_OPTION_SELECTED}} selected{{/PRODUCT_OPTION_SELECTED}}>{{PRODUCT_OPTION_LABEL}}</option>
{{/PRODUCT_OPTION}}
    </select>
{{#PRODUCT_ERROR}}
    <span class="field-error" id="product-error">{{PRODUCT_ERROR_TEXT}}</span>
{{/PRODUCT_ERROR}}
  </p>
  <fieldset data-only="DSL">
    <legend>[[Takeover]] <span class="hint">[[(DSL only)]]</span></legend>
    <p class="field field-check{{#TAKEOVER_ERROR}} has-error{{/TAKEOVER_ERROR}}">
      <input id="takeover" name="takeover" type="checkbox" value="true"{{#TAKEOVER_CHECKED}} checked{{/TAKEOVER_CHECKED}}{{#TAKEOVER_ERROR}} aria-invalid="true" aria-describedby="takeover-error"{{/TAKEOVER_ERROR}}>
      <label for="takeover">[[Take over an existing line from another operator]]</label>
{{#TAKEOVER_ERROR}}
      <span class="field-error" id="takeover-error">{{TAKEOVER_ERROR_TEXT}}</span>
{{/TAKEOVER_ERROR}}
    </p>
    <p class="field{{#TAKEOVER_CIRCUIT_ERROR}} has-error{{/TAKEOVER_CIRCUIT_ERROR}}">
      <label for="takeoverCircuit">[[Existing circuit]]</label>
      <input id="takeoverCircuit" name="takeoverCircuit" type="text" maxlength="64" value="{{TAKEOVER_CIRCUIT}}"{{#TAKEOVER_CIRCUIT_ERROR}} aria-invalid="true" aria-describedby="takeoverCircuit-error"{{/TAKEOVER_CIRCUIT_ERROR}}>
{{#TAKEOVER_CIRCUIT_ERROR}}
      <span class="field-error" id="takeoverCircuit-error">{{TAKEOVER_CIRCUIT_ERROR_TEXT}}</span>
{{/TAKEOVER_CIRCUIT_ERROR}}
    </p>
    <p class="field{{#TAKEOVER_CUSTOMER_ERROR}} has-error{{/TAKEOVER_CUSTOMER_ERROR}}">
      <label for="takeoverCustomer">[[Customer id at the donor operator]]</label>
      <input id="takeoverCustomer" name="takeoverCustomer" type="text" maxlength="64" value="{{TAKEOVER_CUSTOMER}}"{{#TAKEOVER_CUSTOMER_ERROR}} aria-invalid="true" aria-describedby="takeoverCustomer-error"{{/TAKEOVER_CUSTOMER_ERROR}}>
{{#TAKEOVER_CUSTOMER_ERROR}}
      <span class="field-error" id="takeoverCustomer-error">{{TAKEOVER_CUSTOMER_ERROR_TEXT}}</span>
{{/TAKEOVER_CUSTOMER_ERROR}}
    </p>
  </fieldset>
  <fieldset data-only="FIBER">
    <legend>[[Fibre]] <span class="hint">[[(fibre only)]]</span></legend>
    <p class="field{{#IP_ERROR}} has-error{{/IP_ERROR}}">
      <label for="ipAddresses">[[IP addresses]] <span class="required">[[(required for fibre)]]</span></label>
      <select id="ipAddresses" name="ipAddresses"{{#IP_ERROR}} aria-invalid="true" aria-describedby="ipAddresses-error"{{/IP_ERROR}}>
        <option value="">[[— choose —]]</option>
{{#IP_OPTION}}
        <option value="{{IP_OPTION_VALUE}}"{{#IP_OPTION_SELECTED}} selected{{/IP_OPTION_SELECTED}}>{{IP_OPTION_LABEL}}</option>
{{/IP_OPTION}}
      </select>
{{#IP_ERROR}}
      <span class="field-error" id="ipAddresses-error">{{IP_ERROR_TEXT}}</span>
{{/IP_ERROR}}
    </p>
    <p class="field field-check">
      <input id="commitment1" name="commitment1" type="checkbox" value="true"{{#COMMITMENT1_CHECKED}} checked{{/COMMITMENT1_CHECKED}}{{#COMMITMENT1_ERROR}} aria-invalid="true" aria-describedby="commitment1-error"{{/COMMITMENT1_ERROR}}>
      <label for="commitment1">[[An offer with a 1-year commitment]]</label>
{{#COMMITMENT1_ERROR}}<span class="field-error" id="commitment1-error">{{COMMITMENT1_ERROR_TEXT}}</span>{{/COMMITMENT1_ERROR}}
    </p>
    <p class="field field-check">
      <input id="commitment2" name="commitment2" type="checkbox" value="true"{{#COMMITMENT2_CHECKED}} checked{{/COMMITMENT2_CHECKED}}{{#COMMITMENT2_ERROR}} aria-invalid="true" aria-describedby="commitment2-error"{{/COMMITMENT2_ERROR}}>
      <label for="commitment2">[[An offer with a 2-year commitment]]</label>
{{#COMMITMENT2_ERROR}}<span class="field-error" id="commitment2-error">{{COMMITMENT2_ERROR_TEXT}}</span>{{/COMMITMENT2_ERROR}}
    </p>
    <p class="field field-check">
      <input id="commitment3" name="commitment3" type="checkbox" value="true"{{#COMMITMENT3_CHECKED}} checked{{/COMMITMENT3_CHECKED}}{{#COMMITMENT3_ERROR}} aria-invalid="true" aria-describedby="commitment3-error"{{/COMMITMENT3_ERROR}}>
      <label for="commitment3">[[An offer with a 3-year commitment]]</label>
{{#COMMITMENT3_ERROR}}<span class="field-error" id="commitment3-error">{{COMMITMENT3_ERROR_TEXT}}</span>{{/COMMITMENT3_ERROR}}
    </p>
  </fieldset>
  <p class="field{{#REFERENCE_ERROR}} has-error{{/REFERENCE_ERROR}}">
    <label for="reference">[[Your reference]] <span class="hint">[[(optional)]]</span></label>
    <input id="reference" name="reference" type="text" maxlength="256" value="{{REFERENCE}}"{{#REFERENCE_ERROR}} aria-invalid="true" aria-describedby="reference-error"{{/REFERENCE_ERROR}}>
{{#REFERENCE_ERROR}}
    <span class="field-error" id="reference-error">{{REFERENCE_ERROR_TEXT}}</span>
{{/REFERENCE_ERROR}}
  </p>
  <p class="field{{#START_DATE_ERROR}} has-error{{/START_DATE_ERROR}}">
    <label for="startDate">[[Wanted delivery date]] <span class="hint">[[(optional: as soon as possible; from one month ago to six months ahead)]]</span></label>
    <input id="startDate" name="startDate" type="date" value="{{START_DATE}}"{{#START_DATE_ERROR}} aria-invalid="true" aria-describedby="startDate-error"{{/START_DATE_ERROR}}>
{{#START_DATE_ERROR}}
    <span class="field-error" id="startDate-error">{{START_DATE_ERROR_TEXT}}</span>
{{/START_DATE_ERROR}}
  </p>
  <p class="field{{#INSTALL_TIME_ERROR}} has-error{{/INSTALL_TIME_ERROR}}">
    <label for="installTime">[[Time window of the installation]]</label>
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
    <input id="installCallName" name="installCallName" type="text" maxlength="128" value="{{CALL_NAME}}"{{#CALL_NAME_ERROR}} aria-invalid="true" aria-describedby="installCallName-error"{{/CALL_NAME_ERROR}}>
{{#CALL_NAME_ERROR}}
    <span class="field-error" id="installCallName-error">{{CALL_NAME_ERROR_TEXT}}</span>
{{/CALL_NAME_ERROR}}
  </p>
  <p class="field{{#CALL_NUMBER_ERROR}} has-error{{/CALL_NUMBER_ERROR}}">
    <label for="installCallNumber">[[Number called 30 minutes before arrival]]</label>
    <input id="installCallNumber" name="installCallNumber" type="tel" maxlength="32" value="{{CALL_NUMBER}}"{{#CALL_NUMBER_ERROR}} aria-invalid="true" aria-describedby="installCallNumber-error"{{/CALL_NUMBER_ERROR}}>
{{#CALL_NUMBER_ERROR}}
    <span class="field-error" id="installCallNumber-error">{{CALL_NUMBER_ERROR_TEXT}}</span>
{{/CALL_NUMBER_ERROR}}
  </p>
  <fieldset class="notify{{#NOTIFY_ERROR}} has-error{{/NOTIFY_ERROR}}" id="notify"{{#NOTIFY_ERROR}} aria-describedby="notify-error"{{/NOTIFY_ERROR}}>
    <legend>[[People to tell]] <span class="hint">[[(by e-mail, when offers arrive)]]</span></legend>
{{#NOTIFY_OPTION}}
    <label class="choice"><input type="checkbox" name="notify" value="{{NOTIFY_OPTION_VALUE}}"{{#NOTIFY_OPTION_CHECKED}} checked{{/NOTIFY_OPTION_CHECKED}}> {{NOTIFY_OPTION_LABEL}}</label>
{{/NOTIFY_OPTION}}
{{#NOTIFY_ERROR}}
    <span class="field-error" id="notify-error">{{NOTIFY_ERROR_TEXT}}</span>
{{/NOTIFY_ERROR}}
  </fieldset>
  <p class="field{{#NOTES_ERROR}} has-error{{/NOTES_ERROR}}">
    <label for="notes">[[Notes]] <span class="hint">[[(at most 4096 characters)]]</span></label>
    <textarea id="notes" name="notes" rows="4"{{#NOTES_ERROR}} aria-invalid="true" aria-describedby="notes-error"{{/NOTES_ERROR}}>{{NOTES:pre_escape}}</textarea>
{{#NOTES_ERROR}}
    <span class="field-error" id="notes-error">{{NOTES_ERROR_TEXT}}</span>
{{/NOTES_ERROR}}
  </p>
  <p class="form-actions"><button type="submit" class="button">[[Send the request]]</button> <a href="/internet">[[Cancel]]</a></p>
</form>
<script src="/static/js/reqdesk-internet.js" defer></script>
