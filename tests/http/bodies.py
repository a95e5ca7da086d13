"""Request bodies shared by the tests and the benchmark."""

import workdays

# The primary contact of seed 001's full example.
PRIMARY_CONTACT = {
    "title": "M", "firstName": "Paul", "lastName": "LANGEL",
    "phone": "+33401010101", "mobile": "+33600200200",
    "email": "paul.langel@mycompany.com",
}


def disconnect_body(ref=None, service_point=None):
    """A valid R_BVPN_FR_1 (disconnection) body for ACME's site, requested
    for the earliest valid date."""
    body = {
        "requestedAt": workdays.earliest().isoformat(),
        "type": "R_BVPN_FR_1",
        "properties": {
            "servicePoint": dict(service_point or {"reference": "BVPN-ACME-0001"}),
            "contacts": {"primary": dict(PRIMARY_CONTACT)},
        },
    }
    if ref is not None:
        body["customerReference"] = ref
    return body
